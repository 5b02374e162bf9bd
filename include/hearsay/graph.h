// graph: mint content-derived IRIs and the article's statements (DESIGN.md vocabulary).
#ifndef HEARSAY_GRAPH_H_
#define HEARSAY_GRAPH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"

namespace hearsay {

// An RDF term. IRIs are absolute; literals carry a datatype IRI or none (plain string).
struct Term {
  enum class Kind { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;
  std::string datatype;  // absolute IRI, or empty for xsd:string

  static Term Iri(std::string iri) { return {Kind::kIri, std::move(iri), {}}; }
  static Term Literal(std::string text, std::string datatype = {}) {
    return {Kind::kLiteral, std::move(text), std::move(datatype)};
  }
  // By kind, value, then datatype.
  friend bool operator<(const Term& a, const Term& b);
  friend bool operator==(const Term& a, const Term& b);
};

// One article's statements. Each distinct term is stored once, and statements refer to terms
// by index: an article repeats its IRIs hundreds of times, and comparing, serializing or loading
// a term once is what keeps large batches fast.
struct Graph {
  struct Statement {
    uint32_t subject;  // indexes into terms
    uint32_t predicate;
    uint32_t object;
    friend bool operator==(const Statement& a, const Statement& b) {
      return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object;
    }
  };

  std::string document_iri;  // also the graph name in N-Quads
  std::vector<Term> terms;   // sorted and unique, so term order is index order
  // Sorted without duplicates, so subjects are grouped: by subject, then rdf:type first (Turtle
  // reads "x a T ; ..."), then by predicate and object.
  std::vector<Statement> statements;

  const Term& subject(const Statement& s) const { return terms[s.subject]; }
  const Term& predicate(const Statement& s) const { return terms[s.predicate]; }
  const Term& object(const Statement& s) const { return terms[s.object]; }
};

// Collects statements in any order, interning their terms; Finish sorts and deduplicates.
class GraphBuilder {
 public:
  GraphBuilder();
  ~GraphBuilder();
  GraphBuilder(const GraphBuilder&) = delete;
  GraphBuilder& operator=(const GraphBuilder&) = delete;

  uint32_t Intern(Term term);
  void Add(Term subject, Term predicate, Term object);
  void Add(uint32_t subject, uint32_t predicate, uint32_t object);
  const Term& term(uint32_t id) const;  // of an id Intern returned

  // The graph, and the builder empty again.
  Graph Finish(std::string document_iri);

 private:
  struct Table;
  std::unique_ptr<Table> table_;
};

// Namespaces of the output vocabulary (DESIGN.md), most specific first.
struct Namespace {
  const char* prefix;
  const char* iri;
};
const std::vector<Namespace>& OutputNamespaces();

// Lower-case hex SHA-256 of `bytes` (OpenSSL).
std::string Sha256Hex(std::string_view bytes);

struct GraphOptions {
  // State the article text itself (nif:isString on the article), so that a consumer can read
  // every mention's characters from the graph alone. Off by default: it doubles the output.
  bool text = false;
};

// The article's statements in the DESIGN.md vocabulary.
Graph BuildGraph(const Document& doc, const Analysis& analysis, const GraphOptions& options = {});

}  // namespace hearsay

#endif  // HEARSAY_GRAPH_H_

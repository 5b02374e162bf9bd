// graph: mint content-derived IRIs and the article's statements (DESIGN.md vocabulary).
#ifndef HEARSAY_GRAPH_H_
#define HEARSAY_GRAPH_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"

namespace hearsay {

// An RDF term. IRIs are absolute; literals carry a datatype IRI or none (plain string).
// A term views characters it does not own: a Graph's terms view the graph's storage, and a term
// handed to GraphBuilder is copied, so it need only live for the call.
struct Term {
  enum class Kind : uint8_t { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string_view value;
  std::string_view datatype;  // absolute IRI, or empty for xsd:string

  static Term Iri(std::string_view iri) { return {Kind::kIri, iri, {}}; }
  static Term Literal(std::string_view text, std::string_view datatype = {}) {
    return {Kind::kLiteral, text, datatype};
  }
  // By kind, value, then datatype.
  friend bool operator<(const Term& a, const Term& b);
  friend bool operator==(const Term& a, const Term& b);
};

// One article's statements. Each distinct term is stored once, and statements refer to terms
// by index: an article repeats its IRIs hundreds of times, and comparing, serializing or loading
// a term once is what keeps large batches fast.
struct Graph {
  Graph() = default;
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;
  Graph(const Graph&) = delete;  // the terms would view the other graph's storage
  Graph& operator=(const Graph&) = delete;

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
  // The characters the terms view, each value and datatype followed by a NUL (Serd and Sord read
  // C strings). Blocks, so that a term's characters never move while the graph is built.
  std::vector<std::unique_ptr<char[]>> storage;

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

  // Room for about this many terms and statements, so that tables do not grow while building.
  void Reserve(size_t terms, size_t statements);
  // The term's id; its characters are copied when it is new.
  uint32_t Intern(const Term& term);
  void Add(const Term& subject, const Term& predicate, const Term& object);
  void Add(uint32_t subject, uint32_t predicate, uint32_t object);
  // Of an id Intern returned; its characters stay put until the graph they go to is freed.
  Term term(uint32_t id) const;

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

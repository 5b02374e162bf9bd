// graph: mint content-derived IRIs and the article's statements (DESIGN.md vocabulary).
#ifndef HEARSAY_GRAPH_H_
#define HEARSAY_GRAPH_H_

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
  friend bool operator<(const Term& a, const Term& b);
  friend bool operator==(const Term& a, const Term& b);
};

struct Triple {
  Term subject;
  Term predicate;
  Term object;
  friend bool operator<(const Triple& a, const Triple& b);
  friend bool operator==(const Triple& a, const Triple& b);
};

// One article's statements: sorted, without duplicates, so subjects are grouped.
struct Graph {
  std::string document_iri;  // also the graph name in N-Quads
  std::vector<Triple> triples;
};

// Namespaces of the output vocabulary (DESIGN.md), most specific first.
struct Namespace {
  const char* prefix;
  const char* iri;
};
const std::vector<Namespace>& OutputNamespaces();

// Lower-case hex SHA-256 of `bytes` (OpenSSL).
std::string Sha256Hex(std::string_view bytes);

Graph BuildGraph(const Document& doc, const Analysis& analysis);

}  // namespace hearsay

#endif  // HEARSAY_GRAPH_H_

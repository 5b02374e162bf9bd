// serialize: statements through Serd as Turtle, N-Triples or N-Quads.
//
// Each article serializes on its own (so batches stream and workers run in parallel); a
// Turtle stream starts with Prologue() once.
#ifndef HEARSAY_SERIALIZE_H_
#define HEARSAY_SERIALIZE_H_

#include <memory>
#include <string>
#include <string_view>

#include "hearsay/graph.h"
#include "hearsay/status.h"

namespace hearsay {

// JSON-LD is written as one document: {"@context": ..., "@graph": [nodes of every article]},
// with a context that names our terms after schema.org so schema:ClaimReview data can point at
// the claims.
enum class OutputFormat { kTurtle, kNTriples, kNQuads, kJsonLd };

// Parses "turtle", "ntriples", "nquads", "jsonld" (and "ttl", "nt", "nq").
bool ParseOutputFormat(std::string_view name, OutputFormat* out);

// What a stream starts with: @prefix lines for Turtle, the context for JSON-LD; else empty.
std::string Prologue(OutputFormat format);

// What a stream ends with (closes the JSON-LD graph); else empty.
std::string Epilogue(OutputFormat format);

// What goes between two non-empty articles of a stream (a comma in JSON-LD).
std::string_view Separator(OutputFormat format);

// The statements of one graph, grouped by subject in Turtle; in N-Quads each statement
// carries graph.document_iri as its graph name.
std::string Serialize(const Graph& graph, OutputFormat format);

// One deduplicated Turtle document for a whole batch, through a Sord model: each subject's
// statements together even when many articles mention it. Memory grows with the graph, so
// line-based formats (merged later with `sort -u`) suit huge batches better.
class MergedTurtle {
 public:
  MergedTurtle();
  ~MergedTurtle();
  MergedTurtle(const MergedTurtle&) = delete;
  MergedTurtle& operator=(const MergedTurtle&) = delete;

  void Add(const Graph& graph);
  size_t size() const;
  // The document, with its prefixes.
  std::string Finish();

 private:
  struct Model;
  std::unique_ptr<Model> model_;
};

// Parses `text` strictly with Serd (for tests and self-checks): Ok, or the parser's error.
Status ParseStrict(std::string_view text, OutputFormat format, size_t* statements);

}  // namespace hearsay

#endif  // HEARSAY_SERIALIZE_H_

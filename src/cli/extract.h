// `hearsay extract`: inputs -> articles -> pipeline on all cores -> RDF, in input order.
#ifndef HEARSAY_CLI_EXTRACT_H_
#define HEARSAY_CLI_EXTRACT_H_

#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/graph.h"
#include "hearsay/ingest.h"
#include "hearsay/serialize.h"

namespace hearsay::cli {

struct ExtractOptions {
  ArticleMeta meta;  // from --date --publisher --url --title
  OutputFormat format = OutputFormat::kTurtle;
  std::string output = "-";
  unsigned jobs = 0;       // 0: all cores
  bool render = false;     // `hearsay render`: an HTML page per article instead of RDF
  std::string render_dir;  // where the pages go ("" with render: standard output)
  bool merge = false;      // one deduplicated Turtle document (Sord) instead of a stream
  bool quiet = false;
  bool progress = false;  // a progress line on standard error (default: when it is a terminal)
  std::string ontology_dir;
  uint64_t max_bytes = 64ull << 20;
  std::vector<std::string> inputs;
  InputFormat stdin_format = InputFormat::kText;  // how "-" is read (--stdin)
  GraphOptions graph;                             // --text
};

// Runs the extraction; returns the process exit status (0 all good, 1 some input failed,
// 2 nothing could run).
int RunExtract(const ExtractOptions& options);

}  // namespace hearsay::cli

#endif  // HEARSAY_CLI_EXTRACT_H_

#include "hearsay/ingest.h"

namespace hearsay {

InputFormat FormatFromPath(std::string_view) { return InputFormat::kText; }
size_t FindInvalidUtf8(std::string_view) { return std::string_view::npos; }
IngestResult IngestText(std::string_view bytes, const std::string& origin, ArticleMeta meta) {
  return Document{origin, std::move(meta), std::string(bytes)};
}
IngestResult IngestJsonlRecord(std::string_view line, const std::string& origin, uint64_t,
                               const ArticleMeta& defaults) {
  return IngestText(line, origin, defaults);
}

}  // namespace hearsay

#include "hearsay/ingest.h"

namespace hearsay {

IngestResult IngestHtml(std::string_view bytes, const std::string& origin, ArticleMeta meta) {
  return IngestText(bytes, origin, std::move(meta));
}

}  // namespace hearsay

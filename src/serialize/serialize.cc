#include "hearsay/serialize.h"

namespace hearsay {
bool ParseOutputFormat(std::string_view, OutputFormat*) { return false; }
std::string Prologue(OutputFormat) { return {}; }
std::string Serialize(const Graph&, OutputFormat) { return {}; }
Status ParseStrict(std::string_view, OutputFormat, size_t*) { return Status::Ok(); }
}  // namespace hearsay

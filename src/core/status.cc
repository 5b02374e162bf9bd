#include "hearsay/status.h"

namespace hearsay {

std::string Diagnostic::ToString() const {
  std::string out = origin;
  if (line > 0) out += ":" + std::to_string(line);
  if (has_offset) out += ": byte " + std::to_string(byte_offset);
  out += severity == Severity::kError ? ": error: " : ": warning: ";
  out += message;
  return out;
}

}  // namespace hearsay

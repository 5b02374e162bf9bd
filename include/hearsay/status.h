// Errors as values (no exceptions cross the API) and diagnostics for the user.
#ifndef HEARSAY_STATUS_H_
#define HEARSAY_STATUS_H_

#include <cstdint>
#include <string>
#include <utility>

namespace hearsay {

// Success, or a message saying what failed and where.
class Status {
 public:
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return message_.empty(); }
  const std::string& message() const { return message_; }

 private:
  Status() = default;
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::string message_;
};

enum class Severity { kWarning, kError };

// One message for the user about one input: "origin:line: byte N: message".
// line and byte_offset are 0 when unknown (byte offsets are 0-based, shown as is).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string origin;  // file name, or "-" for standard input
  uint64_t line = 0;   // 1-based line (JSONL record), 0 if not applicable
  uint64_t byte_offset = 0;
  bool has_offset = false;
  std::string message;

  std::string ToString() const;
};

}  // namespace hearsay

#endif  // HEARSAY_STATUS_H_

// ingest: bytes of one input (plain text, HTML, a JSONL record) -> Document.
//
// Ingest never touches files: the CLI reads them and hands the bytes over. Input that is not
// valid UTF-8, holds NUL bytes, looks binary or is empty is rejected with a Diagnostic that
// names the origin and the byte offset.
#ifndef HEARSAY_INGEST_H_
#define HEARSAY_INGEST_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

enum class InputFormat { kText, kHtml, kJsonl };

// By file name extension: .jsonl/.ndjson -> JSONL, .html/.htm -> HTML, anything else -> text.
InputFormat FormatFromPath(std::string_view path);

// Either a document or the reason there is none.
using IngestResult = std::variant<Document, Diagnostic>;

// A plain-text article, its bytes kept as they are (offsets refer to them). `meta` comes from
// the command line (a missing date is filled later from a dateline: CompleteMetadata).
IngestResult IngestText(std::string_view bytes, const std::string& origin, ArticleMeta meta);

// An HTML page: article body text and metadata (<meta>, JSON-LD, <time>).
IngestResult IngestHtml(std::string_view bytes, const std::string& origin, ArticleMeta meta);

// One JSONL record (one line, without its newline). Field names of common news crawls:
// url, title, text|maintext, date|date_publish, publisher|source_domain. Values in `defaults`
// fill fields the record lacks. `line` is 1-based, for diagnostics.
IngestResult IngestJsonlRecord(std::string_view line_bytes, const std::string& origin,
                               uint64_t line, const ArticleMeta& defaults);

// The calendar day of "2019-01-07", "2019-01-07T10:00:00Z" or "2019-01-07 10:00:00", checked
// against the calendar (no February 30).
bool NormalizeDate(std::string_view text, std::string* out);

// Offset of the first byte that is not valid UTF-8 (or is NUL), or npos if all is well.
size_t FindInvalidUtf8(std::string_view bytes);

}  // namespace hearsay

#endif  // HEARSAY_INGEST_H_

// A small, strict JSON reader for news-crawl records (RFC 8259), used by JSONL ingest.
// Internal to the ingest stage.
#ifndef HEARSAY_INGEST_JSON_H_
#define HEARSAY_INGEST_JSON_H_

#include <map>
#include <string>
#include <string_view>

namespace hearsay::json {

// The top-level object of a record: string and number members as text; nested objects and
// arrays are checked for syntax and skipped, except `publisher`-like objects' "name".
struct Record {
  std::map<std::string, std::string> fields;
};

// Parses one object. On error returns false and sets *error_offset (byte offset in `text`)
// and *error to a short description.
bool ParseRecord(std::string_view text, Record* out, size_t* error_offset, std::string* error);

}  // namespace hearsay::json

#endif  // HEARSAY_INGEST_JSON_H_

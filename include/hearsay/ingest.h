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
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

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

// What tells an article from the page around it: element, class/id, role and itemprop hints
// and text cues (ontology/html-boilerplate.tsv), and the stop words of the text-density test
// (ontology/html-stopwords.tsv).
class HtmlLexicon {
 public:
  enum class Verdict { kNeutral, kSkip, kDrop, kContent };

  static Status Load(const std::string& dir, HtmlLexicon* out);

  // Arguments are lower case.
  Verdict ForTag(std::string_view tag) const;
  Verdict ForToken(std::string_view token) const;
  Verdict ForRole(std::string_view role) const;
  Verdict ForItemprop(std::string_view itemprop) const;
  // True if a block's text (lower case, whitespace normalized) is an appeal, a notice or a
  // label of page furniture.
  bool IsBoilerplateText(std::string_view text) const;
  bool IsStopWord(std::string_view word) const;

 private:
  std::unordered_map<std::string, Verdict> tags_;
  std::unordered_map<std::string, Verdict> tokens_;
  std::vector<std::pair<std::string, Verdict>> token_prefixes_;
  std::unordered_map<std::string, Verdict> roles_;
  std::unordered_map<std::string, Verdict> itemprops_;
  std::vector<std::string> cues_;
  std::unordered_set<std::string> lines_;
  std::unordered_set<std::string> stopwords_;
};

// An HTML page: the article's body text (title first, one paragraph per text block, blocks
// separated by blank lines; navigation, boxes, appeals and lists left out) and metadata
// (<meta>, JSON-LD, <time>, <link rel=canonical>, <title>). Fields set in `meta` win.
IngestResult IngestHtml(std::string_view bytes, const std::string& origin, ArticleMeta meta,
                        const HtmlLexicon& lexicon);

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

// An HTML page read into text blocks, candidate regions and metadata sources (Gumbo).
#ifndef HEARSAY_INGEST_HTML_PAGE_H_
#define HEARSAY_INGEST_HTML_PAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/ingest.h"

namespace hearsay::html {

// An element's extent as preorder numbers of elements: [begin, end).
struct Region {
  uint32_t begin = 0;
  uint32_t end = 0;
  // Characters of text outside links inside it, leaving out regions dropped inside it.
  size_t text_chars = 0;

  bool Contains(uint32_t element) const { return begin <= element && element < end; }
};

// A run of text between two block boundaries (block-level elements, double <br>).
struct TextBlock {
  std::string text;             // entities decoded, whitespace collapsed, trimmed
  size_t chars = 0;             // code points of `text`
  size_t link_chars = 0;        // code points inside <a>
  int heading_level = 0;        // 1..6 inside <h1>..<h6>, else 0
  uint32_t element = 0;         // preorder number of the innermost element around it
  std::vector<uint32_t> drops;  // indices into Page::drops of the regions around it
};

// A <time datetime="..."> element.
struct TimeElement {
  std::string datetime;
  bool published = false;  // pubdate attribute or itemprop="datePublished"
  uint32_t element = 0;
  std::vector<uint32_t> drops;
};

struct Page {
  std::vector<TextBlock> blocks;   // in document order
  std::vector<Region> candidates;  // elements that may hold the article body
  std::vector<Region> drops;       // page furniture (navigation, boxes, lists)
  std::vector<TimeElement> times;
  size_t text_chars = 0;  // characters of text outside links and outside every drop
  // <meta property|name="key" content="..."> by lower-case key; the first one wins.
  std::unordered_map<std::string, std::string> meta;
  std::string title;                 // <title>, whitespace normalized
  std::string canonical_url;         // <link rel="canonical">
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
};

// Gumbo spends time in proportion to the depth of open elements on every tag (quadratic on
// "<div><div><div>...") and to the attributes before each attribute of a tag, so pages beyond
// these limits are refused before parsing.
constexpr size_t kMaxNesting = 1000;
constexpr size_t kMaxAttributes = 1000;

struct MarkupProblem {
  size_t offset = 0;  // of the tag
  std::string message;
};

// The first tag that opens element number kMaxNesting + 1 on the stack of open elements or
// holds more than kMaxAttributes attributes, found by a scan of the tags: void elements and
// those whose end tag may be left out add no depth; comments, scripts and styles are passed
// over. An estimate, cheap and linear; nullopt when the page is within the limits.
std::optional<MarkupProblem> FindMarkupBeyondLimits(std::string_view html);

// Parses `html` (valid UTF-8) and reads it in one pass without recursion, so that markup
// nested a million deep neither overflows the stack nor reaches Gumbo's recursive destructor.
Page ReadPage(std::string_view html, const HtmlLexicon& lexicon);

// Collapses runs of white space (Unicode spaces included) to one space, drops control and
// invisible format characters, and trims.
std::string NormalizeSpace(std::string_view text);

}  // namespace hearsay::html

#endif  // HEARSAY_INGEST_HTML_PAGE_H_

#include "ingest/html_page.h"

#include <gumbo.h>

#include <algorithm>
#include <cstddef>
#include <memory>

#include "core/ascii.h"

namespace hearsay::html {
namespace {

using Verdict = HtmlLexicon::Verdict;

// Gumbo's memory comes from this arena and goes back all at once: gumbo_destroy_output
// recurses once per nesting level and would overflow the stack on deep markup.
class Arena {
 public:
  static void* Allocate(void* arena, size_t size) { return static_cast<Arena*>(arena)->Take(size); }
  static void Release(void*, void*) {}

 private:
  static constexpr size_t kChunkSize = 64 * 1024;
  static constexpr size_t kAlign = alignof(std::max_align_t);

  void* Take(size_t size) {
    size = (size + kAlign - 1) / kAlign * kAlign;
    if (size > kChunkSize / 4) {
      large_pieces_.emplace_back(new char[size]);
      return large_pieces_.back().get();
    }
    if (used_ + size > kChunkSize) {
      chunks_.emplace_back(new char[kChunkSize]);
      used_ = 0;
    }
    void* piece = chunks_.back().get() + used_;
    used_ += size;
    return piece;
  }

  std::vector<std::unique_ptr<char[]>> chunks_;
  std::vector<std::unique_ptr<char[]>> large_pieces_;
  size_t used_ = kChunkSize;  // the current chunk is full: the first piece starts one
};

bool IsSpaceCodePoint(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

// Controls, soft hyphens, zero-width spaces and byte order marks carry no text.
bool IsInvisible(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || c == 0x200B || c == 0xFEFF;
}

// Decodes one code point of valid UTF-8 at `*pos` and advances past it.
char32_t NextCodePoint(std::string_view text, size_t* pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  size_t i = *pos;
  unsigned char lead = byte(i);
  size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (i + length > text.size()) length = text.size() - i;
  char32_t c = length == 1   ? lead
               : length == 2 ? lead & 0x1F
               : length == 3 ? lead & 0x0F
                             : lead & 0x07;
  for (size_t k = 1; k < length; ++k) c = (c << 6) | (byte(i + k) & 0x3F);
  *pos = i + length;
  return c;
}

// Appends `text` to `out` with white space collapsed; a space is only written before the
// next visible character. Returns the number of code points written.
size_t AppendCollapsed(std::string_view text, std::string* out, bool* pending_space) {
  size_t written = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char32_t c = NextCodePoint(text, &pos);
    if (IsSpaceCodePoint(c)) {
      *pending_space = true;
      continue;
    }
    if (IsInvisible(c)) continue;
    if (*pending_space && !out->empty()) {
      out->push_back(' ');
      ++written;
    }
    *pending_space = false;
    out->append(text.substr(start, pos - start));
    ++written;
  }
  return written;
}

std::string_view Piece(const GumboStringPiece& piece) {
  return std::string_view(piece.data, piece.length);
}

std::string_view Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* attribute = gumbo_get_attribute(&element.attributes, name);
  return attribute == nullptr ? std::string_view() : std::string_view(attribute->value);
}

bool HasAttribute(const GumboElement& element, const char* name) {
  return gumbo_get_attribute(&element.attributes, name) != nullptr;
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Calls `visit` with each lower-case word of a class, id or element name: words end at
// non-alphanumerics and where a lower-case letter meets an upper-case one ("mainNav").
template <typename Visit>
void ForEachNameWord(std::string_view name, Visit visit) {
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    bool boundary =
        i == name.size() || !IsAsciiAlnum(name[i]) ||
        (i > start && name[i] >= 'A' && name[i] <= 'Z' && name[i - 1] >= 'a' && name[i - 1] <= 'z');
    if (!boundary) continue;
    if (i > start) visit(Lower(name.substr(start, i - start)));
    start = (i < name.size() && IsAsciiAlnum(name[i])) ? i : i + 1;
  }
}

// Calls `visit` with each space-separated value of an attribute, lower case.
template <typename Visit>
void ForEachValue(std::string_view values, Visit visit) {
  size_t start = 0;
  while (start < values.size()) {
    size_t end = values.find_first_of(" \t\n\r\f", start);
    if (end == std::string_view::npos) end = values.size();
    if (end > start) visit(Lower(values.substr(start, end - start)));
    start = end + 1;
  }
}

// skip beats drop beats content.
Verdict Stronger(Verdict a, Verdict b) {
  auto rank = [](Verdict v) {
    switch (v) {
      case Verdict::kSkip:
        return 3;
      case Verdict::kDrop:
        return 2;
      case Verdict::kContent:
        return 1;
      case Verdict::kNeutral:
        break;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

bool IsHidden(const GumboElement& element) {
  if (HasAttribute(element, "hidden") || Lower(Attribute(element, "aria-hidden")) == "true") {
    return true;
  }
  std::string style = Lower(Attribute(element, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return c == ' '; }),
              style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Elements that end one text block and start another (HTML's block-level and table parts).
bool IsBlockLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

int HeadingLevel(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

// The concatenated text children of an element (<title>, <script>).
std::string ChildText(const GumboElement& element) {
  std::string text;
  for (unsigned i = 0; i < element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
        child->type == GUMBO_NODE_CDATA) {
      text += child->v.text.text;
    }
  }
  return text;
}

class Reader {
 public:
  explicit Reader(const HtmlLexicon& lexicon) : lexicon_(lexicon) {}

  Page Read(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      Effects effects;
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, {}});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector& children = frame.node->type == GUMBO_NODE_DOCUMENT
                                        ? frame.node->v.document.children
                                        : frame.node->v.element.children;
      if (frame.next_child == children.length) {
        Leave(frame.effects);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      switch (child->type) {
        case GUMBO_NODE_ELEMENT:
        case GUMBO_NODE_TEMPLATE: {
          Effects effects;
          if (Enter(child->v.element, &effects)) stack.push_back({child, 0, effects});
          break;
        }
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          AddText(child->v.text.text);
          break;
        default:
          break;
      }
    }
    Flush();
    return std::move(page_);
  }

 private:
  // What entering an element changed, undone when leaving it.
  struct Effects {
    uint32_t element = 0;
    uint32_t outer_element = 0;
    bool boundary = false;
    bool drop = false;
    bool candidate = false;
    bool link = false;
    int outer_heading_level = 0;
  };

  // Returns whether to walk into the element's children.
  bool Enter(const GumboElement& element, Effects* effects) {
    if (ReadMetadata(element)) return false;
    if (element.tag == GUMBO_TAG_BR) {
      Break();
      return false;
    }
    Verdict verdict = VerdictOf(element);
    if (verdict == Verdict::kSkip || IsHidden(element)) return false;
    ++element_count_;
    effects->element = element_count_;
    effects->outer_element = current_element_;
    current_element_ = element_count_;
    effects->boundary = IsBlockLevel(element.tag) || verdict != Verdict::kNeutral;
    if (effects->boundary) Flush();
    if (verdict == Verdict::kDrop) {
      effects->drop = true;
      open_drops_.push_back(static_cast<uint32_t>(page_.drops.size()));
      page_.drops.push_back({element_count_, 0, 0});
    } else if (verdict == Verdict::kContent) {
      effects->candidate = true;
      open_candidates_.push_back(static_cast<uint32_t>(page_.candidates.size()));
      page_.candidates.push_back({element_count_, 0, 0});
    }
    effects->link = element.tag == GUMBO_TAG_A;
    link_depth_ += effects->link ? 1 : 0;
    effects->outer_heading_level = heading_level_;
    if (HeadingLevel(element.tag) != 0) heading_level_ = HeadingLevel(element.tag);
    if (element.tag == GUMBO_TAG_TIME && HasAttribute(element, "datetime")) {
      bool published = HasAttribute(element, "pubdate") ||
                       Lower(Attribute(element, "itemprop")) == "datepublished";
      page_.times.push_back(
          {std::string(Attribute(element, "datetime")), published, element_count_, OpenDrops()});
    }
    return true;
  }

  void Leave(const Effects& effects) {
    if (effects.element == 0) return;  // the document node
    if (effects.boundary) Flush();
    if (effects.drop) {
      page_.drops[open_drops_.back()].end = element_count_ + 1;
      open_drops_.pop_back();
    }
    if (effects.candidate) {
      page_.candidates[open_candidates_.back()].end = element_count_ + 1;
      open_candidates_.pop_back();
    }
    link_depth_ -= effects.link ? 1 : 0;
    heading_level_ = effects.outer_heading_level;
    current_element_ = effects.outer_element;
  }

  // <title>, <meta>, <link rel=canonical> and JSON-LD: read, never walked into.
  bool ReadMetadata(const GumboElement& element) {
    if (element.tag_namespace != GUMBO_NAMESPACE_HTML) return false;
    switch (element.tag) {
      case GUMBO_TAG_TITLE:
        if (page_.title.empty()) page_.title = NormalizeSpace(ChildText(element));
        return true;
      case GUMBO_TAG_META: {
        std::string key = Lower(Attribute(element, "property"));
        if (key.empty()) key = Lower(Attribute(element, "name"));
        if (key.empty()) key = Lower(Attribute(element, "itemprop"));
        if (!key.empty() && HasAttribute(element, "content")) {
          page_.meta.emplace(key, NormalizeSpace(Attribute(element, "content")));
        }
        return true;
      }
      case GUMBO_TAG_LINK: {
        bool canonical = false;
        ForEachValue(Attribute(element, "rel"),
                     [&](const std::string& rel) { canonical |= rel == "canonical"; });
        if (canonical && page_.canonical_url.empty()) {
          page_.canonical_url = NormalizeSpace(Attribute(element, "href"));
        }
        return true;
      }
      case GUMBO_TAG_SCRIPT:
        if (Lower(Attribute(element, "type")).find("ld+json") != std::string::npos) {
          page_.json_ld.push_back(ChildText(element));
        }
        return true;
      default:
        return false;
    }
  }

  Verdict VerdictOf(const GumboElement& element) const {
    Verdict verdict = Verdict::kNeutral;
    // Classes on <html> and <body> describe the page's state ("nav-open"), not a region.
    if (element.tag == GUMBO_TAG_HTML || element.tag == GUMBO_TAG_BODY) return verdict;
    auto by_token = [&](const std::string& word) {
      verdict = Stronger(verdict, lexicon_.ForToken(word));
    };
    if (element.tag == GUMBO_TAG_UNKNOWN) {
      GumboStringPiece name = element.original_tag;
      gumbo_tag_from_original_text(&name);
      std::string lower_name = Lower(Piece(name));
      verdict = lexicon_.ForTag(lower_name);
      ForEachNameWord(lower_name, by_token);
    } else {
      verdict = lexicon_.ForTag(gumbo_normalized_tagname(element.tag));
    }
    ForEachNameWord(Attribute(element, "class"), by_token);
    ForEachNameWord(Attribute(element, "id"), by_token);
    ForEachValue(Attribute(element, "role"), [&](const std::string& role) {
      verdict = Stronger(verdict, lexicon_.ForRole(role));
    });
    ForEachValue(Attribute(element, "itemprop"), [&](const std::string& itemprop) {
      verdict = Stronger(verdict, lexicon_.ForItemprop(itemprop));
    });
    return verdict;
  }

  void AddText(std::string_view text) {
    bool was_empty = block_.text.empty();
    size_t written = AppendCollapsed(text, &block_.text, &pending_space_);
    if (written == 0) return;
    breaks_ = 0;
    if (was_empty) {
      block_.element = current_element_;
      block_.heading_level = heading_level_;
      block_.drops = OpenDrops();
    }
    block_.chars += written;
    if (link_depth_ > 0) block_.link_chars += written;
    if (link_depth_ == 0) CountText(written);
  }

  // Text counts for every open candidate that no drop opened inside of.
  void CountText(size_t chars) {
    if (open_drops_.empty()) page_.text_chars += chars;
    uint32_t innermost_drop = open_drops_.empty() ? 0 : page_.drops[open_drops_.back()].begin;
    for (uint32_t index : open_candidates_) {
      Region& candidate = page_.candidates[index];
      if (candidate.begin > innermost_drop) candidate.text_chars += chars;
    }
  }

  // One <br> is a space; two in a row end the block.
  void Break() {
    if (++breaks_ >= 2) {
      Flush();
    } else {
      pending_space_ = true;
    }
  }

  void Flush() {
    if (block_.chars > 0) page_.blocks.push_back(std::move(block_));
    block_ = TextBlock();
    pending_space_ = false;
    breaks_ = 0;
  }

  std::vector<uint32_t> OpenDrops() const { return open_drops_; }

  const HtmlLexicon& lexicon_;
  Page page_;
  TextBlock block_;
  bool pending_space_ = false;
  int breaks_ = 0;
  uint32_t element_count_ = 0;
  uint32_t current_element_ = 0;
  int link_depth_ = 0;
  int heading_level_ = 0;
  std::vector<uint32_t> open_drops_;
  std::vector<uint32_t> open_candidates_;
};

// Elements that never have content or whose end tag may be left out: they add no depth.
bool IsVoidOrSelfClosing(std::string_view lower_name) {
  static constexpr std::string_view kNames[] = {
      "area",  "base",  "br",       "col",      "embed", "hr",  "img", "input",
      "link",  "meta",  "param",    "source",   "track", "wbr", "p",   "li",
      "dt",    "dd",    "option",   "optgroup", "tr",    "td",  "th",  "thead",
      "tbody", "tfoot", "colgroup", "rb",       "rt",    "rp",  "rtc", "caption"};
  return std::find(std::begin(kNames), std::end(kNames), lower_name) != std::end(kNames);
}

// Skips past `terminator` (ASCII, case-insensitive) from `pos`; the end of the text if absent.
size_t SkipPast(std::string_view html, size_t pos, std::string_view terminator) {
  for (; pos + terminator.size() <= html.size(); ++pos) {
    bool match = true;
    for (size_t k = 0; k < terminator.size() && match; ++k) {
      char c = html[pos + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == terminator[k];
    }
    if (match) return pos + terminator.size();
  }
  return html.size();
}

// Words outside quotes in the inside of a start tag: at least one per attribute, at most three
// ("name = value").
size_t CountAttributes(std::string_view inside) {
  size_t words = 0;
  char quote = 0;
  bool in_word = false;
  for (char c : inside) {
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') quote = c;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

}  // namespace

std::optional<MarkupProblem> FindMarkupBeyondLimits(std::string_view html) {
  size_t depth = 0;
  size_t pos = 0;
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    size_t tag_start = pos++;
    if (html.substr(tag_start, 4) == "<!--") {
      pos = SkipPast(html, tag_start + 4, "-->");
      continue;
    }
    if (html.substr(tag_start, 2) == "<!") continue;  // <!DOCTYPE>, <![CDATA[
    bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    size_t name_start = pos;
    while (pos < html.size() && (IsAsciiAlnum(html[pos]) || html[pos] == '-')) ++pos;
    if (pos == name_start) continue;
    std::string name = Lower(html.substr(name_start, pos - name_start));
    if (closing) {
      depth -= depth > 0 ? 1 : 0;
      continue;
    }
    size_t tag_end = html.find('>', pos);
    if (tag_end == std::string_view::npos) break;
    if (CountAttributes(html.substr(pos, tag_end - pos)) > kMaxAttributes) {
      return MarkupProblem{tag_start,
                           "a tag has more than " + std::to_string(kMaxAttributes) + " attributes"};
    }
    bool self_closing = html[tag_end - 1] == '/';
    pos = tag_end + 1;
    if (name == "script" || name == "style" || name == "textarea" || name == "title") {
      pos = SkipPast(html, pos, "</" + name);
      continue;
    }
    if (self_closing || IsVoidOrSelfClosing(name)) continue;
    if (++depth > kMaxNesting) {
      return MarkupProblem{tag_start, "markup is nested more than " + std::to_string(kMaxNesting) +
                                          " elements deep"};
    }
  }
  return std::nullopt;
}

std::string NormalizeSpace(std::string_view text) {
  std::string out;
  bool pending_space = false;
  AppendCollapsed(text, &out, &pending_space);
  return out;
}

Page ReadPage(std::string_view html, const HtmlLexicon& lexicon) {
  Arena arena;
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &Arena::Allocate;
  options.deallocator = &Arena::Release;
  options.userdata = &arena;
  options.max_errors = 0;  // parse errors are not reported; keeping them costs memory
  GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  return Reader(lexicon).Read(output->document);
}

}  // namespace hearsay::html

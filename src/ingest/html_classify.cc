#include "ingest/html_classify.h"

#include <algorithm>
#include <optional>
#include <string>

namespace hearsay::html {
namespace {

// jusText's published defaults.
constexpr size_t kShortLength = 70;      // code points; shorter blocks take their neighbours' class
constexpr size_t kLongLength = 200;      // longer blocks with enough stop words are good alone
constexpr double kStopWordsLow = 0.30;   // below: not prose
constexpr double kStopWordsHigh = 0.32;  // above: prose
constexpr double kMaxLinkDensity = 0.2;  // above: a list of links
constexpr size_t kMaxHeadingDistance = 200;  // code points from a heading to good text

// The element holding the body must hold this share of the page's text outside links and
// furniture; an element inside it holding this share of its text is tighter and taken instead.
constexpr double kBodyShareOfPage = 0.5;
constexpr double kTighterShare = 0.8;

enum class Class { kBad, kShort, kNearGood, kGood };

// The tightest candidate that holds most of the page's text.
std::optional<Region> ChooseBody(const Page& page) {
  const Region* best = nullptr;
  for (const Region& candidate : page.candidates) {
    if (best == nullptr || candidate.text_chars > best->text_chars) best = &candidate;
  }
  if (best == nullptr || best->text_chars == 0 ||
      best->text_chars < kBodyShareOfPage * page.text_chars) {
    return std::nullopt;
  }
  const Region* tightest = best;
  for (const Region& candidate : page.candidates) {
    bool inside = candidate.begin > tightest->begin && candidate.end <= best->end;
    if (inside && candidate.text_chars >= kTighterShare * best->text_chars) {
      tightest = &candidate;
    }
  }
  return *tightest;
}

std::string LowerAscii(const std::string& text) {
  std::string lower = text;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Share of the block's words that are stop words. Words are split at spaces, stripped of
// surrounding punctuation, and a curly apostrophe is read as a straight one.
double StopWordDensity(const std::string& lower_text, const HtmlLexicon& lexicon) {
  size_t words = 0;
  size_t stop_words = 0;
  size_t start = 0;
  while (start < lower_text.size()) {
    size_t end = lower_text.find(' ', start);
    if (end == std::string::npos) end = lower_text.size();
    std::string word = lower_text.substr(start, end - start);
    start = end + 1;
    for (size_t pos; (pos = word.find("\xE2\x80\x99")) != std::string::npos;) {
      word.replace(pos, 3, "'");
    }
    auto is_punctuation = [](char c) {
      return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
             (c >= '{' && c <= '~');
    };
    size_t first = 0;
    size_t last = word.size();
    while (first < last && is_punctuation(word[first])) ++first;
    while (last > first && is_punctuation(word[last - 1])) --last;
    if (first == last) continue;
    ++words;
    if (lexicon.IsStopWord(std::string_view(word).substr(first, last - first))) ++stop_words;
  }
  return words == 0 ? 0.0 : static_cast<double>(stop_words) / static_cast<double>(words);
}

// jusText's context-free class. Inside the element holding the body, text that fails only
// the stop-word test (prose dense with names) is near-good rather than bad.
Class ContextFreeClass(const TextBlock& block, const std::string& lower_text, bool in_body,
                       const HtmlLexicon& lexicon) {
  double link_density = static_cast<double>(block.link_chars) / static_cast<double>(block.chars);
  if (link_density > kMaxLinkDensity) return Class::kBad;
  if (block.chars < kShortLength) return block.link_chars > 0 ? Class::kBad : Class::kShort;
  double stop_words = StopWordDensity(lower_text, lexicon);
  if (stop_words >= kStopWordsHigh) {
    return block.chars > kLongLength ? Class::kGood : Class::kNearGood;
  }
  if (stop_words >= kStopWordsLow || in_body) return Class::kNearGood;
  return Class::kBad;
}

// The flow of text blocks the classifier looks at, with their classes.
struct Flow {
  std::vector<size_t> blocks;  // indices into Page::blocks
  std::vector<Class> initial;  // context-free classes
  std::vector<Class> classes;  // revised
  bool edges_are_bad = true;   // outside a known body, the page's ends count as bad text
};

// For every block, the class of the nearest block on each side that is not short (nor
// near-good, when those are skipped); the page's ends count as bad, or as nothing when neutral.
struct Neighbours {
  std::vector<std::optional<Class>> before;
  std::vector<std::optional<Class>> after;
};

Neighbours FindNeighbours(const Flow& flow, bool skip_near_good) {
  std::optional<Class> edge;
  if (flow.edges_are_bad) edge = Class::kBad;
  size_t count = flow.classes.size();
  Neighbours found{std::vector<std::optional<Class>>(count, edge),
                   std::vector<std::optional<Class>>(count, edge)};
  auto skipped = [skip_near_good](Class c) {
    return c == Class::kShort || (skip_near_good && c == Class::kNearGood);
  };
  std::optional<Class> nearest = edge;
  for (size_t i = 0; i < count; ++i) {
    found.before[i] = nearest;
    if (!skipped(flow.classes[i])) nearest = flow.classes[i];
  }
  nearest = edge;
  for (size_t i = count; i-- > 0;) {
    found.after[i] = nearest;
    if (!skipped(flow.classes[i])) nearest = flow.classes[i];
  }
  return found;
}

// A heading followed by good text within kMaxHeadingDistance code points.
bool HeadsGoodText(const Page& page, const Flow& flow, size_t i) {
  size_t distance = 0;
  for (size_t j = i + 1; j < flow.classes.size() && distance <= kMaxHeadingDistance; ++j) {
    if (flow.classes[j] == Class::kGood) return true;
    distance += page.blocks[flow.blocks[j]].chars;
  }
  return false;
}

// Three or more words from a capital, digit or quotation mark to a full stop, question or
// exclamation mark (closing quotation marks aside).
bool IsSentence(std::string_view text) {
  if (text.empty() || std::count(text.begin(), text.end(), ' ') < 2) return false;
  unsigned char first = static_cast<unsigned char>(text.front());
  bool opens = (first >= 'A' && first <= 'Z') || (first >= '0' && first <= '9') || first == '"' ||
               first >= 0x80;
  for (std::string_view quote : {"\"", "\xE2\x80\x9D", "\xE2\x80\x99"}) {
    while (text.size() > quote.size() && text.substr(text.size() - quote.size()) == quote) {
      text.remove_suffix(quote.size());
    }
  }
  char last = text.back();
  return opens && (last == '.' || last == '?' || last == '!');
}

bool IsHeading(const Page& page, const Flow& flow, size_t i) {
  return page.blocks[flow.blocks[i]].heading_level > 0;
}

// jusText's context-sensitive revision; each step reads the classes the step before left.
void Revise(const Page& page, Flow* flow) {
  std::vector<Class>& classes = flow->classes;
  classes = flow->initial;
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] == Class::kShort && IsHeading(page, *flow, i) && HeadsGoodText(page, *flow, i)) {
      classes[i] = Class::kNearGood;
    }
  }
  Neighbours distinct = FindNeighbours(*flow, true);
  Neighbours any = FindNeighbours(*flow, false);
  std::vector<Class> revised = classes;
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] != Class::kShort) continue;
    std::optional<Class> before = distinct.before[i];
    std::optional<Class> after = distinct.after[i];
    bool good_before = !before || *before == Class::kGood;
    bool good_after = !after || *after == Class::kGood;
    if (good_before && good_after) {
      revised[i] = Class::kGood;
    } else if (!good_before && !good_after) {
      revised[i] = Class::kBad;
    } else {
      // Between good and bad text: good where near-good text stands next to the bad side, or
      // where the block is a sentence (a closing line such as "Officials declined to comment.").
      bool near_good_before = !good_before && any.before[i] == Class::kNearGood;
      bool near_good_after = !good_after && any.after[i] == Class::kNearGood;
      bool sentence = IsSentence(page.blocks[flow->blocks[i]].text);
      revised[i] = near_good_before || near_good_after || sentence ? Class::kGood : Class::kBad;
    }
  }
  classes = revised;
  distinct = FindNeighbours(*flow, true);
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] != Class::kNearGood) continue;
    bool bad_before = distinct.before[i] == Class::kBad;
    bool bad_after = distinct.after[i] == Class::kBad;
    classes[i] = bad_before && bad_after ? Class::kBad : Class::kGood;
  }
  for (size_t i = 0; i < classes.size(); ++i) {
    if (classes[i] == Class::kBad && flow->initial[i] != Class::kBad && IsHeading(page, *flow, i) &&
        HeadsGoodText(page, *flow, i)) {
      classes[i] = Class::kGood;
    }
  }
}

// A block in a region of page furniture, unless that region wraps the body.
bool InDroppedRegion(const Page& page, const TextBlock& block, const std::optional<Region>& body) {
  for (uint32_t index : block.drops) {
    const Region& drop = page.drops[index];
    if (!body || !drop.Contains(body->begin)) return true;
  }
  return false;
}

std::vector<size_t> Classify(const Page& page, const HtmlLexicon& lexicon,
                             const std::optional<Region>& body) {
  Flow flow;
  flow.edges_are_bad = !body.has_value();
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const TextBlock& block = page.blocks[i];
    if (body && !body->Contains(block.element)) continue;
    if (InDroppedRegion(page, block, body)) continue;
    std::string lower_text = LowerAscii(block.text);
    if (lexicon.IsBoilerplateText(lower_text)) continue;
    flow.blocks.push_back(i);
    flow.initial.push_back(ContextFreeClass(block, lower_text, body.has_value(), lexicon));
  }
  Revise(page, &flow);
  std::vector<size_t> kept;
  for (size_t i = 0; i < flow.blocks.size(); ++i) {
    if (flow.classes[i] == Class::kGood) kept.push_back(flow.blocks[i]);
  }
  // A page of a few middling paragraphs and nothing else: jusText's revision turns them all
  // bad (the page's ends count as bad neighbours); their prose is still the article.
  if (kept.empty()) {
    for (size_t i = 0; i < flow.blocks.size(); ++i) {
      if (flow.initial[i] == Class::kGood || flow.initial[i] == Class::kNearGood) {
        kept.push_back(flow.blocks[i]);
      }
    }
  }
  return kept;
}

}  // namespace

std::vector<size_t> ArticleBlocks(const Page& page, const HtmlLexicon& lexicon) {
  std::optional<Region> body = ChooseBody(page);
  std::vector<size_t> kept = Classify(page, lexicon, body);
  // A body element that holds nothing the classifier keeps was a wrong guess.
  if (kept.empty() && body) kept = Classify(page, lexicon, std::nullopt);
  return kept;
}

}  // namespace hearsay::html

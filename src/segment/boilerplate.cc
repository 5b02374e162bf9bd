// The boilerplate classifier, in the manner of jusText: each paragraph is first judged on
// its own (cue rules, length, stop-word density, words that address the reader), then the
// undecided ones take the class of their neighbours.
#include <string>

#include "segment/internal.h"
#include "segment/unicode.h"

namespace hearsay::segment_internal {
namespace {

enum class Judgement : uint8_t {
  kContent,      // reads like article text
  kBoilerplate,  // cue rules are decisive
  kUndecided,    // short, list-like or addressing the reader: decided by its neighbours
};

// A paragraph with fewer words than this is short (jusText's length_low is 70 characters).
constexpr int kShortWords = 5;
// ... and with fewer than this and no final punctuation it is a heading or a UI line.
constexpr int kHeadingWords = 10;
// Running text has about 30-50% stop words; navigation and lists of names far fewer.
constexpr double kMinStopWordDensity = 0.15;
constexpr int kDensityMinWords = 8;
// A headline is one line of at most this many words.
constexpr int kMaxHeadlineWords = 25;
// Appeals and sign-up boxes come in short paragraphs (the longest in the corpora has 34
// words); a longer one matching a decisive cue is article text run together (a crawl that
// lost its line breaks), where the cue is a hint only, so one phrase does not drop it all.
constexpr int kMaxBoilerplateWords = 100;

struct ParagraphFeatures {
  int words = 0;
  int stop_words = 0;
  int reader_address = 0;  // "we", "our", "you" outside quotation marks
  bool final_punctuation = false;
  bool final_period = false;
  bool ends_with_year = false;  // the last token is a four-digit number (datelines)
  bool capitalized = true;      // every word starts in upper case (datelines, headings)
};

class Classifier {
 public:
  explicit Classifier(Work* work)
      : work_(*work), text_(work->text), lower_(work->lexicon->longest_stop_word(), '\0') {}

  ParagraphFeatures Measure(uint32_t paragraph) {
    const ParagraphInfo& range = work_.paragraphs[paragraph];
    ParagraphFeatures features;
    bool in_quote = StartsInsideQuote(range);
    uint32_t last_mark = 0;
    for (uint32_t t = range.first_token; t < range.end_token; ++t) {
      const TokenInfo& info = work_.info[t];
      const Span span = work_.out->tokens[t].span;
      if (info.kind == TokenKind::kPunct) {
        if (IsDoubleQuote(info.first)) {
          in_quote = !in_quote;
        } else if (!IsClosingBracket(info.first) && !IsQuote(info.first)) {
          last_mark = info.first;
        }
        continue;
      }
      last_mark = 0;
      features.ends_with_year = info.kind == TokenKind::kNumber && span.size() == 4;
      if (info.kind == TokenKind::kNumber) continue;
      ++features.words;
      features.capitalized = features.capitalized && info.upper_initial;
      if (span.size() > work_.lexicon->longest_stop_word()) continue;
      const StopWordKind kind = StopWordOf(span);
      if (kind == StopWordKind::kNotStopWord) continue;
      ++features.stop_words;
      if (kind == StopWordKind::kAddress && !in_quote) ++features.reader_address;
    }
    features.final_punctuation = IsSentenceFinal(last_mark);
    features.final_period = last_mark == '.';
    return features;
  }

  Judgement Judge(uint32_t paragraph, const ParagraphFeatures& features) const {
    const Span span = work_.out->paragraphs[paragraph].span;
    const int score = work_.lexicon->BoilerplateScore(span.In(text_));
    if (score >= 2 && features.words <= kMaxBoilerplateWords) return Judgement::kBoilerplate;
    if (score >= 1 || features.reader_address >= 2 ||
        (features.reader_address == 1 && features.words < kHeadingWords)) {
      return Judgement::kUndecided;
    }
    if (features.words < kShortWords ||
        (features.words < kHeadingWords && !features.final_punctuation)) {
      return Judgement::kUndecided;
    }
    if (features.words >= kDensityMinWords &&
        features.stop_words < kMinStopWordDensity * features.words) {
      return Judgement::kUndecided;
    }
    return Judgement::kContent;
  }

 private:
  // A line that continues a quotation from the line before starts inside it: its first
  // double quotation mark closes ("... at full speed.\"").
  bool StartsInsideQuote(const ParagraphInfo& range) const {
    for (uint32_t t = range.first_token; t < range.end_token; ++t) {
      const TokenInfo& info = work_.info[t];
      if (info.kind == TokenKind::kPunct && IsDoubleQuote(info.first)) {
        return !info.space_before && info.space_after;
      }
    }
    return false;
  }

  // The stop-word kind of the word at `span` (no longer than the longest stop word) in ASCII
  // lower case with typographic apostrophes made straight: lowered in place into lower_ and
  // hashed on the way, as the classifier asks for most words.
  StopWordKind StopWordOf(Span span) {
    // Plain pointers and locals: the loop keeps everything in registers.
    const char* in = text_.data() + span.begin;
    const char* const end = text_.data() + span.end;
    char* const lower = lower_.data();
    size_t out = 0;
    uint64_t hash = kWordHashSeed;
    while (in < end) {
      char c = *in++;
      if (static_cast<uint8_t>(c) < 0x80) {
        c = AsciiLower(c);
      } else if (c == '\xE2' && end - in >= 2 && in[0] == '\x80' && in[1] == '\x99') {
        c = '\'';  // U+2019
        in += 2;
      }
      lower[out++] = c;
      hash = WordHashStep(hash, c);
    }
    return work_.lexicon->StopWord(std::string_view(lower, out), hash);
  }

  Work& work_;
  std::string_view text_;
  std::string lower_;
};

// Undecided paragraphs between boilerplate on both sides, or after boilerplate up to the end
// of the text, are boilerplate: appeal letters, newsletter boxes and the tail after the
// article body. Next to content, and before the first boilerplate (where the headline and
// dateline stand), they stay content.
void DecideByNeighbours(const std::vector<Judgement>& judgements, std::vector<Paragraph>* out) {
  const size_t count = judgements.size();
  size_t pos = 0;
  while (pos < count) {
    if (judgements[pos] != Judgement::kUndecided) {
      (*out)[pos].boilerplate = judgements[pos] == Judgement::kBoilerplate;
      ++pos;
      continue;
    }
    size_t run_end = pos;
    while (run_end < count && judgements[run_end] == Judgement::kUndecided) ++run_end;
    const bool before_bad = pos > 0 && judgements[pos - 1] == Judgement::kBoilerplate;
    const bool after_bad = run_end < count && judgements[run_end] == Judgement::kBoilerplate;
    const bool boilerplate = before_bad && (after_bad || run_end == count);
    for (; pos < run_end; ++pos) (*out)[pos].boilerplate = boilerplate;
  }
}

// True when a and b have the same words with the same spacing, ignoring how much space.
bool SameWords(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  const auto skip = [](std::string_view s, size_t* k) {
    size_t start = *k;
    while (*k < s.size() && IsSpace(static_cast<uint8_t>(s[*k]))) ++*k;
    return *k > start;
  };
  while (true) {
    const bool space_a = skip(a, &i);
    const bool space_b = skip(b, &j);
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if ((space_a != space_b && i > 0 && j > 0) || a[i] != b[j]) return false;
    ++i;
    ++j;
  }
}

// A dateline such as "Monday, January 7, 2019": a few capitalized words ending in a year.
bool IsDateline(const ParagraphFeatures& features) {
  return features.ends_with_year && features.capitalized && features.words <= 3;
}

}  // namespace

void ClassifyBoilerplate(Work* work, std::string_view title) {
  std::vector<Paragraph>& paragraphs = work->out->paragraphs;
  Classifier classifier(work);
  std::vector<ParagraphFeatures> features(paragraphs.size());
  std::vector<Judgement> judgements(paragraphs.size());
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    features[p] = classifier.Measure(p);
    judgements[p] = classifier.Judge(p, features[p]);
  }
  DecideByNeighbours(judgements, &paragraphs);

  // The headline: the line the metadata names as title, else the first content line when it
  // is short and does not end in a period (datelines skipped).
  if (!title.empty()) {
    for (Paragraph& paragraph : paragraphs) {
      if (!paragraph.boilerplate && SameWords(paragraph.span.In(work->text), title)) {
        paragraph.headline = true;
        return;
      }
    }
  }
  for (uint32_t p = 0; p < paragraphs.size(); ++p) {
    if (paragraphs[p].boilerplate || IsDateline(features[p])) continue;
    paragraphs[p].headline = features[p].words <= kMaxHeadlineWords && !features[p].final_period;
    return;
  }
}

}  // namespace hearsay::segment_internal

// Sentences within paragraphs, decided on tokens: a sentence ends at . ? ! or an ellipsis,
// together with the closing quotation marks and brackets after it, when the next token can
// start a sentence (not lower case, not a comma ...). Abbreviation periods end a sentence
// only before a capitalized function word ("... the U.S. The talks"), never before a name
// ("U.S. President", "John R. Bolton").
#include <string>

#include "segment/internal.h"
#include "segment/unicode.h"

namespace hearsay::segment_internal {
namespace {

class SentenceSplitter {
 public:
  explicit SentenceSplitter(Work* work) : work_(*work), text_(work->text) {}

  void SplitParagraph(uint32_t paragraph) {
    const ParagraphInfo& range = work_.paragraphs[paragraph];
    uint32_t start = range.first_token;
    // A wire dateline ("BERLIN (Reuters) - ") is a sentence of its own.
    const Span span = work_.out->paragraphs[paragraph].span;
    if (size_t dateline = work_.lexicon->DatelineLength(span.In(text_)); dateline > 0) {
      uint32_t after = start;
      while (after < range.end_token &&
             work_.out->tokens[after].span.begin < span.begin + dateline) {
        ++after;
      }
      if (after > start && after < range.end_token) {
        Add(paragraph, start, after);
        start = after;
      }
    }
    for (uint32_t t = range.first_token; t < range.end_token; ++t) {
      if (!CanEndSentence(t, range) || IsListNumber(start, t)) continue;
      uint32_t next = t + 1;
      while (next < range.end_token && Closes(next, range)) ++next;
      if (next == range.end_token) break;
      if (StartsSentence(next, work_.info[t].abbreviation)) {
        Add(paragraph, start, next);
        start = next;
      }
      t = next - 1;
    }
    if (start < range.end_token) Add(paragraph, start, range.end_token);
  }

 private:
  bool CanEndSentence(uint32_t t, const ParagraphInfo& range) const {
    const TokenInfo& info = work_.info[t];
    if (info.abbreviation == AbbreviationKind::kGeneral) return true;
    if (info.kind != TokenKind::kPunct || !IsSentenceFinal(info.first)) return false;
    const bool ellipsis =
        info.first == 0x2026 || (info.first == '.' && work_.out->tokens[t].span.size() > 1);
    if (!ellipsis) return true;
    // "... [...] In 2017": an ellipsis set off by a space or in brackets marks an omission.
    if (info.space_before) return false;
    return !(t > range.first_token && work_.info[t - 1].first == '[');
  }

  // "1." or "12." at the start of a sentence numbers a list item.
  bool IsListNumber(uint32_t sentence_start, uint32_t t) const {
    constexpr uint32_t kMaxDigits = 2;
    const Span number = work_.out->tokens[sentence_start].span;
    return t == sentence_start + 1 && work_.info[t].first == '.' && !work_.info[t].space_before &&
           work_.info[sentence_start].kind == TokenKind::kNumber && number.size() <= kMaxDigits;
  }

  // Closing quotation marks and brackets that belong to the sentence just ended: marks that
  // close a quotation, and unpaired ones right after it or at the end of the paragraph.
  bool Closes(uint32_t t, const ParagraphInfo& range) const {
    const TokenInfo& info = work_.info[t];
    if (info.kind != TokenKind::kPunct) return false;
    if (info.closing_mark) return true;
    if (info.opening_mark) return false;
    if (IsQuote(info.first) && t + 1 == range.end_token) return true;
    return !info.space_before && (IsClosingBracket(info.first) || IsQuote(info.first));
  }

  bool StartsSentence(uint32_t t, AbbreviationKind after) const {
    const TokenInfo& info = work_.info[t];
    if (!info.space_before) return false;
    if (after == AbbreviationKind::kGeneral) {
      if (info.opening_mark) return true;
      if (info.kind != TokenKind::kWord || !info.upper_initial) return false;
      Lower(work_.out->tokens[t].span);
      return work_.lexicon->StopWord(lower_) != StopWordKind::kNotStopWord;
    }
    if (info.kind != TokenKind::kPunct) return !info.lower_initial;
    const uint32_t c = info.first;
    return !(c == ',' || c == ';' || c == ':' || c == '%' || IsClosingBracket(c) ||
             IsSentenceFinal(c) || info.closing_mark);
  }

  void Lower(Span span) const {
    lower_.assign(text_.data() + span.begin, span.size());
    for (char& c : lower_) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
  }

  void Add(uint32_t paragraph, uint32_t first, uint32_t end) {
    std::vector<Token>& tokens = work_.out->tokens;
    const auto index = static_cast<uint32_t>(work_.out->sentences.size());
    for (uint32_t t = first; t < end; ++t) tokens[t].sentence = index;
    work_.out->sentences.push_back(
        {{tokens[first].span.begin, tokens[end - 1].span.end}, paragraph, first, end});
  }

  Work& work_;
  std::string_view text_;
  mutable std::string lower_;  // reused for stop-word look-ups
};

}  // namespace

void SplitSentences(Work* work) {
  SentenceSplitter splitter(work);
  for (uint32_t p = 0; p < work->paragraphs.size(); ++p) splitter.SplitParagraph(p);
}

}  // namespace hearsay::segment_internal

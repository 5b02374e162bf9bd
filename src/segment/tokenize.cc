// Paragraphs and tokens: one pass over the text with a hand-written scanner (no regular
// expressions, no allocation per character).
#include <cstring>
#include <string>

#include "segment/internal.h"
#include "segment/unicode.h"

namespace hearsay::segment_internal {
namespace {

// The span of the line without the surrounding whitespace (empty when the line is blank).
Span Trim(std::string_view text, uint32_t begin, uint32_t end) {
  while (begin < end) {
    CodePoint cp = DecodeAt(text, begin);
    if (!IsSpace(cp.value)) break;
    begin += cp.length;
  }
  while (end > begin) {
    CodePoint cp = DecodeBefore(text, end);
    if (!IsSpace(cp.value)) break;
    end -= cp.length;
  }
  return {begin, end};
}

// True when the paragraph starts with a word in lower case ("which is aimed at ..."), which
// cannot begin a sentence: the line was broken mid-sentence. Mixed case ("iPhone") can.
bool StartsWithLowerCaseWord(std::string_view text, Span span) {
  uint32_t pos = span.begin;
  bool any = false;
  while (pos < span.end) {
    CodePoint cp = DecodeAt(text, pos);
    if (!IsLetter(cp.value)) break;
    if (!IsLower(cp.value)) return false;
    any = true;
    pos += cp.length;
  }
  return any;
}

// True when the paragraph ends where a sentence cannot: after a comma, a semicolon, a hyphen
// or a word.
bool EndsMidSentence(std::string_view text, Span span) {
  uint32_t last = DecodeBefore(text, span.end).value;
  return last == ',' || last == ';' || IsDash(last) || IsWordChar(last);
}

// The first position from `pos` where a line may break: a byte up to '\r' (\n \v \f \r) or
// 0xE2, the lead byte of U+2028/9; text.size() if none. Eight bytes are tested at once, as
// most runs of eight have none.
uint32_t NextBreakCandidate(std::string_view text, uint32_t pos) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  for (; pos + sizeof(uint64_t) <= text.size(); pos += sizeof(uint64_t)) {
    uint64_t bytes;
    std::memcpy(&bytes, text.data() + pos, sizeof(bytes));
    // Nonzero iff some byte is below '\r' + 1, resp. some byte of `lead` is zero.
    const uint64_t control = (bytes - kOnes * ('\r' + 1)) & ~bytes & kHighBits;
    const uint64_t lead = bytes ^ (kOnes * 0xE2);
    if ((control | ((lead - kOnes) & ~lead & kHighBits)) != 0) break;
  }
  for (; pos < text.size(); ++pos) {
    const auto byte = static_cast<uint8_t>(text[pos]);
    if (byte <= '\r' || byte == 0xE2) return pos;
  }
  return static_cast<uint32_t>(text.size());
}

}  // namespace

void SplitParagraphs(Work* work) {
  const std::string_view text = work->text;
  const auto size = static_cast<uint32_t>(text.size());
  uint32_t pos = 0;
  bool blank_seen = true;
  while (pos < size) {
    uint32_t line_end = pos;
    uint32_t next_line = size;
    for (; (line_end = NextBreakCandidate(text, line_end)) < size; ++line_end) {
      CodePoint cp = DecodeAt(text, line_end);
      if (IsNewline(cp.value)) {
        next_line = line_end + cp.length;
        if (cp.value == '\r' && next_line < size && text[next_line] == '\n') ++next_line;
        break;
      }
    }
    Span line = Trim(text, pos, line_end);
    pos = next_line;
    if (line.empty()) {
      blank_seen = true;
      continue;
    }
    std::vector<Paragraph>& paragraphs = work->out->paragraphs;
    if (!paragraphs.empty() && EndsMidSentence(text, paragraphs.back().span) &&
        StartsWithLowerCaseWord(text, line)) {
      paragraphs.back().span.end = line.end;
    } else {
      paragraphs.push_back({line, false, false});
      ParagraphInfo info;
      info.after_blank_line = blank_seen;
      work->paragraphs.push_back(info);
    }
    blank_seen = false;
  }
}

namespace {

// Internal periods of "U.S", "Ph.D", "a.m": every part one or two letters.
bool HasAbbreviationShape(std::string_view text, uint32_t begin, uint32_t end) {
  uint32_t part_letters = 0;
  for (uint32_t pos = begin; pos < end;) {
    CodePoint cp = DecodeAt(text, pos);
    pos += cp.length;
    if (cp.value == '.') {
      if (part_letters == 0) return false;
      part_letters = 0;
    } else if (IsLetter(cp.value) && ++part_letters <= 2) {
      continue;
    } else {
      return false;
    }
  }
  return part_letters > 0;
}

class Tokenizer {
 public:
  explicit Tokenizer(Work* work) : work_(*work), text_(work->text) {}

  void TokenizeParagraph(uint32_t paragraph) {
    const Span span = work_.out->paragraphs[paragraph].span;
    ParagraphInfo& info = work_.paragraphs[paragraph];
    info.first_token = static_cast<uint32_t>(work_.out->tokens.size());
    paragraph_ = span;
    uint32_t pos = span.begin;
    // No token holds a space: a token has a space before it iff the loop skipped one right
    // before it (or it opens the paragraph), and one after it iff the loop skips one right
    // after it (or it ends the paragraph).
    bool space_before = true;
    while (pos < span.end) {
      CodePoint cp = DecodeAt(text_, pos);
      if (IsSpace(cp.value)) {
        pos += cp.length;
        if (!space_before) work_.info.back().space_after = true;  // the token just added
        space_before = true;
        continue;
      }
      pos = AddToken(pos, cp, space_before);
      space_before = false;
    }
    if (work_.info.size() > info.first_token) work_.info.back().space_after = true;
    info.end_token = static_cast<uint32_t>(work_.out->tokens.size());
  }

 private:
  uint32_t At(uint32_t pos) const {
    if (pos >= paragraph_.end) return 0;
    const auto byte = static_cast<uint8_t>(text_[pos]);  // within the text: no DecodeAt check
    return byte < 0x80 ? byte : DecodeMultiByte(text_, pos).value;
  }

  // Adds the token starting at `begin` and returns where it ends.
  uint32_t AddToken(uint32_t begin, CodePoint first, bool space_before) {
    TokenInfo info;
    info.first = first.value;
    uint32_t end = begin + first.length;
    if (IsWordChar(first.value)) {
      end = ScanWord(begin, &info);
    } else if (first.value == '.' && At(end) == '.') {
      while (At(end) == '.') ++end;  // ellipsis "..."
    } else if (first.value == '-' && At(end) == '-') {
      while (At(end) == '-') ++end;  // "--" as a dash
    } else if (IsApostrophe(first.value) && begin > paragraph_.begin &&
               IsWordChar(DecodeBefore(text_, begin).value) && IsPossessiveS(end)) {
      ++end;  // "'s", a word of its own
      info.kind = TokenKind::kWord;
    }
    info.space_before = space_before;
    work_.out->tokens.push_back({{begin, end}, kNone});
    work_.info.push_back(info);
    return end;
  }

  // "s" after an apostrophe, ending the word: the possessive (or "it's") clitic.
  bool IsPossessiveS(uint32_t pos) const {
    uint32_t c = At(pos);
    return (c == 's' || c == 'S') && !IsWordChar(At(pos + 1));
  }

  // A word or number: letters and digits joined by inner periods ("U.S", "3.5"), digit
  // group commas ("1,500"), colons between digits ("3:00"), hyphens ("Asia-Pacific") and
  // apostrophes ("don't"), but not the possessive "'s". Then a period that belongs to an
  // abbreviation.
  uint32_t ScanWord(uint32_t begin, TokenInfo* info) {
    uint8_t digits_only = kAsciiDigit;  // kAsciiDigit while every character is a digit
    bool inner_period = false;
    uint32_t pos = begin;
    uint32_t last = 0;
    while (true) {
      while (pos < paragraph_.end) {
        const auto byte = static_cast<uint8_t>(text_[pos]);
        const uint8_t ascii = AsciiClassOf(byte);
        if ((ascii & kAsciiWordChar) != 0) {  // most of a word: no decoding
          digits_only &= ascii;
          last = byte;
          ++pos;
          continue;
        }
        if (byte < 0x80) break;
        CodePoint cp = DecodeMultiByte(text_, pos);
        if (!IsWordChar(cp.value)) break;
        digits_only = 0;
        last = cp.value;
        pos += cp.length;
      }
      if (pos >= paragraph_.end || text_[pos] == ' ') break;  // most words end at a space
      CodePoint joiner = DecodeAt(text_, pos);
      uint32_t next = At(pos + joiner.length);
      bool joins = false;
      if (joiner.value == '.') {
        joins = IsWordChar(next);
        inner_period = inner_period || joins;
      } else if (joiner.value == ',' || joiner.value == ':') {
        joins = digits_only && IsDigit(last) && IsDigit(next);
      } else if (IsHyphen(joiner.value)) {
        joins = IsWordChar(next);
      } else if (IsApostrophe(joiner.value)) {
        joins = IsLetter(last) && IsLetter(next) && !IsPossessiveS(pos + joiner.length);
      }
      if (!joins) break;
      pos += joiner.length;
    }
    const uint32_t first = info->first;
    info->kind =
        IsDigit(first) ? (digits_only ? TokenKind::kNumber : TokenKind::kWord) : TokenKind::kWord;
    info->upper_initial = IsUpper(first);
    info->lower_initial = IsLower(first);
    // The period of "U.S." belongs to it, also in "the U.S.." (but not before "..").
    if (At(pos) == '.' && !(At(pos + 1) == '.' && At(pos + 2) == '.') && !IsDigit(first)) {
      info->abbreviation = AbbreviationBefore(begin, pos, inner_period);
      if (info->abbreviation != AbbreviationKind::kNotAbbreviation) ++pos;
    }
    return pos;
  }

  // How the period at `end` after the word [begin, end) behaves, if it is an abbreviation's.
  AbbreviationKind AbbreviationBefore(uint32_t begin, uint32_t end, bool inner_period) {
    if (inner_period) {
      return HasAbbreviationShape(text_, begin, end) ? AbbreviationKind::kGeneral
                                                     : AbbreviationKind::kNotAbbreviation;
    }
    word_.assign(text_.data() + begin, end - begin);
    word_.push_back('.');
    AbbreviationKind kind = work_.lexicon->Abbreviation(word_);
    if (kind == AbbreviationKind::kNumber) {
      uint32_t pos = end + 1;
      CodePoint cp = DecodeAt(text_, pos);
      while (pos < paragraph_.end && IsSpace(cp.value)) {
        pos += cp.length;
        cp = DecodeAt(text_, pos);
      }
      return IsDigit(At(pos)) ? kind : AbbreviationKind::kNotAbbreviation;
    }
    if (kind != AbbreviationKind::kNotAbbreviation) return kind;
    CodePoint cp = DecodeAt(text_, begin);
    if (begin + cp.length == end && IsUpper(cp.value)) return AbbreviationKind::kGeneral;
    return AbbreviationKind::kNotAbbreviation;
  }

  Work& work_;
  std::string_view text_;
  Span paragraph_;
  std::string word_;  // reused for lexicon look-ups
};

}  // namespace

void Tokenize(Work* work) {
  work->out->tokens.reserve(work->text.size() / 5);
  work->info.reserve(work->text.size() / 5);
  Tokenizer tokenizer(work);
  for (uint32_t p = 0; p < work->out->paragraphs.size(); ++p) tokenizer.TokenizeParagraph(p);
}

}  // namespace hearsay::segment_internal

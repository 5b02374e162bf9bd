// Code point decoding and the character classes the segmenter needs.
//
// The classes are coarse on purpose: letters are every code point outside the punctuation,
// symbol and space blocks, which is right for the scripts news text uses and needs no tables.
#ifndef HEARSAY_SEGMENT_UNICODE_H_
#define HEARSAY_SEGMENT_UNICODE_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace hearsay::segment_internal {

struct CodePoint {
  uint32_t value = 0;
  uint32_t length = 0;  // bytes; 0 at the end of the text
};

// Decodes a code point of two to four bytes at `pos`.
inline CodePoint DecodeMultiByte(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[pos + i]); };
  const uint8_t lead = byte(0);
  const auto continuation = [&](size_t count) {
    for (size_t i = 1; i <= count; ++i) {
      if ((byte(i) & 0xC0) != 0x80) return false;
    }
    return true;
  };
  if ((lead & 0xE0) == 0xC0 && pos + 1 < text.size() && continuation(1)) {
    return {static_cast<uint32_t>(((lead & 0x1F) << 6) | (byte(1) & 0x3F)), 2};
  }
  if ((lead & 0xF0) == 0xE0 && pos + 2 < text.size() && continuation(2)) {
    return {
        static_cast<uint32_t>(((lead & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F)),
        3};
  }
  if ((lead & 0xF8) == 0xF0 && pos + 3 < text.size() && continuation(3)) {
    return {static_cast<uint32_t>(((lead & 0x07) << 18) | ((byte(1) & 0x3F) << 12) |
                                  ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F)),
            4};
  }
  return {lead, 1};
}

// Decodes the code point at `pos`. Ingest validated the text; a stray byte still decodes as
// itself with length 1 so that scanning always advances.
inline CodePoint DecodeAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return {0, 0};
  const auto lead = static_cast<uint8_t>(text[pos]);
  if (lead < 0x80) return {lead, 1};
  return DecodeMultiByte(text, pos);
}

// The code point that ends just before `pos` (0 at the start of the text).
inline CodePoint DecodeBefore(std::string_view text, size_t pos) {
  if (pos == 0) return {0, 0};
  const auto last = static_cast<uint8_t>(text[pos - 1]);
  if (last < 0x80) return {last, 1};
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<uint8_t>(text[start]) & 0xC0) == 0x80) {
    --start;
  }
  CodePoint cp = DecodeAt(text, start);
  if (start + cp.length != pos) return {last, 1};
  return cp;
}

inline bool IsNewline(uint32_t c) {
  return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C;
}

// Spaces, including NBSP, thin and other fixed-width spaces, zero-width space and BOM.
inline bool IsSpace(uint32_t c) {
  // The space first, then the rest of ASCII: \t \n \v \f \r are 0x09 to 0x0D.
  if (c == ' ') return true;
  if (c < 0x80) return c >= '\t' && c <= '\r';
  return IsNewline(c) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

constexpr bool IsDigit(uint32_t c) { return c >= '0' && c <= '9'; }

constexpr bool IsLetter(uint32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0x100)
    return c == 0xAA || c == 0xB5 || c == 0xBA || (c >= 0xC0 && c != 0xD7 && c != 0xF7);
  if (c < 0x2000) return true;  // Latin extended, Greek, Cyrillic, ... combining marks
  if (c == 0x200C || c == 0x200D) return true;  // joiners inside words
  if (c < 0x2C00) return false;                 // punctuation, symbols, arrows, math
  if (c < 0x2E00) return true;
  if (c < 0x3040) return false;  // supplemental punctuation, CJK symbols
  if (c < 0xD800) return true;   // kana, CJK, Hangul
  if (c < 0xF900) return false;  // surrogates, private use
  if (c < 0xFE00) return true;
  if (c < 0xFE10) return true;   // variation selectors stay with their letter
  if (c < 0xFE70) return false;  // vertical and small forms
  if (c < 0xFEFF) return true;
  if (c >= 0xFF21 && c <= 0xFF3A) return true;  // full-width Latin
  if (c >= 0xFF41 && c <= 0xFF5A) return true;
  if (c >= 0xFF66 && c <= 0xFFDC) return true;
  if (c < 0x10000) return false;
  return c < 0x1F000 || c > 0x1FAFF;  // emoji and pictographs are symbols
}

constexpr bool IsWordChar(uint32_t c) { return IsLetter(c) || IsDigit(c); }

// The ASCII character `c` in lower case, by table: the classifier lowers most words.
inline char AsciiLower(char c) {
  static constexpr auto kLower = [] {
    std::array<char, 128> lower{};
    for (int ascii = 0; ascii < 128; ++ascii) {
      lower[ascii] = static_cast<char>(ascii >= 'A' && ascii <= 'Z' ? ascii - 'A' + 'a' : ascii);
    }
    return lower;
  }();
  return kLower[static_cast<uint8_t>(c)];
}

// What the tokenizer needs to know of a byte, by table: it asks for every byte of a word.
enum AsciiClass : uint8_t {
  kAsciiWordChar = 1,  // an ASCII letter or digit
  kAsciiDigit = 2,
};
inline uint8_t AsciiClassOf(uint8_t byte) {
  static constexpr auto kClasses = [] {
    std::array<uint8_t, 256> classes{};  // bytes from 0x80 on: none
    for (uint32_t ascii = 0; ascii < 128; ++ascii) {
      classes[ascii] = static_cast<uint8_t>((IsWordChar(ascii) ? kAsciiWordChar : 0) |
                                            (IsDigit(ascii) ? kAsciiDigit : 0));
    }
    return classes;
  }();
  return kClasses[byte];
}

inline bool IsUpper(uint32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0;  // Latin Extended-A pairs
  if (c >= 0x391 && c <= 0x3AB) return true;        // Greek
  if (c >= 0x400 && c <= 0x42F) return true;        // Cyrillic
  return false;
}

inline bool IsLower(uint32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1;
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

inline bool IsHyphen(uint32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
inline bool IsApostrophe(uint32_t c) { return c == '\'' || c == 0x2019; }

inline bool IsDoubleQuote(uint32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0xAB ||
         c == 0xBB;
}
// The grave accent opens a single quotation in older plain text (`like this').
inline bool IsSingleQuote(uint32_t c) {
  return c == '\'' || c == '`' || c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B;
}
inline bool IsQuote(uint32_t c) { return IsDoubleQuote(c) || IsSingleQuote(c); }
inline bool IsOpeningQuoteGlyph(uint32_t c) {
  return c == 0x201C || c == 0x201E || c == 0xAB || c == 0x2018 || c == 0x201A || c == '`';
}
inline bool IsClosingQuoteGlyph(uint32_t c) { return c == 0x201D || c == 0xBB || c == 0x2019; }

inline bool IsOpeningBracket(uint32_t c) { return c == '(' || c == '[' || c == '{'; }
inline bool IsClosingBracket(uint32_t c) { return c == ')' || c == ']' || c == '}'; }
inline bool IsDash(uint32_t c) { return IsHyphen(c) || (c >= 0x2012 && c <= 0x2015); }

inline bool IsSentenceFinal(uint32_t c) {
  return c == '.' || c == '?' || c == '!' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049;
}

}  // namespace hearsay::segment_internal

#endif  // HEARSAY_SEGMENT_UNICODE_H_

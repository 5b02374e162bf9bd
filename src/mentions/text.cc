// Tokenizer for name matching: words (letters, marks, digits) and single punctuation
// characters. ASCII is classified directly; other code points through RE2's Unicode classes.
#include <re2/re2.h>

#include <algorithm>
#include <array>

#include "mentions/internal.h"

namespace hearsay {
namespace mentions_internal {
namespace {

enum class CharClass { kUpper, kLetter, kDigit, kSpace, kNewline, kOther };

const RE2& UnicodeClass(const char* pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  return *new RE2(pattern, options);
}

// Not inlined: the tokenizer's loop over ASCII text keeps its state in registers.
[[gnu::noinline]] CharClass ClassifyNonAscii(std::string_view character) {
  static const RE2& upper = UnicodeClass(R"(\p{Lu}|\p{Lt})");
  static const RE2& word = UnicodeClass(R"(\p{L}|\p{M}|\p{Nd})");
  static const RE2& space = UnicodeClass(R"(\p{Z})");
  re2::StringPiece piece(character.data(), character.size());
  if (RE2::FullMatch(piece, upper)) return CharClass::kUpper;
  if (RE2::FullMatch(piece, word)) return CharClass::kLetter;
  if (RE2::FullMatch(piece, space)) return CharClass::kSpace;
  if (character == "\u2028" || character == "\u2029") return CharClass::kNewline;
  return CharClass::kOther;
}

constexpr CharClass ClassifyAsciiSlowly(char c) {
  if (c >= 'A' && c <= 'Z') return CharClass::kUpper;
  if (c >= 'a' && c <= 'z') return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '\n' || c == '\r') return CharClass::kNewline;
  if (c == ' ' || c == '\t' || c == '\f' || c == '\v') return CharClass::kSpace;
  return CharClass::kOther;
}

// The class of every ASCII character, looked up rather than compared: the tokenizer asks for
// each character of the text.
constexpr std::array<CharClass, 128> kAsciiClasses = [] {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) classes[c] = ClassifyAsciiSlowly(static_cast<char>(c));
  return classes;
}();

// `c` is ASCII.
CharClass ClassifyAscii(char c) { return kAsciiClasses[static_cast<unsigned char>(c)]; }

// Whether each byte is an ASCII letter or digit.
constexpr std::array<bool, 256> kAsciiWordBytes = [] {
  std::array<bool, 256> word_bytes{};
  for (int c = 0; c < 128; ++c) {
    const CharClass cls = kAsciiClasses[c];
    word_bytes[c] =
        cls == CharClass::kUpper || cls == CharClass::kLetter || cls == CharClass::kDigit;
  }
  return word_bytes;
}();

bool IsAsciiLetterOrDigit(char c) { return kAsciiWordBytes[static_cast<unsigned char>(c)]; }

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
uint32_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Tok>* out) {
  uint8_t pending = 0;  // kSpaceBefore / kNewlineBefore for the next token
  Tok* word = nullptr;  // the word being extended; its hash so far in word->hash
  uint32_t i = begin;
  while (i < end) {
    auto lead = static_cast<unsigned char>(text[i]);
    if (lead == ' ') {  // the most common character after letters: no classification
      word = nullptr;
      pending |= kSpaceBefore;
      ++i;
      continue;
    }
    uint32_t length = lead < 0x80 ? 1 : std::min(SequenceLength(lead), end - i);
    CharClass cls = lead < 0x80 ? ClassifyAscii(text[i]) : ClassifyNonAscii(text.substr(i, length));
    if (cls == CharClass::kSpace || cls == CharClass::kNewline) {
      word = nullptr;
      pending |= cls == CharClass::kNewline ? (kNewlineBefore | kSpaceBefore) : kSpaceBefore;
    } else if (cls == CharClass::kOther) {
      word = nullptr;
      out->push_back({i, i + length, pending, WordHash(std::string_view(text.data() + i, length))});
      pending = 0;
    } else {
      if (word == nullptr) {
        uint8_t flags = kWord | pending;
        if (cls == CharClass::kUpper) flags |= kUpper;
        if (cls == CharClass::kLetter) flags |= kLower;
        out->push_back({i, i + length, flags, kWordHashSeed});
        word = &out->back();
        pending = 0;
      }
      // Every letter and digit extends a word: the ASCII ones, most of a word, without
      // classifying each. The word is hashed as it is read.
      uint64_t hash = word->hash;
      for (const uint32_t stop = i + length; i < stop; ++i) hash = WordHashStep(hash, text[i]);
      while (i < end && IsAsciiLetterOrDigit(text[i])) hash = WordHashStep(hash, text[i++]);
      word->end = i;
      word->hash = hash;
      continue;
    }
    i += length;
  }
}

bool IsAcronym(std::string_view word) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  int upper = 0;
  for (char c : word) upper += (c >= 'A' && c <= 'Z') ? 1 : 0;
  return upper >= 2;
}

}  // namespace mentions_internal
}  // namespace hearsay

// ASCII character tests, as the "C" locale makes them, without a locale look-up. The stages
// test bytes of UTF-8 text, where every byte of a non-ASCII character fails them.
#ifndef HEARSAY_CORE_ASCII_H_
#define HEARSAY_CORE_ASCII_H_

namespace hearsay {

inline bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiLetter(c) || IsAsciiDigit(c); }

}  // namespace hearsay

#endif  // HEARSAY_CORE_ASCII_H_

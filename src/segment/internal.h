// The steps of the segment stage, in the order Segment() runs them. Each step reads the
// Work built so far and fills in its own part.
#ifndef HEARSAY_SEGMENT_INTERNAL_H_
#define HEARSAY_SEGMENT_INTERNAL_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/segment.h"

namespace hearsay::segment_internal {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// What later steps need to know about a token without decoding it again.
struct TokenInfo {
  TokenKind kind = TokenKind::kPunct;
  bool upper_initial = false;  // starts with an upper-case letter
  bool lower_initial = false;  // starts with a lower-case letter
  bool space_before = false;   // whitespace (or the paragraph start) right before it
  bool space_after = false;    // whitespace (or the paragraph end) right after it
  bool closing_mark = false;   // a quotation mark that closes a quotation
  bool opening_mark = false;   // a quotation mark that opens a quotation
  // Set when the token ends in a period that belongs to an abbreviation ("Mr.", "U.S.", "R.").
  AbbreviationKind abbreviation = AbbreviationKind::kNotAbbreviation;
  uint32_t first = 0;  // first code point
};

struct ParagraphInfo {
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
  bool after_blank_line = true;  // false when only a single newline separates it from the last
};

struct Work {
  std::string_view text;
  const SegmentLexicon* lexicon = nullptr;
  Segmentation* out = nullptr;
  std::vector<TokenInfo> info;            // parallel to out->tokens
  std::vector<ParagraphInfo> paragraphs;  // parallel to out->paragraphs
};

// Lines become paragraphs; a line broken mid-sentence is rejoined with the next.
void SplitParagraphs(Work* work);
// Tokens of every paragraph.
void Tokenize(Work* work);
// Paragraph::boilerplate, then Paragraph::headline.
void ClassifyBoilerplate(Work* work, std::string_view title);
// Segmentation::quotations; marks the quotation marks in TokenInfo.
void FindQuotations(Work* work);
// Segmentation::sentences and Token::sentence.
void SplitSentences(Work* work);

}  // namespace hearsay::segment_internal

#endif  // HEARSAY_SEGMENT_INTERNAL_H_

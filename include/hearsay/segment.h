// segment: paragraphs (with boilerplate marked), sentences, tokens and quotations.
#ifndef HEARSAY_SEGMENT_H_
#define HEARSAY_SEGMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"
#include "hearsay/word_table.h"

namespace hearsay {

// How a period after an abbreviation behaves (ontology/abbreviations.tsv, column `kind`).
enum class AbbreviationKind {
  kNotAbbreviation,
  kTitle,    // "Mr.", "Gen.": always followed by a name, never ends a sentence
  kNumber,   // "No.", "Oct.": an abbreviation only before a number ("No. 10", "Oct. 3")
  kGeneral,  // "U.S.", "Inc.", "St.": ends a sentence only before a capitalized function word
};

// Stop words (ontology/stopwords.tsv, column `kind`).
enum class StopWordKind {
  kNotStopWord,
  kFunction,  // a function word ("the", "of", "which")
  kAddress,   // "we", "our", "you": outside quotations such words address the reader
};

// Words and rules the segmenter needs: abbreviations, stop words (and the pronouns that
// address the reader) for the boilerplate classifier, and the boilerplate cue rules.
// Immutable after Load; safe to share between threads.
class SegmentLexicon {
 public:
  SegmentLexicon();
  ~SegmentLexicon();
  SegmentLexicon(SegmentLexicon&&) noexcept;
  SegmentLexicon& operator=(SegmentLexicon&&) noexcept;

  // Reads ontology/abbreviations.tsv, stopwords.tsv, boilerplate.tsv and datelines.tsv from
  // `dir`.
  static Status Load(const std::string& dir, SegmentLexicon* out);

  // `word_with_period` as written ("Mr.", "U.S.").
  AbbreviationKind Abbreviation(std::string_view word_with_period) const;
  // `lower_word` in lower case, apostrophes as U+0027.
  StopWordKind StopWord(std::string_view lower_word) const {
    return StopWord(lower_word, WordHash(lower_word));
  }
  // `hash` is WordHash(lower_word).
  StopWordKind StopWord(std::string_view lower_word, uint64_t hash) const;
  // The longest stop word in bytes: longer words need no look-up.
  size_t longest_stop_word() const { return longest_stop_word_; }
  // The highest weight of the boilerplate rules that match `paragraph` (case-insensitive),
  // 0 if none does.
  int BoilerplateScore(std::string_view paragraph) const;

  // Bytes of the wire dateline that opens `paragraph` ("BERLIN (Reuters) - "), 0 if none
  // (ontology/datelines.tsv).
  size_t DatelineLength(std::string_view paragraph) const;

  // One boilerplate rule as loaded, for tests that run every rule's example.
  struct BoilerplateRule {
    std::string name;
    int weight = 0;
    std::string example;
  };
  const std::vector<BoilerplateRule>& boilerplate_rules() const { return rules_; }
  // Each dateline rule's example, for the same purpose.
  const std::vector<std::string>& dateline_examples() const { return dateline_examples_; }

  struct Patterns;  // compiled boilerplate rules (RE2)

 private:
  WordTable<AbbreviationKind> abbreviations_;
  WordTable<StopWordKind> stop_words_;
  size_t longest_stop_word_ = 0;
  std::vector<BoilerplateRule> rules_;
  std::unique_ptr<Patterns> patterns_;
  std::vector<std::string> dateline_examples_;
};

// Paragraphs are lines (a blank line or a single newline ends one; a line broken after a
// comma and continued in lower case is rejoined). Tokens and sentences cover every paragraph,
// boilerplate included. Quotations are found only outside boilerplate paragraphs, sorted by
// their outer span; a single-quoted one may lie inside a double-quoted one.
Segmentation Segment(const Document& doc, const SegmentLexicon& lexicon);

}  // namespace hearsay

#endif  // HEARSAY_SEGMENT_H_

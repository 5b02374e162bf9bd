// segment: paragraphs (with boilerplate marked), sentences, tokens and quotations.
#ifndef HEARSAY_SEGMENT_H_
#define HEARSAY_SEGMENT_H_

#include <string>
#include <unordered_set>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

// Words the segmenter needs: abbreviations that do not end a sentence ("Mr.", "Oct.",
// "St."), and stop words for the boilerplate classifier.
class SegmentLexicon {
 public:
  // Reads ontology/abbreviations.tsv and ontology/stopwords.tsv from `dir`.
  static Status Load(const std::string& dir, SegmentLexicon* out);

  bool IsAbbreviation(std::string_view word_with_period) const;
  bool IsStopWord(std::string_view lower_word) const;
  bool IsBoilerplateCue(std::string_view lower_text) const;

 private:
  std::unordered_set<std::string> abbreviations_;
  std::unordered_set<std::string> stopwords_;
  std::vector<std::string> boilerplate_cues_;
};

Segmentation Segment(const Document& doc, const SegmentLexicon& lexicon);

}  // namespace hearsay

#endif  // HEARSAY_SEGMENT_H_

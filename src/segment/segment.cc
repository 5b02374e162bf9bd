#include "hearsay/segment.h"

namespace hearsay {

Status SegmentLexicon::Load(const std::string&, SegmentLexicon*) { return Status::Ok(); }
bool SegmentLexicon::IsAbbreviation(std::string_view word) const {
  return abbreviations_.count(std::string(word)) > 0;
}
bool SegmentLexicon::IsStopWord(std::string_view word) const {
  return stopwords_.count(std::string(word)) > 0;
}
bool SegmentLexicon::IsBoilerplateCue(std::string_view) const { return false; }

// Placeholder until the segmenter lands: one paragraph, one sentence.
Segmentation Segment(const Document& doc, const SegmentLexicon&) {
  Segmentation seg;
  Span all{0, static_cast<uint32_t>(doc.text.size())};
  seg.paragraphs.push_back({all, false, false});
  seg.sentences.push_back({all, 0, 0, 0});
  return seg;
}

}  // namespace hearsay

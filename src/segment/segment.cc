#include "hearsay/segment.h"

#include "segment/internal.h"

namespace hearsay {

Segmentation Segment(const Document& doc, const SegmentLexicon& lexicon) {
  Segmentation segmentation;
  segment_internal::Work work;
  work.text = doc.text;
  work.lexicon = &lexicon;
  work.out = &segmentation;
  segment_internal::SplitParagraphs(&work);
  segment_internal::Tokenize(&work);
  segment_internal::ClassifyBoilerplate(&work, doc.meta.title);
  segment_internal::FindQuotations(&work);
  segment_internal::SplitSentences(&work);
  return segmentation;
}

}  // namespace hearsay

// The pipeline: one document through every stage, and the resources the stages need.
#ifndef HEARSAY_PIPELINE_H_
#define HEARSAY_PIPELINE_H_

#include <string>
#include <vector>

#include "hearsay/attribution.h"
#include "hearsay/document.h"
#include "hearsay/events.h"
#include "hearsay/ingest.h"
#include "hearsay/mentions.h"
#include "hearsay/segment.h"
#include "hearsay/status.h"
#include "hearsay/timex.h"

namespace hearsay {

// Everything loaded from ontology/ once per run; read-only and shareable across threads.
struct Resources {
  SegmentLexicon segment;
  Gazetteer gazetteer;
  TimexRules timex;
  CueLexicon cues;
  TriggerLexicon triggers;
  HtmlLexicon html;

  static Status Load(const std::string& ontology_dir, Resources* out);
};

// The ontology folder compiled in (source tree or install prefix), overridden by the
// HEARSAY_ONTOLOGY environment variable.
std::string DefaultOntologyDir();

// Fills what the text itself can tell about the article: a missing publication date from its
// dateline ("MOSCOW, Oct. 3 (Reuters) -"). Call before Analyze.
void CompleteMetadata(const Resources& resources, Document* doc);

// Every stage, in order. Warns (in Analysis::diagnostics) when the date is still unknown.
Analysis Analyze(const Document& doc, const Resources& resources);

// Analyze for several documents, one stage at a time over all of them: the same analyses, but
// each stage's rules and tables stay in the CPU cache while it runs over the batch.
std::vector<Analysis> AnalyzeEach(const std::vector<const Document*>& docs,
                                  const Resources& resources);

}  // namespace hearsay

#endif  // HEARSAY_PIPELINE_H_

// The pipeline: one document through every stage, and the resources the stages need.
#ifndef HEARSAY_PIPELINE_H_
#define HEARSAY_PIPELINE_H_

#include <string>

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

Analysis Analyze(const Document& doc, const Resources& resources);

}  // namespace hearsay

#endif  // HEARSAY_PIPELINE_H_

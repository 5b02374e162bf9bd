#include "hearsay/pipeline.h"

#include <cstdlib>

namespace hearsay {

Status Resources::Load(const std::string& dir, Resources* out) {
  Status status = SegmentLexicon::Load(dir, &out->segment);
  if (status.ok()) status = Gazetteer::Load(dir, &out->gazetteer);
  if (status.ok()) status = TimexRules::Load(dir, &out->timex);
  if (status.ok()) status = CueLexicon::Load(dir, &out->cues);
  if (status.ok()) status = TriggerLexicon::Load(dir, &out->triggers);
  if (status.ok()) status = HtmlLexicon::Load(dir, &out->html);
  return status;
}

std::string DefaultOntologyDir() {
  const char* from_env = std::getenv("HEARSAY_ONTOLOGY");
  if (from_env != nullptr && *from_env != '\0') return from_env;
  return HEARSAY_ONTOLOGY_DIR;
}

void CompleteMetadata(const Resources& resources, Document* doc) {
  if (doc->meta.date.empty()) doc->meta.date = FindDatelineDate(doc->text, resources.timex);
}

Analysis Analyze(const Document& doc, const Resources& resources) {
  Analysis analysis;
  analysis.segmentation = Segment(doc, resources.segment);
  analysis.mentions = FindMentions(doc, analysis.segmentation, resources.gazetteer);
  analysis.timexes = FindTimexes(doc, analysis.segmentation, resources.timex);
  analysis.claims =
      FindClaims(doc, analysis.segmentation, analysis.mentions, analysis.timexes, resources.cues);
  analysis.events = FindEvents(doc, analysis.segmentation, analysis.mentions, analysis.timexes,
                               analysis.claims, resources.triggers);
  if (doc.meta.date.empty()) {
    analysis.diagnostics.push_back({Severity::kWarning, doc.origin, 0, 0, false,
                                    "no publication date (use --date or a dateline); relative "
                                    "time expressions are left unresolved"});
  }
  return analysis;
}

}  // namespace hearsay

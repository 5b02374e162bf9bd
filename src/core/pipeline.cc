#include "hearsay/pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <string>

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

namespace {

// What the user should know about an article that yields less than its text suggests.
void WarnAboutGaps(const Document& doc, Analysis* analysis) {
  const auto warn = [&](std::string message) {
    analysis->diagnostics.push_back(
        {Severity::kWarning, doc.origin, 0, 0, false, std::move(message)});
  };
  if (doc.meta.date.empty()) {
    warn(
        "no publication date (use --date or a dateline); relative time expressions are left "
        "unresolved");
  }
  const std::vector<Paragraph>& paragraphs = analysis->segmentation.paragraphs;
  if (!paragraphs.empty() && std::all_of(paragraphs.begin(), paragraphs.end(),
                                         [](const Paragraph& p) { return p.boilerplate; })) {
    warn("all text reads as page furniture (appeals, sign-up boxes, links; " +
         std::to_string(paragraphs.size()) + " paragraphs); nothing is extracted from it");
  }
}

}  // namespace

Analysis Analyze(const Document& doc, const Resources& resources) {
  return std::move(AnalyzeEach({&doc}, resources).front());
}

std::vector<Analysis> AnalyzeEach(const std::vector<const Document*>& docs,
                                  const Resources& resources) {
  std::vector<Analysis> analyses(docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    analyses[i].segmentation = Segment(*docs[i], resources.segment);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    analyses[i].mentions = FindMentions(*docs[i], analyses[i].segmentation, resources.gazetteer);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    analyses[i].timexes = FindTimexes(*docs[i], analyses[i].segmentation, resources.timex);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    Analysis& a = analyses[i];
    a.claims = FindClaims(*docs[i], a.segmentation, a.mentions, a.timexes, resources.cues);
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    Analysis& a = analyses[i];
    a.events =
        FindEvents(*docs[i], a.segmentation, a.mentions, a.timexes, a.claims, resources.triggers);
  }
  for (size_t i = 0; i < docs.size(); ++i) WarnAboutGaps(*docs[i], &analyses[i]);
  return analyses;
}

}  // namespace hearsay

#include "hearsay/pipeline.h"

#include <doctest/doctest.h>

#include "hearsay/graph.h"
#include "hearsay/serialize.h"
#include "support.h"

using hearsay::testing::MakeDocument;
using hearsay::testing::TestResources;
using hearsay::testing::TextOf;

TEST_CASE("pipeline: every stage contributes to one analysis") {
  hearsay::Document doc = MakeDocument(
      "Prime Minister Ana Lopes will meet President Jan Novak in Vienna on Friday, her "
      "spokesman said Tuesday.",
      "2021-03-09");
  hearsay::Analysis analysis = hearsay::Analyze(doc, TestResources());
  CHECK(analysis.segmentation.sentences.size() == 1);
  CHECK(analysis.mentions.entities.size() >= 3);
  REQUIRE(analysis.timexes.size() == 2);
  CHECK(analysis.timexes[0].value == "2021-03-12");
  CHECK(analysis.timexes[1].value == "2021-03-09");
  REQUIRE(analysis.claims.size() == 1);
  CHECK(TextOf(doc, analysis.claims[0].cue) == "said");
  REQUIRE(analysis.events.size() == 1);
  CHECK(analysis.events[0].type == "Meeting");
  CHECK(analysis.diagnostics.empty());
}

TEST_CASE("pipeline: a missing date comes from the dateline, else a warning") {
  hearsay::Document dated =
      MakeDocument("Talks resume\nFriday, January 4, 2019\n\nThe envoys met.", "");
  hearsay::CompleteMetadata(TestResources(), &dated);
  CHECK(dated.meta.date == "2019-01-04");
  hearsay::Document undated = MakeDocument("The envoys met on Monday.", "");
  hearsay::CompleteMetadata(TestResources(), &undated);
  hearsay::Analysis analysis = hearsay::Analyze(undated, TestResources());
  REQUIRE(analysis.diagnostics.size() == 1);
  CHECK(analysis.diagnostics[0].severity == hearsay::Severity::kWarning);
}

TEST_CASE("pipeline: a text that is all page furniture gets a warning") {
  hearsay::Document appeal = MakeDocument(
      "Dear readers,\n\nYour support keeps us going. Please donate today.\n\nMaybe later\n",
      "2021-03-09");
  hearsay::Analysis analysis = hearsay::Analyze(appeal, TestResources());
  REQUIRE(analysis.diagnostics.size() == 1);
  CHECK(analysis.diagnostics[0].severity == hearsay::Severity::kWarning);
  CHECK(analysis.diagnostics[0].message.rfind("all text reads as page furniture", 0) == 0);
  CHECK(analysis.diagnostics[0].message.find("3 paragraphs") != std::string::npos);
  CHECK(analysis.claims.empty());
}

TEST_CASE("pipeline: AnalyzeEach gives each document what Analyze gives it") {
  hearsay::Document first = MakeDocument(
      "Prime Minister Ana Lopes will meet President Jan Novak in Vienna on Friday, her "
      "spokesman said Tuesday.",
      "2021-03-09");
  hearsay::Document second = MakeDocument("The envoys met on Monday.", "");
  hearsay::Document third =
      MakeDocument("\"Sanctions will stay,\" the minister said.", "2020-01-02");
  std::vector<hearsay::Analysis> each =
      hearsay::AnalyzeEach({&first, &second, &third}, TestResources());
  REQUIRE(each.size() == 3);
  const hearsay::Document* docs[] = {&first, &second, &third};
  for (size_t i = 0; i < 3; ++i) {
    hearsay::Analysis alone = hearsay::Analyze(*docs[i], TestResources());
    CHECK(each[i].segmentation.sentences.size() == alone.segmentation.sentences.size());
    CHECK(each[i].mentions.mentions.size() == alone.mentions.mentions.size());
    CHECK(each[i].timexes.size() == alone.timexes.size());
    CHECK(each[i].claims.size() == alone.claims.size());
    CHECK(each[i].events.size() == alone.events.size());
    CHECK(each[i].diagnostics.size() == alone.diagnostics.size());
    auto statements = [&](const hearsay::Analysis& analysis) {
      return hearsay::Serialize(hearsay::BuildGraph(*docs[i], analysis),
                                hearsay::OutputFormat::kNTriples);
    };
    CHECK(statements(each[i]) == statements(alone));
  }
  CHECK(each[0].events.size() == 1);
  CHECK(each[1].diagnostics.size() == 1);  // no date
  CHECK(each[2].claims.size() == 1);
  CHECK(hearsay::AnalyzeEach({}, TestResources()).empty());
}

#include "hearsay/pipeline.h"

#include <doctest/doctest.h>

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

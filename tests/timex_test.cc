// Tests of the timex stage: every rule's example from ontology/timex-rules.tsv, then the traps
// (weekday of the document day, year boundaries, leap days, no document date, quotations).
#include "hearsay/timex.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support.h"

namespace hearsay {
namespace {

const TimexRules& Rules() {
  static const TimexRules* rules = [] {
    auto* loaded = new TimexRules();
    Status status = TimexRules::Load(std::string(HEARSAY_SOURCE_DIR) + "/ontology", loaded);
    if (!status.ok()) FAIL("cannot load timex rules: " << status.message());
    return loaded;
  }();
  return *rules;
}

// One paragraph, one sentence, and the quotations between straight double quotes.
Segmentation SimpleSegmentation(const std::string& text) {
  Segmentation seg;
  uint32_t size = static_cast<uint32_t>(text.size());
  seg.paragraphs.push_back({Span{0, size}, false, false});
  seg.sentences.push_back({Span{0, size}, 0, 0, 0});
  size_t open = text.find('"');
  while (open != std::string::npos) {
    size_t close = text.find('"', open + 1);
    if (close == std::string::npos) break;
    seg.quotations.push_back({Span{static_cast<uint32_t>(open), static_cast<uint32_t>(close + 1)},
                              Span{static_cast<uint32_t>(open + 1), static_cast<uint32_t>(close)}});
    open = text.find('"', close + 1);
  }
  return seg;
}

struct Found {
  std::string text;
  std::string value;
  TimexType type;
};

std::vector<Found> Find(const std::string& text, const std::string& date) {
  Document doc = testing::MakeDocument(text, date);
  std::vector<Found> out;
  for (const Timex& timex : FindTimexes(doc, SimpleSegmentation(text), Rules())) {
    out.push_back({testing::TextOf(doc, timex.span), timex.value, timex.type});
  }
  return out;
}

// The value of the time expression whose text is `expression`, or "(none)".
std::string ValueOf(const std::string& text, const std::string& date,
                    const std::string& expression) {
  for (const Found& found : Find(text, date)) {
    if (found.text == expression) return found.value;
  }
  return "(none)";
}

TEST_CASE("timex: every rule's example gives its value") {
  auto examples = Rules().Examples();
  REQUIRE(examples.size() > 20);
  for (const auto& example : examples) {
    CAPTURE(example.rule);
    CAPTURE(example.text);
    std::vector<Found> found = Find(example.text, example.date);
    if (example.value == "-") {
      CHECK(found.empty());
      continue;
    }
    bool has_value = false;
    for (const Found& item : found) has_value = has_value || item.value == example.value;
    CHECK_MESSAGE(has_value, "expected " << example.value);
  }
}

TEST_CASE("timex: explicit dates and datelines") {
  CHECK(ValueOf("Friday, January 4, 2019\u00a0 The talks ended.", "2019-01-04",
                "Friday, January 4, 2019") == "2019-01-04");
  CHECK(ValueOf("It opened on October 3rd.", "2013-10-09", "October 3rd") == "2013-10-03");
  CHECK(ValueOf("The deal was signed in 1992.", "2019-01-23", "1992") == "1992");
  CHECK(ValueOf("It grew in the 1990s.", "2019-01-23", "the 1990s") == "199");
  CHECK(ValueOf("Profits rose in the third quarter.", "2013-10-03", "the third quarter") ==
        "2013-Q3");
  CHECK(ValueOf("Sales fell late last year.", "2013-10-03", "late last year") == "2012");
  CHECK(ValueOf("The union acted earlier this month.", "2013-10-03", "earlier this month") ==
        "2013-10");
}

TEST_CASE("timex: FindDatelineDate") {
  CHECK(FindDatelineDate("Friday, January 4, 2019\u00a0\n\nThe president said.", Rules()) ==
        "2019-01-04");
  CHECK(FindDatelineDate("Airline buys jets\nDecember 10, 2013\nThe airline said.", Rules()) ==
        "2013-12-10");
  CHECK(FindDatelineDate("Talks in 2013\nMOSCOW, Oct. 3 (Reuters) - The ministry said.", Rules()) ==
        "2013-10-03");
  CHECK(FindDatelineDate("MOSCOW, Oct. 3 (Reuters) - The ministry said.", Rules()).empty());
  CHECK(FindDatelineDate("No date here at all.", Rules()).empty());
  // A date inside the lead sentence is no dateline, nor a year further down.
  CHECK(FindDatelineDate("Leaders meet\nThe leaders met on October 3, 2012 in Bali.", Rules())
            .empty());
  CHECK(FindDatelineDate("MOSCOW, Oct. 3 (Reuters) - Talks ended.\nIn 2012 they failed.", Rules())
            .empty());
  CHECK(FindDatelineDate("Published on October 3, 2013\nTalks ended.", Rules()) == "2013-10-03");
}

TEST_CASE("timex: weekdays take their direction from the tense") {
  // 2013-10-03 is a Thursday.
  CHECK(ValueOf("The minister said Monday that talks failed.", "2013-10-03", "Monday") ==
        "2013-09-30");
  CHECK(ValueOf("The leaders will meet on Monday in Bali.", "2013-10-03", "Monday") ==
        "2013-10-07");
  CHECK(ValueOf("The trial is set to begin on Wednesday.", "2013-10-03", "Wednesday") ==
        "2013-10-09");
  CHECK(ValueOf("The embargo stays until Monday.", "2013-10-03", "Monday") == "2013-10-07");
  CHECK(ValueOf("He was arrested Monday night.", "2019-09-12", "Monday night") == "2019-09-09TNI");
}

TEST_CASE("timex: a weekday equal to the document day is the document day") {
  CHECK(ValueOf("An aide said Thursday the talks went well.", "2013-10-03", "Thursday") ==
        "2013-10-03");
  CHECK(ValueOf("The council will vote on Thursday.", "2013-10-03", "Thursday") == "2013-10-03");
  CHECK(ValueOf("Thursday, October 3, 2013 The talks ended.", "2013-10-03",
                "Thursday, October 3, 2013") == "2013-10-03");
}

TEST_CASE("timex: last and next month names") {
  CHECK(ValueOf("Last September, the president stayed home.", "2013-09-20", "Last September") ==
        "2012-09");
  CHECK(ValueOf("He resigned last May.", "2013-10-03", "last May") == "2012-05");
  CHECK(ValueOf("The vote is due next May.", "2013-10-03", "next May") == "2014-05");
  CHECK(ValueOf("The summit takes place this November.", "2013-10-03", "this November") ==
        "2013-11");
  CHECK(ValueOf("The act was passed in December.", "2013-10-03", "December") == "2012-12");
  CHECK(ValueOf("The plant will close in December.", "2013-10-03", "December") == "2013-12");
}

TEST_CASE("timex: year boundaries") {
  CHECK(ValueOf("Prices rose last week.", "2021-01-06", "last week") == "2020-W53");
  CHECK(ValueOf("Prices rose last week.", "2015-01-07", "last week") == "2015-W01");
  CHECK(ValueOf("Prices rose this week.", "2014-12-30", "this week") == "2015-W01");
  CHECK(ValueOf("The law takes effect next month.", "2013-12-10", "next month") == "2014-01");
  CHECK(ValueOf("Sales fell last month.", "2014-01-15", "last month") == "2013-12");
  CHECK(ValueOf("Sales fell in the last quarter.", "2014-02-01", "the last quarter") == "2013-Q4");
  CHECK(ValueOf("The team met yesterday.", "2014-01-01", "yesterday") == "2013-12-31");
  CHECK(ValueOf("The bill passed on Dec. 30.", "2014-01-02", "Dec. 30") == "2013-12-30");
}

TEST_CASE("timex: leap days") {
  CHECK(ValueOf("The contract was signed on February 29.", "2008-07-02", "February 29") ==
        "2008-02-29");
  CHECK(ValueOf("The contract was signed on February 29.", "2013-07-02", "February 29") ==
        "2012-02-29");
  CHECK(ValueOf("The bank reopened the next day.", "2012-03-01", "the next day") == "2012-03-02");
  CHECK(ValueOf("Markets closed on February 28 and reopened the next day.", "2012-03-05",
                "the next day") == "2012-02-29");
  CHECK(ValueOf("The rules changed on February 29, 2013.", "2013-03-01", "February 29, 2013") ==
        "(none)");
}

TEST_CASE("timex: relative expressions") {
  CHECK(ValueOf("The rebels attacked two weeks ago.", "2013-10-03", "two weeks ago") == "2013-W38");
  CHECK(ValueOf("He left last year.", "2013-10-03", "last year") == "2012");
  CHECK(ValueOf("They met this weekend.", "2019-08-24", "this weekend") == "2019-W34-WE");
  CHECK(ValueOf("The store opened this morning.", "2008-01-09", "this morning") == "2008-01-09TMO");
  CHECK(ValueOf("The spring sales were weak.", "2009-04-01", "spring") == "2009-SP");
  CHECK(ValueOf("The store is currently closed.", "2009-04-01", "currently") == "PRESENT_REF");
  CHECK(ValueOf("He recently moved.", "2009-04-01", "recently") == "PAST_REF");
}

TEST_CASE("timex: seasons count from the season the document date is in") {
  CHECK(ValueOf("Rates may rise next spring.", "2019-01-05", "next spring") == "2019-SP");
  CHECK(ValueOf("Rates rose last summer.", "2019-10-05", "last summer") == "2019-SU");
  CHECK(ValueOf("Rates rose last summer.", "2019-07-05", "last summer") == "2018-SU");
  CHECK(ValueOf("The plant opened in summer 2013.", "2019-07-05", "summer 2013") == "2013-SU");
}

TEST_CASE("timex: a clause after a semicolon has its own tense") {
  CHECK(ValueOf("The talks stalled; a deadline expires on March 1.", "2019-01-05", "March 1") ==
        "2019-03-01");
  CHECK(ValueOf("The plant will be closed on March 1.", "2019-01-05", "March 1") == "2019-03-01");
  CHECK(ValueOf("The plant closed on March 1.", "2019-05-05", "March 1") == "2019-03-01");
}

TEST_CASE("timex: anaphora count from the last date mentioned") {
  std::string text =
      "The plant closed on Monday and reopened the following day. In March 2008 it was sold; "
      "a year later it closed, and the year before it had made a profit.";
  CHECK(ValueOf(text, "2013-10-03", "the following day") == "2013-10-01");
  CHECK(ValueOf(text, "2013-10-03", "a year later") == "2009");
  CHECK(ValueOf(text, "2013-10-03", "the year before") == "2008");
  CHECK(ValueOf("Sales rose in February from the same month a year earlier.", "2010-03-03",
                "the same month a year earlier") == "2009-02");
  CHECK(ValueOf("The summit opened on Sunday after talks in the week leading up to it.",
                "2019-07-10", "the week leading up to") == "2019-W27");
}

TEST_CASE("timex: durations and sets are typed") {
  auto found = Find("The talks lasted three weeks and resume every Friday.", "2013-10-03");
  REQUIRE(found.size() == 2);
  CHECK(found[0].value == "P3W");
  CHECK(found[0].type == TimexType::kDuration);
  CHECK(found[1].value == "XXXX-WXX-5");
  CHECK(found[1].type == TimexType::kSet);
  CHECK(ValueOf("It has been with the firm for 33 years.", "2013-12-10", "33 years") == "P33Y");
  CHECK(ValueOf("Four versions were released in 5 years.", "2013-12-10", "in 5 years") == "P5Y");
  CHECK(ValueOf("We will meet again in 5 years.", "2013-12-10", "in 5 years") == "2018");
}

TEST_CASE("timex: spans leave out prepositions and the possessive") {
  CHECK(ValueOf("Despite last week's vote the talks went on.", "2013-10-03", "last week") ==
        "2013-W39");
  CHECK(ValueOf("The summit opened on Monday.", "2013-10-08", "Monday") == "2013-10-07");
}

TEST_CASE("timex: missing document date leaves relative expressions unresolved") {
  CHECK(ValueOf("He left yesterday.", "", "yesterday").empty());
  CHECK(ValueOf("He left last year.", "", "last year").empty());
  CHECK(ValueOf("The aide said Thursday the talks failed.", "", "Thursday") == "XXXX-WXX-4");
  CHECK(ValueOf("The act passed on October 3.", "", "October 3") == "XXXX-10-03");
  CHECK(ValueOf("The act passed on October 3, 2013.", "", "October 3, 2013") == "2013-10-03");
}

TEST_CASE("timex: quotations resolve against when the words were said") {
  std::string text =
      "\"I fired him last night and he left this morning,\" the mayor tweeted Tuesday.";
  // 2019-09-12 is a Thursday; the tweet was on Tuesday 2019-09-10.
  CHECK(ValueOf(text, "2019-09-12", "last night") == "2019-09-09TNI");
  CHECK(ValueOf(text, "2019-09-12", "this morning") == "2019-09-10TMO");
  CHECK(ValueOf(text, "2019-09-12", "Tuesday") == "2019-09-10");
  CHECK(ValueOf("\"We will act tomorrow,\" the minister said.", "2019-09-12", "tomorrow") ==
        "2019-09-13");
}

TEST_CASE("timex: boilerplate paragraphs are skipped") {
  std::string text = "Talks ended Monday.\nSubscribe today for our newsletter every Friday.";
  Document doc = testing::MakeDocument(text, "2013-10-03");
  Segmentation seg;
  seg.paragraphs.push_back({Span{0, 20}, false, false});
  seg.paragraphs.push_back({Span{20, static_cast<uint32_t>(text.size())}, true, false});
  auto timexes = FindTimexes(doc, seg, Rules());
  REQUIRE(timexes.size() == 1);
  CHECK(testing::TextOf(doc, timexes[0].span) == "Monday");
}

}  // namespace
}  // namespace hearsay

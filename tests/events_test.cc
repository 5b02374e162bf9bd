// Tests of the events stage, run through the real earlier stages (segment, mentions, timex,
// attribution) so that they follow the others' progress. Sentences are written for the test.
#include "hearsay/events.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "events/lexicon_data.h"
#include "support.h"

namespace hearsay {
namespace {

using testing::MakeDocument;
using testing::TestResources;
using testing::TextOf;

struct Result {
  Document doc;
  Analysis analysis;
};

Result Run(const std::string& text, const std::string& date = "2013-10-03") {
  Result result{MakeDocument(text, date), {}};
  result.analysis = Analyze(result.doc, TestResources());
  return result;
}

// The first event of `type`, or nullptr.
const Event* FindType(const Result& result, const std::string& type) {
  for (const Event& event : result.analysis.events) {
    if (event.type == type) return &event;
  }
  return nullptr;
}

int CountType(const Result& result, const std::string& type) {
  int count = 0;
  for (const Event& event : result.analysis.events) count += event.type == type ? 1 : 0;
  return count;
}

std::vector<std::string> Triggers(const Result& result, const Event& event) {
  std::vector<std::string> out;
  for (const EventMention& mention : event.mentions) {
    out.push_back(TextOf(result.doc, mention.trigger));
  }
  return out;
}

std::vector<std::string> ActorNames(const Result& result, const Event& event) {
  std::vector<std::string> out;
  for (uint32_t actor : event.actors) out.push_back(result.analysis.mentions.entities[actor].name);
  return out;
}

bool HasActor(const Result& result, const Event& event, const std::string& name) {
  for (const std::string& actor : ActorNames(result, event)) {
    if (actor == name) return true;
  }
  return false;
}

std::string PlaceName(const Result& result, const Event& event) {
  return event.place == kNone ? "" : result.analysis.mentions.entities[event.place].name;
}

std::string TimeValue(const Result& result, const Event& event) {
  return event.time == kNone ? "" : result.analysis.timexes[event.time].value;
}

const TriggerLexicon::Data& Lexicon() { return TestResources().triggers.data(); }

TEST_CASE("events: every trigger rule's example has an event of the rule's type") {
  for (const TriggerRule& rule : Lexicon().triggers) {
    CAPTURE(rule.name);
    CAPTURE(rule.example);
    Result result = Run(rule.example);
    CHECK(FindType(result, rule.type) != nullptr);
  }
}

TEST_CASE("events: every factuality cue's example gives the cue's values") {
  for (const FactualityCue& cue : Lexicon().cues) {
    CAPTURE(cue.name);
    CAPTURE(cue.example);
    Result result = Run(cue.example);
    REQUIRE(!result.analysis.events.empty());
    const EventMention& mention = result.analysis.events.front().mentions.front();
    if (cue.certainty) CHECK(mention.certainty == *cue.certainty);
    if (cue.polarity) CHECK(mention.polarity == *cue.polarity);
    if (cue.tense) CHECK(mention.tense == *cue.tense);
  }
}

TEST_CASE("events: every clause rule matches its example") {
  for (const ClauseRule& rule : Lexicon().clauses) {
    CAPTURE(rule.name);
    CHECK(RE2::PartialMatch(rule.example, *rule.pattern));
  }
}

// Whether `filter` lets rule `index` through on `text` and on `text` in capitals, wherever
// the rule's pattern matches.
bool Passes(const RuleFilter& filter, int index, const std::string& text) {
  std::string upper = text;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const std::string& variant : {text, upper}) {
    if (!RE2::PartialMatch(variant, filter.pattern(index))) continue;
    std::vector<int> candidates;
    filter.Candidates(variant, &candidates);
    if (std::find(candidates.begin(), candidates.end(), index) == candidates.end()) return false;
  }
  return true;
}

TEST_CASE("events: the rule filters let every rule through on its example") {
  const TriggerLexicon::Data& lexicon = Lexicon();
  for (int i = 0; i < static_cast<int>(lexicon.triggers.size()); ++i) {
    CAPTURE(lexicon.triggers[i].name);
    CHECK(RE2::PartialMatch(lexicon.triggers[i].example, *lexicon.triggers[i].pattern));
    CHECK(Passes(lexicon.trigger_filter, i, lexicon.triggers[i].example));
  }
  for (int i = 0; i < static_cast<int>(lexicon.cues.size()); ++i) {
    CAPTURE(lexicon.cues[i].name);
    CHECK(Passes(lexicon.cue_filter, i, lexicon.cues[i].example));
  }
  for (int i = 0; i < static_cast<int>(lexicon.clauses.size()); ++i) {
    CAPTURE(lexicon.clauses[i].name);
    CHECK(Passes(lexicon.clause_filter, i, lexicon.clauses[i].example));
  }
}

TEST_CASE("events: a rule filter lets through what case folding matches") {
  for (RuleFilter::Kind kind : {RuleFilter::Kind::kWhole, RuleFilter::Kind::kRequiredStrings}) {
    RuleFilter filter(kind, EventPatternOptions());
    std::string error;
    REQUIRE(filter.Add("(sanctions)\\b", &error) == 0);
    REQUIRE(filter.Add("(kill(?:s|ed)?)\\b", &error) == 1);
    REQUIRE(filter.Compile());
    // U+017F (long s) folds to "s" and U+212A (Kelvin sign) to "k".
    const std::string text = "New \u017Fanctions after the \u212Ailled.";
    std::vector<int> candidates;
    filter.Candidates(text, &candidates);
    CHECK(candidates == std::vector<int>{0, 1});
    CHECK(RE2::PartialMatch(text, filter.pattern(0)));
    CHECK(RE2::PartialMatch(text, filter.pattern(1)));
    filter.Candidates("No such words here.", &candidates);
    CHECK(candidates.empty());
  }
}

// The indices of the strings `caseless` finds in `text`, ascending.
bool FoundStrings(const CaselessStrings& caseless, const std::string& text, std::vector<int>* out) {
  std::vector<uint64_t> bits;
  if (!caseless.Find(text, &bits)) return false;
  for (size_t i = 0; i < bits.size() * 64; ++i) {
    if ((bits[i / 64] >> (i % 64)) & 1) out->push_back(static_cast<int>(i));
  }
  return true;
}

TEST_CASE("events: caseless strings are found where a case-insensitive RE2::Set finds them") {
  const std::vector<std::string> strings = {"kill",    "sanction",     "the ", " to\t", "s",
                                            "\u2019s", "d\u00e9tente", "ask",  "killed"};
  const std::vector<std::string> texts = {"The Kelvin \u212Aill was SANCTIONED",
                                          "\u017Fanctions in D\u00c9TENTE talks",
                                          "Peru\u2019s envoy went to\tLima",
                                          "nothing here",
                                          "",
                                          "TASKED with kILLED"};
  CaselessStrings caseless;
  REQUIRE(caseless.Build(strings));
  RE2::Options options;
  options.set_literal(true);
  options.set_case_sensitive(false);
  RE2::Set set(options, RE2::UNANCHORED);
  for (const std::string& string : strings) REQUIRE(set.Add(string, nullptr) >= 0);
  REQUIRE(set.Compile());
  for (const std::string& text : texts) {
    CAPTURE(text);
    std::vector<int> expected;
    set.Match(text, &expected);
    std::sort(expected.begin(), expected.end());
    std::vector<int> found;
    REQUIRE(FoundStrings(caseless, text, &found));
    CHECK(found == expected);
  }
}

TEST_CASE("events: word-start strings are found only where they begin a word") {
  CaselessStrings caseless;
  REQUIRE(caseless.Build({"aid"}, {"aid", "co-op"}));  // numbered 0, then 1 and 2
  const std::vector<std::pair<std::string, std::vector<int>>> cases = {
      {"He said so", {0}},
      {"Aid came", {0, 1}},
      {"\u201cAID\u201d", {0, 1}},
      {"a non-co-op farm", {2}},
      {"coco-op", {}},
      // U+212A (Kelvin sign) is no letter of a word, but folds into one: every word-start
      // string may begin a word.
      {"sa\u212Aid", {1, 2}},
  };
  for (const auto& [text, expected] : cases) {
    CAPTURE(text);
    std::vector<int> found;
    REQUIRE(FoundStrings(caseless, text, &found));
    CHECK(found == expected);
  }
}

TEST_CASE("events: a rule whose head begins a word is not looked at inside other words") {
  RuleFilter filter(RuleFilter::Kind::kRequiredStrings, EventPatternOptions(),
                    /*heads_start_words=*/true);
  std::string error;
  REQUIRE(filter.Add("(?:the|an?)\\s+(?:[\\p{L}-]+\\s+)?(deals?)\\b", &error) == 0);
  REQUIRE(filter.Add("(aid|assistance)\\b", &error) == 1);
  REQUIRE(filter.Compile());
  std::vector<int> candidates;
  filter.Candidates("The ideal plan, he said.", &candidates);
  CHECK(candidates.empty());
  filter.Candidates("The trade deal brought aid.", &candidates);
  CHECK(candidates == std::vector<int>{0, 1});
}

TEST_CASE("events: a bad rule pattern is an error") {
  RuleFilter filter(RuleFilter::Kind::kRequiredStrings, EventPatternOptions());
  std::string error;
  CHECK(filter.Add("(unclosed", &error) == -1);
  CHECK(error.find("missing )") != std::string::npos);
}

TEST_CASE("events: a bad trigger pattern is an error naming file and line") {
  TriggerLexicon lexicon;
  Status status = TriggerLexicon::Load("/nonexistent-folder", &lexicon);
  CHECK(!status.ok());
  CHECK(status.message().find("triggers.tsv") != std::string::npos);
}

TEST_CASE("events: type families") {
  struct Case {
    const char* text;
    const char* type;
  };
  const Case cases[] = {
      {"Angela Merkel urged Turkey to free the detained reporters.", "Appeal"},
      {"Japan pledged to rebuild the damaged port.", "Intent"},
      {"Emmanuel Macron met Angela Merkel in Berlin on Tuesday.", "Meeting"},
      {"Angela Merkel visited China last week.", "Visit"},
      {"France and Germany negotiated for three days.", "Negotiation"},
      {"France and Germany signed a border agreement.", "Agreement"},
      {"Norway will cooperate with Sweden on fisheries.", "Cooperation"},
      {"Japan sent emergency aid to Nepal.", "Aid"},
      {"Chile demanded an apology from Peru.", "Demand"},
      {"France condemned the coup in Mali.", "Criticism"},
      {"Peru rejected the proposal.", "Rejection"},
      {"Russia threatened to cut gas supplies to Ukraine.", "Threat"},
      {"Thousands of protesters marched through Madrid.", "Protest"},
      {"The European Union imposed sanctions on Belarus.", "Sanction"},
      {"Chile withdrew its ambassador from Peru.", "Withdrawal"},
      {"Rebels attacked a convoy near Goma.", "Attack"},
      {"Police arrested an opposition leader in Minsk.", "Arrest"},
      {"The parliament passed the budget bill on Friday.", "Legislation"},
      {"Chile elected a new president on Sunday.", "Election"},
      {"The former king died on Sunday.", "Death"},
      {"An earthquake struck Chile on Monday.", "Disaster"},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    CHECK(FindType(Run(text), c.type) != nullptr);
  }
}

TEST_CASE("events: verbal and nominal triggers") {
  Result verbal = Run("Chile and Peru met in Lima.");
  Result nominal = Run("The talks in Lima lasted three days.");
  REQUIRE(FindType(verbal, "Meeting") != nullptr);
  REQUIRE(FindType(nominal, "Meeting") != nullptr);
  CHECK(Triggers(verbal, *FindType(verbal, "Meeting")).front() == "met");
  CHECK(Triggers(nominal, *FindType(nominal, "Meeting")).front() == "talks");
}

TEST_CASE("events: multi-word triggers keep their head word") {
  Result seen = Run("The two ministers saw each other in March.");
  REQUIRE(FindType(seen, "Meeting") != nullptr);
  CHECK(Triggers(seen, *FindType(seen, "Meeting")).front() == "saw");
  Result pulled = Run("Several banks pulled out of Iran last year.");
  REQUIRE(FindType(pulled, "Withdrawal") != nullptr);
  CHECK(Triggers(pulled, *FindType(pulled, "Withdrawal")).front() == "pulled out");
}

TEST_CASE("events: no trigger inside a name") {
  Result result = Run("Peru hosts the Asia-Pacific Economic Cooperation forum every ten years.");
  CHECK(FindType(result, "Cooperation") == nullptr);
}

TEST_CASE("events: coreferent mentions are one event") {
  Result result =
      Run("Chile and Peru May Meet in Lima\n\n"
          "Chile could meet Peru in Lima on Monday, officials said. "
          "The meeting would take place at the presidential palace.");
  REQUIRE(CountType(result, "Meeting") == 1);
  CHECK(FindType(result, "Meeting")->mentions.size() == 3);
}

TEST_CASE("events: a past meeting and a future one stay apart") {
  Result result =
      Run("Emmanuel Macron met Angela Merkel in Paris in May. "
          "Emmanuel Macron will meet Angela Merkel in Berlin next week.");
  CHECK(CountType(result, "Meeting") == 2);
}

TEST_CASE("events: actors, place and time") {
  Result result = Run("Emmanuel Macron met Angela Merkel in Berlin on Monday.", "2019-05-15");
  const Event* meeting = FindType(result, "Meeting");
  REQUIRE(meeting != nullptr);
  CHECK(HasActor(result, *meeting, "Emmanuel Macron"));
  CHECK(HasActor(result, *meeting, "Angela Merkel"));
  CHECK(PlaceName(result, *meeting) == "Berlin");
  CHECK(TimeValue(result, *meeting) == "2019-05-13");
}

TEST_CASE("events: the two leaders are the parties of the event before") {
  Result result =
      Run("Emmanuel Macron met Angela Merkel in Paris on Monday. "
          "The two leaders will hold talks again in Berlin next month.",
          "2019-05-15");
  REQUIRE(CountType(result, "Meeting") == 2);
  const Event& later = result.analysis.events.back();
  CHECK(HasActor(result, later, "Emmanuel Macron"));
  CHECK(HasActor(result, later, "Angela Merkel"));
}

TEST_CASE("events: a relative clause continues the event of its noun") {
  Result result = Run("Chile formed a naval coalition, which was joined by Peru and Ecuador.");
  REQUIRE(CountType(result, "Cooperation") == 1);
  const Event* coalition = FindType(result, "Cooperation");
  CHECK(coalition->mentions.size() == 2);
  CHECK(HasActor(result, *coalition, "Peru"));
}

TEST_CASE("events: reversed roles are two events") {
  Result result =
      Run("Chile banned imports from Peru in May. "
          "Peru banned imports from Chile in June.",
          "2019-07-15");
  CHECK(CountType(result, "Sanction") == 2);
}

TEST_CASE("events: a verb told again in another sentence is one event") {
  Result result =
      Run("Chile banned Peruvian airlines on Monday. "
          "Chile banned the airlines after a safety review, officials said.",
          "2019-07-15");
  CHECK(CountType(result, "Sanction") == 1);
}

TEST_CASE("events: a summit's actor is its organisation") {
  Result result = Run("Emmanuel Macron and Angela Merkel attended the NATO summit in Madrid.");
  const Event* summit = FindType(result, "Meeting");
  REQUIRE(summit != nullptr);
  CHECK(ActorNames(result, *summit) ==
        std::vector<std::string>{"North Atlantic Treaty Organization"});
}

TEST_CASE("events: a demonym names its country") {
  Result result = Run("The European Union banned Russian officials from entering Finland.");
  const Event* ban = FindType(result, "Sanction");
  REQUIRE(ban != nullptr);
  CHECK(HasActor(result, *ban, "Russia"));
}

TEST_CASE("events: a back-reference brings its place") {
  Result result =
      Run("Chile will meet Peru next week. The meeting will take place in Lima.", "2019-05-15");
  const Event* meeting = FindType(result, "Meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->mentions.size() == 2);
  CHECK(PlaceName(result, *meeting) == "Lima");
}

TEST_CASE("events: factuality cues") {
  auto first = [](const Result& result) { return result.analysis.events.front().mentions.front(); };
  Result possible = Run("Chile might sign the treaty.");
  REQUIRE(!possible.analysis.events.empty());
  CHECK(first(possible).certainty == Certainty::kPossible);
  CHECK(first(possible).tense == Tense::kFuture);
  Result probable = Run("Chile is expected to sign the treaty.");
  REQUIRE(!probable.analysis.events.empty());
  CHECK(first(probable).certainty == Certainty::kProbable);
  Result negative = Run("Peru did not sign the treaty.");
  REQUIRE(!negative.analysis.events.empty());
  CHECK(first(negative).polarity == Polarity::kNegative);
  CHECK(first(negative).tense == Tense::kNonFuture);
  Result short_of = Run("The ministers stopped short of a formal meeting.");
  REQUIRE(!short_of.analysis.events.empty());
  CHECK(first(short_of).polarity == Polarity::kNegative);
  Result certain = Run("Peru signed the treaty in Lima.");
  REQUIRE(!certain.analysis.events.empty());
  CHECK(first(certain).certainty == Certainty::kCertain);
  CHECK(first(certain).polarity == Polarity::kPositive);
  CHECK(first(certain).tense == Tense::kNonFuture);
}

TEST_CASE("events: a month name is no modal") {
  Result result = Run("In May, Chile signed the treaty.");
  REQUIRE(!result.analysis.events.empty());
  CHECK(result.analysis.events.front().mentions.front().certainty == Certainty::kCertain);
}

TEST_CASE("events: a date after publication makes a noun future") {
  Result result =
      Run("Protesters are gathering before the summit in Lima on June 3.", "2019-05-15");
  const Event* summit = FindType(result, "Meeting");
  REQUIRE(summit != nullptr);
  CHECK(summit->mentions.front().tense == Tense::kFuture);
}

TEST_CASE("events: a mention inside a claim points at it") {
  Result result = Run("The minister said Chile will sign the treaty.");
  const Event* agreement = FindType(result, "Agreement");
  REQUIRE(agreement != nullptr);
  REQUIRE(!result.analysis.claims.empty());
  CHECK(agreement->mentions.front().claim == 0);
}

TEST_CASE("events: nothing from boilerplate") {
  Result result =
      Run("Chile and Peru signed the treaty in Lima.\n\n"
          "Sign up for our free weekly newsletter\n\n"
          "Support independent journalism today. Your donation makes a difference. "
          "Subscribe to our newsletter and never miss a summit.");
  for (const Event& event : result.analysis.events) {
    for (const EventMention& mention : event.mentions) {
      uint32_t paragraph = result.analysis.segmentation.sentences[mention.sentence].paragraph;
      CHECK(!result.analysis.segmentation.paragraphs[paragraph].boilerplate);
    }
  }
}

TEST_CASE("events: labels name the type and actors") {
  Result result = Run("Emmanuel Macron met Angela Merkel in Berlin.");
  const Event* meeting = FindType(result, "Meeting");
  REQUIRE(meeting != nullptr);
  CHECK(meeting->label == "meeting of Emmanuel Macron and Angela Merkel in Berlin");
}

TEST_CASE("events: the subject of an active verb is the agent, the others are targets") {
  Result active = Run("Norway imposed sanctions on Chile, and Peru criticized Bolivia on Monday.");
  const Event* sanction = FindType(active, "Sanction");
  REQUIRE(sanction != nullptr);
  REQUIRE(sanction->agents.size() == 1);
  CHECK(active.analysis.mentions.entities[sanction->agents[0]].name == "Norway");
  const Event* criticism = FindType(active, "Criticism");
  REQUIRE(criticism != nullptr);
  REQUIRE(criticism->agents.size() == 1);
  CHECK(active.analysis.mentions.entities[criticism->agents[0]].name == "Peru");
  CHECK(HasActor(active, *criticism, "Bolivia"));
  // A passive verb's subject is acted upon: no agent is claimed for it.
  Result passive = Run("Chile was criticized by Norway on Monday.");
  const Event* passive_criticism = FindType(passive, "Criticism");
  REQUIRE(passive_criticism != nullptr);
  CHECK(passive_criticism->agents.empty());
}

TEST_CASE("events: a news conference is an occasion, not a meeting") {
  Result result = Run("The envoy told a news conference in Lima that the summit would go ahead.");
  CHECK(CountType(result, "Meeting") == 1);
  const Event* summit = FindType(result, "Meeting");
  REQUIRE(summit != nullptr);
  CHECK(Triggers(result, *summit) == std::vector<std::string>{"summit"});
}

}  // namespace
}  // namespace hearsay

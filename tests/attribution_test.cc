// Attribution: claims found by the whole pipeline on sentences written for these tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hearsay/lexicon.h"
#include "support.h"

namespace hearsay {
namespace {

using testing::MakeDocument;
using testing::TestResources;
using testing::TextOf;

struct Found {
  Document doc;
  Analysis analysis;
};

Found Run(const std::string& text) {
  Found found{MakeDocument(text), {}};
  found.analysis = Analyze(found.doc, TestResources());
  return found;
}

// The claim whose content is exactly `content`, or nullptr.
const Claim* WithContent(const Found& found, const std::string& content) {
  for (const Claim& claim : found.analysis.claims) {
    if (TextOf(found.doc, claim.content) == content) return &claim;
  }
  return nullptr;
}

std::string Listing(const Found& found) {
  std::string out;
  for (const Claim& claim : found.analysis.claims) {
    out += "[" + claim.rule + "] " + TextOf(found.doc, claim.source) + " | " +
           TextOf(found.doc, claim.cue) + " | " + TextOf(found.doc, claim.content) + "\n";
  }
  return out;
}

std::vector<std::string> RelayNames(const Found& found, const Claim& claim) {
  std::vector<std::string> names;
  for (uint32_t relay : claim.relays) names.push_back(found.analysis.mentions.entities[relay].name);
  return names;
}

void CheckClaim(const Found& found, const std::string& content, const std::string& source,
                const std::string& cue, QuoteKind kind) {
  INFO(Listing(found));
  const Claim* claim = WithContent(found, content);
  REQUIRE_MESSAGE(claim != nullptr, "no claim with content: " << content);
  CHECK(TextOf(found.doc, claim->source) == source);
  CHECK(TextOf(found.doc, claim->cue) == cue);
  CHECK(claim->kind == kind);
}

TEST_CASE("attribution: every rule's example yields its claim") {
  const std::string path = std::string(HEARSAY_SOURCE_DIR) + "/ontology/attribution-rules.tsv";
  int examples = 0;
  Status status = ReadTsv(path, [&](const TsvRecord& record) {
    if (record.fields[0][0] == '$') return Status::Ok();
    REQUIRE(record.fields.size() == 7);
    ++examples;
    Found found = Run(record.fields[3]);
    INFO(record.fields[0] << ": " << record.fields[3] << "\n" << Listing(found));
    bool seen = false;
    for (const Claim& claim : found.analysis.claims) {
      seen = seen || (claim.rule == record.fields[0] &&
                      TextOf(found.doc, claim.source) == record.fields[4] &&
                      TextOf(found.doc, claim.cue) == record.fields[5] &&
                      TextOf(found.doc, claim.content) == record.fields[6]);
    }
    CHECK(seen);
    return Status::Ok();
  });
  CHECK(status.ok());
  CHECK(examples > 10);
}

TEST_CASE("attribution: bad rule patterns are reported with file and line") {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / "hearsay-attribution-test";
  std::filesystem::create_directories(dir);
  const std::string ontology = std::string(HEARSAY_SOURCE_DIR) + "/ontology/";
  for (const char* name : {"cues.tsv", "attribution-words.tsv"}) {
    std::filesystem::copy_file(ontology + name, dir / name,
                               std::filesystem::copy_options::overwrite_existing);
  }
  std::ofstream(dir / "attribution-rules.tsv")
      << "# comment\nbroken\tregion\t(?P<cue>C(\tHe said it.\the\tsaid\tit\n";
  CueLexicon lexicon;
  Status status = CueLexicon::Load(dir.string(), &lexicon);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("attribution-rules.tsv:2:") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("attribution: indirect speech drops that and the final period") {
  Found found = Run("The harbour master said that the channel would be dredged by spring.");
  CheckClaim(found, "the channel would be dredged by spring", "The harbour master", "said",
             QuoteKind::kIndirect);
}

TEST_CASE("attribution: direct quotation after the cue, colon layout") {
  Found found = Run("The mayor said: \"We will rebuild the old bridge.\"");
  CheckClaim(found, "We will rebuild the old bridge.", "The mayor", "said", QuoteKind::kDirect);
  Found colon = Run("Senator Ruth Adler: \"This budget leaves our schools behind.\"");
  CheckClaim(colon, "This budget leaves our schools behind.", "Ruth Adler", ":",
             QuoteKind::kDirect);
}

TEST_CASE("attribution: quotation before the cue, source after") {
  Found found = Run("\"The harvest was the worst in a decade,\" said farmer Tom Weller.");
  const Claim* claim = WithContent(found, "The harvest was the worst in a decade");
  INFO(Listing(found));
  REQUIRE(claim != nullptr);
  CHECK(TextOf(found.doc, claim->cue) == "said");
  CHECK(TextOf(found.doc, claim->source).find("Tom Weller") != std::string::npos);
}

TEST_CASE("attribution: cue inside the quotation splits it") {
  Found found = Run("\"The plan,\" the minister said, \"is dead. We will start again next year.\"");
  CheckClaim(found, "The plan", "the minister", "said", QuoteKind::kDirect);
  CheckClaim(found, "is dead.", "the minister", "said", QuoteKind::kDirect);
  CheckClaim(found, "We will start again next year.", "the minister", "said", QuoteKind::kDirect);
}

TEST_CASE("attribution: a quotation runs on into the next sentence") {
  Found found =
      Run("\"The water is rising fast,\" the engineer said. \"We have two days at most. Then the "
          "levee goes.\"");
  CheckClaim(found, "The water is rising fast", "the engineer", "said", QuoteKind::kDirect);
  CheckClaim(found, "We have two days at most. Then the levee goes.", "the engineer", "said",
             QuoteKind::kDirect);
}

TEST_CASE("attribution: mixed quotation") {
  Found found = Run("The governor said the storm was \"the worst in living memory.\"");
  CheckClaim(found, "the storm was \"the worst in living memory.\"", "The governor", "said",
             QuoteKind::kMixed);
}

TEST_CASE("attribution: content before the cue, source then cue") {
  Found found = Run("The ferry service has been suspended until Friday, local officials said.");
  CheckClaim(found, "The ferry service has been suspended until Friday", "local officials", "said",
             QuoteKind::kIndirect);
}

TEST_CASE("attribution: according to, before and after") {
  Found after = Run("According to the port authority, three ships ran aground last week.");
  CheckClaim(after, "three ships ran aground last week", "the port authority", "According to",
             QuoteKind::kIndirect);
  Found before = Run("The factory will close in March, according to the regional labour office.");
  CheckClaim(before, "The factory will close in March", "the regional labour office",
             "according to", QuoteKind::kIndirect);
}

TEST_CASE("attribution: apposition gives the name as source") {
  Found found = Run("Hugh Hill, a doctor at the clinic, said the ward was full.");
  CheckClaim(found, "the ward was full", "Hugh Hill", "said", QuoteKind::kIndirect);
  Found title = Run("The spokesman, Karl Brandt, said the talks had failed.");
  CheckClaim(title, "the talks had failed", "Karl Brandt", "said", QuoteKind::kIndirect);
}

TEST_CASE("attribution: a title stays outside the source span") {
  Found found = Run("U.S. Secretary of State Mike Pompeo said the sanctions would stay.");
  CheckClaim(found, "the sanctions would stay", "Mike Pompeo", "said", QuoteKind::kIndirect);
}

TEST_CASE("attribution: an outlet that reports a quotation is its relay") {
  Found found =
      Run("\"The deal is ready,\" Yury Ushakov said at a news briefing, Interfax reported. \"Only "
          "the date is open.\"");
  CheckClaim(found, "The deal is ready", "Yury Ushakov", "said", QuoteKind::kDirect);
  const Claim* first = WithContent(found, "The deal is ready");
  const Claim* second = WithContent(found, "Only the date is open.");
  REQUIRE(first != nullptr);
  REQUIRE(second != nullptr);
  CHECK(RelayNames(found, *first) == std::vector<std::string>{"Interfax"});
  CHECK(RelayNames(found, *second) == std::vector<std::string>{"Interfax"});
  CHECK(TextOf(found.doc, first->occasion) == "at a news briefing");
  CHECK(found.analysis.claims.size() == 2);
}

TEST_CASE("attribution: the audience of told is not a relay") {
  Found found = Run("The minister told the BBC that the border would stay closed.");
  CheckClaim(found, "the border would stay closed", "The minister", "told", QuoteKind::kIndirect);
  CHECK(WithContent(found, "the border would stay closed")->relays.empty());
}

TEST_CASE("attribution: an outlet quoted as saying") {
  Found found = Run("Interfax quoted the governor as saying the road would reopen.");
  INFO(Listing(found));
  const Claim* claim = WithContent(found, "the road would reopen");
  REQUIRE(claim != nullptr);
  CHECK(TextOf(found.doc, claim->source) == "the governor");
  CHECK(RelayNames(found, *claim) == std::vector<std::string>{"Interfax"});
}

TEST_CASE("attribution: said when") {
  Found found = Run("The governor said on Thursday that the road would reopen.");
  INFO(Listing(found));
  const Claim* claim = WithContent(found, "the road would reopen");
  REQUIRE(claim != nullptr);
  REQUIRE(claim->said_at != kNone);
  CHECK(TextOf(found.doc, found.analysis.timexes[claim->said_at].span) == "Thursday");
}

TEST_CASE("attribution: a date beyond the content does not date the saying") {
  Found found =
      Run("According to a ministry official, the envoys discussed the tariffs, which the council "
          "raised in March.");
  INFO(Listing(found));
  const Claim* claim = WithContent(found, "the envoys discussed the tariffs");
  REQUIRE(claim != nullptr);
  CHECK(claim->said_at == kNone);
}

TEST_CASE("attribution: a relative clause with its own cue is its own claim") {
  Found found =
      Run("The governor said the levee would hold, which the engineers said was far from certain.");
  CheckClaim(found, "the levee would hold", "The governor", "said", QuoteKind::kIndirect);
  CheckClaim(found, "was far from certain", "the engineers", "said", QuoteKind::kIndirect);
}

TEST_CASE("attribution: a gerund continues the speaker") {
  Found found = Run("The coach praised the team, adding that the season was not over.");
  CheckClaim(found, "the season was not over", "The coach", "adding", QuoteKind::kIndirect);
}

TEST_CASE("attribution: nouns that look like cues are not cues") {
  Found found =
      Run("His promises and the state budget were discussed, and such claims were rejected.");
  CHECK(found.analysis.claims.empty());
}

TEST_CASE("attribution: belief verbs need an explicit source") {
  Found found = Run("Many farmers believe the new canal will lower the water table.");
  CheckClaim(found, "the new canal will lower the water table", "Many farmers", "believe",
             QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: an outlet citing a source relays that source's claim") {
  Found found =
      Run("The talks broke down on Monday, Interfax reported, citing a source close to the "
          "negotiators.");
  INFO(Listing(found));
  const Claim* claim = WithContent(found, "The talks broke down on Monday");
  REQUIRE(claim != nullptr);
  CHECK(TextOf(found.doc, claim->source) == "a source");
  CHECK(RelayNames(found, *claim) == std::vector<std::string>{"Interfax"});
  CHECK(found.analysis.claims.size() == 1);
}

TEST_CASE("attribution: a gerund after a quotation continues its speaker") {
  Found found =
      Run("\"The plant will close,\" the manager said, noting that 200 jobs were at risk.");
  CheckClaim(found, "The plant will close", "the manager", "said", QuoteKind::kDirect);
  CheckClaim(found, "200 jobs were at risk", "the manager", "noting", QuoteKind::kIndirect);
}

TEST_CASE("attribution: headline attribution") {
  Found found = Run("Mayor Says Bridge Will Reopen in May\n\nThe city council met on Tuesday.");
  CheckClaim(found, "Bridge Will Reopen in May", "Mayor", "Says", QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: the article's own first person is no source") {
  Found found = Run("We think the summit will be held in Lima.");
  CHECK(found.analysis.claims.empty());
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: no claims from boilerplate paragraphs") {
  Found found =
      Run("The mayor said the bridge would reopen.\n\nSign up for our free weekly newsletter. Our "
          "editors say it is the best way to follow the news.");
  INFO(Listing(found));
  REQUIRE(found.analysis.claims.size() == 1);
  CHECK(TextOf(found.doc, found.analysis.claims[0].content) == "the bridge would reopen");
}

TEST_CASE("attribution: a common noun with a named complement keeps the whole phrase") {
  Found found = Run("Representatives from Iran said the talks had been useful.");
  CheckClaim(found, "the talks had been useful", "Representatives from Iran", "said",
             QuoteKind::kIndirect);
}

TEST_CASE("attribution: two sources sharing one cue are one claim") {
  Found found = Run("Both France and the United States have accused the rebels of the attack.");
  INFO(Listing(found));
  REQUIRE(found.analysis.claims.size() == 1);
  CHECK(TextOf(found.doc, found.analysis.claims[0].source) == "France and the United States");
}

TEST_CASE("attribution: indirect content stops before a clause the writer adds") {
  Found found = Run("The minister announced a new budget, which was later rejected by parliament.");
  CheckClaim(found, "a new budget", "The minister", "announced", QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: quoted as saying") {
  Found found = Run("The governor was quoted as saying the road would reopen.");
  CheckClaim(found, "the road would reopen", "The governor", "saying", QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: a nested claim keeps the outer content whole") {
  Found found = Run("The chairman stated he believed the merger would close in June.");
  CheckClaim(found, "he believed the merger would close in June", "The chairman", "stated",
             QuoteKind::kIndirect);
  CheckClaim(found, "the merger would close in June", "he", "believed", QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: an unnamed source in the lead is the speaker named next") {
  Found found =
      Run("The summit could take place in May, a Kremlin aide said on Thursday.\n\n"
          "\"The date is not fixed yet,\" Yury Ushakov told reporters.");
  INFO(Listing(found));
  const Claim* lead = WithContent(found, "The summit could take place in May");
  const Claim* quote = WithContent(found, "The date is not fixed yet");
  REQUIRE(lead != nullptr);
  REQUIRE(quote != nullptr);
  CHECK(TextOf(found.doc, lead->source) == "a Kremlin aide");
  REQUIRE(quote->source_entity != kNone);
  CHECK(lead->source_entity == quote->source_entity);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: a second cue joined by and keeps the subject") {
  Found found = Run("The mayor said the budget was fair and added that more talks were needed.");
  CheckClaim(found, "the budget was fair", "The mayor", "said", QuoteKind::kIndirect);
  CheckClaim(found, "more talks were needed", "The mayor", "added", QuoteKind::kIndirect);
}

TEST_CASE("attribution: saying nothing is no claim") {
  Found found = Run("Officials have said little about the investigation.");
  CHECK(found.analysis.claims.empty());
}

TEST_CASE("attribution: a quotation after a semicolon is direct") {
  Found found = Run(
      "She said the plan was \"a good start\"; however, \"we need far more money,\" she added.");
  CheckClaim(found, "we need far more money", "she", "added", QuoteKind::kDirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: passive cues and refusals are no claims") {
  Found passive = Run("A new version of the app was also announced at the event.");
  CHECK(passive.analysis.claims.empty());
  Found refusal = Run("The director would not say whether he had been forced out.");
  CHECK(refusal.analysis.claims.empty());
}

TEST_CASE("attribution: an age apposition is not the source") {
  Found found = Run("Anna Berg, 49, said the clinic would stay open.");
  CheckClaim(found, "the clinic would stay open", "Anna Berg", "said", QuoteKind::kIndirect);
}

}  // namespace
}  // namespace hearsay

namespace hearsay {
namespace {

TEST_CASE("attribution: an anonymous source's reason follows the cue") {
  Found found =
      Run("The vote will be delayed, an aide said on condition of anonymity because he was not "
          "authorized to speak publicly.");
  CheckClaim(found, "The vote will be delayed", "an aide", "said", QuoteKind::kIndirect);
  CHECK(found.analysis.claims.size() == 1);
}

}  // namespace
}  // namespace hearsay

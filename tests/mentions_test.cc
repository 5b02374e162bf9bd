#include "hearsay/mentions.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "hearsay/segment.h"
#include "support.h"

namespace hearsay {
namespace {

using testing::MakeDocument;
using testing::TestResources;

// One mention as the tests look at it.
struct Found {
  std::string text;
  MentionKind kind = MentionKind::kName;
  std::string entity;  // canonical name, empty if unresolved
  EntityType type = EntityType::kPerson;
  std::string title;
  std::string country;
};

struct Result {
  Document doc;
  Mentions mentions;
  std::vector<Found> found;

  // The n-th mention whose text is `text`, or nullptr.
  const Found* Get(const std::string& text, size_t n = 0) const {
    for (const Found& f : found) {
      if (f.text == text && n-- == 0) return &f;
    }
    return nullptr;
  }
  size_t Count(MentionKind kind, EntityType type) const {
    size_t count = 0;
    for (const Found& f : found) count += f.kind == kind && !f.entity.empty() && f.type == type;
    return count;
  }
};

Result Collect(Document doc, const Segmentation& seg) {
  Result result;
  result.doc = std::move(doc);
  result.mentions = FindMentions(result.doc, seg, TestResources().gazetteer);
  for (const Mention& m : result.mentions.mentions) {
    Found f;
    f.text = std::string(m.span.In(result.doc.text));
    f.kind = m.kind;
    f.title = std::string(m.title.In(result.doc.text));
    if (m.entity != kNone) {
      const Entity& e = result.mentions.entities[m.entity];
      f.entity = e.name;
      f.type = e.type;
      f.country = e.country;
    }
    result.found.push_back(f);
  }
  return result;
}

Result Run(const std::string& text) {
  Document doc = MakeDocument(text);
  Segmentation seg = Segment(doc, TestResources().segment);
  return Collect(std::move(doc), seg);
}

#define CHECK_ENTITY(result, text, expected_entity, expected_type)                 \
  do {                                                                             \
    const Found* found_mention = (result).Get(text);                               \
    REQUIRE_MESSAGE(found_mention != nullptr, "no mention " << std::string(text)); \
    CHECK(found_mention->entity == (expected_entity));                             \
    CHECK(found_mention->type == (expected_type));                                 \
  } while (false)

TEST_CASE("mentions: each gazetteer type is found with its canonical name") {
  Result r =
      Run("Reuters said the Kremlin and NATO met in Vienna near the Persian Gulf while Russia and "
          "Sergei Lavrov waited.");
  CHECK_ENTITY(r, "Reuters", "Reuters", EntityType::kMedia);
  CHECK_ENTITY(r, "Kremlin", "Kremlin", EntityType::kOrganization);
  CHECK_ENTITY(r, "NATO", "North Atlantic Treaty Organization", EntityType::kOrganization);
  CHECK_ENTITY(r, "Vienna", "Vienna", EntityType::kPlace);
  CHECK_ENTITY(r, "Persian Gulf", "Persian Gulf", EntityType::kPlace);
  CHECK_ENTITY(r, "Russia", "Russia", EntityType::kCountry);
  CHECK_ENTITY(r, "Sergei Lavrov", "Sergei Lavrov", EntityType::kPerson);
  CHECK(r.Get("Russia")->country == "RUS");
}

TEST_CASE("mentions: every ISO 3166 country is in the gazetteer") {
  std::string countries = testing::ReadSourceFile("ontology/gazetteer/countries.tsv");
  for (const char* code : {"\tAFG\t", "\tZWE\t", "\tKOR\t", "\tCOD\t", "\tATA\t", "\tVAT\t"}) {
    CHECK_MESSAGE(countries.find(code) != std::string::npos, code);
  }
  Result r = Run("Officials from Burkina Faso, Viet Nam and the Russian Federation arrived.");
  CHECK_ENTITY(r, "Burkina Faso", "Burkina Faso", EntityType::kCountry);
  CHECK_ENTITY(r, "Viet Nam", "Vietnam", EntityType::kCountry);
  CHECK_ENTITY(r, "Russian Federation", "Russia", EntityType::kCountry);
}

TEST_CASE("mentions: short forms and demonyms refer to one country entity") {
  Result r =
      Run("The U.S. and the United States are one country. American diplomats met Ukrainian "
          "and German officials in America. The US, the UK and Britain agreed.");
  CHECK_ENTITY(r, "U.S.", "United States", EntityType::kCountry);
  CHECK_ENTITY(r, "United States", "United States", EntityType::kCountry);
  CHECK_ENTITY(r, "America", "United States", EntityType::kCountry);
  CHECK_ENTITY(r, "US", "United States", EntityType::kCountry);
  CHECK_ENTITY(r, "UK", "United Kingdom", EntityType::kCountry);
  CHECK_ENTITY(r, "Britain", "United Kingdom", EntityType::kCountry);
  const Found* american = r.Get("American");
  REQUIRE(american != nullptr);
  CHECK(american->kind == MentionKind::kDemonym);
  CHECK(american->entity == "United States");
  CHECK(r.Get("Ukrainian")->entity == "Ukraine");
  CHECK(r.Get("German")->entity == "Germany");
  // One entity for all the names of the United States.
  uint32_t us = r.mentions.mentions[0].entity;
  size_t us_mentions = 0;
  for (const Mention& m : r.mentions.mentions) us_mentions += m.entity == us;
  CHECK(us_mentions == 5);
  // Mentions are sorted and entities list their mentions.
  for (size_t i = 1; i < r.mentions.mentions.size(); ++i) {
    CHECK(!(r.mentions.mentions[i].span < r.mentions.mentions[i - 1].span));
  }
  for (uint32_t e = 0; e < r.mentions.entities.size(); ++e) {
    for (uint32_t m : r.mentions.entities[e].mentions) CHECK(r.mentions.mentions[m].entity == e);
  }
}

TEST_CASE("mentions: unknown people are found after titles, with reporting verbs, in appositions") {
  Result r =
      Run("Agriculture Minister Tomasz Wielgosz met Kremlin spokesman Arkady Belyavin on Friday. "
          "The dispute began when lawyer Marek Zubrowski was arrested. "
          "Hugh Hill, a doctor, treated him. "
          "\"We are ready,\" said Kovalchuk. Ostrowski told reporters nothing. "
          "Peter O'Donnell-Brandt and Ursula de la Fuente spoke.");
  CHECK(r.Get("a doctor")->entity == "Hugh Hill");
  for (const char* name :
       {"Tomasz Wielgosz", "Arkady Belyavin", "Marek Zubrowski", "Hugh Hill", "Kovalchuk",
        "Ostrowski", "Peter O'Donnell-Brandt", "Ursula de la Fuente"}) {
    CHECK_ENTITY(r, name, name, EntityType::kPerson);
  }
}

TEST_CASE("mentions: organizations are found by their head words") {
  Result r =
      Run("The Baltic Shipping Ministry and the Ministry of Coastal Affairs fined Northwind "
          "Airlines. The Federal Bridge Office of Austria agreed. Northwind appealed.");
  CHECK_ENTITY(r, "Baltic Shipping Ministry", "Baltic Shipping Ministry",
               EntityType::kOrganization);
  CHECK_ENTITY(r, "Ministry of Coastal Affairs", "Ministry of Coastal Affairs",
               EntityType::kOrganization);
  CHECK_ENTITY(r, "Northwind Airlines", "Northwind Airlines", EntityType::kOrganization);
  CHECK_ENTITY(r, "Federal Bridge Office of Austria", "Federal Bridge Office of Austria",
               EntityType::kOrganization);
  Result ukraine = Run("Officials at the Ministry of Foreign Affairs of Ukraine agreed.");
  CHECK_ENTITY(ukraine, "Ministry of Foreign Affairs of Ukraine",
               "Ministry of Foreign Affairs of Ukraine", EntityType::kOrganization);
  // A short form of an organization named earlier.
  CHECK_ENTITY(r, "Northwind", "Northwind Airlines", EntityType::kOrganization);

  Result continued = Run("Boeing Defense announced a contract.");
  CHECK_ENTITY(continued, "Boeing Defense", "Boeing", EntityType::kOrganization);

  Result later = Run("Castellan said sales fell. Castellan Motors is based in Turin.");
  CHECK_ENTITY(later, "Castellan", "Castellan Motors", EntityType::kOrganization);
}

TEST_CASE("mentions: title words before a name are its title") {
  Result r =
      Run("U.S. President Barack Obama called German Chancellor Angela Merkel and President of "
          "Ukraine Petro Poroshenko.");
  REQUIRE(r.Get("Barack Obama") != nullptr);
  CHECK(r.Get("Barack Obama")->title == "U.S. President");
  CHECK(r.Get("Angela Merkel")->title == "German Chancellor");
  CHECK(r.Get("Petro Poroshenko")->title == "President of Ukraine");
  // The title words are no person.
  CHECK(r.Get("President") == nullptr);
}

TEST_CASE("mentions: surnames, possessives and acronyms corefer with the full name") {
  Result r =
      Run("President Vladimir Putin arrived. Putin said talks went well. Putin's aides agreed. "
          "Deputy Minister Gennady Tolmachev spoke. Tolmachev's office was closed. "
          "The Coastal Fisheries Council (CFC) met the Asia-Pacific Economic Cooperation, or APEC, "
          "forum. The CFC said APEC was late.");
  CHECK_ENTITY(r, "Vladimir Putin", "Vladimir Putin", EntityType::kPerson);
  CHECK(r.Get("Putin", 0)->entity == "Vladimir Putin");
  CHECK(r.Get("Putin", 1)->entity == "Vladimir Putin");
  CHECK(r.Get("Putin's") == nullptr);  // the possessive 's is outside the span
  CHECK(r.Get("Tolmachev")->entity == "Gennady Tolmachev");
  CHECK(r.Get("CFC", 0)->entity == "Coastal Fisheries Council");
  CHECK(r.Get("CFC", 1)->entity == "Coastal Fisheries Council");
  CHECK(r.Get("APEC", 1)->entity == "Asia-Pacific Economic Cooperation");
}

TEST_CASE("mentions: the longest full name is the canonical name of an unknown person") {
  Result r = Run("Jan Kowalczyk arrived. Kowalczyk spoke. Jan K. Kowalczyk left.");
  CHECK(r.Get("Kowalczyk")->entity == "Jan K. Kowalczyk");
  CHECK(r.Get("Jan Kowalczyk")->entity == "Jan K. Kowalczyk");
}

TEST_CASE("mentions: descriptions are resolved where the article says who is meant") {
  Result r =
      Run("President Vladimir Putin may meet the envoy, a Putin aide said Thursday.\n"
          "\"This was our proposal,\" Yury Ushakov said.\n"
          "The president later left. Russian officials declined to comment. "
          "The ministry said nothing. The Saudi government agreed.");
  const Found* aide = r.Get("a Putin aide");
  REQUIRE(aide != nullptr);
  CHECK(aide->kind == MentionKind::kDescription);
  CHECK(aide->entity == "Yury Ushakov");
  CHECK(r.Get("The president")->entity == "Vladimir Putin");
  const Found* officials = r.Get("Russian officials");
  REQUIRE(officials != nullptr);
  CHECK(officials->kind == MentionKind::kDescription);
  CHECK(officials->entity.empty());
  REQUIRE(r.Get("The ministry") != nullptr);
  CHECK(r.Get("The ministry")->entity.empty());
  CHECK(r.Get("The Saudi government")->entity == "Saudi Arabia");
}

TEST_CASE("mentions: the two leaders are the two people named last") {
  Result r =
      Run("Chancellor Ingrid Falk met Prime Minister Jonas Weber in Bern, an aide, Karl Moser, "
          "said. The two leaders discussed trade. Officials said both leaders agreed.");
  for (const char* text : {"The two leaders", "both leaders"}) {
    CAPTURE(text);
    const MentionGroup* pair = nullptr;
    for (const MentionGroup& group : r.mentions.groups) {
      if (r.mentions.mentions[group.mention].span.In(r.doc.text) == text) pair = &group;
    }
    REQUIRE(pair != nullptr);
    REQUIRE(pair->entities.size() == 2);
    CHECK(r.mentions.entities[pair->entities[0]].name == "Ingrid Falk");
    CHECK(r.mentions.entities[pair->entities[1]].name == "Jonas Weber");
  }
  CHECK(r.mentions.groups.size() == 2);  // "Officials" is no pair
}

TEST_CASE("mentions: a description with no identified referent stays unresolved") {
  Result r = Run("A spokesman declined to comment.\n\nLater, officials said the vote was over.");
  REQUIRE(r.Get("A spokesman") != nullptr);
  CHECK(r.Get("A spokesman")->entity.empty());
  CHECK(r.Get("officials")->entity.empty());
}

TEST_CASE("mentions: pronouns refer to the subject of the previous sentence") {
  Result r =
      Run("Prime Minister Anna Lindqvist met Tomas Berg in Oslo. She said the talks went well. "
          "Berg left early. He said nothing.");
  const Found* she = r.Get("She");
  REQUIRE(she != nullptr);
  CHECK(she->kind == MentionKind::kPronoun);
  CHECK(she->entity == "Anna Lindqvist");
  CHECK(r.Get("He")->entity == "Tomas Berg");
}

TEST_CASE("mentions: names inside a quotation are no antecedents for a pronoun outside it") {
  Result r = Run("Olaf Lindgren arrived late. \"We thank Peter Novak,\" he said.");
  REQUIRE(r.Get("he") != nullptr);
  CHECK(r.Get("he")->entity == "Olaf Lindgren");
}

TEST_CASE("mentions: sentence-initial capitalized words are no people") {
  Result r =
      Run("Apart from Russia, members include Japan. Despite the rain, they met. Yesterday, the "
          "talks began. Monday was quiet. Experts said more was needed. Critics say it failed. "
          "Meanwhile the talks continued.");
  CHECK(r.Count(MentionKind::kName, EntityType::kPerson) == 0);
  for (const Found& f : r.found) {
    CHECK_MESSAGE(!(f.kind == MentionKind::kName && f.type == EntityType::kPerson), f.text);
  }
  CHECK(r.Get("Apart") == nullptr);
  CHECK(r.Get("Experts") != nullptr);  // a description, not a name
  CHECK(r.Get("Experts")->kind == MentionKind::kDescription);
}

TEST_CASE("mentions: title-case headlines give no false names") {
  Result r = Run("Leaders Say Talks May Resume After Summit\n\nThe talks resumed, officials say.");
  CHECK(r.Count(MentionKind::kName, EntityType::kPerson) == 0);
}

TEST_CASE("mentions: sentences of the segmentation are used and boilerplate is skipped") {
  std::string first = "Boris Johnson said he agreed.";
  std::string second = "Sign up with Reuters for our newsletter.";
  Document doc = MakeDocument(first + "\n\n" + second);
  Segmentation seg;
  auto second_begin = static_cast<uint32_t>(first.size() + 2);
  seg.paragraphs.push_back({{0, static_cast<uint32_t>(first.size())}, false, false});
  seg.paragraphs.push_back({{second_begin, static_cast<uint32_t>(doc.text.size())}, true, false});
  seg.sentences.push_back({seg.paragraphs[0].span, 0, 0, 0});
  seg.sentences.push_back({seg.paragraphs[1].span, 1, 0, 0});
  Result r = Collect(std::move(doc), seg);
  CHECK(r.Get("Boris Johnson") != nullptr);
  CHECK(r.Get("Reuters") == nullptr);
  CHECK(r.mentions.mentions[0].sentence == 0);

  Result unsegmented = Collect(MakeDocument("Boris Johnson said he agreed."), Segmentation());
  CHECK(unsegmented.Get("Boris Johnson") != nullptr);
  CHECK(unsegmented.Get("he")->entity == "Boris Johnson");
}

TEST_CASE("mentions: Unicode names and letters outside ASCII") {
  Result r =
      Run("Turkish President Recep Tayyip Erdoğan met Minister Ærlig Østergård in São Paulo.");
  CHECK_ENTITY(r, "Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", EntityType::kPerson);
  CHECK_ENTITY(r, "Ærlig Østergård", "Ærlig Østergård", EntityType::kPerson);
  CHECK_ENTITY(r, "São Paulo", "Sao Paulo", EntityType::kPlace);
}

TEST_CASE("mentions: empty and punctuation-only texts give no mentions") {
  for (const char* text : {"", " \n\n ", "...!?", "\u201c\u201d \u2014 --"}) {
    CAPTURE(text);
    Result r = Run(text);
    CHECK(r.mentions.mentions.empty());
    CHECK(r.mentions.entities.empty());
  }
}

TEST_CASE("mentions: every gazetteer file names its columns, source and licence") {
  namespace fs = std::filesystem;
  size_t files = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(HEARSAY_SOURCE_DIR) / "ontology" / "gazetteer")) {
    CAPTURE(entry.path().string());
    std::ifstream in(entry.path());
    std::string header;
    std::string line;
    while (std::getline(in, line) && !line.empty() && line[0] == '#') header += line + "\n";
    CHECK(header.find("Column") != std::string::npos);
    CHECK(header.find("ource") != std::string::npos);
    CHECK(header.find("licen") != std::string::npos);
    ++files;
  }
  CHECK(files >= 10);
}

TEST_CASE("mentions: gazetteer errors name the file and line") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "hearsay_mentions_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "gazetteer");
  for (const auto& entry :
       fs::directory_iterator(fs::path(HEARSAY_SOURCE_DIR) / "ontology" / "gazetteer")) {
    fs::copy_file(entry.path(), dir / "gazetteer" / entry.path().filename());
  }
  {
    std::ofstream people(dir / "gazetteer" / "people.tsv", std::ios::app);
    people << "Broken Row\tonly two fields\n";
  }
  Gazetteer gazetteer;
  Status status = Gazetteer::Load(dir.string(), &gazetteer);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("people.tsv:") != std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace hearsay

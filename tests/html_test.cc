#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "hearsay/ingest.h"
#include "ingest/html_page.h"
#include "support.h"

namespace {

using hearsay::ArticleMeta;
using hearsay::Diagnostic;
using hearsay::Document;
using hearsay::IngestResult;
using hearsay::testing::ReadSourceFile;
using hearsay::testing::TestResources;

IngestResult Ingest(std::string_view html, ArticleMeta meta = {}) {
  return hearsay::IngestHtml(html, "page.html", std::move(meta), TestResources().html);
}

Document IngestPage(const std::string& name, ArticleMeta meta = {}) {
  std::string bytes = ReadSourceFile("tests/html/" + name);
  REQUIRE_MESSAGE(!bytes.empty(), "missing tests/html/" << name);
  IngestResult result = hearsay::IngestHtml(bytes, name, std::move(meta), TestResources().html);
  if (const auto* problem = std::get_if<Diagnostic>(&result)) FAIL(problem->ToString());
  return std::get<Document>(result);
}

Diagnostic IngestError(std::string_view html) {
  IngestResult result = Ingest(html);
  REQUIRE(std::holds_alternative<Diagnostic>(result));
  return std::get<Diagnostic>(result);
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every page's text: title line, then paragraphs separated by single blank lines, one final
// newline, single spaces, no markup left over.
void CheckShape(const Document& doc) {
  CHECK(doc.text.rfind(doc.meta.title + "\n\n", 0) == 0);
  CHECK(doc.text.back() == '\n');
  CHECK_FALSE(Contains(doc.text, "\n\n\n"));
  CHECK_FALSE(Contains(doc.text, "  "));
  CHECK_FALSE(Contains(doc.text, " \n"));
  CHECK_FALSE(Contains(doc.text, "\n "));
  CHECK_FALSE(Contains(doc.text, "<"));
  CHECK_FALSE(Contains(doc.text, "&"));
}

struct PageCase {
  const char* file;
  ArticleMeta meta;
  std::vector<std::string> kept;     // sentences of the article
  std::vector<std::string> dropped;  // page furniture
};

TEST_CASE("html: article bodies are kept and page furniture is dropped") {
  const std::vector<PageCase> cases = {
      {"northern-courier-fisheries.html",
       {"2024-03-14", "The Northern Courier",
        "https://www.northerncourier.example/world/2024/03/14/norway-chile-salmon",
        "Norway and Chile agree to share salmon disease data"},
       {"OSLO \xE2\x80\x94 Norway and Chile, the world\xE2\x80\x99s two largest producers",
        "\xE2\x80\x9C"
        "Diseases do not respect borders,",
        "Environmental groups welcomed the deal.", "Ocean Conference in Nice."},
       {"cookies", "Accept all", "Skip to", "Sections", "Business", "By Ingrid", "Photo:",
        "Sign up", "newsletter", "Subscribe", "Our journalism is free", "Support the Courier",
        "Fisheries", "Share on", "Related", "resource rent tax", "About us", "All rights"}},
      {"sahel-wire-bamako.html",
       {"2023-05-08", "Sahel Wire Service",
        "https://sahelwire.example/2023/05/08/mali-niger-border/",
        "Mali and Niger ministers meet in Bamako over border security"},
       {"BAMAKO, May 8 (SWS) \xE2\x80\x93 The foreign ministers of Mali and Niger",
        "\"We face the same enemy, on both sides of the same line on the map,\" Diop",
        "His Nigerien counterpart, Hassoumi Massaoudou, said the first joint patrols",
        "speaking on condition of anonymity."},
       {"Log in", "Home", "Advertisement", "By Amadou", "Print", "Comments (12)", "More stories",
        "curfew", "Get the Sahel Wire app", "Most read", "Floods", "Copyright", "prohibited"}},
      {"valley-gazette-water-talks.html",
       {"2022-09-21", "", "", "Water talks between Kazakhstan and Uzbekistan end without deal"},
       {"Talks between Kazakhstan and Uzbekistan on sharing the water",
        "Uzbek officials declined to comment.", "what remains of the Aral Sea.",
        "Both countries say they want a long-term deal."},
       {"Valley Gazette", "Farming", "uses cookies", "Staff reporter", "Read more",
        "Cotton harvest falls short", "donate", "Bus fares", "School roof", "weekly newsletter",
        "Advertise"}},
      {"meridian-review-asean-summit.html",
       {"2023-09-07", "The Meridian Review",
        "https://meridianreview.example/analysis/asean-summit-jakarta",
        "Inside the Asean summit where nobody mentioned the ships"},
       {"JAKARTA \xE2\x80\x93 The leaders of the ten members",
        "A statement of many parts\n\nThe final statement runs to 23 pages.",
        "Officials said the Philippines had pushed for stronger language.",
        "\xE2\x80\x9CWe are not going to pretend that everything is fine,\xE2\x80\x9D",
        "The next summit will be held in Vientiane."},
       {"Advertisement", "Podcasts", "Lena Marsh", "9 min read", "Related:", "South China Sea code",
        "Enjoying this analysis", "Become a subscriber", "Most popular", "Rice prices",
        "Our podcast", "Meridian Media Ltd"}},
      {"harbour-times-ceasefire.html",
       {"2023-04-28", "Harbour Times",
        "https://harbourtimes.example/news/armenia-azerbaijan-washington-talks",
        "Armenia, Azerbaijan foreign ministers to meet in Washington"},
       {"WASHINGTON \xE2\x80\x94 The foreign ministers of Armenia and Azerbaijan",
        "Armenia\xE2\x80\x99s government said in a statement",
        "Azerbaijan did not comment immediately.", "a ceasefire brokered by Russia."},
       {"partners store", "Accept", "Port & Shipping", "Loading ad", "Facebook", "WhatsApp",
        "You may also like", "About"}},
  };
  for (const PageCase& page : cases) {
    SUBCASE(page.file) {
      Document doc = IngestPage(page.file);
      INFO(doc.text);
      CHECK(doc.meta.date == page.meta.date);
      CHECK(doc.meta.publisher == page.meta.publisher);
      CHECK(doc.meta.url == page.meta.url);
      CHECK(doc.meta.title == page.meta.title);
      CheckShape(doc);
      for (const std::string& sentence : page.kept)
        CHECK_MESSAGE(Contains(doc.text, sentence), sentence);
      for (const std::string& furniture : page.dropped) {
        CHECK_MESSAGE(!Contains(doc.text, furniture), furniture);
      }
    }
  }
}

TEST_CASE("html: the headline is not repeated when the page's <h1> holds it") {
  Document doc = IngestPage("northern-courier-fisheries.html");
  CHECK(doc.text.find("Norway and Chile agree") == 0);
  CHECK(doc.text.find("Norway and Chile agree", 1) == std::string::npos);
}

TEST_CASE("html: metadata from the command line wins over the page's") {
  ArticleMeta given;
  given.date = "2024-03-15";
  given.publisher = "Courier Syndication";
  Document doc = IngestPage("northern-courier-fisheries.html", given);
  CHECK(doc.meta.date == "2024-03-15");
  CHECK(doc.meta.publisher == "Courier Syndication");
  CHECK(doc.meta.title == "Norway and Chile agree to share salmon disease data");
}

constexpr char kParagraph[] =
    "The ministers of the two countries said on Friday that they had agreed to meet again "
    "in the spring, after talks that both of them described as useful and open.";

TEST_CASE("html: entities are decoded and white space is normalized") {
  IngestResult result = Ingest(
      "<title>A &amp; B</title><p>Caf&eacute;&nbsp;talks\n\t ended &#8220;well&#x201D;, "
      "&lt;officials&gt; said.\xE2\x80\x8B The ministers of the two countries said that they "
      "had agreed to meet again in the spring, after talks they described as useful.</p>"
      "<p>" +
      std::string(kParagraph) + "</p>");
  REQUIRE(std::holds_alternative<Document>(result));
  const Document& doc = std::get<Document>(result);
  CHECK(doc.meta.title == "A & B");
  CHECK(Contains(doc.text,
                 "Caf\xC3\xA9 talks ended \xE2\x80\x9Cwell\xE2\x80\x9D, <officials> said. The"));
}

TEST_CASE("html: the title comes from og:title, JSON-LD, <title> less the site name, <h1>") {
  std::string body = "<p>" + std::string(kParagraph) + "</p><p>" + kParagraph + "</p>";
  auto title_of = [&](const std::string& head) {
    IngestResult result = Ingest("<html><head>" + head + "</head><body>" + body);
    REQUIRE(std::holds_alternative<Document>(result));
    return std::get<Document>(result).meta.title;
  };
  CHECK(title_of("<meta property=og:title content=' Talks  resume '><title>Other</title>") ==
        "Talks resume");
  CHECK(title_of("<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
                 "\"headline\":\"From JSON-LD\"}</script><title>Other</title>") == "From JSON-LD");
  CHECK(title_of("<meta property=og:site_name content='Daily Planet'>"
                 "<title>Talks resume | Daily Planet</title>") == "Talks resume");
  CHECK(title_of("<title>Talks resume - Not the publisher</title>") ==
        "Talks resume - Not the publisher");
  IngestResult result = Ingest("<h1>Heading only</h1>" + body);
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(std::get<Document>(result).meta.title == "Heading only");
}

TEST_CASE("html: dates and URLs are read only where they are well formed") {
  std::string body = "<p>" + std::string(kParagraph) + "</p><p>" + kParagraph + "</p>";
  auto meta_of = [&](const std::string& head, const std::string& before_body = "") {
    IngestResult result = Ingest("<head>" + head + "</head><body>" + before_body + body);
    REQUIRE(std::holds_alternative<Document>(result));
    return std::get<Document>(result).meta;
  };
  CHECK(meta_of("<meta property='article:published_time' content='2019-02-30'>").date == "");
  CHECK(meta_of("<meta property='article:published_time' content='2019-02-28T23:10Z'>").date ==
        "2019-02-28");
  CHECK(meta_of("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
                "\"datePublished\": \"2020-01-13\"</script>")
            .date == "");  // malformed JSON is ignored
  CHECK(meta_of("", "<nav><time datetime='2021-06-01'>today</time></nav>").date == "");
  CHECK(meta_of("", "<nav><time datetime='2021-06-01' pubdate>today</time></nav>").date ==
        "2021-06-01");
  CHECK(meta_of("<link rel=canonical href='/relative/path'>").url == "");
  CHECK(meta_of("<link rel=canonical href='/relative'>"
                "<meta property=og:url content='https://example.org/a'>")
            .url == "https://example.org/a");
}

TEST_CASE("html: pages that are not UTF-8 text are refused with the byte offset") {
  Diagnostic bad_byte = IngestError("<p>caf\xE9 au lait</p>");
  CHECK(bad_byte.has_offset);
  CHECK(bad_byte.byte_offset == 6);
  CHECK(Contains(bad_byte.ToString(), "page.html"));
  CHECK(Contains(bad_byte.message, "UTF-8"));
  Diagnostic nul = IngestError(std::string_view("<p>x\0y</p>", 10));
  CHECK(nul.byte_offset == 4);
  CHECK(Contains(nul.message, "NUL"));
  CHECK(Contains(IngestError(" \n ").message, "empty"));
  CHECK(Contains(IngestError("<nav><a href=/>Home</a></nav>").message, "no article text"));
}

TEST_CASE("html: markup beyond Gumbo's limits is refused quickly, within them read") {
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<div><b>";
  Diagnostic problem = IngestError(deep);
  CHECK(Contains(problem.message, "nested"));
  CHECK(problem.byte_offset == (hearsay::html::kMaxNesting / 2) * 8);

  std::string attributes = "<p>Words <span";
  for (int i = 0; i < 50000; ++i) attributes += " data-a" + std::to_string(i);
  Diagnostic crowded = IngestError(attributes + ">here</span></p>");
  CHECK(Contains(crowded.message, "attributes"));
  CHECK(crowded.byte_offset == 9);

  // A flat page of many short blocks: the classifier's neighbour search stays linear.
  std::string flat = "<title>Cells</title><table>";
  for (int i = 0; i < 100000; ++i) flat += "<tr><td>cell</td></tr>";
  flat += "</table><p>" + std::string(kParagraph) + "</p>";
  REQUIRE(std::holds_alternative<Document>(Ingest(flat)));

  std::string nested = "<title>Nested</title>";
  for (int i = 0; i < 900; ++i) nested += "<div class=story>";
  nested += "<p>" + std::string(kParagraph) + "</p><p>" + kParagraph + "</p>";
  IngestResult result = Ingest(nested);
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(Contains(std::get<Document>(result).text, "useful and open."));
}

TEST_CASE("html: a broken hints file is reported with its file and line") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "hearsay-html-lexicon-test";
  fs::create_directories(dir);
  std::ofstream(dir / "html-stopwords.tsv") << "the\n";
  std::ofstream(dir / "html-boilerplate.tsv")
      << "# comment\ntoken\tnav*\tdrop\ntoken\tfoo\tmaybe\n";
  hearsay::HtmlLexicon lexicon;
  hearsay::Status status = hearsay::HtmlLexicon::Load(dir.string(), &lexicon);
  CHECK(Contains(status.message(), "html-boilerplate.tsv:3:"));
  std::ofstream(dir / "html-boilerplate.tsv") << "token\tnav*\tdrop\ncue\tSign Up\tdrop\n";
  status = hearsay::HtmlLexicon::Load(dir.string(), &lexicon);
  CHECK(Contains(status.message(), "html-boilerplate.tsv:2: value must be lower case"));
  fs::remove_all(dir);
}

TEST_CASE("html: hints match words of class names") {
  const hearsay::HtmlLexicon& lexicon = TestResources().html;
  using Verdict = hearsay::HtmlLexicon::Verdict;
  CHECK(lexicon.ForToken("navigation") == Verdict::kDrop);
  CHECK(lexicon.ForToken("newsletter") == Verdict::kDrop);
  CHECK(lexicon.ForToken("canvas") == Verdict::kNeutral);
  CHECK(lexicon.ForToken("address") == Verdict::kNeutral);
  CHECK(lexicon.ForToken("story") == Verdict::kContent);
  CHECK(lexicon.ForTag("script") == Verdict::kSkip);
  CHECK(lexicon.ForItemprop("articlebody") == Verdict::kContent);
  CHECK(lexicon.IsBoilerplateText("please sign up for our newsletter today"));
  CHECK(lexicon.IsBoilerplateText("related articles:"));
  CHECK_FALSE(lexicon.IsBoilerplateText("the related talks ended"));
  CHECK(lexicon.IsStopWord("the"));
  CHECK_FALSE(lexicon.IsStopWord("summit"));
}

}  // namespace

// Tests of the segment stage: paragraphs and headlines, boilerplate, sentences (with every
// abbreviation of ontology/abbreviations.tsv), tokens, quotations, and the data files.
#include "hearsay/segment.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support.h"

namespace hearsay {
namespace {

using testing::MakeDocument;
using testing::TestResources;

const SegmentLexicon& Lexicon() { return TestResources().segment; }

Segmentation SegmentText(const std::string& text, const std::string& title = "") {
  Document doc = MakeDocument(text);
  doc.meta.title = title;
  return Segment(doc, Lexicon());
}

std::vector<std::string> Texts(const std::string& text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span span : spans) out.emplace_back(span.In(text));
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<Span> spans;
  for (const Sentence& sentence : SegmentText(text).sentences) spans.push_back(sentence.span);
  return Texts(text, spans);
}

std::vector<std::string> Tokens(const std::string& text) {
  std::vector<Span> spans;
  for (const Token& token : SegmentText(text).tokens) spans.push_back(token.span);
  return Texts(text, spans);
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<Span> spans;
  for (const Paragraph& paragraph : SegmentText(text).paragraphs) spans.push_back(paragraph.span);
  return Texts(text, spans);
}

std::vector<std::string> Quotations(const std::string& text) {
  std::vector<Span> spans;
  for (const Quotation& quotation : SegmentText(text).quotations) spans.push_back(quotation.outer);
  return Texts(text, spans);
}

using Strings = std::vector<std::string>;

// --- paragraphs and headline --------------------------------------------------------------

TEST_CASE("segment: paragraphs at blank lines and single newlines, trimmed") {
  CHECK(Paragraphs("First one.\n\n\nSecond one.\nThird one.\r\n  Fourth one.\u00a0\n") ==
        Strings{"First one.", "Second one.", "Third one.", "Fourth one."});
  CHECK(Paragraphs("").empty());
  CHECK(Paragraphs(" \n\u00a0\n\t").empty());
}

TEST_CASE("segment: a line broken after a comma and continued in lower case is one paragraph") {
  const std::string text =
      "The talks took place in Oslo, at the invitation of the Norwegian government,\n\n"
      "which has hosted such meetings before.\n\nThe next round is in May.";
  Segmentation seg = SegmentText(text);
  REQUIRE(seg.paragraphs.size() == 2);
  REQUIRE(seg.sentences.size() == 2);
  CHECK(seg.sentences[0].span.In(text).substr(0, 9) == "The talks");
  CHECK(seg.sentences[0].span.In(text).size() > 100);
  // Mixed case ("iPhone") can start a line after a headline.
  CHECK(Paragraphs("Phone maker reports record sales\niPhone sales rose.").size() == 2);
}

TEST_CASE("segment: headline is the first short content line without a final period") {
  const std::string text =
      "Ministers Meet in Oslo\nMarch 3, 2014\nThe ministers met on Monday. They talked.";
  Segmentation seg = SegmentText(text);
  REQUIRE(seg.paragraphs.size() == 3);
  CHECK(seg.paragraphs[0].headline);
  CHECK_FALSE(seg.paragraphs[1].headline);
  CHECK_FALSE(seg.paragraphs[2].headline);

  // A dateline first is skipped; a lead paragraph is not a headline.
  seg = SegmentText("Monday, March 3, 2014\u00a0\n\nThe ministers met on Monday in Oslo.");
  for (const Paragraph& paragraph : seg.paragraphs) CHECK_FALSE(paragraph.headline);

  // A byline is not the headline.
  const std::string lead = "\n\nThe leaders of six nations agreed on Monday to set up a fund.";
  seg = SegmentText("By Anna Berg\n\nLeaders agree on climate fund" + lead);
  CHECK(seg.paragraphs[0].boilerplate);
  CHECK(seg.paragraphs[1].headline);

  // Nor is it lost to a sign-up box right after it.
  seg = SegmentText("Leaders agree on climate fund\n\nSign up for our newsletter" + lead);
  CHECK(seg.paragraphs[0].headline);
  CHECK_FALSE(seg.paragraphs[0].boilerplate);
  CHECK(seg.paragraphs[1].boilerplate);

  // The title from the metadata wins.
  seg = SegmentText("Our correspondent\n\nLeaders agree on climate fund" + lead,
                    "Leaders agree on climate fund");
  CHECK_FALSE(seg.paragraphs[0].headline);
  CHECK(seg.paragraphs[1].headline);
}

// --- boilerplate --------------------------------------------------------------------------

const char kArticleWithAppeal[] =
    "Support the Valley Courier!\n"
    "\n"
    "Mayors Agree on Flood Plan\n"
    "\n"
    "The mayors of three river towns agreed on Tuesday to share the cost of new flood "
    "barriers, officials said.\n"
    "\n"
    "\"We cannot wait for the next flood,\" said Anna Berg, the mayor of Lindau. \"The river "
    "will not wait for us, and our people know it.\"\n"
    "\n"
    "The plan still needs the support of the regional council, which meets in March.\n"
    "\n"
    "Get our free morning newsletter\n"
    "\n"
    "Each morning our editors pick the stories that matter in the valley. Delivered to your "
    "inbox at 7 a.m.\n"
    "By subscribing you accept our Privacy Policy\n"
    "\n"
    "A note to our readers:\n"
    "\n"
    "Dear friends,\n"
    "\n"
    "Local reporting costs money. We lost half of our advertising income this year, and our "
    "small team now covers four towns.\n"
    "\n"
    "We believe that you deserve to know what happens in your town hall. But we cannot do it "
    "alone.\n"
    "\n"
    "Your contribution, however small, keeps us going. Please support us today.\n"
    "\n"
    "One-time\n"
    "Monthly\n"
    "Continue\n"
    "\n"
    "Maybe later\n";

TEST_CASE("segment: appeal, newsletter box and UI lines are boilerplate, the article is not") {
  const std::string text = kArticleWithAppeal;
  Segmentation seg = SegmentText(text);
  std::vector<std::string> content;
  std::vector<std::string> boilerplate;
  for (const Paragraph& paragraph : seg.paragraphs) {
    std::string words(paragraph.span.In(text).substr(0, 20));
    (paragraph.boilerplate ? boilerplate : content).push_back(words);
  }
  CHECK(content == Strings{"Mayors Agree on Floo", "The mayors of three ", "\"We cannot wait for ",
                           "The plan still needs"});
  CHECK(boilerplate.size() == 13);
  CHECK(boilerplate.front() == "Support the Valley C");
  CHECK(seg.paragraphs[1].headline);
  // No quotation is looked for inside boilerplate.
  for (const Quotation& quotation : seg.quotations) {
    CHECK(quotation.outer.end < text.find("Get our free"));
  }
}

TEST_CASE("segment: an article run together on one line is not dropped for a cue inside it") {
  std::string text = kArticleWithAppeal;
  std::replace(text.begin(), text.end(), '\n', ' ');
  Segmentation seg = SegmentText(text);
  REQUIRE(seg.paragraphs.size() == 1);
  CHECK_FALSE(seg.paragraphs[0].boilerplate);
  CHECK_FALSE(seg.quotations.empty());
}

TEST_CASE("segment: a news article with quotes, 'we' and 'support' has no boilerplate") {
  const std::string text =
      "Tuesday, May 5, 2015\u00a0\n\n\n"
      "The foreign ministers of Chile and Peru met in Lima on Monday to discuss the border "
      "dispute, officials said.\n\n\n"
      "\"We support a peaceful solution. We want our children to live in peace,\" the Chilean "
      "minister said. Peru's minister said his country would \"support any step\" towards "
      "that goal.\n\n\n"
      "Reportedly, both governments will sign an agreement next month.\n\n\n"
      "The dispute dates from 1883.\n";
  for (const Paragraph& paragraph : SegmentText(text).paragraphs) {
    CHECK_FALSE(paragraph.boilerplate);
  }
}

// The dev corpus lives next to the repository (../shared, or HEARSAY_SHARED).
std::string SharedCorpusDir() {
  const char* from_env = std::getenv("HEARSAY_SHARED");
  std::vector<std::string> candidates;
  if (from_env != nullptr) candidates.emplace_back(from_env);
  candidates.push_back(std::string(HEARSAY_SOURCE_DIR) + "/../shared");
  candidates.push_back(std::string(HEARSAY_SOURCE_DIR) + "/../../shared");
  for (const std::string& dir : candidates) {
    if (std::filesystem::is_directory(dir + "/corpus/dev")) return dir + "/corpus/dev";
  }
  return "";
}

TEST_CASE("segment: no Wikinews dev article has a boilerplate paragraph") {
  const std::string dir = SharedCorpusDir();
  if (dir.empty()) {
    MESSAGE("shared dev corpus not found; skipped");
    return;
  }
  int articles = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("wikinews-", 0) != 0 || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ++articles;
    for (const Paragraph& paragraph : SegmentText(text.str()).paragraphs) {
      INFO(name << ": " << paragraph.span.In(text.str()));
      CHECK_FALSE(paragraph.boilerplate);
    }
  }
  CHECK(articles > 0);
}

TEST_CASE("segment: every boilerplate rule matches its example") {
  const auto& rules = Lexicon().boilerplate_rules();
  REQUIRE_FALSE(rules.empty());
  for (const auto& rule : rules) {
    INFO(rule.name << ": " << rule.example);
    CHECK(Lexicon().BoilerplateScore(rule.example) >= rule.weight);
  }
  CHECK(Lexicon().BoilerplateScore("The ministers met in Geneva on Monday.") == 0);
}

// --- sentences ----------------------------------------------------------------------------

TEST_CASE("segment: abbreviations, initials, numbers and ellipses do not end sentences") {
  CHECK(Sentences("U.S. President Barack Obama met U.N. officials in Washington, D.C. on "
                  "Oct. 3 at 10 a.m. local time.") ==
        Strings{"U.S. President Barack Obama met U.N. officials in Washington, D.C. on Oct. 3 "
                "at 10 a.m. local time."});
  CHECK(Sentences("Mr. Smith and Dr. Jones flew to St. Petersburg. Gen. Lee stayed.") ==
        Strings{"Mr. Smith and Dr. Jones flew to St. Petersburg.", "Gen. Lee stayed."});
  CHECK(Sentences("Advisor John R. Bolton spoke. He left.") ==
        Strings{"Advisor John R. Bolton spoke.", "He left."});
  CHECK(Sentences("He lives at No. 10 now. Prices rose 3.5 percent.") ==
        Strings{"He lives at No. 10 now.", "Prices rose 3.5 percent."});
  CHECK(Sentences("\"We are disappointed ... Once we know more, we will act,\" he said.") ==
        Strings{"\"We are disappointed ... Once we know more, we will act,\" he said."});
  CHECK(Sentences("There was no drought [...] In 2017 it rained.") ==
        Strings{"There was no drought [...] In 2017 it rained."});
  CHECK(Sentences("They waited... Nothing came.") == Strings{"They waited...", "Nothing came."});
}

TEST_CASE("segment: an abbreviation ends a sentence before a capitalized function word") {
  CHECK(Sentences("The deal was brokered by Russia and the U.S. The talks went on.") ==
        Strings{"The deal was brokered by Russia and the U.S.", "The talks went on."});
  CHECK(Sentences("They met near Washington, D.C.\n\nIt rained.") ==
        Strings{"They met near Washington, D.C.", "It rained."});
}

TEST_CASE("segment: sentences end inside quotation marks, after ? and !") {
  CHECK(Sentences("He said: \"The meeting will take place.\" Then he left.") ==
        Strings{"He said: \"The meeting will take place.\"", "Then he left."});
  CHECK(Sentences("She said: \u201cIt is over.\u201d Nobody answered.") ==
        Strings{"She said: \u201cIt is over.\u201d", "Nobody answered."});
  CHECK(Sentences("What a goal\u203c The crowd cheered.").size() == 2);
  CHECK(Sentences("Will they come? Nobody knows! It is late.") ==
        Strings{"Will they come?", "Nobody knows!", "It is late."});
  // A quotation that goes on across a sentence end stays one quotation.
  const std::string text = "He said \"We tried. We failed.\" Then he left.";
  CHECK(Sentences(text).size() == 3);
  CHECK(Quotations(text) == Strings{"\"We tried. We failed.\""});
}

TEST_CASE("segment: no split before a lower-case continuation or without final punctuation") {
  CHECK(Sentences("\"Is it true?\" he asked. \"Yes!\" she said.") ==
        Strings{"\"Is it true?\" he asked.", "\"Yes!\" she said."});
  CHECK(Sentences("The results are expected in approx. three weeks.").size() == 1);
  CHECK(Sentences("1. The first point was agreed. 2. The second was not.") ==
        Strings{"1. The first point was agreed.", "2. The second was not."});
  CHECK(Sentences("Leaders meet in Oslo to discuss trade") ==
        Strings{"Leaders meet in Oslo to discuss trade"});
}

// Each abbreviation of the data file, in a sentence where it must not end the sentence.
TEST_CASE("segment: every abbreviation in ontology/abbreviations.tsv") {
  std::istringstream lines(testing::ReadSourceFile("ontology/abbreviations.tsv"));
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const std::string abbreviation = line.substr(0, tab);
    const std::string kind = line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
    const std::string after = kind == "number" ? "12" : "Smith";
    const std::string text = "They saw " + abbreviation + " " + after + " today. It rained.";
    INFO(text);
    CHECK(Sentences(text) ==
          Strings{"They saw " + abbreviation + " " + after + " today.", "It rained."});
    ++count;
  }
  CHECK(count > 100);
}

// --- tokens -------------------------------------------------------------------------------

TEST_CASE("segment: tokens for words, numbers, abbreviations, clitics and punctuation") {
  CHECK(Tokens("The U.S.-led talks on Iran's non-nuclear deal don't cost $3.5 billion "
               "(1,500 jobs).") == Strings{"The",   "U.S.",  "-",    "led",         "talks",
                                           "on",    "Iran",  "'s",   "non-nuclear", "deal",
                                           "don't", "cost",  "$",    "3.5",         "billion",
                                           "(",     "1,500", "jobs", ")",           "."});
  CHECK(Tokens("The students' union met at 3:00 p.m.; prices rose 85%.") ==
        Strings{"The", "students", "'", "union", "met", "at", "3:00", "p.m.", ";", "prices", "rose",
                "85", "%", "."});
  CHECK(Tokens("It sold well in the U.S..") ==
        Strings{"It", "sold", "well", "in", "the", "U.S.", "."});
  CHECK(Tokens("Mr. Smith -- and Gen. Lee ... waited!?") ==
        Strings{"Mr.", "Smith", "--", "and", "Gen.", "Lee", "...", "waited", "!", "?"});
}

TEST_CASE("segment: byte offsets are UTF-8 aware; NBSP is whitespace") {
  const std::string text =
      "S\u00e3o Paulo\u00a0\u2014 \u201cIt\u2019s done,\u201d said "
      "Zelensk\u00fd\u2026";
  CHECK(Tokens(text) == Strings{"S\u00e3o", "Paulo", "\u2014", "\u201c", "It", "\u2019s", "done",
                                ",", "\u201d", "said", "Zelensk\u00fd", "\u2026"});
  Segmentation seg = SegmentText(text);
  REQUIRE(seg.sentences.size() == 1);
  CHECK(seg.sentences[0].first_token == 0);
  CHECK(seg.sentences[0].end_token == seg.tokens.size());
  for (const Token& token : seg.tokens) CHECK(token.sentence == 0);
  CHECK(seg.tokens[1].span.begin == 5);  // "São" is 4 bytes and a space
}

TEST_CASE("segment: tokens and sentences index each other") {
  Segmentation seg = SegmentText("One sentence here. Another one!\n\nA new paragraph.");
  REQUIRE(seg.sentences.size() == 3);
  uint32_t expected_first = 0;
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    const Sentence& sentence = seg.sentences[s];
    CHECK(sentence.first_token == expected_first);
    for (uint32_t t = sentence.first_token; t < sentence.end_token; ++t) {
      CHECK(seg.tokens[t].sentence == s);
      CHECK(sentence.span.Contains(seg.tokens[t].span));
    }
    expected_first = sentence.end_token;
  }
  CHECK(expected_first == seg.tokens.size());
  CHECK(seg.sentences[2].paragraph == 1);
}

// --- quotations ---------------------------------------------------------------------------

TEST_CASE("segment: straight, curly and mixed double quotation marks pair") {
  const std::string text =
      "\"This was our plan,\" he said. \u201cIt works.\u201d \"We think it will hold.\u201d";
  Segmentation seg = SegmentText(text);
  REQUIRE(seg.quotations.size() == 3);
  CHECK(seg.quotations[0].outer.In(text) == "\"This was our plan,\"");
  CHECK(seg.quotations[0].inner.In(text) == "This was our plan,");
  CHECK(seg.quotations[1].inner.In(text) == "It works.");
  CHECK(seg.quotations[2].inner.In(text) == "We think it will hold.");
}

TEST_CASE("segment: single quotation marks around words, but not apostrophes") {
  CHECK(Quotations("Trump says he 'can' and 'may' act.") == Strings{"'can'", "'may'"});
  CHECK(Quotations("Users can `cut the cord' now.") == Strings{"`cut the cord'"});
  CHECK(Quotations("Iran's students' demands don't matter in the '90s.").empty());
  CHECK(Quotations("He said \"They told me, \u2018Let\u2019s talk tomorrow.\u2019 \"") ==
        Strings{"\"They told me, \u2018Let\u2019s talk tomorrow.\u2019 \"",
                "\u2018Let\u2019s talk tomorrow.\u2019"});
}

TEST_CASE("segment: a quotation continues into the next paragraph that reopens it") {
  const std::string text =
      "\"We will not give up. The work goes on.\n\n"
      "\"We owe it to the voters,\" she said.\n\n"
      "The vote is on Friday.";
  CHECK(Quotations(text) ==
        Strings{"\"We will not give up. The work goes on.\n\n\"We owe it to the voters,\""});
}

TEST_CASE("segment: a quotation continues over lines until the line that closes it") {
  const std::string text =
      "She said: \"We are proud.\nWe will go on.\nWe will win.\"\nThe vote is on Friday.";
  CHECK(Quotations(text) == Strings{"\"We are proud.\nWe will go on.\nWe will win.\""});
}

TEST_CASE("segment: an unclosed quotation ends with its paragraph") {
  CHECK(Quotations("He called it \"a disgrace.\n\nThe \"deal\" was signed.") ==
        Strings{"\"a disgrace.", "\"deal\""});
  CHECK(Quotations("He measured 12\" of snow.").empty());
}

TEST_CASE("segment: quotation marks do not pair across boilerplate") {
  const std::string text =
      "\"We will not give up.\n\nSign up for our free newsletter\n\n"
      "\"Nothing changes for the people of this town,\" the mayor said on Monday.";
  CHECK(Quotations(text) ==
        Strings{"\"We will not give up.", "\"Nothing changes for the people of this town,\""});
}

// --- data files ---------------------------------------------------------------------------

TEST_CASE("segment: a bad boilerplate pattern is reported with file and line") {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "hearsay-segment-test";
  std::filesystem::create_directories(dir);
  for (const char* name : {"abbreviations.tsv", "stopwords.tsv"}) {
    std::ofstream(dir / name) << testing::ReadSourceFile(std::string("ontology/") + name);
  }
  std::ofstream(dir / "boilerplate.tsv") << "# comment\nbroken\t2\t(unclosed\tExample\n";
  SegmentLexicon lexicon;
  Status status = SegmentLexicon::Load(dir.string(), &lexicon);
  CHECK_FALSE(status.ok());
  CHECK(status.message().find("boilerplate.tsv:2:") != std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("segment: a wire dateline is a sentence of its own") {
  CHECK(Sentences("PARIS, May 4 (AFP) - The talks resumed, a diplomat said.") ==
        Strings{"PARIS, May 4 (AFP) -", "The talks resumed, a diplomat said."});
  CHECK(Sentences("OSLO (Reuters) \xe2\x80\x94 Norway will host the summit.") ==
        Strings{"OSLO (Reuters) \xe2\x80\x94", "Norway will host the summit."});
  // Capitals alone before a dash are no dateline.
  CHECK(Sentences("NATO - the alliance - met in Brussels.") ==
        Strings{"NATO - the alliance - met in Brussels."});
  for (const std::string& example : Lexicon().dateline_examples()) {
    INFO(example);
    CHECK(Lexicon().DatelineLength(example) > 0);
  }
}

}  // namespace
}  // namespace hearsay

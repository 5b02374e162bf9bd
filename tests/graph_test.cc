#include "hearsay/graph.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "support.h"

namespace {

using hearsay::Analysis;
using hearsay::Document;
using hearsay::Graph;
using hearsay::Span;
using hearsay::Term;

constexpr char kSchema[] = "http://schema.org/";
constexpr char kNif[] = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
constexpr char kHs[] = "https://w3id.org/hearsay/ns#";
constexpr char kRdfType[] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

// Byte span of the first occurrence of `needle`.
Span Find(const Document& doc, const std::string& needle) {
  auto at = static_cast<uint32_t>(doc.text.find(needle));
  return {at, static_cast<uint32_t>(at + needle.size())};
}

// A small hand-made analysis: one claim by a person about one meeting, with a time.
struct Fixture {
  Document doc = hearsay::testing::MakeDocument(
      "\xe2\x80\x9cWe will meet,\xe2\x80\x9d Anna Berg said Monday. Berg met Tom Lee in Oslo.",
      "2019-01-09", "Example News");
  Analysis analysis;

  Fixture() {
    auto& mentions = analysis.mentions;
    mentions.entities.push_back({hearsay::EntityType::kPerson, "Anna Berg", "", "", {0, 1}});
    mentions.entities.push_back({hearsay::EntityType::kPerson, "Tom Lee", "", "", {2}});
    mentions.entities.push_back({hearsay::EntityType::kPlace, "Oslo", "NOR", "", {3}});
    mentions.mentions.push_back({Find(doc, "Anna Berg"), 0, 0, hearsay::MentionKind::kName, {}});
    mentions.mentions.push_back({Find(doc, "Berg met"), 0, 1, hearsay::MentionKind::kName, {}});
    mentions.mentions.back().span.end -= 4;
    mentions.mentions.push_back({Find(doc, "Tom Lee"), 1, 1, hearsay::MentionKind::kName, {}});
    mentions.mentions.push_back({Find(doc, "Oslo"), 2, 1, hearsay::MentionKind::kName, {}});
    analysis.timexes.push_back({Find(doc, "Monday"), 0, hearsay::TimexType::kDate, "2019-01-07"});
    hearsay::Claim claim;
    claim.content = Find(doc, "We will meet");
    claim.source = Find(doc, "Anna Berg");
    claim.cue = Find(doc, "said");
    claim.cue_lemma = "say";
    claim.kind = hearsay::QuoteKind::kDirect;
    claim.source_entity = 0;
    claim.said_at = 0;
    analysis.claims.push_back(claim);
    hearsay::Event meeting;
    meeting.type = "Meeting";
    meeting.cameo = "040";
    meeting.label = "meeting of Anna Berg and Tom Lee";
    meeting.mentions.push_back({Find(doc, "meet"), 0, hearsay::Certainty::kCertain,
                                hearsay::Polarity::kPositive, hearsay::Tense::kFuture, 0});
    meeting.mentions.push_back({Find(doc, "met"), 1, hearsay::Certainty::kCertain,
                                hearsay::Polarity::kPositive, hearsay::Tense::kNonFuture,
                                hearsay::kNone});
    meeting.actors = {0, 1};
    meeting.place = 2;
    meeting.time = 0;
    analysis.events.push_back(meeting);
  }
};

bool Has(const Graph& graph, const std::string& subject, const std::string& predicate,
         const std::string& object) {
  return std::any_of(graph.statements.begin(), graph.statements.end(), [&](const auto& s) {
    return (subject.empty() || graph.subject(s).value == subject) &&
           graph.predicate(s).value == predicate && graph.object(s).value == object;
  });
}

std::vector<std::string> SubjectsOfType(const Graph& graph, const std::string& type) {
  std::vector<std::string> subjects;
  for (const auto& s : graph.statements) {
    if (graph.predicate(s).value == kRdfType && graph.object(s).value == type)
      subjects.emplace_back(graph.subject(s).value);
  }
  return subjects;
}

}  // namespace

TEST_CASE("graph: the builder interns terms, sorts and deduplicates statements") {
  hearsay::GraphBuilder builder;
  const Term doc = Term::Iri("http://x/doc"), b = Term::Iri("http://x/b");
  builder.Add(b, Term::Iri("http://x/p"), Term::Literal("2", "http://x/int"));
  builder.Add(doc, Term::Iri("http://x/p"), Term::Literal("1"));
  builder.Add(b, Term::Iri(kRdfType), Term::Iri("http://x/T"));
  builder.Add(doc, Term::Iri("http://x/p"), Term::Literal("1"));
  Graph graph = builder.Finish("http://x/doc");
  CHECK(graph.document_iri == "http://x/doc");
  REQUIRE(graph.statements.size() == 3);
  CHECK(graph.terms.size() == 7);  // "1" and "2"^^int are literals of their own
  CHECK(graph.subject(graph.statements[0]).value == "http://x/b");
  CHECK(graph.predicate(graph.statements[0]).value == kRdfType);  // before http://x/p
  CHECK(graph.object(graph.statements[1]).datatype == "http://x/int");
  CHECK(graph.subject(graph.statements[2]) == doc);
  CHECK(graph.object(graph.statements[2]) == Term::Literal("1"));
  CHECK(builder.Finish("http://x/empty").statements.empty());
}

TEST_CASE("graph: SHA-256 comes from OpenSSL") {
  CHECK(hearsay::Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("graph: the article node follows DESIGN.md") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  const std::string& doc = graph.document_iri;
  CHECK(doc.rfind("https://w3id.org/hearsay/doc/d", 0) == 0);
  CHECK(doc.size() == std::string("https://w3id.org/hearsay/doc/").size() + 17);
  CHECK(Has(graph, doc, kRdfType, std::string(kSchema) + "NewsArticle"));
  CHECK(Has(graph, doc, kRdfType, std::string(kNif) + "Context"));
  CHECK(Has(graph, doc, std::string(kSchema) + "datePublished", "2019-01-09"));
  CHECK(Has(graph, doc, std::string(kSchema) + "publisher",
            "https://w3id.org/hearsay/source/examplenews"));
  CHECK(Has(graph, doc, std::string(kHs) + "textSha256", hearsay::Sha256Hex(f.doc.text)));
}

TEST_CASE("graph: the article text is stated only on request, exactly as read") {
  Fixture f;
  const std::string is_string =
      "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString";
  CHECK_FALSE(Has(hearsay::BuildGraph(f.doc, f.analysis), "", is_string, f.doc.text));
  hearsay::GraphOptions options;
  options.text = true;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis, options);
  CHECK(Has(graph, graph.document_iri, is_string, f.doc.text));
}

TEST_CASE("graph: mention IRIs count code points, not bytes") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  // The curly quotes are 3 bytes each: "Anna Berg" starts at byte 20 but code point 16.
  std::string mention = graph.document_iri + "#char=16,25";
  CHECK(Has(graph, mention, kRdfType, std::string(kNif) + "String"));
  CHECK(Has(graph, mention, std::string(kNif) + "beginIndex", "16"));
  CHECK(Has(graph, mention, std::string(kNif) + "endIndex", "25"));
  CHECK(Has(graph, mention, std::string(kNif) + "anchorOf", "Anna Berg"));
  CHECK(Has(graph, mention, std::string(kNif) + "referenceContext", graph.document_iri));
}

TEST_CASE("graph: claims carry source, cue, kind, date and the events they are about") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  auto claims = SubjectsOfType(graph, std::string(kSchema) + "Claim");
  REQUIRE(claims.size() == 1);
  const std::string& claim = claims[0];
  auto events = SubjectsOfType(graph, "http://semanticweb.cs.vu.nl/2009/11/sem/Event");
  REQUIRE(events.size() == 1);
  CHECK(Has(graph, claim, std::string(kSchema) + "text", "We will meet"));
  CHECK(Has(graph, claim, std::string(kHs) + "cue", "say"));
  CHECK(Has(graph, claim, std::string(kHs) + "quoteKind", std::string(kHs) + "Direct"));
  CHECK(Has(graph, claim, std::string(kSchema) + "dateCreated", "2019-01-07"));
  CHECK(Has(graph, claim, std::string(kHs) + "aboutEvent", events[0]));
  CHECK(Has(graph, claim, std::string(kSchema) + "appearance", graph.document_iri));
}

TEST_CASE("graph: a fully resolved event has an IRI shared across articles") {
  Fixture first;
  Fixture second;
  second.doc.text += " More text makes another article.";
  Graph a = hearsay::BuildGraph(first.doc, first.analysis);
  Graph b = hearsay::BuildGraph(second.doc, second.analysis);
  CHECK(a.document_iri != b.document_iri);
  auto events_a = SubjectsOfType(a, "http://semanticweb.cs.vu.nl/2009/11/sem/Event");
  auto events_b = SubjectsOfType(b, "http://semanticweb.cs.vu.nl/2009/11/sem/Event");
  REQUIRE(events_a.size() == 1);
  REQUIRE(events_b.size() == 1);
  CHECK(events_a[0] == events_b[0]);
  // Without a place the event stays local to its article.
  second.analysis.events[0].place = hearsay::kNone;
  Graph c = hearsay::BuildGraph(second.doc, second.analysis);
  CHECK(SubjectsOfType(c, "http://semanticweb.cs.vu.nl/2009/11/sem/Event")[0] != events_a[0]);
}

TEST_CASE("graph: factuality lives on mentions, attributed to the claim's source or publisher") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  const std::string grasp = "http://groundedannotationframework.org/grasp#";
  const std::string graspf = "http://groundedannotationframework.org/grasp/factuality#";
  auto attributions = SubjectsOfType(graph, grasp + "Attribution");
  CHECK(attributions.size() == 2);
  CHECK(Has(graph, "", "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", graspf + "FUTURE"));
  CHECK(Has(graph, "", grasp + "wasAttributedTo", "https://w3id.org/hearsay/source/examplenews"));
  auto people = SubjectsOfType(graph, "http://schema.org/Person");
  CHECK(people.size() == 2);
}

TEST_CASE("graph: time nodes are named by their value") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  const std::string when = "https://w3id.org/hearsay/when/20190107";
  CHECK(Has(graph, when, std::string(kHs) + "timex3", "2019-01-07"));
  CHECK(Has(graph, when, kRdfType, "http://www.w3.org/2006/time#Instant"));
  CHECK(Has(graph, when, "http://www.w3.org/2006/time#inXSDDate", "2019-01-07"));
}

TEST_CASE("graph: no blank nodes, statements sorted and unique") {
  Fixture f;
  Graph graph = hearsay::BuildGraph(f.doc, f.analysis);
  for (const auto& s : graph.statements) {
    CHECK(graph.subject(s).value.rfind("_:", 0) == std::string::npos);
    if (graph.object(s).kind == Term::Kind::kIri)
      CHECK(graph.object(s).value.rfind("_:", 0) == std::string::npos);
  }
  CHECK(std::is_sorted(graph.terms.begin(), graph.terms.end()));
  CHECK(std::adjacent_find(graph.terms.begin(), graph.terms.end()) == graph.terms.end());
  CHECK(std::adjacent_find(graph.statements.begin(), graph.statements.end()) ==
        graph.statements.end());
  // Subjects grouped and, within a subject, rdf:type first.
  for (size_t i = 1; i < graph.statements.size(); ++i) {
    const auto& before = graph.statements[i - 1];
    const auto& after = graph.statements[i];
    CHECK(before.subject <= after.subject);
    if (before.subject == after.subject && graph.predicate(before).value != kRdfType) {
      CHECK(graph.predicate(after).value != kRdfType);
      CHECK(before.predicate <= after.predicate);
    }
  }
}

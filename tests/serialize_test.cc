#include "hearsay/serialize.h"

#include <doctest/doctest.h>

#include "hearsay/graph.h"

namespace {

hearsay::Graph SmallGraph() {
  const std::string document = "https://w3id.org/hearsay/doc/d0123456789abcdef";
  using hearsay::Term;
  hearsay::GraphBuilder builder;
  builder.Add(Term::Iri(document), Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              Term::Iri("http://schema.org/NewsArticle"));
  builder.Add(Term::Iri(document), Term::Iri("http://schema.org/headline"),
              Term::Literal("Talks \"end\" \xe2\x80\x94 a new \\ era"));
  builder.Add(Term::Iri(document), Term::Iri("http://schema.org/datePublished"),
              Term::Literal("2019-01-07", "http://www.w3.org/2001/XMLSchema#date"));
  builder.Add(Term::Iri(document + "#char=0,5"),
              Term::Iri("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"),
              Term::Literal("Talks"));
  return builder.Finish(document);
}

}  // namespace

TEST_CASE("serialize: format names") {
  hearsay::OutputFormat format;
  CHECK(hearsay::ParseOutputFormat("nquads", &format));
  CHECK(format == hearsay::OutputFormat::kNQuads);
  CHECK(hearsay::ParseOutputFormat("ttl", &format));
  CHECK(format == hearsay::OutputFormat::kTurtle);
  CHECK_FALSE(hearsay::ParseOutputFormat("rdfxml", &format));
}

TEST_CASE("serialize: Turtle uses prefixes and parses strictly") {
  std::string turtle = hearsay::Prologue(hearsay::OutputFormat::kTurtle) +
                       hearsay::Serialize(SmallGraph(), hearsay::OutputFormat::kTurtle);
  CHECK(turtle.find("@prefix doc: <https://w3id.org/hearsay/doc/> .") != std::string::npos);
  CHECK(turtle.find("doc:d0123456789abcdef") != std::string::npos);
  CHECK(turtle.find("\"2019-01-07\"^^xsd:date") != std::string::npos);
  size_t statements = 0;
  hearsay::Status status =
      hearsay::ParseStrict(turtle, hearsay::OutputFormat::kTurtle, &statements);
  CHECK_MESSAGE(status.ok(), status.message());
  CHECK(statements == 4);
}

TEST_CASE("serialize: Turtle abbreviates exactly the IRIs Serd would") {
  using hearsay::Term;
  const std::string entity = "https://w3id.org/hearsay/entity/";
  const std::string subject_iri = entity + "p0123abc", dashed_iri = entity + "with-dash";
  hearsay::GraphBuilder builder;
  Term subject = Term::Iri(subject_iri);  // terms view characters they do not own
  builder.Add(subject, Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
              Term::Iri("http://schema.org/Person"));
  builder.Add(subject, Term::Iri("http://schema.org/sameAs"), Term::Iri(dashed_iri));
  builder.Add(subject, Term::Iri("http://schema.org/sameAs"), Term::Iri("https://example.org/x"));
  builder.Add(subject, Term::Iri("http://schema.org/sameAs"),
              Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"));
  builder.Add(subject, Term::Iri("http://schema.org/url"),
              Term::Iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"));
  builder.Add(subject, Term::Iri("https://w3id.org/hearsay/ns#rank"),
              Term::Literal("5", "http://www.w3.org/2001/XMLSchema#integer"));
  std::string turtle =
      hearsay::Serialize(builder.Finish(subject_iri), hearsay::OutputFormat::kTurtle);
  CHECK(turtle ==
        "entity:p0123abc\n"
        "\ta schema:Person ;\n"
        "\tschema:sameAs () ,\n"
        "\t\t<https://example.org/x> ,\n"
        "\t\t<https://w3id.org/hearsay/entity/with-dash> ;\n"
        "\tschema:url rdf:type ;\n"
        "\ths:rank 5 .\n\n\n");
}

TEST_CASE("serialize: N-Triples and N-Quads, one graph per article") {
  std::string nt = hearsay::Serialize(SmallGraph(), hearsay::OutputFormat::kNTriples);
  std::string nq = hearsay::Serialize(SmallGraph(), hearsay::OutputFormat::kNQuads);
  size_t statements = 0;
  CHECK(hearsay::ParseStrict(nt, hearsay::OutputFormat::kNTriples, &statements).ok());
  CHECK(statements == 4);
  CHECK(hearsay::ParseStrict(nq, hearsay::OutputFormat::kNQuads, &statements).ok());
  CHECK(statements == 4);
  CHECK(nq.find("> <https://w3id.org/hearsay/doc/d0123456789abcdef> .\n") != std::string::npos);
  CHECK(hearsay::Prologue(hearsay::OutputFormat::kNTriples).empty());
}

TEST_CASE("serialize: N-Triples writes each term as Serd escapes it, in every statement") {
  using hearsay::Term;
  hearsay::GraphBuilder builder;
  Term subject = Term::Iri("http://x/a b{c}");  // Serd escapes what an IRI may not hold
  Term text = Term::Iri("http://x/text");
  builder.Add(subject, text, Term::Literal("tab\there \"q\" back\\slash\nline \x01 \xe2\x80\x94"));
  builder.Add(subject, text, Term::Literal("four \xf0\x9f\x93\xb0 bytes"));
  builder.Add(subject, text, Term::Literal("7", "http://www.w3.org/2001/XMLSchema#integer"));
  builder.Add(Term::Iri("http://x/b"), text, subject);
  hearsay::Graph graph = builder.Finish("http://x/doc");
  const std::string lines =
      "<http://x/a\\u0020b\\u007Bc\\u007D> <http://x/text> \"7\"^^"
      "<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<http://x/a\\u0020b\\u007Bc\\u007D> <http://x/text> \"four \xf0\x9f\x93\xb0 bytes\" .\n"
      "<http://x/a\\u0020b\\u007Bc\\u007D> <http://x/text> \"tab\\there \\\"q\\\" "
      "back\\\\slash\\nline \\u0001 \xe2\x80\x94\" .\n"
      "<http://x/b> <http://x/text> <http://x/a\\u0020b\\u007Bc\\u007D> .\n";
  CHECK(hearsay::Serialize(graph, hearsay::OutputFormat::kNTriples) == lines);
  std::string quads = lines;
  for (size_t end = 0; (end = quads.find(" .\n", end)) != std::string::npos; end += 16) {
    quads.insert(end, " <http://x/doc>");
  }
  CHECK(hearsay::Serialize(graph, hearsay::OutputFormat::kNQuads) == quads);
}

TEST_CASE("serialize: N-Triples writes terms outside ASCII and those holding '~' alone") {
  using hearsay::Term;
  hearsay::GraphBuilder builder;
  Term subject = Term::Iri("http://x/a");
  Term predicate = Term::Iri("http://x/p");
  builder.Add(Term::Iri("http://x/a~b"), predicate, Term::Literal("joint ~ here"));
  builder.Add(subject, predicate, Term::Literal("5", "http://www.w3.org/2001/XMLSchema#integer"));
  builder.Add(subject, predicate, Term::Iri("http://x/caf\xc3\xa9#x"));
  builder.Add(subject, predicate, Term::Iri("http://x/a#x"));
  builder.Add(subject, predicate, Term::Literal("caf\xc3\xa9"));
  CHECK(hearsay::Serialize(builder.Finish("http://x/a"), hearsay::OutputFormat::kNTriples) ==
        "<http://x/a> <http://x/p> <http://x/a#x> .\n"
        "<http://x/a> <http://x/p> <http://x/caf\xc3\xa9#x> .\n"
        "<http://x/a> <http://x/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
        "<http://x/a> <http://x/p> \"caf\xc3\xa9\" .\n"
        "<http://x/a~b> <http://x/p> \"joint ~ here\" .\n");
}

TEST_CASE("serialize: N-Triples does not write an IRI Serd refuses, one without a scheme") {
  using hearsay::Term;
  hearsay::GraphBuilder builder;
  builder.Add(Term::Iri("http://x/a"), Term::Iri("http://x/p"), Term::Iri("relative/b"));
  builder.Add(Term::Iri("http://x/a"), Term::Iri("http://x/p"), Term::Literal("kept"));
  std::string lines =
      hearsay::Serialize(builder.Finish("http://x/a"), hearsay::OutputFormat::kNTriples);
  CHECK(lines.find("relative") == std::string::npos);
  CHECK(lines.find("\"kept\" .\n") != std::string::npos);
}

TEST_CASE("serialize: multi-line literals read back, also when they end in quotes") {
  for (const char* text : {"one\ntwo", "one\n\"two\"", "one\n\"two \"\"", "one \"\"",
                           "\"\"\"\n\"\"\"", "back\\slash\n\\", "quote \"\\8 then backslash"}) {
    hearsay::GraphBuilder builder;
    builder.Add(hearsay::Term::Iri("http://x/a"), hearsay::Term::Iri("http://x/text"),
                hearsay::Term::Literal(text));
    hearsay::Graph graph = builder.Finish("http://x/a");
    for (auto format : {hearsay::OutputFormat::kTurtle, hearsay::OutputFormat::kNTriples}) {
      std::string out = hearsay::Serialize(graph, format);
      size_t statements = 0;
      hearsay::Status status = hearsay::ParseStrict(out, format, &statements);
      CHECK_MESSAGE(status.ok(), text, ": ", status.message(), "\n", out);
      CHECK(statements == 1);
    }
  }
}

TEST_CASE("serialize: the output is the same bytes every time") {
  CHECK(hearsay::Serialize(SmallGraph(), hearsay::OutputFormat::kTurtle) ==
        hearsay::Serialize(SmallGraph(), hearsay::OutputFormat::kTurtle));
}

TEST_CASE("serialize: the strict parser rejects what strict consumers reject") {
  CHECK_FALSE(hearsay::ParseStrict("@prefix a: <http://x/> . a:b/c a:d a:e .",
                                   hearsay::OutputFormat::kTurtle, nullptr)
                  .ok());
  CHECK_FALSE(
      hearsay::ParseStrict("<http://x/a> <http://x/b> .", hearsay::OutputFormat::kNTriples, nullptr)
          .ok());
}

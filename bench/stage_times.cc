// Where the time goes: each stage of the pipeline timed over a JSONL corpus (not a test).
//
//   build/hearsay_stage_times CORPUS.jsonl [ntriples|turtle]
//
// Reads every record into memory first, so file reading and JSON parsing are timed apart
// from the stages. Prints seconds and MB/s of article text per stage.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "hearsay/graph.h"
#include "hearsay/pipeline.h"
#include "hearsay/serialize.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s CORPUS.jsonl [ntriples|turtle]\n", argv[0]);
    return 2;
  }
  hearsay::OutputFormat format = hearsay::OutputFormat::kNTriples;
  if (argc > 2 && !hearsay::ParseOutputFormat(argv[2], &format)) {
    std::fprintf(stderr, "unknown format: %s\n", argv[2]);
    return 2;
  }
  auto start = Clock::now();
  hearsay::Resources resources;
  hearsay::Status loaded = hearsay::Resources::Load(hearsay::DefaultOntologyDir(), &resources);
  if (!loaded.ok()) {
    std::fprintf(stderr, "%s\n", loaded.message().c_str());
    return 1;
  }
  std::printf("%-12s %8.3f s\n", "load", Seconds(start));

  start = Clock::now();
  std::ifstream in(argv[1], std::ios::binary);
  std::vector<hearsay::Document> docs;
  double megabytes = 0;
  std::string line;
  uint64_t number = 0;
  while (std::getline(in, line)) {
    auto result = hearsay::IngestJsonlRecord(line, argv[1], ++number, {});
    if (auto* doc = std::get_if<hearsay::Document>(&result)) {
      hearsay::CompleteMetadata(resources, doc);
      megabytes += doc->text.size() / 1e6;
      docs.push_back(std::move(*doc));
    }
  }
  std::printf("%-12s %8.3f s  (%zu articles, %.1f MB of text)\n", "ingest", Seconds(start),
              docs.size(), megabytes);

  std::vector<hearsay::Analysis> analyses(docs.size());
  auto stage = [&](const char* name, auto&& run) {
    auto begin = Clock::now();
    for (size_t i = 0; i < docs.size(); ++i) run(docs[i], analyses[i]);
    double seconds = Seconds(begin);
    std::printf("%-12s %8.3f s  %7.2f MB/s\n", name, seconds, megabytes / seconds);
    return seconds;
  };
  double total = 0;
  total += stage("segment", [&](const auto& doc, auto& a) {
    a.segmentation = hearsay::Segment(doc, resources.segment);
  });
  total += stage("mentions", [&](const auto& doc, auto& a) {
    a.mentions = hearsay::FindMentions(doc, a.segmentation, resources.gazetteer);
  });
  total += stage("timex", [&](const auto& doc, auto& a) {
    a.timexes = hearsay::FindTimexes(doc, a.segmentation, resources.timex);
  });
  total += stage("attribution", [&](const auto& doc, auto& a) {
    a.claims = hearsay::FindClaims(doc, a.segmentation, a.mentions, a.timexes, resources.cues);
  });
  total += stage("events", [&](const auto& doc, auto& a) {
    a.events = hearsay::FindEvents(doc, a.segmentation, a.mentions, a.timexes, a.claims,
                                   resources.triggers);
  });
  std::vector<hearsay::Graph> graphs(docs.size());
  size_t triples = 0;
  total += stage("graph", [&](const auto& doc, auto& a) {
    size_t i = &doc - docs.data();
    graphs[i] = hearsay::BuildGraph(doc, a);
    triples += graphs[i].statements.size();
  });
  size_t bytes = 0;
  total += stage("serialize", [&](const auto& doc, auto&) {
    bytes += hearsay::Serialize(graphs[&doc - docs.data()], format).size();
  });
  std::printf("%-12s %8.3f s  %7.2f MB/s  (%zu triples, %.1f MB out)\n", "stages", total,
              megabytes / total, triples, bytes / 1e6);
  return 0;
}

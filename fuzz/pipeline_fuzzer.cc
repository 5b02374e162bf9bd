// libFuzzer target: bytes -> ingest (text, HTML or JSONL) -> every stage -> graph -> Turtle,
// N-Triples, N-Quads and JSON-LD. The line-based and Turtle outputs must parse back strictly,
// ingested text must be valid UTF-8; crashes, sanitizer reports and timeouts are findings.
//
// The first byte picks the input kind: 'h'/'H' HTML, 'j'/'J' JSONL, anything else plain text;
// an upper-case letter also gives a publication date, so relative dates resolve.
// Build and run: fuzz/run.sh (clang, -DHEARSAY_FUZZ=ON).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/graph.h"
#include "hearsay/ingest.h"
#include "hearsay/pipeline.h"
#include "hearsay/serialize.h"

namespace {

const hearsay::Resources& LoadedResources() {
  static const hearsay::Resources* resources = [] {
    auto* loaded = new hearsay::Resources();
    hearsay::Status status = hearsay::Resources::Load(hearsay::DefaultOntologyDir(), loaded);
    if (!status.ok()) {
      std::fprintf(stderr, "pipeline_fuzzer: %s\n", status.message().c_str());
      std::abort();
    }
    return loaded;
  }();
  return *resources;
}

[[noreturn]] void Finding(const std::string& what, const std::string& detail) {
  std::fprintf(stderr, "pipeline_fuzzer: %s\n%s\n", what.c_str(), detail.c_str());
  std::abort();
}

void RunPipeline(hearsay::Document doc, const hearsay::Resources& resources) {
  using hearsay::OutputFormat;
  if (hearsay::FindInvalidUtf8(doc.text) != std::string_view::npos) {
    Finding("ingest passed on invalid UTF-8", doc.text);
  }
  hearsay::CompleteMetadata(resources, &doc);
  hearsay::Analysis analysis = hearsay::Analyze(doc, resources);
  hearsay::Graph graph = hearsay::BuildGraph(doc, analysis);
  for (OutputFormat format : {OutputFormat::kTurtle, OutputFormat::kNTriples, OutputFormat::kNQuads,
                              OutputFormat::kJsonLd}) {
    std::string text =
        hearsay::Prologue(format) + hearsay::Serialize(graph, format) + hearsay::Epilogue(format);
    if (format == OutputFormat::kJsonLd) continue;  // Serd reads no JSON-LD
    size_t statements = 0;
    hearsay::Status parsed = hearsay::ParseStrict(text, format, &statements);
    if (!parsed.ok()) Finding("output does not parse back: " + parsed.message(), text);
    if (statements != graph.statements.size()) Finding("statements lost in output", text);
  }
}

void Run(const hearsay::IngestResult& result, const hearsay::Resources& resources) {
  if (const auto* doc = std::get_if<hearsay::Document>(&result)) RunPipeline(*doc, resources);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const hearsay::Resources& resources = LoadedResources();
  char kind = static_cast<char>(data[0]);
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  hearsay::ArticleMeta meta;
  if (kind >= 'A' && kind <= 'Z') meta.date = "2013-10-03";
  switch (kind | 0x20) {
    case 'h':
      Run(hearsay::IngestHtml(bytes, "fuzz.html", meta, resources.html), resources);
      break;
    case 'j': {
      uint64_t line = 0;
      for (size_t start = 0; start < bytes.size();) {
        size_t end = bytes.find('\n', start);
        if (end == std::string_view::npos) end = bytes.size();
        Run(hearsay::IngestJsonlRecord(bytes.substr(start, end - start), "fuzz.jsonl", ++line,
                                       meta),
            resources);
        start = end + 1;
      }
      break;
    }
    default:
      Run(hearsay::IngestText(bytes, "fuzz.txt", meta), resources);
  }
  return 0;
}

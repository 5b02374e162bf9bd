#include "cli/extract.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "cli/inputs.h"
#include "hearsay/graph.h"
#include "hearsay/ingest.h"
#include "hearsay/pipeline.h"
#include "hearsay/render.h"

namespace hearsay::cli {
namespace {

using Clock = std::chrono::steady_clock;

// Articles are processed in batches: bounded memory, output in input order for any -j. A batch
// has this many articles for each worker, so that workers take long chunks (RunBatch).
constexpr size_t kBatchArticlesPerJob = 256;
constexpr uint64_t kBatchBytes = 32ull << 20;
// The fewest articles a worker takes at a time, stage by stage (AnalyzeEach).
constexpr size_t kMinChunk = 16;

struct Job {
  IngestResult input;  // a document, or why there is none
  uint64_t bytes = 0;
  std::string output;  // serialized statements
  Graph graph;         // kept instead of serialized when merging
  std::string page;    // file name of the rendered page
  std::vector<Diagnostic> diagnostics;
  size_t triples = 0;
};

struct Totals {
  uint64_t articles = 0;
  uint64_t extracted = 0;
  uint64_t failed = 0;
  uint64_t bytes = 0;
  uint64_t triples = 0;
  std::map<std::string, uint64_t> failure_reasons;
  std::map<std::string, uint64_t> warning_reasons;
};

// "dir/story.txt" -> "story.html", "crawl.jsonl:17" -> "crawl-17.html", "<stdin>" ->
// "stdin.html".
std::string PageName(const std::string& origin) {
  constexpr std::string_view kStdin = "<stdin>";  // InputFile::Name() of "-"
  bool is_stdin = origin.rfind(kStdin, 0) == 0;
  std::string name = is_stdin ? "stdin" + origin.substr(kStdin.size())
                              : origin.substr(origin.find_last_of('/') + 1);
  size_t colon = name.rfind(':');
  std::string line = colon == std::string::npos ? "" : "-" + name.substr(colon + 1);
  name = name.substr(0, colon);
  name = name.substr(0, name.find_last_of('.')) + line;
  for (char& c : name) {
    bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_' || c == '.';
    if (!safe) c = '_';
  }
  return (name.empty() ? std::string("stdin") : name) + ".html";
}

// A diagnostic's reason for the summary: its message up to the first colon, parenthesis or
// quoted value (an apostrophe inside a word, as in "record's", is kept).
std::string ReasonOf(const std::string& message) {
  size_t cut = std::min({message.find_first_of(":("), message.find(" '"), message.size()});
  std::string reason = message.substr(0, cut);
  while (!reason.empty() && reason.back() == ' ') reason.pop_back();
  return reason;
}

class Progress {
 public:
  Progress(bool enabled, uint64_t total_bytes)
      : enabled_(enabled), total_bytes_(total_bytes), start_(Clock::now()), last_(start_) {}

  void Update(const Totals& totals, bool final_line) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (!final_line && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double mb = totals.bytes / 1e6;
    double rate = seconds > 0 ? mb / seconds : 0;
    char eta[32] = "";
    if (total_bytes_ > totals.bytes && rate > 0) {
      auto left = static_cast<long>((total_bytes_ - totals.bytes) / 1e6 / rate);
      std::snprintf(eta, sizeof eta, "  ETA %ld:%02ld", left / 60, left % 60);
    }
    std::fprintf(stderr, "\r\033[Khearsay: %llu articles, %.1f MB, %.0f articles/s, %.2f MB/s%s",
                 static_cast<unsigned long long>(totals.articles), mb,
                 seconds > 0 ? totals.articles / seconds : 0.0, rate, eta);
    if (final_line) std::fputc('\n', stderr);
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  uint64_t total_bytes_;
  Clock::time_point start_;
  Clock::time_point last_;
};

class Extractor {
 public:
  Extractor(const ExtractOptions& options, const Resources& resources, std::FILE* out)
      : options_(options), resources_(resources), out_(out) {}

  void Add(IngestResult input, uint64_t bytes) {
    batch_bytes_ += bytes;
    Job job;
    job.input = std::move(input);
    job.bytes = bytes;
    batch_.push_back(std::move(job));
    if (batch_.size() >= kBatchArticlesPerJob * Jobs() || batch_bytes_ >= kBatchBytes) Flush();
  }

  void Report(Diagnostic diagnostic) {
    std::fputs((diagnostic.ToString() + "\n").c_str(), stderr);
    if (diagnostic.severity == Severity::kError) {
      ++totals_.failed;
      ++totals_.failure_reasons[ReasonOf(diagnostic.message)];
    } else {
      ++totals_.warning_reasons[ReasonOf(diagnostic.message)];
    }
  }

  // Hands the full batch to the workers. With more than one job the workers run in the
  // background while this thread reads the next batch and writes the one before, so that
  // reading and writing leave no core idle.
  void Flush() {
    if (Jobs() <= 1) {
      RunBatch(batch_);
      Emit(batch_);
    } else {
      // The workers start on this batch before the last one is written.
      std::vector<Job> done;
      if (processed_.valid()) {
        processed_.get();
        done = std::move(processing_);
      }
      processing_ = std::move(batch_);
      processed_ = std::async(std::launch::async, [this] { RunBatch(processing_); });
      Emit(done);
    }
    batch_.clear();
    batch_bytes_ = 0;
  }

  // Every article added so far processed and written.
  void Finish() {
    Flush();
    EmitProcessed();
  }

  // Writes one article's output, with the format's separator between non-empty ones.
  void Write(const std::string& text) {
    if (text.empty()) return;
    if (wrote_any_) {
      std::string_view separator = Separator(options_.format);
      std::fwrite(separator.data(), 1, separator.size(), out_);
    }
    std::fwrite(text.data(), 1, text.size(), out_);
    wrote_any_ = true;
  }

  void WritePage(const Job& job) {
    std::string path = options_.render_dir + "/" + job.page;
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr ||
        std::fwrite(job.output.data(), 1, job.output.size(), file) != job.output.size()) {
      Report({Severity::kError, path, 0, 0, false, "cannot write the page"});
    }
    if (file != nullptr) std::fclose(file);
  }

  void set_progress(Progress* progress) { progress_ = progress; }
  void set_merged(MergedTurtle* merged) { merged_ = merged; }
  const Totals& totals() const { return totals_; }

 private:
  // A few consecutive jobs, each step over all of them before the next (AnalyzeEach).
  void Process(Job* first, Job* last) const {
    std::vector<Job*> jobs;
    std::vector<const Document*> docs;
    for (Job* job = first; job != last; ++job) {
      auto* doc = std::get_if<Document>(&job->input);
      if (doc == nullptr) continue;
      CompleteMetadata(resources_, doc);
      jobs.push_back(job);
      docs.push_back(doc);
    }
    std::vector<Analysis> analyses = AnalyzeEach(docs, resources_);
    for (size_t i = 0; i < jobs.size(); ++i) {
      jobs[i]->diagnostics = std::move(analyses[i].diagnostics);
    }
    if (options_.render) {
      for (size_t i = 0; i < jobs.size(); ++i) {
        jobs[i]->output = RenderHtml(*docs[i], analyses[i]);
        jobs[i]->page = PageName(docs[i]->origin);
      }
      return;
    }
    for (size_t i = 0; i < jobs.size(); ++i) {
      Graph graph = BuildGraph(*docs[i], analyses[i], options_.graph);
      analyses[i] = Analysis();
      jobs[i]->triples = graph.statements.size();
      if (merged_ != nullptr) {
        jobs[i]->graph = std::move(graph);
      } else {
        jobs[i]->output = Serialize(graph, options_.format);
      }
    }
  }

  // Totals, diagnostics and output of a processed batch, in input order.
  void Emit(std::vector<Job>& batch) {
    for (Job& job : batch) {
      ++totals_.articles;
      totals_.bytes += job.bytes;
      if (auto* problem = std::get_if<Diagnostic>(&job.input)) {
        if (progress_ != nullptr) progress_->Update(totals_, false);
        Report(*problem);
        continue;
      }
      ++totals_.extracted;
      totals_.triples += job.triples;
      for (Diagnostic& diagnostic : job.diagnostics) Report(std::move(diagnostic));
      if (options_.render && !options_.render_dir.empty()) {
        WritePage(job);
      } else if (merged_ != nullptr) {
        merged_->Add(job.graph);
      } else {
        Write(job.output);
      }
    }
    if (progress_ != nullptr) progress_->Update(totals_, false);
  }

  // Waits for the batch the workers have, then emits it.
  void EmitProcessed() {
    if (!processed_.valid()) return;
    processed_.get();
    Emit(processing_);
    processing_.clear();
  }

  // Workers take consecutive jobs in chunks that shrink as the batch runs out: a chunk as
  // large as the work left allows, since every chunk reloads each stage's rules into the CPU
  // cache, yet small enough at the end that no worker waits long for the others.
  void RunBatch(std::vector<Job>& batch) const {
    const size_t threads = std::min<size_t>(Jobs(), (batch.size() + kMinChunk - 1) / kMinChunk);
    if (threads <= 1) {
      Process(batch.data(), batch.data() + batch.size());
      return;
    }
    std::mutex mutex;
    size_t next = 0;
    auto take = [&](Job** first, Job** last) {
      std::lock_guard<std::mutex> lock(mutex);
      size_t left = batch.size() - next;
      size_t size = std::min(left, std::max(kMinChunk, left / (2 * threads)));
      *first = batch.data() + next;
      *last = *first + size;
      next += size;
      return size > 0;
    };
    auto work = [&] {
      for (Job *first, *last; take(&first, &last);) Process(first, last);
    };
    std::vector<std::thread> workers;
    for (size_t t = 1; t < threads; ++t) workers.emplace_back(work);
    work();
    for (std::thread& worker : workers) worker.join();
  }

  unsigned Jobs() const {
    if (options_.jobs > 0) return options_.jobs;
    unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
  }

  const ExtractOptions& options_;
  const Resources& resources_;
  std::FILE* out_;
  std::vector<Job> batch_;       // being read
  std::vector<Job> processing_;  // with the workers, until processed_ is ready
  std::future<void> processed_;
  uint64_t batch_bytes_ = 0;
  Totals totals_;
  Progress* progress_ = nullptr;
  MergedTurtle* merged_ = nullptr;
  bool wrote_any_ = false;
};

void ReadJsonl(const InputFile& input, const ExtractOptions& options, Extractor* extractor) {
  bool is_stdin = input.path == "-";
  std::FILE* file = is_stdin ? stdin : std::fopen(input.path.c_str(), "rb");
  if (file == nullptr) {
    extractor->Add(Diagnostic{Severity::kError, input.Name(), 0, 0, false, "cannot open"}, 0);
    return;
  }
  LineReader reader(file, options.max_bytes);
  std::string line;
  bool too_long = false;
  uint64_t line_bytes = 0;
  for (uint64_t number = 1; reader.Next(&line, &too_long, &line_bytes); ++number) {
    if (too_long) {
      extractor->Add(
          Diagnostic{Severity::kError, input.Name(), number, 0, false,
                     "record is " + std::to_string(line_bytes) + " bytes, over the limit of " +
                         std::to_string(options.max_bytes) + " (see --max-bytes)"},
          line_bytes);
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;  // blank line
    extractor->Add(IngestJsonlRecord(line, input.Name(), number, options.meta), line_bytes + 1);
  }
  if (!is_stdin) std::fclose(file);
}

void ReadInput(const InputFile& input, const ExtractOptions& options, const HtmlLexicon& html,
               Extractor* extractor) {
  if (input.format == InputFormat::kJsonl) {
    ReadJsonl(input, options, extractor);
    return;
  }
  std::string bytes;
  Diagnostic problem;
  if (!ReadWholeFile(input, options.max_bytes, &bytes, &problem)) {
    extractor->Add(std::move(problem), input.size);
    return;
  }
  uint64_t size = bytes.size();
  extractor->Add(input.format == InputFormat::kHtml
                     ? IngestHtml(bytes, input.Name(), options.meta, html)
                     : IngestText(bytes, input.Name(), options.meta),
                 size);
}

}  // namespace

int RunExtract(const ExtractOptions& options) {
  Resources resources;
  std::string dir = options.ontology_dir.empty() ? DefaultOntologyDir() : options.ontology_dir;
  Status loaded = Resources::Load(dir, &resources);
  if (!loaded.ok()) {
    std::fprintf(stderr, "hearsay: cannot load the ontology data: %s\n", loaded.message().c_str());
    return 2;
  }
  std::vector<Diagnostic> input_problems;
  std::vector<InputFile> inputs =
      ExpandInputs(options.inputs, options.stdin_format, &input_problems);

  std::FILE* out = stdout;
  if (options.output != "-") {
    out = std::fopen(options.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "hearsay: cannot write %s\n", options.output.c_str());
      return 2;
    }
  }
  Extractor extractor(options, resources, out);
  MergedTurtle merged;
  if (options.render) {
    // pages only: no RDF framing
  } else if (options.merge) {
    extractor.set_merged(&merged);
  } else {
    std::string prologue = Prologue(options.format);
    std::fwrite(prologue.data(), 1, prologue.size(), out);
  }
  for (Diagnostic& problem : input_problems) extractor.Report(std::move(problem));
  uint64_t total_bytes = 0;
  for (const InputFile& input : inputs) total_bytes += input.size;
  Progress progress(options.progress && !options.quiet, total_bytes);
  extractor.set_progress(&progress);
  auto start = Clock::now();
  for (const InputFile& input : inputs) ReadInput(input, options, resources.html, &extractor);
  extractor.Finish();
  progress.Update(extractor.totals(), true);
  std::string ending = options.render  ? std::string()
                       : options.merge ? merged.Finish()
                                       : Epilogue(options.format);
  std::fwrite(ending.data(), 1, ending.size(), out);

  bool write_failed = std::fflush(out) != 0 || std::ferror(out) != 0;
  if (out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  if (write_failed) std::fprintf(stderr, "hearsay: error writing the output\n");

  const Totals& totals = extractor.totals();
  if (!options.quiet) {
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::string made = options.render ? std::to_string(totals.extracted) + " pages"
                                      : std::to_string(totals.triples) + " triples";
    std::fprintf(
        stderr, "hearsay: %llu articles read, %llu extracted, %llu failed; %s; %.1f MB in %.2f s\n",
        static_cast<unsigned long long>(totals.articles),
        static_cast<unsigned long long>(totals.extracted),
        static_cast<unsigned long long>(totals.failed), made.c_str(), totals.bytes / 1e6, seconds);
    for (const auto& [reason, count] : totals.failure_reasons) {
      std::fprintf(stderr, "hearsay:   %llu failed: %s\n", static_cast<unsigned long long>(count),
                   reason.c_str());
    }
    for (const auto& [reason, count] : totals.warning_reasons) {
      std::fprintf(stderr, "hearsay:   %llu warned: %s\n", static_cast<unsigned long long>(count),
                   reason.c_str());
    }
  }
  if (write_failed) return 2;
  if (inputs.empty() && input_problems.empty()) return 2;
  return totals.failed > 0 ? 1 : 0;
}

}  // namespace hearsay::cli

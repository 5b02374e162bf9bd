#include "cli/extract.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
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

// Articles flow through a window of jobs (Extractor): bounded memory, output in input order for
// any -j. The window holds this many articles for each worker, or this many bytes of input.
constexpr size_t kWindowArticlesPerJob = 256;
constexpr uint64_t kWindowBytes = 32ull << 20;
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

// The reading thread appends jobs to a window; workers claim runs of consecutive jobs, and the
// worker that finishes the oldest unwritten run writes every finished run, in input order, so no
// worker waits for the others at batch boundaries and threads live as long as the batch. With
// one job the reading thread processes the window whenever it fills.
class Extractor {
 public:
  Extractor(const ExtractOptions& options, const Resources& resources, std::FILE* out)
      : options_(options), jobs_(WorkerCount(options)), resources_(resources), out_(out) {}

  ~Extractor() { StopWorkers(); }

  void Add(IngestResult input, uint64_t bytes) {
    std::unique_lock<std::mutex> lock(mutex_);
    Job& job = window_.emplace_back();
    job.input = std::move(input);
    job.bytes = bytes;
    window_bytes_ += bytes;
    ++added_;
    if (jobs_ <= 1) {
      if (WindowFull()) ProcessNext(added_ - claimed_, lock);
      return;
    }
    if (workers_.empty()) {
      for (unsigned t = 0; t < jobs_; ++t) workers_.emplace_back([this] { Work(); });
    }
    if (Claimable()) work_ready_.notify_one();
    space_ready_.wait(lock, [this] { return !WindowFull(); });
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

  // Every article added so far processed and written.
  void Finish() {
    StopWorkers();
    std::unique_lock<std::mutex> lock(mutex_);
    if (added_ > claimed_) ProcessNext(added_ - claimed_, lock);
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
  // Jobs numbered first to last in input order; the window starts at number written_.
  struct Run {
    uint64_t first;
    uint64_t last;
  };

  bool WindowFull() const {
    return added_ - written_ >= kWindowArticlesPerJob * jobs_ || window_bytes_ >= kWindowBytes;
  }

  // Enough unclaimed jobs for a run, or a full window that only a shorter run can empty.
  bool Claimable() const {
    return added_ - claimed_ >= kMinChunk || (added_ > claimed_ && WindowFull());
  }

  // A worker: claims a run of unclaimed jobs, processes it, and writes what is ready, until the
  // reading thread has closed the window and no job is left. Runs shrink as the work left does:
  // as long as it allows, since each run reloads every stage's rules into the CPU cache, yet
  // short enough at the end that no worker waits long for the others.
  void Work() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      work_ready_.wait(lock, [this] { return Claimable() || closed_; });
      uint64_t left = added_ - claimed_;
      if (left == 0) return;
      ProcessNext(std::min<uint64_t>(left, std::max<uint64_t>(kMinChunk, left / (2 * jobs_))),
                  lock);
    }
  }

  // Claims the next `size` jobs, processes them with the lock released, and writes what is
  // ready. With one job the reading thread calls it for all unclaimed jobs.
  void ProcessNext(uint64_t size, std::unique_lock<std::mutex>& lock) {
    Run run{claimed_, claimed_ + size};
    claimed_ = run.last;
    std::vector<Job*> jobs = JobsOf(run);
    lock.unlock();
    Process(jobs);
    lock.lock();
    finished_.emplace(run.first, run.last);
    EmitFinished(lock);
  }

  std::vector<Job*> JobsOf(Run run) {
    std::vector<Job*> jobs;
    jobs.reserve(run.last - run.first);
    for (uint64_t n = run.first; n < run.last; ++n) jobs.push_back(&window_[n - written_]);
    return jobs;
  }

  // Writes the finished runs that continue the output, unless another thread is already doing
  // so (it will find them). The lock is released while writing.
  void EmitFinished(std::unique_lock<std::mutex>& lock) {
    if (emitting_) return;
    emitting_ = true;
    while (!finished_.empty() && finished_.begin()->first == written_) {
      uint64_t last = finished_.begin()->second;
      finished_.erase(finished_.begin());
      std::vector<Job> run;
      run.reserve(last - written_);
      for (; written_ < last; ++written_) {
        window_bytes_ -= window_.front().bytes;
        run.push_back(std::move(window_.front()));
        window_.pop_front();
      }
      space_ready_.notify_one();
      lock.unlock();
      Emit(run);
      run.clear();
      lock.lock();
    }
    emitting_ = false;
  }

  void StopWorkers() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& worker : workers_) worker.join();
    workers_.clear();
  }

  // A few consecutive jobs, each step over all of them before the next (AnalyzeEach).
  void Process(const std::vector<Job*>& run) const {
    std::vector<Job*> jobs;
    std::vector<const Document*> docs;
    for (Job* job : run) {
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

  // Totals, diagnostics and output of a processed run, in input order.
  void Emit(std::vector<Job>& run) {
    for (Job& job : run) {
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

  // Asked once: the count of cores costs system calls, and the window asks for it per article.
  static unsigned WorkerCount(const ExtractOptions& options) {
    if (options.jobs > 0) return options.jobs;
    unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
  }

  const ExtractOptions& options_;
  const unsigned jobs_;
  const Resources& resources_;
  std::FILE* out_;
  std::mutex mutex_;                     // guards the window and the counts below
  std::condition_variable work_ready_;   // jobs to claim, or the window closed
  std::condition_variable space_ready_;  // room in the window for the reading thread
  std::deque<Job> window_;               // jobs numbered written_ to added_
  uint64_t window_bytes_ = 0;
  uint64_t added_ = 0;
  uint64_t claimed_ = 0;
  uint64_t written_ = 0;
  std::map<uint64_t, uint64_t> finished_;  // processed runs not yet written: first -> last
  bool emitting_ = false;
  bool closed_ = false;
  std::vector<std::thread> workers_;
  // Written by one emitting thread at a time.
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

// Reading the user's inputs: files, directories (recursed), standard input; JSONL line by
// line with a size cap, so one huge line never takes all memory. Only the CLI touches files.
#ifndef HEARSAY_CLI_INPUTS_H_
#define HEARSAY_CLI_INPUTS_H_

#include <cstdio>
#include <string>
#include <vector>

#include "hearsay/ingest.h"

namespace hearsay::cli {

struct InputFile {
  std::string path;  // "-" for standard input
  InputFormat format = InputFormat::kText;
  uint64_t size = 0;  // bytes, 0 when unknown (standard input)

  // How messages and render pages name it.
  std::string Name() const { return path == "-" ? "<stdin>" : path; }
};

// Expands the command line's FILE arguments. Directories are walked recursively in sorted order
// and keep files with known extensions; problems (missing paths, skipped files) become
// diagnostics. "-" is standard input, read as `stdin_format`.
std::vector<InputFile> ExpandInputs(const std::vector<std::string>& arguments,
                                    InputFormat stdin_format, std::vector<Diagnostic>* diagnostics);

// Reads a whole file (or standard input) up to `max_bytes`; false with a diagnostic otherwise.
bool ReadWholeFile(const InputFile& input, uint64_t max_bytes, std::string* out,
                   Diagnostic* problem);

// Reads lines of any length, keeping at most `max_bytes` of each; longer lines are reported as
// truncated so the caller can reject them and go on with the next line.
class LineReader {
 public:
  LineReader(std::FILE* file, uint64_t max_bytes) : file_(file), max_bytes_(max_bytes) {}

  // False at end of file. `*too_long` is set when the line exceeded max_bytes (its text is
  // then incomplete). `*line_bytes` is the full length of the line in the file.
  bool Next(std::string* line, bool* too_long, uint64_t* line_bytes);

 private:
  bool Fill();

  std::FILE* file_;
  uint64_t max_bytes_;
  std::vector<char> buffer_ = std::vector<char>(1 << 20);
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace hearsay::cli

#endif  // HEARSAY_CLI_INPUTS_H_

#include "cli/inputs.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace hearsay::cli {
namespace fs = std::filesystem;

namespace {

Diagnostic Problem(const std::string& origin, std::string message,
                   Severity severity = Severity::kError) {
  return {severity, origin, 0, 0, false, std::move(message)};
}

bool KnownExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".jsonl" ||
         ext == ".ndjson";
}

}  // namespace

std::vector<InputFile> ExpandInputs(const std::vector<std::string>& arguments,
                                    InputFormat stdin_format,
                                    std::vector<Diagnostic>* diagnostics) {
  std::vector<InputFile> inputs;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      inputs.push_back({argument, stdin_format, 0});
      continue;
    }
    std::error_code error;
    fs::file_status status = fs::status(argument, error);
    if (error || !fs::exists(status)) {
      diagnostics->push_back(Problem(argument, "no such file or directory"));
      continue;
    }
    if (!fs::is_directory(status)) {
      uint64_t size = fs::is_regular_file(status) ? fs::file_size(argument, error) : 0;
      inputs.push_back({argument, FormatFromPath(argument), error ? 0 : size});
      continue;
    }
    std::vector<fs::path> found;
    std::vector<fs::path> skipped;
    fs::recursive_directory_iterator it(argument, fs::directory_options::skip_permission_denied,
                                        error);
    for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
      if (!it->is_regular_file(error)) continue;
      (KnownExtension(it->path()) ? found : skipped).push_back(it->path());
    }
    if (error)
      diagnostics->push_back(Problem(argument, "cannot read directory: " + error.message()));
    if (!skipped.empty()) {
      std::sort(skipped.begin(), skipped.end());
      diagnostics->push_back(Problem(
          argument,
          "skipped " + std::to_string(skipped.size()) +
              " file(s) that are not .txt, .html, .htm or .jsonl, e.g. " + skipped[0].string(),
          Severity::kWarning));
    }
    std::sort(found.begin(), found.end());
    for (const fs::path& path : found) {
      std::error_code size_error;
      uint64_t size = fs::file_size(path, size_error);
      inputs.push_back({path.string(), FormatFromPath(path.string()), size_error ? 0 : size});
    }
  }
  return inputs;
}

bool ReadWholeFile(const InputFile& input, uint64_t max_bytes, std::string* out,
                   Diagnostic* problem) {
  bool is_stdin = input.path == "-";
  if (!is_stdin && input.size > max_bytes) {
    *problem = Problem(input.Name(), "file is " + std::to_string(input.size) +
                                         " bytes, over the limit of " + std::to_string(max_bytes) +
                                         " (raise it with --max-bytes)");
    return false;
  }
  std::FILE* file = is_stdin ? stdin : std::fopen(input.path.c_str(), "rb");
  if (file == nullptr) {
    *problem = Problem(input.Name(), std::string("cannot open: ") + std::strerror(errno));
    return false;
  }
  out->clear();
  char buffer[1 << 16];
  size_t got;
  bool too_big = false;
  while ((got = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (out->size() + got > max_bytes) {
      too_big = true;
      break;
    }
    out->append(buffer, got);
  }
  bool failed = std::ferror(file) != 0;
  if (!is_stdin) std::fclose(file);
  if (too_big) {
    *problem = Problem(input.Name(), "input is over the limit of " + std::to_string(max_bytes) +
                                         " bytes (raise it with --max-bytes)");
    return false;
  }
  if (failed) {
    *problem = Problem(input.Name(), "read error");
    return false;
  }
  return true;
}

bool LineReader::Fill() {
  if (begin_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  size_t got = std::fread(buffer_.data() + end_, 1, buffer_.size() - end_, file_);
  end_ += got;
  return got > 0;
}

bool LineReader::Next(std::string* line, bool* too_long, uint64_t* line_bytes) {
  line->clear();
  *too_long = false;
  *line_bytes = 0;
  bool any = false;
  while (true) {
    if (begin_ == end_ && !Fill()) return any;
    any = true;
    const char* start = buffer_.data() + begin_;
    const char* newline = static_cast<const char*>(std::memchr(start, '\n', end_ - begin_));
    size_t chunk = newline != nullptr ? static_cast<size_t>(newline - start) : end_ - begin_;
    *line_bytes += chunk;
    if (!*too_long && line->size() + chunk <= max_bytes_) {
      line->append(start, chunk);
    } else if (!*too_long) {
      *too_long = true;
      line->clear();
      line->shrink_to_fit();
    }
    begin_ += chunk;
    if (newline != nullptr) {
      ++begin_;
      if (!line->empty() && line->back() == '\r') line->pop_back();
      return true;
    }
  }
}

}  // namespace hearsay::cli

#include "hearsay/lexicon.h"

#include <fstream>

namespace hearsay {

Status TsvRecord::Error(std::string_view message) const {
  return Status::Error(file + ":" + std::to_string(line) + ": " + std::string(message));
}

Status ReadTsv(const std::string& path, const std::function<Status(const TsvRecord&)>& visit) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error(path + ": cannot open data file");
  TsvRecord record;
  record.file = path;
  std::string line;
  while (std::getline(in, line)) {
    ++record.line;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    record.fields.clear();
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      record.fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    Status status = visit(record);
    if (!status.ok()) return status;
  }
  return Status::Ok();
}

}  // namespace hearsay

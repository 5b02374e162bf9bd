// Reading the data files under ontology/ (lexicons, gazetteers, rules).
//
// Every file is UTF-8 text, one record a line, fields separated by TAB; '#' starts a comment
// line; blank lines are skipped. Errors name the file and line.
#ifndef HEARSAY_LEXICON_H_
#define HEARSAY_LEXICON_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/status.h"

namespace hearsay {

struct TsvRecord {
  std::string file;
  uint64_t line = 0;
  std::vector<std::string> fields;

  // "file:line: message", for errors about this record.
  Status Error(std::string_view message) const;
};

// Calls `visit` for each record of `path`; stops at the first error it returns.
Status ReadTsv(const std::string& path, const std::function<Status(const TsvRecord&)>& visit);

}  // namespace hearsay

#endif  // HEARSAY_LEXICON_H_

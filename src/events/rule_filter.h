// Which of many patterns can match a text, told from the literal strings each one requires,
// so that only those patterns are run. One RE2::Set over all the trigger rules was the slowest
// step of the pipeline: the rules' word-counting context multiplies the states of its DFA.
#ifndef HEARSAY_EVENTS_RULE_FILTER_H_
#define HEARSAY_EVENTS_RULE_FILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay {

class RuleFilter {
 public:
  RuleFilter();

  // Adds the next pattern (its index is the count of those added before it); false, with
  // `error`, when it does not compile.
  bool Add(const std::string& pattern, const RE2::Options& options, std::string* error);

  // Call once, after the last Add; false when the required strings do not compile together.
  bool Compile();

  // The indices of the patterns that may match `text`, ascending: all of those that do match,
  // and a few that do not.
  void Candidates(std::string_view text, std::vector<int>* out) const;

 private:
  re2::FilteredRE2 filter_;             // its AND-OR tree of the strings each pattern requires
  std::unique_ptr<RE2::Set> required_;  // those strings, case-insensitive; null if none
};

}  // namespace hearsay

#endif  // HEARSAY_EVENTS_RULE_FILTER_H_

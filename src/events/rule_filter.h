// A list of rules' patterns, and which of them match (or may match) a text, found at once so
// that only those are run for their groups.
#ifndef HEARSAY_EVENTS_RULE_FILTER_H_
#define HEARSAY_EVENTS_RULE_FILTER_H_

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hearsay {

// Which of a list of strings occur in a text, compared as RE2 compares case-insensitively
// (simple case folding): one Aho-Corasick automaton for the strings of ASCII characters, much
// faster than an RE2::Set, which takes the rest.
class CaselessStrings {
 public:
  // False when the strings the RE2::Set takes do not compile together, or a word-start string
  // is not ASCII. `word_starts` (indices after those of `strings`) count as found only where
  // they begin a word: after a byte that is neither an ASCII letter nor digit, or at the start.
  bool Build(const std::vector<std::string>& strings,
             const std::vector<std::string>& word_starts = {});

  // Sets `found` to a bit per string (bit i % 64 of word i / 64), set for those found in
  // `text`; false when RE2 ran out of memory.
  bool Find(std::string_view text, std::vector<uint64_t>* found) const;

 private:
  int count_ = 0;                      // strings
  int word_start_count_ = 0;           // of them, the last ones, word-start strings
  int classes_ = 1;                    // byte classes: 0 is every byte no ASCII string holds
  int word_start_class_ = -1;          // the class fed after each byte that may end a word
  bool word_start_after_[256] = {};    // of the byte: whether that class follows it
  uint8_t byte_class_[256] = {};       // of the folded byte
  std::vector<int32_t> next_;          // state * classes_ + class -> state; state 0 is the root
  std::vector<int32_t> output_begin_;  // per state, into `outputs_`; one more at the end
  std::vector<int32_t> outputs_;       // the strings that end in each state
  std::unique_ptr<RE2::Set> others_;   // the strings with other characters; null if none
  std::vector<int> other_index_;       // index of each of them in the list
};

class RuleFilter {
 public:
  enum class Kind {
    // One RE2::Set of the patterns: exact, for a few patterns of plain words.
    kWhole,
    // The literal strings each pattern requires (RE2's FilteredRE2 atoms), found together by
    // CaselessStrings: for many patterns with word-counting context, whose joint DFA in one
    // RE2::Set has too many states to cache.
    kRequiredStrings,
  };

  // `heads_start_words`: a match counts only where its head (group 1, or the whole match in a
  // pattern without groups) begins a word, as in FindCandidates. A pattern whose every head
  // begins with one of a few literal strings is then looked at only when one of those begins a
  // word: most required strings found are inside other words ("aid" in "said").
  RuleFilter(Kind kind, const RE2::Options& options, bool heads_start_words = false);

  // Adds a pattern and returns its index (the count of those added before it), or -1 with
  // `error` when it does not compile.
  int Add(const std::string& pattern, std::string* error);

  // Call once, after the last Add; false when the patterns do not compile together.
  bool Compile();

  const RE2& pattern(int index) const;

  // The indices of the patterns that may match `text`, ascending: all of those that do match,
  // and for kRequiredStrings a few that do not.
  void Candidates(std::string_view text, std::vector<int>* out) const;

 private:
  // kRequiredStrings: the strings a pattern requires, as sets (indices into the strings
  // `required_` finds) one of which must occur in full.
  struct Requirement {
    std::vector<std::vector<int>> sets;
  };

  Kind kind_;
  RE2::Options options_;
  bool heads_start_words_;
  std::vector<std::unique_ptr<RE2>> patterns_;  // kWhole
  std::unique_ptr<RE2::Set> set_;               // kWhole: the patterns
  // kRequiredStrings: one filter per pattern, which owns it. FilteredRE2 evaluates the strings
  // found against all its patterns at once at a cost that exceeded the search for the strings;
  // each pattern's requirement is read off its own filter once instead (see Compile).
  std::vector<std::unique_ptr<re2::FilteredRE2>> filters_;
  std::vector<std::string> sources_;  // the patterns as written
  std::vector<Requirement> requirements_;
  std::vector<std::vector<int>> patterns_requiring_;  // per string, the patterns to look at
  std::vector<int> always_;                           // the patterns that require nothing
  CaselessStrings required_;  // kRequiredStrings: the strings the patterns require
};

}  // namespace hearsay

#endif  // HEARSAY_EVENTS_RULE_FILTER_H_

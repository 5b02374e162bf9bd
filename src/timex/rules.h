// The loaded form of ontology/timex-rules.tsv and ontology/timex-words.tsv.
#ifndef HEARSAY_TIMEX_RULES_H_
#define HEARSAY_TIMEX_RULES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/timex.h"
#include "hearsay/word_table.h"

namespace hearsay::timex {

// The named groups a rule pattern may have; kSpan ("t") is the time expression itself.
enum Slot {
  kSpan,
  kYear,
  kTwoDigitYear,
  kMonth,
  kDay,
  kWeekday,
  kPartOfDay,
  kShift,
  kRelativeYear,
  kUnit,
  kNumber,
  kSeason,
  kQuarter,
  kDeictic,
  kReference,
  kFrequency,
  kDecade,
  kCentury,
  kSlotCount
};

enum class Function {
  kDate,
  kWeekday,
  kDeictic,
  kAnaphoric,
  kSamePeriod,
  kRelative,
  kWeekOfMonth,
  kAgo,
  kQuarter,
  kSeason,
  kYear,
  kDecade,
  kCentury,
  kDuration,
  kSet,
  kReference,
  kNone,
};

struct Rule {
  std::string name;
  std::unique_ptr<RE2> pattern;
  Function function = Function::kNone;
  std::vector<std::string> args;
  std::array<int, kSlotCount> groups;  // capture group number per slot, -1 if absent
  // The pattern is \b(?P<t>...)\b: the expression is the whole match, which the DFA finds
  // without the groups.
  bool span_is_match = false;
  TimexRules::Example example;
};

// Words by class ("month" → "october" → "10"), keys in lower case with single spaces.
class Words {
 public:
  // False when the word opens a class beyond the 32 that ClassesOf tells apart.
  bool Add(const std::string& word_class, const std::string& word, const std::string& value);
  // The value of `text` (any case, any run of spaces) in the class, if it is listed there.
  std::optional<std::string> Find(std::string_view word_class, std::string_view text) const;
  bool Has(std::string_view word_class, std::string_view text) const {
    return Lookup(word_class, text) != nullptr;
  }
  // The classes that list `text` as Has finds it, one bit each (see Bit): one look-up for a
  // word tested against several classes.
  uint32_t ClassesOf(std::string_view text) const;
  // The bit of a class in ClassesOf; 0 for a class with no words.
  uint32_t Bit(std::string_view word_class) const;
  // The words of a class, longest first (for building pattern alternations).
  std::vector<std::string> Of(std::string_view word_class) const;

 private:
  const std::string* Lookup(std::string_view word_class, std::string_view text) const;

  struct Class {
    WordTable<std::string> values;  // by normalized word
    bool abbreviations = false;     // some word ends in a period
    uint32_t bit = 0;
  };
  // `text` as the tables hold it: itself when already normalized, else normalized into `key`.
  static std::string_view Key(std::string_view text, std::string* key);
  // Ordered with a transparent comparator: looked up by string_view without building a string.
  std::map<std::string, Class, std::less<>> classes_;
  WordTable<uint32_t> classes_of_;  // by normalized word: the bits of the classes listing it
  uint32_t abbreviation_classes_ = 0;
  size_t longest_abbreviation_ = 0;  // in bytes, with its period
  // Whether some listed word has a shape (Shape): many words of a text have a shape no listed
  // word has, and so no classes, which shows without hashing them.
  static constexpr size_t kShapeSizes = 32;
  // A bit for words of `size` (under kShapeSizes) bytes, first and last byte (letter or other).
  static size_t Shape(size_t size, char first, char last);
  std::vector<bool> shapes_ = std::vector<bool>(kShapeSizes * 27 * 27);
};

// Lower case, with every run of spaces, tabs and no-break spaces as one space.
std::string NormalizeWord(std::string_view text);

}  // namespace hearsay::timex

namespace hearsay {

struct TimexRules::Data {
  std::vector<timex::Rule> rules;
  std::unique_ptr<RE2::Set> set;
  timex::Words words;
};

}  // namespace hearsay

#endif  // HEARSAY_TIMEX_RULES_H_

#include "events/rule_filter.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <map>
#include <numeric>
#include <utility>

namespace hearsay {
namespace {

// Required strings shorter than this ("to", "a") would let nearly every text through.
constexpr int kMinRequiredLength = 3;

// The byte that stands for the character at `pos` once case-folded, and the character's length:
// ASCII letters in lower case, and the two other characters RE2 folds into ASCII ones: U+212A
// (Kelvin sign) into "k" and U+017F (long s) into "s". Any other byte stands for itself.
unsigned char FoldedByte(std::string_view text, size_t pos, size_t* length) {
  auto byte = [&](size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0; };
  unsigned char c = byte(pos);
  *length = 1;
  if (c >= 'A' && c <= 'Z') return static_cast<unsigned char>(c - 'A' + 'a');
  if (c == 0xE2 && byte(pos + 1) == 0x84 && byte(pos + 2) == 0xAA) {
    *length = 3;
    return 'k';
  }
  if (c == 0xC5 && byte(pos + 1) == 0xBF) {
    *length = 2;
    return 's';
  }
  return c;
}

std::string Folded(std::string_view text) {
  std::string out;
  for (size_t pos = 0, length = 0; pos < text.size(); pos += length) {
    out.push_back(static_cast<char>(FoldedByte(text, pos, &length)));
  }
  return out;
}

// The indices of the patterns of `set` that match `text`, ascending; false when RE2 ran out of
// memory.
bool MatchSet(const RE2::Set& set, std::string_view text, std::vector<int>* out) {
  RE2::Set::ErrorInfo info;
  if (!set.Match(re2::StringPiece(text.data(), text.size()), out, &info) &&
      info.kind != RE2::Set::kNoError) {
    return false;
  }
  std::sort(out->begin(), out->end());
  return true;
}

// Sets bit `i` of a bit set held in 64-bit words.
void SetBit(uint64_t* bits, int i) { bits[i / 64] |= uint64_t{1} << (i % 64); }

bool IsAsciiWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

}  // namespace

bool CaselessStrings::Build(const std::vector<std::string>& strings,
                            const std::vector<std::string>& word_starts) {
  int count = static_cast<int>(strings.size());
  word_start_count_ = static_cast<int>(word_starts.size());
  count_ = count + word_start_count_;
  // A trie of the ASCII strings, its nodes numbered as made; -1 where there is no edge yet.
  std::vector<std::string> ascii;
  std::vector<int> ascii_index;
  for (int i = 0; i < count; ++i) {
    std::string folded = Folded(strings[i]);
    bool is_ascii = std::all_of(folded.begin(), folded.end(),
                                [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (is_ascii) {
      for (char c : folded) {
        uint8_t& byte_class = byte_class_[static_cast<unsigned char>(c)];
        if (byte_class == 0) byte_class = static_cast<uint8_t>(classes_++);
      }
      ascii.push_back(std::move(folded));
      ascii_index.push_back(i);
      continue;
    }
    if (others_ == nullptr) {
      RE2::Options options;
      options.set_literal(true);
      options.set_case_sensitive(false);
      options.set_log_errors(false);
      others_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    }
    if (others_->Add(strings[i], nullptr) < 0) return false;
    other_index_.push_back(i);
  }
  if (others_ != nullptr && !others_->Compile()) return false;
  // A word-start string is looked for as the word-start class followed by the string, in a
  // text where that class follows every byte that may end a word (every byte but ASCII letters
  // and digits; any byte of other characters, which can only find more word starts than there
  // are). The other strings hold that class too, after such bytes, to be found as before.
  if (!word_starts.empty()) {
    word_start_class_ = classes_++;
    for (int c = 0; c < 256; ++c) word_start_after_[c] = !IsAsciiWordByte(static_cast<uint8_t>(c));
  }
  for (size_t i = 0; i < word_starts.size(); ++i) {
    std::string folded = Folded(word_starts[i]);
    if (!std::all_of(folded.begin(), folded.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
      return false;
    }
    for (char c : folded) {
      uint8_t& byte_class = byte_class_[static_cast<unsigned char>(c)];
      if (byte_class == 0) byte_class = static_cast<uint8_t>(classes_++);
    }
    ascii.push_back(std::move(folded));
    ascii_index.push_back(count + static_cast<int>(i));
  }
  if (ascii.empty()) return true;
  for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  next_.assign(classes_, -1);
  std::vector<std::vector<int32_t>> ends(1);
  for (size_t s = 0; s < ascii.size(); ++s) {
    std::vector<int> symbols;
    if (ascii_index[s] >= count) symbols.push_back(word_start_class_);
    for (char c : ascii[s]) {
      symbols.push_back(byte_class_[static_cast<unsigned char>(c)]);
      if (word_start_class_ >= 0 && word_start_after_[static_cast<unsigned char>(c)]) {
        symbols.push_back(word_start_class_);
      }
    }
    int32_t state = 0;
    for (int symbol : symbols) {
      size_t edge = state * classes_ + symbol;
      if (next_[edge] < 0) {
        next_[edge] = static_cast<int32_t>(ends.size());
        ends.emplace_back();
        next_.resize(next_.size() + classes_, -1);
      }
      state = next_[edge];
    }
    ends[state].push_back(ascii_index[s]);
  }
  // Aho-Corasick: breadth first, each missing edge takes the one of the longest proper suffix
  // that is a node, and each node the strings that end in that suffix.
  std::vector<int32_t> suffix(ends.size(), 0);
  std::vector<int32_t> queue;
  for (int c = 0; c < classes_; ++c) {
    int32_t& child = next_[c];
    if (child < 0) {
      child = 0;
    } else {
      queue.push_back(child);
    }
  }
  for (size_t head = 0; head < queue.size(); ++head) {
    int32_t state = queue[head];
    const auto& inherited = ends[suffix[state]];
    ends[state].insert(ends[state].end(), inherited.begin(), inherited.end());
    for (int c = 0; c < classes_; ++c) {
      int32_t& child = next_[state * classes_ + c];
      int32_t fallback = next_[suffix[state] * classes_ + c];
      if (child < 0) {
        child = fallback;
      } else {
        suffix[child] = fallback;
        queue.push_back(child);
      }
    }
  }
  for (const auto& strings_ending : ends) {
    output_begin_.push_back(static_cast<int32_t>(outputs_.size()));
    outputs_.insert(outputs_.end(), strings_ending.begin(), strings_ending.end());
  }
  output_begin_.push_back(static_cast<int32_t>(outputs_.size()));
  // Each edge to the offset of its state's row, complemented when strings end in that state:
  // one load and one test per byte where most states end none.
  for (int32_t& to : next_) {
    bool ends_strings = output_begin_[to + 1] > output_begin_[to];
    to *= classes_;
    if (ends_strings) to = ~to;
  }
  return true;
}

bool CaselessStrings::Find(std::string_view text, std::vector<uint64_t>* found) const {
  // One bit per string: common strings occur many times in a text.
  std::vector<uint64_t>& seen = *found;
  seen.assign((count_ + 63) / 64, 0);
  bool kelvin_sign = false;
  if (!next_.empty()) {
    // Locals, which the compiler keeps in registers across the writes to `seen`.
    const int32_t* next = next_.data();
    const int32_t* output_begin = output_begin_.data();
    const int32_t* outputs = outputs_.data();
    const uint8_t* byte_class = byte_class_;
    const int classes = classes_;
    const int word_start_class = word_start_class_;
    const bool* word_start_after = word_start_after_;
    uint64_t* bits = seen.data();
    int32_t row = 0;  // of the state
    auto step = [&](int byte_class_index) {
      int32_t to = next[row + byte_class_index];
      if (to < 0) {
        to = ~to;
        int32_t state = to / classes;
        for (int32_t i = output_begin[state]; i < output_begin[state + 1]; ++i) {
          SetBit(bits, outputs[i]);
        }
      }
      row = to;
    };
    if (word_start_class >= 0) step(word_start_class);  // the text starts a word
    for (size_t pos = 0; pos < text.size();) {
      // ASCII capitals have the class of their small letter.
      size_t length = 1;
      unsigned char byte = static_cast<unsigned char>(text[pos]);
      if (byte >= 0x80) {
        byte = FoldedByte(text, pos, &length);
        // U+212A (Kelvin sign), folded into "k", does not belong to words: where it may
        // precede a word-start string, every such string counts as found.
        kelvin_sign = kelvin_sign || length == 3;
      }
      pos += length;
      step(byte_class[byte]);
      if (word_start_after[byte]) step(word_start_class);
    }
  }
  if (kelvin_sign) {
    for (int i = count_ - word_start_count_; i < count_; ++i) {
      SetBit(seen.data(), i);
    }
  }
  if (others_ != nullptr) {
    std::vector<int> hits;
    if (!MatchSet(*others_, text, &hits)) return false;
    for (int hit : hits) SetBit(seen.data(), other_index_[hit]);
  }
  return true;
}

RuleFilter::RuleFilter(Kind kind, const RE2::Options& options, bool heads_start_words)
    : kind_(kind), options_(options), heads_start_words_(heads_start_words) {
  if (kind_ == Kind::kWhole) set_ = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
}

int RuleFilter::Add(const std::string& pattern, std::string* error) {
  if (kind_ == Kind::kRequiredStrings) {
    auto filter = std::make_unique<re2::FilteredRE2>(kMinRequiredLength);
    int index = -1;
    if (filter->Add(pattern, options_, &index) != RE2::NoError) {
      *error = RE2(pattern, options_).error();
      return -1;
    }
    filters_.push_back(std::move(filter));
    sources_.push_back(pattern);
    return static_cast<int>(filters_.size()) - 1;
  }
  auto compiled = std::make_unique<RE2>(pattern, options_);
  if (!compiled->ok()) {
    *error = compiled->error();
    return -1;
  }
  patterns_.push_back(std::move(compiled));
  return set_->Add(pattern, error);
}

namespace {

// Prefilters with more strings than this are not probed set by set (see MinimalSets).
constexpr int kMaxProbedStrings = 16;

// The smallest sets of the strings of `filter`'s only pattern (indices into them) that let the
// pattern through, found by trying the sets in increasing order, so that each set's subsets
// were tried before it. A prefilter with too many strings is taken as requiring any one of
// them, which holds wherever it holds.
std::vector<std::vector<int>> MinimalSets(const re2::FilteredRE2& filter, int strings) {
  std::vector<std::vector<int>> sets;
  if (strings > kMaxProbedStrings) {
    for (int i = 0; i < strings; ++i) sets.push_back({i});
    return sets;
  }
  std::vector<uint32_t> minimal;  // bit i: string i
  std::vector<int> passed;
  for (uint32_t set = 1; set < (1u << strings); ++set) {
    if (std::any_of(minimal.begin(), minimal.end(),
                    [set](uint32_t smaller) { return (set & smaller) == smaller; })) {
      continue;
    }
    std::vector<int> present;
    for (int i = 0; i < strings; ++i) {
      if (set & (1u << i)) present.push_back(i);
    }
    passed.clear();
    filter.AllPotentials(present, &passed);
    if (passed.empty()) continue;
    minimal.push_back(set);
    sets.push_back(std::move(present));
  }
  return sets;
}

// --- The literal strings every head of a pattern begins with. A reader of the few kinds of
// syntax that rules start their heads with (letters, "-", "'", (?:...|...) and "?"): anything
// else ends what it can tell.

constexpr size_t kMaxHeadPrefixes = 32;

// The position after the character class that starts at `pos`.
size_t SkipClass(const std::string& pattern, size_t pos) {
  ++pos;
  if (pos < pattern.size() && pattern[pos] == '^') ++pos;
  if (pos < pattern.size() && pattern[pos] == ']') ++pos;
  while (pos < pattern.size() && pattern[pos] != ']') {
    if (pattern[pos] == '\\') {
      pos += 2;
    } else if (pattern.compare(pos, 2, "[:") == 0) {
      size_t end = pattern.find(":]", pos + 2);
      pos = end == std::string::npos ? pattern.size() : end + 2;
    } else {
      ++pos;
    }
  }
  return std::min(pos + 1, pattern.size());
}

// Steps `pos` over the escape ("\\x") or character class ("[...]") that starts there; false
// when neither does.
bool SkipEscapeOrClass(const std::string& pattern, size_t* pos) {
  if (pattern[*pos] == '\\') {
    *pos += 2;
    return true;
  }
  if (pattern[*pos] == '[') {
    *pos = SkipClass(pattern, *pos);
    return true;
  }
  return false;
}

// The position of the "|" or ")" that ends the alternative `pos` is in, or the end.
size_t SkipAlternative(const std::string& pattern, size_t pos) {
  int depth = 0;
  while (pos < pattern.size()) {
    if (SkipEscapeOrClass(pattern, &pos)) continue;
    char c = pattern[pos];
    if ((c == '|' || c == ')') && depth == 0) return pos;
    if (c == '(') ++depth;
    if (c == ')') --depth;
    ++pos;
  }
  return pattern.size();
}

// A string every match of a piece of pattern begins with; `whole` when it is the whole match.
struct Prefix {
  std::string text;
  bool whole = true;
};

std::vector<Prefix> ReadAlternatives(const std::string& pattern, size_t* pos);

// The prefixes of the alternative at `*pos`, which moves to its end.
std::vector<Prefix> ReadSequence(const std::string& pattern, size_t* pos) {
  std::vector<Prefix> prefixes = {{"", true}};
  while (*pos < pattern.size() && pattern[*pos] != '|' && pattern[*pos] != ')') {
    std::vector<Prefix> atom;
    size_t next = *pos;
    auto c = static_cast<unsigned char>(pattern[next]);
    bool known = true;
    if (IsAsciiWordByte(c) || c == '-' || c == '\'') {
      atom.push_back({std::string(1, static_cast<char>(c)), true});
      ++next;
    } else if (pattern.compare(next, 3, "(?:") == 0) {
      next += 3;
      atom = ReadAlternatives(pattern, &next);
      known = next < pattern.size();  // at the group's ")"
      ++next;
    } else {
      known = false;
    }
    if (known && next < pattern.size() && pattern[next] == '?') {
      atom.push_back({"", true});
      ++next;
      if (next < pattern.size() && pattern[next] == '?') ++next;  // lazy: the same strings
    } else if (next < pattern.size() && std::strchr("*+{", pattern[next]) != nullptr) {
      known = false;
    }
    std::vector<Prefix> extended;
    for (const Prefix& prefix : prefixes) {
      if (!known || !prefix.whole) {
        extended.push_back(prefix);
        continue;
      }
      for (const Prefix& more : atom) extended.push_back({prefix.text + more.text, more.whole});
    }
    if (!known || extended.size() > kMaxHeadPrefixes) {
      for (Prefix& prefix : prefixes) prefix.whole = false;
      *pos = SkipAlternative(pattern, *pos);
      return prefixes;
    }
    prefixes = std::move(extended);
    *pos = next;
  }
  return prefixes;
}

// The prefixes of the alternatives from `*pos` on, which moves to the ")" or end after them.
std::vector<Prefix> ReadAlternatives(const std::string& pattern, size_t* pos) {
  std::vector<Prefix> all;
  while (true) {
    std::vector<Prefix> some = ReadSequence(pattern, pos);
    all.insert(all.end(), some.begin(), some.end());
    if (*pos >= pattern.size() || pattern[*pos] != '|') return all;
    ++*pos;
  }
}

// Strings of at least kMinRequiredLength characters, the first a letter or digit, one of which
// begins every head of `pattern` (group 1, or the whole match without groups), compared
// case-insensitively; empty when the pattern does not tell. Group 1 counts only when every
// match holds it: outside other groups and alternatives, and not optional.
std::vector<std::string> HeadPrefixes(const std::string& pattern) {
  size_t group = std::string::npos;
  bool alternatives = false;  // at the top level
  int depth = 0;
  for (size_t pos = 0; pos < pattern.size();) {
    if (SkipEscapeOrClass(pattern, &pos)) continue;
    char c = pattern[pos];
    if (c == '(') {
      bool capturing = pos + 1 >= pattern.size() || pattern[pos + 1] != '?';
      if (!capturing && pos + 2 < pattern.size() &&
          (pattern[pos + 2] == 'P' || pattern[pos + 2] == '<')) {
        return {};  // a named group
      }
      if (capturing && group == std::string::npos) {
        if (depth != 0) return {};
        group = pos;
      }
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      alternatives = true;
    }
    ++pos;
  }
  size_t pos = 0;
  if (group != std::string::npos) {
    if (alternatives) return {};
    pos = group + 1;
  }
  std::vector<Prefix> prefixes = ReadAlternatives(pattern, &pos);
  if (group != std::string::npos) {
    if (pos >= pattern.size()) return {};
    ++pos;  // past the group's ")"
    if (pos < pattern.size() && std::strchr("?*+{", pattern[pos]) != nullptr) return {};
  }
  std::vector<std::string> strings;
  for (const Prefix& prefix : prefixes) {
    if (prefix.text.size() < static_cast<size_t>(kMinRequiredLength) ||
        !IsAsciiWordByte(static_cast<unsigned char>(prefix.text[0]))) {
      return {};
    }
    std::string lower = prefix.text;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    strings.push_back(std::move(lower));
  }
  // A string that begins with another one adds nothing.
  std::sort(strings.begin(), strings.end());
  strings.erase(std::unique(strings.begin(), strings.end()), strings.end());
  std::vector<std::string> shortest;
  for (std::string& string : strings) {
    if (shortest.empty() || string.compare(0, shortest.back().size(), shortest.back()) != 0) {
      shortest.push_back(std::move(string));
    }
  }
  return shortest;
}

// Whether the only pattern of `filter` passes without any of its strings.
bool RequiresNothing(const re2::FilteredRE2& filter) {
  std::vector<int> passed;
  filter.AllPotentials({}, &passed);
  return !passed.empty();
}

}  // namespace

bool RuleFilter::Compile() {
  if (kind_ == Kind::kWhole) return set_->Compile();
  std::vector<std::string> strings;
  std::map<std::string, int> index_of;
  std::vector<std::string> head_strings;  // which must begin a word
  std::map<std::string, int> head_index_of;
  std::vector<std::vector<int>> patterns_headed_by;
  requirements_.resize(filters_.size());
  for (size_t p = 0; p < filters_.size(); ++p) {
    std::vector<std::string> own;
    filters_[p]->Compile(&own);
    const re2::FilteredRE2* prefilter = filters_[p].get();
    // RE2 may find no required string of kMinRequiredLength characters where it finds shorter
    // ones ("shot at", "shoot at"): such a pattern is looked for by those rather than in every
    // text.
    std::unique_ptr<re2::FilteredRE2> shorter;
    if (RequiresNothing(*prefilter)) {
      shorter = std::make_unique<re2::FilteredRE2>(kMinRequiredLength - 1);
      int index = -1;
      shorter->Add(sources_[p], options_, &index);
      own.clear();
      shorter->Compile(&own);
      prefilter = shorter.get();
    }
    if (RequiresNothing(*prefilter)) {
      always_.push_back(static_cast<int>(p));
      continue;
    }
    std::vector<int> global;
    for (const std::string& string : own) {
      auto [it, added] = index_of.emplace(string, static_cast<int>(strings.size()));
      if (added) strings.push_back(string);
      global.push_back(it->second);
    }
    patterns_requiring_.resize(strings.size());
    const std::vector<std::vector<int>> sets =
        MinimalSets(*prefilter, static_cast<int>(own.size()));
    if (sets.empty()) {  // no strings let it through: looked at always, to be safe
      always_.push_back(static_cast<int>(p));
      continue;
    }
    // The pattern is looked at only when a string it cannot do without is found, the longest
    // (likely the rarest) of those in every set; without one, when any string of a set is.
    std::vector<int> in_every_set = sets.front();
    std::vector<int> in_some_set;
    for (const std::vector<int>& set : sets) {
      std::vector<int> common;
      std::set_intersection(in_every_set.begin(), in_every_set.end(), set.begin(), set.end(),
                            std::back_inserter(common));
      in_every_set = std::move(common);
      in_some_set.insert(in_some_set.end(), set.begin(), set.end());
      std::vector<int>& members = requirements_[p].sets.emplace_back();
      for (int i : set) members.push_back(global[i]);
    }
    if (heads_start_words_) {
      // Looked at only when a string every head begins with begins a word.
      std::vector<std::string> heads = HeadPrefixes(sources_[p]);
      for (const std::string& head : heads) {
        auto [it, added] = head_index_of.emplace(head, static_cast<int>(head_strings.size()));
        if (added) {
          head_strings.push_back(head);
          patterns_headed_by.emplace_back();
        }
        patterns_headed_by[it->second].push_back(static_cast<int>(p));
      }
      if (!heads.empty()) continue;
    }
    std::vector<int> looked_at_on = in_some_set;
    if (!in_every_set.empty()) {
      looked_at_on = {
          *std::max_element(in_every_set.begin(), in_every_set.end(),
                            [&](int a, int b) { return own[a].size() < own[b].size(); })};
    }
    std::sort(looked_at_on.begin(), looked_at_on.end());
    looked_at_on.erase(std::unique(looked_at_on.begin(), looked_at_on.end()), looked_at_on.end());
    for (int i : looked_at_on) patterns_requiring_[global[i]].push_back(static_cast<int>(p));
  }
  // The head strings are found after the others, as CaselessStrings numbers them.
  patterns_requiring_.resize(strings.size());
  patterns_requiring_.insert(patterns_requiring_.end(), patterns_headed_by.begin(),
                             patterns_headed_by.end());
  return required_.Build(strings, head_strings);
}

const RE2& RuleFilter::pattern(int index) const {
  return kind_ == Kind::kWhole ? *patterns_[index] : filters_[index]->GetRE2(0);
}

void RuleFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  out->clear();
  // Scratch kept per thread: this runs once or more per sentence, and would allocate each time.
  thread_local std::vector<uint64_t> present;  // kRequiredStrings: a bit per string
  thread_local std::vector<int> named;         // the patterns to look at for the strings found
  bool complete =
      kind_ == Kind::kWhole ? MatchSet(*set_, text, out) : required_.Find(text, &present);
  if (!complete) {
    // Out of DFA memory: every pattern may match.
    out->resize(kind_ == Kind::kWhole ? patterns_.size() : filters_.size());
    std::iota(out->begin(), out->end(), 0);
    return;
  }
  if (kind_ == Kind::kWhole) return;
  auto is_present = [&](int string) { return (present[string / 64] >> (string % 64)) & 1; };
  named.clear();
  for (size_t word = 0; word < present.size(); ++word) {
    for (uint64_t bits = present[word]; bits != 0; bits &= bits - 1) {
      const std::vector<int>& patterns =
          patterns_requiring_[word * 64 + static_cast<size_t>(__builtin_ctzll(bits))];
      named.insert(named.end(), patterns.begin(), patterns.end());
    }
  }
  std::sort(named.begin(), named.end());
  named.erase(std::unique(named.begin(), named.end()), named.end());
  *out = always_;
  for (int p : named) {
    const auto& sets = requirements_[p].sets;
    if (std::any_of(sets.begin(), sets.end(), [&](const std::vector<int>& set) {
          return std::all_of(set.begin(), set.end(), is_present);
        })) {
      out->push_back(p);
    }
  }
  std::sort(out->begin(), out->end());
}

}  // namespace hearsay

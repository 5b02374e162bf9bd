#include "events/rule_filter.h"

#include <algorithm>
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

}  // namespace

bool CaselessStrings::Build(const std::vector<std::string>& strings) {
  int count = static_cast<int>(strings.size());
  count_ = count;
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
  if (ascii.empty()) return true;
  for (int c = 'A'; c <= 'Z'; ++c) byte_class_[c] = byte_class_[c - 'A' + 'a'];
  next_.assign(classes_, -1);
  std::vector<std::vector<int32_t>> ends(1);
  for (size_t s = 0; s < ascii.size(); ++s) {
    int32_t state = 0;
    for (char c : ascii[s]) {
      size_t edge = state * classes_ + byte_class_[static_cast<unsigned char>(c)];
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
  return true;
}

bool CaselessStrings::Find(std::string_view text, std::vector<int>* found) const {
  // One bit per string: common strings occur many times in a text.
  std::vector<uint64_t> seen((count_ + 63) / 64);
  if (!next_.empty()) {
    // Locals, which the compiler keeps in registers across the writes to `seen`.
    const int32_t* next = next_.data();
    const int32_t* output_begin = output_begin_.data();
    const int32_t* outputs = outputs_.data();
    const uint8_t* byte_class = byte_class_;
    const int classes = classes_;
    uint64_t* bits = seen.data();
    int32_t state = 0;
    for (size_t pos = 0; pos < text.size();) {
      // ASCII capitals have the class of their small letter.
      size_t length = 1;
      unsigned char byte = static_cast<unsigned char>(text[pos]);
      if (byte >= 0x80) byte = FoldedByte(text, pos, &length);
      pos += length;
      state = next[state * classes + byte_class[byte]];
      for (int32_t i = output_begin[state]; i < output_begin[state + 1]; ++i) {
        bits[outputs[i] / 64] |= uint64_t{1} << (outputs[i] % 64);
      }
    }
  }
  if (others_ != nullptr) {
    std::vector<int> hits;
    if (!MatchSet(*others_, text, &hits)) return false;
    for (int hit : hits) seen[other_index_[hit] / 64] |= uint64_t{1} << (other_index_[hit] % 64);
  }
  for (size_t word = 0; word < seen.size(); ++word) {
    for (uint64_t bits = seen[word]; bits != 0; bits &= bits - 1) {
      found->push_back(static_cast<int>(word * 64) + __builtin_ctzll(bits));
    }
  }
  return true;
}

RuleFilter::RuleFilter(Kind kind, const RE2::Options& options) : kind_(kind), options_(options) {
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
  string_count_ = static_cast<int>(strings.size());
  return required_.Build(strings);
}

const RE2& RuleFilter::pattern(int index) const {
  return kind_ == Kind::kWhole ? *patterns_[index] : filters_[index]->GetRE2(0);
}

void RuleFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  std::vector<int> found;
  bool complete =
      kind_ == Kind::kWhole ? MatchSet(*set_, text, &found) : required_.Find(text, &found);
  if (!complete) {
    // Out of DFA memory: every pattern may match.
    out->resize(kind_ == Kind::kWhole ? patterns_.size() : filters_.size());
    std::iota(out->begin(), out->end(), 0);
    return;
  }
  if (kind_ == Kind::kWhole) {
    *out = std::move(found);
    return;
  }
  std::vector<uint64_t> present((string_count_ + 63) / 64);
  for (int string : found) present[string / 64] |= uint64_t{1} << (string % 64);
  auto is_present = [&](int string) { return (present[string / 64] >> (string % 64)) & 1; };
  std::vector<int> named;  // the patterns to look at for the strings found
  for (int string : found) {
    named.insert(named.end(), patterns_requiring_[string].begin(),
                 patterns_requiring_[string].end());
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

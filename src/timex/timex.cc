// The timex stage: RE2 rules from ontology/timex-rules.tsv find time expressions; the functions of
// normalize.cc turn them into TIMEX3 values against the document date, or against when a
// quotation was said.
#include "hearsay/timex.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <utility>

#include "core/ascii.h"
#include "hearsay/lexicon.h"
#include "timex/calendar.h"
#include "timex/normalize.h"
#include "timex/rules.h"

namespace hearsay {

TimexRules::TimexRules() : data_(std::make_unique<Data>()) {}
TimexRules::~TimexRules() = default;
TimexRules::TimexRules(TimexRules&&) noexcept = default;
TimexRules& TimexRules::operator=(TimexRules&&) noexcept = default;

namespace timex {

namespace {
char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string NormalizeWord(std::string_view text) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool nbsp = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || nbsp) {
      if (nbsp) ++i;
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    // ASCII only, as std::tolower in the "C" locale, without a call per byte.
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

bool Words::Add(const std::string& word_class, const std::string& word, const std::string& value) {
  Class& members = classes_[word_class];
  if (members.bit == 0) {
    if (classes_.size() > 32) return false;
    members.bit = uint32_t{1} << (classes_.size() - 1);
  }
  std::string key = NormalizeWord(word);
  members.abbreviations = members.abbreviations || (!key.empty() && key.back() == '.');
  if (members.abbreviations) abbreviation_classes_ |= members.bit;
  if (!key.empty() && key.back() == '.') {
    longest_abbreviation_ = std::max(longest_abbreviation_, key.size());
  }
  if (!key.empty() && key.size() < kShapeSizes) {
    shapes_[Shape(key.size(), key.front(), key.back())] = true;
  }
  classes_of_[key] |= members.bit;
  members.values[key] = value;
  return true;
}

std::string_view Words::Key(std::string_view text, std::string* key) {
  // Most words come in lower case without spaces: only the others need a normalized copy.
  const bool normalized = std::none_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\t' || c == '\n' || c == '\xC2';
  });
  if (normalized) return text;
  *key = NormalizeWord(text);
  return *key;
}

const std::string* Words::Lookup(std::string_view word_class, std::string_view text) const {
  auto found_class = classes_.find(word_class);
  if (found_class == classes_.end() || text.empty()) return nullptr;
  const Class& members = found_class->second;
  std::string key;
  std::string_view word = Key(text, &key);
  const std::string* found = members.values.Find(word);
  if (found == nullptr && members.abbreviations) {
    // Abbreviations are listed with their period ("oct."); the text may leave it out.
    key.assign(word.data(), word.size());
    key += '.';
    found = members.values.Find(key);
  }
  return found;
}

uint32_t Words::ClassesOf(std::string_view text) const {
  if (text.empty()) return 0;
  // The words around every time expression are asked about: a short one without spaces is
  // normalized (lower-cased) on the stack, with room for the period below, and hashed as it is
  // lowered: the word with the period then costs one more step.
  char buffer[32];
  std::string key;
  std::string_view word;
  uint64_t hash = kWordHashSeed;
  const bool spaced = std::any_of(text.begin(), text.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\xC2';
  });
  if (!spaced && text.size() < sizeof(buffer)) {
    const char first = LowerAscii(text.front());
    const bool may_have_period = abbreviation_classes_ != 0 && text.size() < longest_abbreviation_;
    if (!shapes_[Shape(text.size(), first, LowerAscii(text.back()))] &&
        !(may_have_period && shapes_[Shape(text.size() + 1, first, '.')])) {
      return 0;
    }
    for (size_t i = 0; i < text.size(); ++i) {
      buffer[i] = LowerAscii(text[i]);
      hash = WordHashStep(hash, buffer[i]);
    }
    word = std::string_view(buffer, text.size());
  } else {
    key = NormalizeWord(text);
    word = key;
    hash = WordHash(word);
  }
  const uint32_t* classes = classes_of_.Find(word, hash);
  uint32_t out = classes != nullptr ? *classes : 0;
  // Most words are longer than any abbreviation.
  if (abbreviation_classes_ != 0 && word.size() < longest_abbreviation_) {
    // As Lookup: the word with the period its class lists it with.
    std::string_view with_period;
    if (word.data() == buffer) {
      buffer[word.size()] = '.';
      with_period = std::string_view(buffer, word.size() + 1);
    } else {
      key += '.';
      with_period = key;
    }
    classes = classes_of_.Find(with_period, WordHashStep(hash, '.'));
    if (classes != nullptr) out |= *classes & abbreviation_classes_;
  }
  return out;
}

size_t Words::Shape(size_t size, char first, char last) {
  auto letter = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<size_t>(c - 'a' + 1) : 0; };
  return (size * 27 + letter(first)) * 27 + letter(last);
}

uint32_t Words::Bit(std::string_view word_class) const {
  auto found = classes_.find(word_class);
  return found == classes_.end() ? 0 : found->second.bit;
}

std::optional<std::string> Words::Find(std::string_view word_class, std::string_view text) const {
  const std::string* value = Lookup(word_class, text);
  return value != nullptr ? std::optional<std::string>(*value) : std::nullopt;
}

std::vector<std::string> Words::Of(std::string_view word_class) const {
  std::vector<std::string> out;
  auto found = classes_.find(word_class);
  if (found == classes_.end()) return out;
  found->second.values.ForEach(
      [&](const std::string& word, const std::string&) { out.push_back(word); });
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  return out;
}

namespace {

constexpr const char* kSlotNames[kSlotCount] = {
    "t",    "year", "yy",     "month", "day",     "weekday", "pod",  "shift",  "relyear",
    "unit", "num",  "season", "q",     "deictic", "ref",     "freq", "decade", "century"};

constexpr std::pair<const char*, Function> kFunctions[] = {
    {"date", Function::kDate},
    {"weekday", Function::kWeekday},
    {"deictic", Function::kDeictic},
    {"anaphoric", Function::kAnaphoric},
    {"same_period", Function::kSamePeriod},
    {"relative", Function::kRelative},
    {"week_of_month", Function::kWeekOfMonth},
    {"ago", Function::kAgo},
    {"quarter", Function::kQuarter},
    {"season", Function::kSeason},
    {"year", Function::kYear},
    {"decade", Function::kDecade},
    {"century", Function::kCentury},
    {"duration", Function::kDuration},
    {"set", Function::kSet},
    {"reference", Function::kReference},
    {"none", Function::kNone},
};

// Spaces inside an expression: never a line break, so titles and datelines stay apart.
constexpr const char* kSpacePattern = "[ \\t\\x{00A0}]+";

RE2::Options PatternOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  return options;
}

// One word or phrase of a class as a pattern: "a few" → a[ \t...]+few; "oct." → oct\.?
std::string WordPattern(const std::string& word, bool capitalized) {
  std::string out;
  size_t start = 0;
  while (start <= word.size()) {
    size_t space = word.find(' ', start);
    std::string part = word.substr(start, space == std::string::npos ? space : space - start);
    if (capitalized && start == 0 && !part.empty()) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    bool period = !part.empty() && part.back() == '.';
    if (period) part.pop_back();
    if (!out.empty()) out += kSpacePattern;
    out += RE2::QuoteMeta(part);
    if (period) out += "\\.?";
    if (space == std::string::npos) break;
    start = space + 1;
  }
  return out;
}

// Replaces {class}, {Class} and {_} in a rule pattern.
Status ExpandPattern(const TsvRecord& record, const Words& words, std::string* pattern) {
  std::string out;
  const std::string& in = *pattern;
  size_t pos = 0;
  while (pos < in.size()) {
    size_t open = in.find('{', pos);
    // Repetition counts (\d{1,2}) and Unicode classes (\p{L}) stay as they are.
    auto is_placeholder = [&](size_t at) {
      bool unicode_class =
          at >= 2 && in[at - 2] == '\\' && (in[at - 1] == 'p' || in[at - 1] == 'P');
      return !unicode_class && at + 1 < in.size() &&
             (std::isalpha(static_cast<unsigned char>(in[at + 1])) || in[at + 1] == '_');
    };
    while (open != std::string::npos && !is_placeholder(open)) open = in.find('{', open + 1);
    if (open == std::string::npos) {
      out += in.substr(pos);
      break;
    }
    size_t close = in.find('}', open);
    if (close == std::string::npos) return record.Error("unclosed placeholder in pattern");
    out += in.substr(pos, open - pos);
    std::string name = in.substr(open + 1, close - open - 1);
    if (name == "_") {
      out += kSpacePattern;
    } else {
      bool capitalized = std::isupper(static_cast<unsigned char>(name[0]));
      std::string word_class = name;
      word_class[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
      std::vector<std::string> members = words.Of(word_class);
      if (members.empty()) return record.Error("no words of class {" + name + "}");
      std::string alternation;
      for (const std::string& word : members) {
        if (!alternation.empty()) alternation += '|';
        alternation += WordPattern(word, capitalized);
      }
      out += (capitalized ? "(?-i:" : "(?:") + alternation + ")";
    }
    pos = close + 1;
  }
  *pattern = std::move(out);
  return Status::Ok();
}

Status LoadWords(const std::string& path, Words* words) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    if (record.fields.size() < 2 || record.fields.size() > 3 || record.fields[1].empty()) {
      return record.Error("expected class, word and value");
    }
    if (!words->Add(record.fields[0], record.fields[1],
                    record.fields.size() == 3 ? record.fields[2] : std::string())) {
      return record.Error("more than 32 word classes");
    }
    return Status::Ok();
  });
}

// Whether `pattern` is (?P<t>...) with at most a \b before and after it, so that the group t is
// always the whole match.
bool SpanIsMatch(std::string_view pattern) {
  constexpr std::string_view kBoundary = "\\b";
  constexpr std::string_view kSpanGroup = "(?P<t>";
  if (pattern.substr(0, kBoundary.size()) == kBoundary) pattern.remove_prefix(kBoundary.size());
  if (pattern.size() >= kBoundary.size() &&
      pattern.substr(pattern.size() - kBoundary.size()) == kBoundary &&
      (pattern.size() < 3 || pattern[pattern.size() - 3] != '\\')) {
    pattern.remove_suffix(kBoundary.size());
  }
  if (pattern.substr(0, kSpanGroup.size()) != kSpanGroup) return false;
  // The group opened at the start must close at the very end: count parentheses outside
  // escapes and character classes.
  int depth = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      ++i;
      if (i < pattern.size() && pattern[i] == '^') ++i;
      if (i < pattern.size() && pattern[i] == ']') ++i;  // a literal ] first in the class
      while (i < pattern.size() && pattern[i] != ']') i += pattern[i] == '\\' ? 2 : 1;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return i + 1 == pattern.size();
    }
  }
  return false;
}

Status LoadRule(const TsvRecord& record, const Words& words, RE2::Set* set, Rule* rule) {
  if (record.fields.size() != 7) {
    return record.Error(
        "expected 7 fields: name, pattern, function, args, example_date, example, "
        "expected_value");
  }
  rule->name = record.fields[0];
  std::string pattern = record.fields[1];
  Status expanded = ExpandPattern(record, words, &pattern);
  if (!expanded.ok()) return expanded;
  rule->pattern = std::make_unique<RE2>(pattern, PatternOptions());
  if (!rule->pattern->ok()) {
    return record.Error("rule " + rule->name + ": bad pattern: " + rule->pattern->error());
  }
  rule->groups.fill(-1);
  for (const auto& [name, index] : rule->pattern->NamedCapturingGroups()) {
    const auto* slot = std::find(std::begin(kSlotNames), std::end(kSlotNames), name);
    if (slot == std::end(kSlotNames)) {
      return record.Error("rule " + rule->name + ": unknown group name " + name);
    }
    rule->groups[slot - std::begin(kSlotNames)] = index;
  }
  rule->span_is_match = SpanIsMatch(pattern);
  const auto* function =
      std::find_if(std::begin(kFunctions), std::end(kFunctions),
                   [&](const auto& entry) { return record.fields[2] == entry.first; });
  if (function == std::end(kFunctions)) {
    return record.Error("rule " + rule->name + ": unknown function " + record.fields[2]);
  }
  rule->function = function->second;
  if (record.fields[3] != "-") {
    size_t start = 0;
    const std::string& args = record.fields[3];
    while (start < args.size()) {
      size_t space = args.find(' ', start);
      if (space == std::string::npos) space = args.size();
      if (space > start) rule->args.push_back(args.substr(start, space - start));
      start = space + 1;
    }
  }
  rule->example = {rule->name, record.fields[4], record.fields[5], record.fields[6]};
  std::string error;
  if (set->Add(pattern, &error) < 0) {
    return record.Error("rule " + rule->name + ": bad pattern: " + error);
  }
  return Status::Ok();
}

// One match of one rule.
struct Candidate {
  Span span;
  size_t rule = 0;
  SlotTexts slots;
  bool slots_pending = false;  // the groups are still to be read (Rule::span_is_match)
  uint32_t quotation = kNone;  // innermost quotation holding it
};

// Reads the groups of `rule` in the match text[begin, end) into the candidate's slots. The whole
// text stays the context of the match, so \b sees the bytes around it.
bool ReadSlots(std::string_view text, size_t begin, size_t end, RE2::Anchor anchor,
               const Rule& rule, std::vector<re2::StringPiece>* groups, Candidate* candidate) {
  const int group_count = rule.pattern->NumberOfCapturingGroups() + 1;
  groups->assign(group_count, re2::StringPiece());
  if (!rule.pattern->Match(text, begin, end, anchor, groups->data(), group_count)) return false;
  for (int slot = 0; slot < kSlotCount; ++slot) {
    const int group = rule.groups[slot];
    if (group >= 0 && (*groups)[group].data() != nullptr) {
      candidate->slots[slot] = std::string_view((*groups)[group].data(), (*groups)[group].size());
    }
  }
  return true;
}

// Appends every match of `rule` in the line text[begin, end) to `all`. The whole text stays the
// context of the match, so \b sees the bytes around the line.
// When the span is the whole match, the groups are left for the candidates that win their
// spans (read at the end of FindCandidates): finding a match takes the DFA only, reading its
// groups another engine, and a third of the matches lose to a longer one ("May" in "May 5").
void AddMatches(std::string_view text, size_t begin, size_t end, size_t index, const Rule& rule,
                std::vector<re2::StringPiece>* groups, std::vector<Candidate>* all) {
  size_t pos = begin;
  // Not at the end of the line: a match there would be empty, and empty spans are dropped.
  while (pos < end) {
    Candidate candidate;
    candidate.rule = index;
    if (rule.span_is_match) {
      groups->resize(1);
      if (!rule.pattern->Match(text, pos, end, RE2::UNANCHORED, groups->data(), 1)) break;
      candidate.slots_pending = true;
    } else if (!ReadSlots(text, pos, end, RE2::UNANCHORED, rule, groups, &candidate)) {
      break;
    }
    const re2::StringPiece whole = (*groups)[0];
    std::string_view span_text = candidate.slots[kSpan].data() != nullptr
                                     ? candidate.slots[kSpan]
                                     : std::string_view(whole.data(), whole.size());
    candidate.span.begin = static_cast<uint32_t>(span_text.data() - text.data());
    candidate.span.end = candidate.span.begin + static_cast<uint32_t>(span_text.size());
    if (!candidate.span.empty()) all->push_back(candidate);
    size_t match_end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
    pos = std::max(match_end, static_cast<size_t>(candidate.span.end));
    if (whole.empty() || pos <= static_cast<size_t>(whole.data() - text.data())) ++pos;
  }
}

// Every rule match in the text, overlaps resolved: the longest span wins, then the earlier rule.
// Blocking rules ("none") are removed after they have won their spans.
// Lines inside boilerplate `paragraphs` (in text order) are skipped: every match there would be
// dropped, and no match reaches into another line.
std::vector<Candidate> FindCandidates(std::string_view text, const TimexRules::Data& data,
                                      const std::vector<Paragraph>& paragraphs) {
  std::vector<Candidate> all;
  std::vector<int> fired;
  std::vector<re2::StringPiece> groups;
  size_t paragraph = 0;
  // No pattern matches a line break ({_} never spans one): the set runs line by line, and only
  // the rules that fire on a line look for their groups there.
  for (size_t begin = 0; begin < text.size();) {
    size_t end = std::min(text.find('\n', begin), text.size());
    while (paragraph < paragraphs.size() && paragraphs[paragraph].span.end <= begin) ++paragraph;
    const bool in_boilerplate =
        paragraph < paragraphs.size() && paragraphs[paragraph].boilerplate &&
        paragraphs[paragraph].span.begin <= begin && end <= paragraphs[paragraph].span.end;
    // An empty line (between paragraphs) can hold only empty matches, which are dropped.
    if (end > begin && !in_boilerplate &&
        data.set->Match(text.substr(begin, end - begin), &fired)) {
      for (int index : fired) AddMatches(text, begin, end, index, data.rules[index], &groups, &all);
    }
    begin = end + 1;
  }
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.span.begin < b.span.begin;
  });
  // Chosen spans never overlap each other, so ordered by start only the neighbours of a new
  // span can overlap it: a log-time check keeps huge texts linear.
  std::vector<Candidate> chosen;
  chosen.reserve(all.size());
  std::map<uint32_t, uint32_t> taken;  // begin -> end of chosen spans
  for (const Candidate& candidate : all) {
    auto next = taken.lower_bound(candidate.span.begin);
    bool overlaps = (next != taken.end() && next->first < candidate.span.end) ||
                    (next != taken.begin() && std::prev(next)->second > candidate.span.begin);
    if (overlaps) continue;
    taken.emplace(candidate.span.begin, candidate.span.end);
    chosen.push_back(candidate);
  }
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                              [&](const Candidate& candidate) {
                                return data.rules[candidate.rule].function == Function::kNone;
                              }),
               chosen.end());
  std::sort(chosen.begin(), chosen.end(),
            [](const Candidate& a, const Candidate& b) { return a.span < b.span; });
  for (Candidate& candidate : chosen) {
    if (!candidate.slots_pending) continue;
    // The groups of the match the search found: the same match, anchored at both ends. \b looks
    // one byte to either side, ^ and $ only at the ends of the text: one byte of context on each
    // side decides them as the whole text does, and such a short text lets RE2 go to the engine
    // that reads groups without running its DFA first.
    const uint32_t context_begin = candidate.span.begin > 0 ? candidate.span.begin - 1 : 0;
    const uint32_t context_end =
        std::min(candidate.span.end + 1, static_cast<uint32_t>(text.size()));
    ReadSlots(text.substr(context_begin, context_end - context_begin),
              candidate.span.begin - context_begin, candidate.span.end - context_begin,
              RE2::ANCHOR_BOTH, data.rules[candidate.rule], &groups, &candidate);
    candidate.slots_pending = false;
  }
  return chosen;
}

// std::islower of the "C" locale, inline: asked for every byte around a time expression.
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// Sentences from the segmentation, or from line breaks and sentence-final punctuation when the
// segmentation has none.
class Sentences {
 public:
  Sentences(std::string_view text, const Segmentation& seg) : text_(text), seg_(seg) {}

  uint32_t IndexAt(uint32_t pos) const {
    const auto& sentences = seg_.sentences;
    auto after = std::upper_bound(sentences.begin(), sentences.end(), pos,
                                  [](uint32_t p, const Sentence& s) { return p < s.span.begin; });
    if (after == sentences.begin()) return kNone;
    uint32_t index = static_cast<uint32_t>(after - sentences.begin() - 1);
    return pos < sentences[index].span.end ? index : kNone;
  }

  // A coarse segmentation (one sentence for everything) would make tense cues reach too far:
  // then sentences come from line breaks and punctuation.
  // Either way the window is at most kReach bytes on each side, so huge one-line texts stay
  // linear.
  Span At(uint32_t pos) const {
    uint32_t index = seg_.sentences.size() > 1 ? IndexAt(pos) : kNone;
    if (index == kNone) return Heuristic(pos);
    Span found = seg_.sentences[index].span;
    return Span{std::max(found.begin, pos > kReach ? pos - kReach : 0),
                std::min(found.end, pos + kReach)};
  }

 private:
  // A line break, or . ! ? before a space, except after a single letter ("U.S. President").
  static bool IsBreak(std::string_view text, size_t i) {
    char c = text[i];
    if (c == '\n') return true;
    if ((c != '.' && c != '!' && c != '?') || i + 1 >= text.size() || text[i + 1] != ' ') {
      return false;
    }
    bool single_letter =
        i >= 1 && IsAsciiLetter(text[i - 1]) && (i == 1 || !IsAsciiLetter(text[i - 2]));
    return !single_letter;
  }

  Span Heuristic(uint32_t pos) const {
    uint32_t begin = pos;
    while (begin > 0 && pos - begin < kReach && !IsBreak(text_, begin - 1)) --begin;
    uint32_t end = pos;
    while (end < text_.size() && end - pos < kReach && !IsBreak(text_, end)) ++end;
    return Span{begin, end};
  }

  static constexpr uint32_t kReach = 400;

  std::string_view text_;
  const Segmentation& seg_;
};

// The last ASCII word of text[begin, end), or an empty span: clauses are read from the time
// expression outwards, and mostly a word or two away from it tells the tense.
Span WordBefore(std::string_view text, uint32_t begin, uint32_t end) {
  while (end > begin && !IsAsciiLetter(text[end - 1])) --end;
  uint32_t start = end;
  while (start > begin && IsAsciiLetter(text[start - 1])) --start;
  return {start, end};
}

// The first ASCII word of text[begin, end), or an empty span.
Span WordAfter(std::string_view text, uint32_t begin, uint32_t end) {
  while (begin < end && !IsAsciiLetter(text[begin])) ++begin;
  uint32_t stop = begin;
  while (stop < end && IsAsciiLetter(text[stop])) ++stop;
  return {begin, stop};
}

// The bits (Words::Bit) of the classes that tell a clause's tense.
struct TenseClasses {
  explicit TenseClasses(const Words& words)
      : future_cue(words.Bit("future_cue")),
        not_past_cue(words.Bit("not_past_cue")),
        past_cue(words.Bit("past_cue")),
        passive_auxiliary(words.Bit("passive_auxiliary")),
        future_preposition(words.Bit("future_preposition")),
        past_preposition(words.Bit("past_preposition")) {}

  uint32_t future_cue;
  uint32_t not_past_cue;
  uint32_t past_cue;
  uint32_t passive_auxiliary;
  uint32_t future_preposition;
  uint32_t past_preposition;
};

// The tense cue of a word: future and past cue words, and lower-case words ending in -ed
// (capitalized ones are names: "United"). A participle after "be" or "been" (the word before
// it in the clause, if any) is passive, not past: "to be held on Monday".
int TenseOfWord(std::string_view text, Span word_span, Span previous, const Words& words,
                const TenseClasses& tense) {
  std::string_view word = word_span.In(text);
  const uint32_t classes = words.ClassesOf(word);
  if ((classes & tense.future_cue) != 0) return 1;
  if ((classes & tense.not_past_cue) != 0) return 0;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  bool participle = word.size() >= 5 && lower(word[word.size() - 2]) == 'e' &&
                    lower(word.back()) == 'd' && IsAsciiLower(text[word_span.begin]);
  if (!participle && (classes & tense.past_cue) == 0) return 0;
  if (!previous.empty() && (words.ClassesOf(previous.In(text)) & tense.passive_auxiliary) != 0) {
    return 0;
  }
  return -1;
}

// The tense of the clause around a time expression: a preposition right before it ("by June",
// "since May"), else the nearest cue before it, else the nearest after it.
int DirectionAt(std::string_view text, Span sentence, Span timex, const Words& words,
                const TenseClasses& tense) {
  // A semicolon ends the clause: "talks stalled; a deadline expires on March 1".
  // Searched within the sentence only: huge one-line texts must stay linear.
  if (sentence.begin <= timex.begin) {
    size_t left = text.substr(sentence.begin, timex.begin - sentence.begin).rfind(';');
    if (left != std::string_view::npos) {
      sentence.begin = static_cast<uint32_t>(sentence.begin + left + 1);
    }
  }
  if (timex.end <= sentence.end) {
    size_t right = text.substr(timex.end, sentence.end - timex.end).find(';');
    if (right != std::string_view::npos) sentence.end = static_cast<uint32_t>(timex.end + right);
  }
  const Span before{sentence.begin, std::max(sentence.begin, timex.begin)};
  Span word = WordBefore(text, before.begin, before.end);
  if (!word.empty()) {
    const uint32_t classes = words.ClassesOf(word.In(text));
    if ((classes & tense.future_preposition) != 0) return 1;
    if ((classes & tense.past_preposition) != 0) return -1;
  }
  while (!word.empty()) {
    const Span previous = WordBefore(text, before.begin, word.begin);
    if (int found = TenseOfWord(text, word, previous, words, tense)) return found;
    word = previous;
  }
  const Span after{std::min(timex.end, sentence.end), sentence.end};
  Span previous{after.begin, after.begin};  // none: the clause after starts here
  for (word = WordAfter(text, after.begin, after.end); !word.empty();
       word = WordAfter(text, word.end, after.end)) {
    if (int found = TenseOfWord(text, word, previous, words, tense)) return found;
    previous = word;
  }
  return 0;
}

std::optional<Date> DayOf(const std::string& value) {
  return value.size() >= 10 ? ParseIsoDate(std::string_view(value).substr(0, 10)) : std::nullopt;
}

// The first day of a day, month or year value ("2013-10" → 2013-10-01).
std::optional<Date> StartOf(const std::string& value) {
  if (auto day = DayOf(value)) return day;
  if (value.size() == 7 && value[4] == '-') return ParseIsoDate(value + "-01");
  if (value.size() == 4) return ParseIsoDate(value + "-01-01");
  return std::nullopt;
}

std::optional<int> YearOfValue(const std::string& value) {
  if (value.size() < 4 ||
      !std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoi(value.substr(0, 4));
}

// Resolves candidates in text order; each day-precise value becomes the anchor of anaphora
// ("the next morning") that follow.
class Resolver {
 public:
  Resolver(std::string_view text, const Sentences& sentences, const TimexRules::Data& data)
      : text_(text), sentences_(sentences), data_(data), tense_(data.words) {}

  // False when the match is no time expression after all (February 30), which only shows when
  // there is a reference date: without one, relative expressions are kept unresolved.
  bool Resolve(const Candidate& candidate, Reference* reference, Timex* out) const {
    const Rule& rule = data_.rules[candidate.rule];
    reference->direction = DirectionAt(text_, sentences_.At(candidate.span.begin), candidate.span,
                                       data_.words, tense_);
    Normalized normalized = Normalize(rule, candidate.slots, *reference, data_.words);
    out->span = candidate.span;
    out->sentence = sentences_.IndexAt(candidate.span.begin);
    out->type = normalized.type;
    out->value = std::move(normalized.value);
    if (out->value.empty()) return !reference->day;
    if (out->type == TimexType::kDate || out->type == TimexType::kTime) {
      if (auto day = DayOf(out->value)) reference->last_day = day;
      if (auto year = YearOfValue(out->value)) reference->last_year = year;
      if (auto date = StartOf(out->value)) reference->last_date = date;
      if (YearOfValue(out->value)) reference->last_value = out->value;
    }
    return true;
  }

 private:
  std::string_view text_;
  const Sentences& sentences_;
  const TimexRules::Data& data_;
  const TenseClasses tense_;
};

// Paragraphs are in text order: only the one holding a span's start or end can mark it.
bool InBoilerplate(const std::vector<Paragraph>& paragraphs, Span span) {
  auto holding = [&](uint32_t pos) -> const Paragraph* {
    auto after = std::upper_bound(
        paragraphs.begin(), paragraphs.end(), pos,
        [](uint32_t p, const Paragraph& paragraph) { return p < paragraph.span.begin; });
    if (after == paragraphs.begin()) return nullptr;
    --after;
    return pos < after->span.end ? &*after : nullptr;
  };
  const Paragraph* first = holding(span.begin);
  const Paragraph* last = holding(span.end > 0 ? span.end - 1 : 0);
  return (first != nullptr && first->boilerplate) || (last != nullptr && last->boilerplate);
}

// Quotations nest shallowly: the few that open before a span are the only ones that can hold it.
constexpr int kNestingReach = 8;

// The innermost quotation (other than `except`) whose inner span holds `span`, or kNone.
uint32_t InnermostQuotation(const std::vector<Quotation>& quotations, Span span,
                            uint32_t except = kNone) {
  auto it = std::upper_bound(
      quotations.begin(), quotations.end(), span.begin,
      [](uint32_t p, const Quotation& quotation) { return p < quotation.inner.begin; });
  uint32_t best = kNone;
  for (int looked = 0; it != quotations.begin() && looked < kNestingReach; ++looked) {
    --it;
    uint32_t index = static_cast<uint32_t>(it - quotations.begin());
    if (index == except || !it->inner.Contains(span)) continue;
    if (best == kNone || quotations[best].inner.Contains(it->inner)) best = index;
  }
  return best;
}

// How far back (bytes) a "said on Tuesday" may be from a quotation it dates.
constexpr uint32_t kSpeechLookback = 1000;

bool HasSpeechCue(std::string_view text, Span sentence, const Words& words) {
  const uint32_t speech_cue = words.Bit("speech_cue");
  for (Span word = WordAfter(text, sentence.begin, sentence.end); !word.empty();
       word = WordAfter(text, word.end, sentence.end)) {
    if ((words.ClassesOf(word.In(text)) & speech_cue) != 0) return true;
  }
  return false;
}

// A dateline starts its line, after at most a place name or a "Published on": the text before it
// on the line has no lower-case words but those of dateline_word.
bool StartsDateline(std::string_view header, Span date, const Words& words) {
  size_t line_start = header.rfind('\n', date.begin);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  constexpr size_t kMaxPrefix = 60;
  if (date.begin - line_start > kMaxPrefix) return false;
  const uint32_t dateline_word = words.Bit("dateline_word");
  for (Span word = WordAfter(header, static_cast<uint32_t>(line_start), date.begin); !word.empty();
       word = WordAfter(header, word.end, date.begin)) {
    if (IsAsciiLower(header[word.begin]) &&
        (words.ClassesOf(word.In(header)) & dateline_word) == 0) {
      return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace timex

std::vector<TimexRules::Example> TimexRules::Examples() const {
  std::vector<Example> out;
  for (const auto& rule : data_->rules) out.push_back(rule.example);
  return out;
}

Status TimexRules::Load(const std::string& dir, TimexRules* out) {
  auto data = std::make_unique<Data>();
  Status status = timex::LoadWords(dir + "/timex-words.tsv", &data->words);
  if (!status.ok()) return status;
  data->set = std::make_unique<RE2::Set>(timex::PatternOptions(), RE2::UNANCHORED);
  status = ReadTsv(dir + "/timex-rules.tsv", [&](const TsvRecord& record) {
    timex::Rule rule;
    Status loaded = timex::LoadRule(record, data->words, data->set.get(), &rule);
    if (loaded.ok()) data->rules.push_back(std::move(rule));
    return loaded;
  });
  if (!status.ok()) return status;
  if (data->rules.empty()) return Status::Error(dir + "/timex-rules.tsv: no rules");
  if (!data->set->Compile()) return Status::Error(dir + "/timex-rules.tsv: cannot compile rules");
  out->data_ = std::move(data);
  return Status::Ok();
}

std::vector<Timex> FindTimexes(const Document& doc, const Segmentation& seg,
                               const TimexRules& rules) {
  using timex::Candidate;
  const TimexRules::Data& data = rules.data();
  std::string_view text = doc.text;
  std::vector<Candidate> candidates = timex::FindCandidates(text, data, seg.paragraphs);
  candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                  [&](const Candidate& candidate) {
                                    return timex::InBoilerplate(seg.paragraphs, candidate.span);
                                  }),
                   candidates.end());
  std::vector<std::vector<size_t>> quoted_members(seg.quotations.size());
  for (size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].quotation = timex::InnermostQuotation(seg.quotations, candidates[i].span);
    if (candidates[i].quotation != kNone) quoted_members[candidates[i].quotation].push_back(i);
  }

  timex::Sentences sentences(text, seg);
  timex::Resolver resolver(text, sentences, data);
  std::vector<Timex> out(candidates.size());
  std::vector<bool> keep(candidates.size(), false);
  const std::optional<timex::Date> document_day = timex::ParseIsoDate(doc.meta.date);

  // The narrative first: it says when the quotations were said.
  timex::Reference narrative;
  narrative.day = document_day;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (candidates[i].quotation == kNone) {
      keep[i] = resolver.Resolve(candidates[i], &narrative, &out[i]);
    }
  }
  auto first_at = [&](uint32_t pos) {
    return static_cast<size_t>(
        std::lower_bound(candidates.begin(), candidates.end(), pos,
                         [](const Candidate& c, uint32_t p) { return c.span.begin < p; }) -
        candidates.begin());
  };

  // Then each quotation, outer ones (earlier in text order) before the ones nested in them.
  std::vector<std::optional<timex::Date>> said_on(seg.quotations.size());
  for (uint32_t q = 0; q < seg.quotations.size(); ++q) {
    const Quotation& quotation = seg.quotations[q];
    uint32_t parent = timex::InnermostQuotation(seg.quotations, quotation.outer, q);
    std::optional<timex::Date> anchor;
    if (parent != kNone) {
      // Words quoted inside a quotation were said on the last day it mentions before them.
      anchor = said_on[parent];
      for (size_t i : quoted_members[parent]) {
        if (candidates[i].span.end > quotation.outer.begin) break;
        if (auto day = timex::DayOf(out[i].value)) anchor = day;
      }
    } else {
      // The cue sentence ("... tweeted Tuesday"), else a nearby "said on Monday" before it.
      Span cue{sentences.At(quotation.outer.begin).begin,
               sentences.At(quotation.outer.end > 0 ? quotation.outer.end - 1 : 0).end};
      uint32_t best_distance = UINT32_MAX;
      for (size_t i = first_at(cue.begin); i < candidates.size(); ++i) {
        const Candidate& candidate = candidates[i];
        if (candidate.span.begin >= cue.end) break;
        if (candidate.quotation != kNone || !cue.Contains(candidate.span)) continue;
        auto day = timex::DayOf(out[i].value);
        if (!day) continue;
        uint32_t distance = candidate.span.begin >= quotation.outer.end
                                ? candidate.span.begin - quotation.outer.end
                                : quotation.outer.begin - candidate.span.end;
        if (distance < best_distance) {
          best_distance = distance;
          anchor = day;
        }
      }
      for (size_t i = first_at(quotation.outer.begin); !anchor && i-- > 0;) {
        const Candidate& candidate = candidates[i];
        if (candidate.span.end + timex::kSpeechLookback < quotation.outer.begin) break;
        if (candidate.quotation != kNone || candidate.span.end > quotation.outer.begin) continue;
        auto day = timex::DayOf(out[i].value);
        if (day && (!document_day || *day <= *document_day) &&
            timex::HasSpeechCue(text, sentences.At(candidate.span.begin), data.words)) {
          anchor = day;
        }
      }
    }
    said_on[q] = anchor ? anchor : document_day;
    timex::Reference quoted;
    quoted.day = said_on[q];
    for (size_t i : quoted_members[q]) keep[i] = resolver.Resolve(candidates[i], &quoted, &out[i]);
  }
  std::vector<Timex> kept;
  kept.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(out[i]));
  }
  return kept;
}

std::string FindDatelineDate(std::string_view text, const TimexRules& rules) {
  // The top of the article: a title line, a byline, the dateline.
  constexpr size_t kHeaderLines = 6;
  constexpr size_t kHeaderBytes = 600;
  size_t end = 0;
  for (size_t lines = 0; end < text.size() && end < kHeaderBytes && lines < kHeaderLines;) {
    size_t newline = text.find('\n', end);
    end = newline == std::string_view::npos ? text.size() : newline + 1;
    if (newline != std::string_view::npos && newline > 0) ++lines;
  }
  std::string_view header = text.substr(0, std::min(end, kHeaderBytes));
  const TimexRules::Data& data = rules.data();
  std::vector<timex::Candidate> candidates = timex::FindCandidates(header, data, {});
  for (const auto& candidate : candidates) {
    const timex::Rule& rule = data.rules[candidate.rule];
    if (rule.function != timex::Function::kDate || candidate.slots[timex::kDay].empty() ||
        !candidate.slots[timex::kRelativeYear].empty() ||
        !timex::StartsDateline(header, candidate.span, data.words)) {
      continue;
    }
    timex::SlotTexts slots = candidate.slots;
    if (slots[timex::kYear].empty()) {
      // "MOSCOW, Oct. 3 (Reuters)": the year of a date above it or on its line.
      size_t line_end = header.find('\n', candidate.span.end);
      for (const auto& other : candidates) {
        if (other.span.begin < line_end && !other.slots[timex::kYear].empty()) {
          slots[timex::kYear] = other.slots[timex::kYear];
          break;
        }
      }
      if (slots[timex::kYear].empty()) continue;
    }
    timex::Normalized normalized = timex::Normalize(rule, slots, timex::Reference(), data.words);
    if (timex::DayOf(normalized.value)) return normalized.value;
  }
  return "";
}

}  // namespace hearsay

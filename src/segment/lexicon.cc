#include "hearsay/lexicon.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <utility>

#include "hearsay/segment.h"

namespace hearsay {

struct SegmentLexicon::Patterns {
  Patterns() : set(Options(), RE2::UNANCHORED) {}

  static RE2::Options Options() {
    RE2::Options options;
    options.set_case_sensitive(false);
    options.set_log_errors(false);
    return options;
  }

  RE2::Set set;
  std::vector<int> weights;  // by set index
  // The dateline rules as one alternation, in file order: leftmost-first matching takes the
  // first rule that matches, as trying them one by one would, in one search.
  std::unique_ptr<RE2> datelines;  // anchored, case-sensitive
};

SegmentLexicon::SegmentLexicon() : patterns_(std::make_unique<Patterns>()) {}
SegmentLexicon::~SegmentLexicon() = default;
SegmentLexicon::SegmentLexicon(SegmentLexicon&&) noexcept = default;
SegmentLexicon& SegmentLexicon::operator=(SegmentLexicon&&) noexcept = default;

namespace {

Status LoadAbbreviations(const std::string& path, WordTable<AbbreviationKind>* out) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    if (record.fields.size() < 2) return record.Error("expected: abbreviation TAB kind");
    const std::string& word = record.fields[0];
    if (word.size() < 2 || word.back() != '.') return record.Error("abbreviation must end in '.'");
    const std::string& kind = record.fields[1];
    AbbreviationKind parsed;
    if (kind == "title") {
      parsed = AbbreviationKind::kTitle;
    } else if (kind == "number") {
      parsed = AbbreviationKind::kNumber;
    } else if (kind == "general") {
      parsed = AbbreviationKind::kGeneral;
    } else {
      return record.Error("kind must be title, number or general, not '" + kind + "'");
    }
    (*out)[word] = parsed;
    return Status::Ok();
  });
}

Status LoadStopwords(const std::string& path,
                     std::vector<std::pair<std::string, StopWordKind>>* out) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    if (record.fields.size() < 2) return record.Error("expected: word TAB kind");
    const std::string& word = record.fields[0];
    if (word.empty()) return record.Error("empty stop word");
    for (char c : word) {
      if (c >= 'A' && c <= 'Z') return record.Error("stop words are written in lower case");
    }
    const std::string& kind = record.fields[1];
    if (kind == "function") {
      out->emplace_back(word, StopWordKind::kFunction);
    } else if (kind == "address") {
      out->emplace_back(word, StopWordKind::kAddress);
    } else {
      return record.Error("kind must be function or address, not '" + kind + "'");
    }
    return Status::Ok();
  });
}

}  // namespace

size_t SegmentLexicon::DatelineLength(std::string_view paragraph) const {
  // A dateline is short: look at the paragraph's start only.
  constexpr size_t kMaxDateline = 120;
  re2::StringPiece start(paragraph.data(), std::min(paragraph.size(), kMaxDateline));
  re2::StringPiece match;
  const RE2* datelines = patterns_->datelines.get();
  if (datelines == nullptr ||
      !datelines->Match(start, 0, start.size(), RE2::ANCHOR_START, &match, 1)) {
    return 0;
  }
  return match.size();
}

Status SegmentLexicon::Load(const std::string& dir, SegmentLexicon* out) {
  SegmentLexicon lexicon;
  Status status = LoadAbbreviations(dir + "/abbreviations.tsv", &lexicon.abbreviations_);
  if (!status.ok()) return status;
  std::vector<std::pair<std::string, StopWordKind>> stopwords;
  status = LoadStopwords(dir + "/stopwords.tsv", &stopwords);
  if (!status.ok()) return status;
  for (const auto& [word, kind] : stopwords) {
    lexicon.longest_stop_word_ = std::max(lexicon.longest_stop_word_, word.size());
    lexicon.stop_words_[word] = kind;
  }
  Patterns& patterns = *lexicon.patterns_;
  status = ReadTsv(dir + "/boilerplate.tsv", [&](const TsvRecord& record) {
    if (record.fields.size() != 4) {
      return record.Error("expected: name TAB weight TAB pattern TAB example");
    }
    BoilerplateRule rule;
    rule.name = record.fields[0];
    const std::string& weight = record.fields[1];
    if (weight != "1" && weight != "2") return record.Error("weight must be 1 or 2");
    rule.weight = weight[0] - '0';
    rule.example = record.fields[3];
    std::string error;
    if (patterns.set.Add(record.fields[2], &error) < 0) {
      return record.Error("bad pattern for rule '" + rule.name + "': " + error);
    }
    patterns.weights.push_back(rule.weight);
    lexicon.rules_.push_back(std::move(rule));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (!patterns.set.Compile()) {
    return Status::Error(dir + "/boilerplate.tsv: the rules do not compile together");
  }
  RE2::Options dateline_options;
  dateline_options.set_log_errors(false);
  std::string datelines;
  status = ReadTsv(dir + "/datelines.tsv", [&](const TsvRecord& record) {
    if (record.fields.size() != 3) return record.Error("expected: name TAB pattern TAB example");
    RE2 pattern(record.fields[1], dateline_options);
    if (!pattern.ok()) {
      return record.Error("bad pattern for rule '" + record.fields[0] + "': " + pattern.error());
    }
    if (!datelines.empty()) datelines += '|';
    datelines += "(?:" + record.fields[1] + ")";
    lexicon.dateline_examples_.push_back(record.fields[2]);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (!datelines.empty()) {
    patterns.datelines = std::make_unique<RE2>(datelines, dateline_options);
    if (!patterns.datelines->ok()) {
      return Status::Error(dir + "/datelines.tsv: the rules do not compile together");
    }
  }
  *out = std::move(lexicon);
  return Status::Ok();
}

AbbreviationKind SegmentLexicon::Abbreviation(std::string_view word_with_period) const {
  const AbbreviationKind* found = abbreviations_.Find(word_with_period);
  return found == nullptr ? AbbreviationKind::kNotAbbreviation : *found;
}

StopWordKind SegmentLexicon::StopWord(std::string_view lower_word, uint64_t hash) const {
  if (lower_word.size() > longest_stop_word_) return StopWordKind::kNotStopWord;
  const StopWordKind* found = stop_words_.Find(lower_word, hash);
  return found == nullptr ? StopWordKind::kNotStopWord : *found;
}

int SegmentLexicon::BoilerplateScore(std::string_view paragraph) const {
  if (patterns_->weights.empty()) return 0;
  // Most paragraphs match no rule: asking first whether any does stops at the first match and
  // allocates nothing.
  if (!patterns_->set.Match(paragraph, nullptr)) return 0;
  std::vector<int> matched;
  if (!patterns_->set.Match(paragraph, &matched)) return 0;
  int strongest = 0;
  for (int index : matched) strongest = std::max(strongest, patterns_->weights[index]);
  return strongest;
}

}  // namespace hearsay

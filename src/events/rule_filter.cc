#include "events/rule_filter.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace hearsay {
namespace {

// Required strings shorter than this ("to", "a") would let nearly every text through.
constexpr int kMinRequiredLength = 3;

}  // namespace

RuleFilter::RuleFilter(Kind kind, const RE2::Options& options)
    : kind_(kind), options_(options), filter_(kMinRequiredLength) {
  if (kind_ == Kind::kWhole) set_ = std::make_unique<RE2::Set>(options_, RE2::UNANCHORED);
}

int RuleFilter::Add(const std::string& pattern, std::string* error) {
  if (kind_ == Kind::kRequiredStrings) {
    int index = -1;
    if (filter_.Add(pattern, options_, &index) == RE2::NoError) return index;
    *error = RE2(pattern, options_).error();
    return -1;
  }
  auto compiled = std::make_unique<RE2>(pattern, options_);
  if (!compiled->ok()) {
    *error = compiled->error();
    return -1;
  }
  patterns_.push_back(std::move(compiled));
  return set_->Add(pattern, error);
}

bool RuleFilter::Compile() {
  if (kind_ == Kind::kWhole) return set_->Compile();
  std::vector<std::string> strings;
  filter_.Compile(&strings);
  if (strings.empty()) return true;
  // FilteredRE2 gives the strings in lower case, to be found regardless of case.
  RE2::Options options;
  options.set_literal(true);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& required : strings) {
    if (set_->Add(required, nullptr) < 0) return false;
  }
  return set_->Compile();
}

const RE2& RuleFilter::pattern(int index) const {
  return kind_ == Kind::kWhole ? *patterns_[index] : filter_.GetRE2(index);
}

void RuleFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  std::vector<int> found;
  if (set_ != nullptr) {
    RE2::Set::ErrorInfo info;
    if (!set_->Match(re2::StringPiece(text.data(), text.size()), &found, &info) &&
        info.kind != RE2::Set::kNoError) {
      // Out of DFA memory: every pattern may match.
      out->resize(
          static_cast<size_t>(kind_ == Kind::kWhole ? patterns_.size() : filter_.NumRegexps()));
      std::iota(out->begin(), out->end(), 0);
      return;
    }
  }
  if (kind_ == Kind::kWhole) {
    std::sort(found.begin(), found.end());
    *out = std::move(found);
    return;
  }
  filter_.AllPotentials(found, out);
}

}  // namespace hearsay

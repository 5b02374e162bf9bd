#include "events/rule_filter.h"

#include <numeric>

namespace hearsay {
namespace {

// Strings shorter than this ("to", "in") would let nearly every text through.
constexpr int kMinRequiredLength = 3;

}  // namespace

RuleFilter::RuleFilter() : filter_(kMinRequiredLength) {}

bool RuleFilter::Add(const std::string& pattern, const RE2::Options& options, std::string* error) {
  int index = 0;
  if (filter_.Add(pattern, options, &index) == RE2::NoError) return true;
  *error = RE2(pattern, options).error();
  return false;
}

bool RuleFilter::Compile() {
  std::vector<std::string> strings;
  filter_.Compile(&strings);
  if (strings.empty()) return true;
  // FilteredRE2 gives the strings in lower case, to be found regardless of case.
  RE2::Options options;
  options.set_literal(true);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  required_ = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (const std::string& required : strings) {
    if (required_->Add(required, nullptr) < 0) return false;
  }
  return required_->Compile();
}

void RuleFilter::Candidates(std::string_view text, std::vector<int>* out) const {
  std::vector<int> found;
  if (required_ != nullptr) {
    RE2::Set::ErrorInfo info;
    if (!required_->Match(re2::StringPiece(text.data(), text.size()), &found, &info) &&
        info.kind != RE2::Set::kNoError) {
      // Out of DFA memory: every pattern may match.
      out->resize(static_cast<size_t>(filter_.NumRegexps()));
      std::iota(out->begin(), out->end(), 0);
      return;
    }
  }
  filter_.AllPotentials(found, out);
}

}  // namespace hearsay

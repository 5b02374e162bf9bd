#include "hearsay/timex.h"

#include <memory>

namespace hearsay {

struct TimexRules::Data {};
TimexRules::TimexRules() : data_(std::make_unique<Data>()) {}
TimexRules::~TimexRules() = default;
TimexRules::TimexRules(TimexRules&&) noexcept = default;
TimexRules& TimexRules::operator=(TimexRules&&) noexcept = default;
Status TimexRules::Load(const std::string&, TimexRules*) { return Status::Ok(); }

std::vector<Timex> FindTimexes(const Document&, const Segmentation&, const TimexRules&) {
  return {};
}

std::string FindDatelineDate(std::string_view, const TimexRules&) { return {}; }

}  // namespace hearsay

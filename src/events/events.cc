#include "hearsay/events.h"

#include <memory>

namespace hearsay {

struct TriggerLexicon::Data {};
TriggerLexicon::TriggerLexicon() : data_(std::make_unique<Data>()) {}
TriggerLexicon::~TriggerLexicon() = default;
TriggerLexicon::TriggerLexicon(TriggerLexicon&&) noexcept = default;
TriggerLexicon& TriggerLexicon::operator=(TriggerLexicon&&) noexcept = default;
Status TriggerLexicon::Load(const std::string&, TriggerLexicon*) { return Status::Ok(); }

std::vector<Event> FindEvents(const Document&, const Segmentation&, const Mentions&,
                              const std::vector<Timex>&, const std::vector<Claim>&,
                              const TriggerLexicon&) {
  return {};
}

}  // namespace hearsay

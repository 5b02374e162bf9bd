#include "hearsay/attribution.h"

#include <memory>

namespace hearsay {

struct CueLexicon::Data {};
CueLexicon::CueLexicon() : data_(std::make_unique<Data>()) {}
CueLexicon::~CueLexicon() = default;
CueLexicon::CueLexicon(CueLexicon&&) noexcept = default;
CueLexicon& CueLexicon::operator=(CueLexicon&&) noexcept = default;
Status CueLexicon::Load(const std::string&, CueLexicon*) { return Status::Ok(); }

std::vector<Claim> FindClaims(const Document&, const Segmentation&, const Mentions&,
                              const std::vector<Timex>&, const CueLexicon&) {
  return {};
}

}  // namespace hearsay

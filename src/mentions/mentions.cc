#include "hearsay/mentions.h"

#include <memory>

namespace hearsay {

struct Gazetteer::Data {};
Gazetteer::Gazetteer() : data_(std::make_unique<Data>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;
Status Gazetteer::Load(const std::string&, Gazetteer*) { return Status::Ok(); }

Mentions FindMentions(const Document&, const Segmentation&, const Gazetteer&) { return {}; }

}  // namespace hearsay

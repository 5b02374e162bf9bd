// mentions: entities from gazetteers and name patterns, titles and roles, coreference of
// name variants ("President Vladimir Putin" ... "Putin").
#ifndef HEARSAY_MENTIONS_H_
#define HEARSAY_MENTIONS_H_

#include <memory>
#include <string>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

// Gazetteers and title lists from ontology/gazetteer/. Immutable after Load; safe to share
// between threads.
class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  static Status Load(const std::string& dir, Gazetteer* out);

  struct Data;
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

Mentions FindMentions(const Document& doc, const Segmentation& seg, const Gazetteer& gazetteer);

}  // namespace hearsay

#endif  // HEARSAY_MENTIONS_H_

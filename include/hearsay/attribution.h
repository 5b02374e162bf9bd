// attribution: claims with source, cue, content, kind, relays, time and occasion.
#ifndef HEARSAY_ATTRIBUTION_H_
#define HEARSAY_ATTRIBUTION_H_

#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

// Cue verbs and phrases (ontology/cues.tsv) with their lemmas. Immutable after Load.
class CueLexicon {
 public:
  CueLexicon();
  ~CueLexicon();
  CueLexicon(CueLexicon&&) noexcept;
  CueLexicon& operator=(CueLexicon&&) noexcept;

  static Status Load(const std::string& dir, CueLexicon* out);

  struct Data;
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

std::vector<Claim> FindClaims(const Document& doc, const Segmentation& seg,
                              const Mentions& mentions, const std::vector<Timex>& timexes,
                              const CueLexicon& cues);

}  // namespace hearsay

#endif  // HEARSAY_ATTRIBUTION_H_

// events: typed events with CAMEO codes, arguments and factuality per mention.
#ifndef HEARSAY_EVENTS_H_
#define HEARSAY_EVENTS_H_

#include <memory>
#include <string>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

// Event triggers (ontology/triggers.tsv) and factuality cues (ontology/factuality.tsv).
class TriggerLexicon {
 public:
  TriggerLexicon();
  ~TriggerLexicon();
  TriggerLexicon(TriggerLexicon&&) noexcept;
  TriggerLexicon& operator=(TriggerLexicon&&) noexcept;

  static Status Load(const std::string& dir, TriggerLexicon* out);

  struct Data;
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

std::vector<Event> FindEvents(const Document& doc, const Segmentation& seg,
                              const Mentions& mentions, const std::vector<Timex>& timexes,
                              const std::vector<Claim>& claims, const TriggerLexicon& triggers);

}  // namespace hearsay

#endif  // HEARSAY_EVENTS_H_

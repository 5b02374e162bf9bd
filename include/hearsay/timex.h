// timex: time expressions, normalized to TIMEX3 values against the document date.
#ifndef HEARSAY_TIMEX_H_
#define HEARSAY_TIMEX_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/status.h"

namespace hearsay {

// Named rules from ontology/timex-rules.tsv. Immutable after Load; shareable across threads.
class TimexRules {
 public:
  TimexRules();
  ~TimexRules();
  TimexRules(TimexRules&&) noexcept;
  TimexRules& operator=(TimexRules&&) noexcept;

  static Status Load(const std::string& dir, TimexRules* out);

  // A rule's example from the data file, for tests: the example text, the document date it is
  // read against, and the value one of its time expressions must get ("-": none at all).
  struct Example {
    std::string rule;
    std::string date;
    std::string text;
    std::string value;
  };
  std::vector<Example> Examples() const;

  struct Data;
  const Data& data() const { return *data_; }

 private:
  std::unique_ptr<Data> data_;
};

// All time expressions of the document, in text order, resolved against doc.meta.date
// (relative ones stay unresolved, e.g. "PAST_REF" or empty, when there is no date).
std::vector<Timex> FindTimexes(const Document& doc, const Segmentation& seg,
                               const TimexRules& rules);

// The publication date (YYYY-MM-DD) from a dateline near the top of the text: "Friday, January 4,
// 2019", "December 10, 2013" on the line after the title, "MOSCOW, Oct. 3 (Reuters) -" (the
// year then comes from another date of the top lines). Empty when there is none.
std::string FindDatelineDate(std::string_view text, const TimexRules& rules);

}  // namespace hearsay

#endif  // HEARSAY_TIMEX_H_

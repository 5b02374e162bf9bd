// From a rule's match to a TIMEX3 value.
#ifndef HEARSAY_TIMEX_NORMALIZE_H_
#define HEARSAY_TIMEX_NORMALIZE_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "hearsay/document.h"
#include "timex/calendar.h"
#include "timex/rules.h"

namespace hearsay::timex {

// The text of each slot of one match (empty when the group did not take part).
using SlotTexts = std::array<std::string_view, kSlotCount>;

// What relative expressions count from.
struct Reference {
  std::optional<Date> day;        // the document date, or when a quotation was said
  int direction = 0;              // tense of the clause: -1 past, +1 future, 0 unknown
  std::optional<Date> last_day;   // the last day-precise date mentioned before (anaphora)
  std::optional<int> last_year;   // the year of the last date mentioned before
  std::optional<Date> last_date;  // the start of the last day, month or year mentioned before
  std::string last_value;         // the last calendar value mentioned before ("2009-02")
};

struct Normalized {
  std::string value;  // empty when it cannot be resolved (no reference date)
  TimexType type = TimexType::kDate;
};

Normalized Normalize(const Rule& rule, const SlotTexts& slots, const Reference& reference,
                     const Words& words);

}  // namespace hearsay::timex

#endif  // HEARSAY_TIMEX_NORMALIZE_H_

// Calendar arithmetic for TIMEX3 values, on Boost.DateTime (ISO weeks, weekdays, month ends,
// leap years). No function throws: invalid dates come back as std::nullopt.
#ifndef HEARSAY_TIMEX_CALENDAR_H_
#define HEARSAY_TIMEX_CALENDAR_H_

#include <boost/date_time/gregorian/gregorian.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace hearsay::timex {

using Date = boost::gregorian::date;

// "2013-10-03" → the date; anything else (or an impossible day) → nullopt.
std::optional<Date> ParseIsoDate(std::string_view text);

// The date, or nullopt when the day does not exist (February 30, 2013-02-29).
std::optional<Date> MakeDate(int year, int month, int day);

int IsoWeekday(Date day);  // 1 = Monday .. 7 = Sunday

// The given weekday on or before / on or after `day` (the day itself when it is that weekday).
Date WeekdayOnOrBefore(Date day, int iso_weekday);
Date WeekdayOnOrAfter(Date day, int iso_weekday);

// The first day of the month `months` away from the month of `day`.
Date ShiftMonths(Date day, int months);

// TIMEX3 values.
std::string DayValue(Date day);                   // 2013-10-03
std::string MonthValue(int year, int month);      // 2013-10
std::string YearValue(int year);                  // 2013
std::string IsoWeekValue(Date day);               // 2013-W40 (the ISO year may differ from day's)
std::string QuarterValue(int year, int quarter);  // 2013-Q4
int QuarterOf(Date day);                          // 1..4

}  // namespace hearsay::timex

#endif  // HEARSAY_TIMEX_CALENDAR_H_

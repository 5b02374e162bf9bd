#include "timex/calendar.h"

#include <string>

namespace hearsay::timex {

namespace gregorian = boost::gregorian;

std::optional<Date> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int fields[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = 0; k < lengths[i]; ++k) {
      char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      fields[i] = fields[i] * 10 + (c - '0');
    }
  }
  return MakeDate(fields[0], fields[1], fields[2]);
}

std::optional<Date> MakeDate(int year, int month, int day) {
  // Boost's supported range; outside it the constructor would throw.
  if (year < 1400 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
  if (day > gregorian::gregorian_calendar::end_of_month_day(year, month)) return std::nullopt;
  return Date(year, month, day);
}

int IsoWeekday(Date day) {
  int weekday = day.day_of_week().as_number();  // 0 = Sunday
  return weekday == 0 ? 7 : weekday;
}

Date WeekdayOnOrBefore(Date day, int iso_weekday) {
  return day - gregorian::days((IsoWeekday(day) - iso_weekday + 7) % 7);
}

Date WeekdayOnOrAfter(Date day, int iso_weekday) {
  return day + gregorian::days((iso_weekday - IsoWeekday(day) + 7) % 7);
}

Date ShiftMonths(Date day, int months) {
  // From the first of the month, so that Boost's end-of-month snapping never applies.
  return Date(day.year(), day.month(), 1) + gregorian::months(months);
}

namespace {

// printf's "%0<width>d" (the '-' of a negative value counts in the width) without snprintf, which
// cost ~1.25K instructions a value.
void AppendPadded(int value, int width, std::string* out) {
  unsigned magnitude = value < 0 ? 0u - static_cast<unsigned>(value) : static_cast<unsigned>(value);
  char digits[10];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) out->push_back('-');
  for (int pad = width - count - (value < 0 ? 1 : 0); pad > 0; --pad) out->push_back('0');
  while (count > 0) out->push_back(digits[--count]);
}

}  // namespace

std::string DayValue(Date day) {
  std::string out;
  AppendPadded(static_cast<int>(day.year()), 4, &out);
  out += '-';
  AppendPadded(static_cast<int>(day.month()), 2, &out);
  out += '-';
  AppendPadded(static_cast<int>(day.day()), 2, &out);
  return out;
}

std::string MonthValue(int year, int month) {
  std::string out;
  AppendPadded(year, 4, &out);
  out += '-';
  AppendPadded(month, 2, &out);
  return out;
}

std::string YearValue(int year) {
  std::string out;
  AppendPadded(year, 4, &out);
  return out;
}

std::string IsoWeekValue(Date day) {
  int week = day.week_number();
  int year = day.year();
  // Early January can belong to the last week of the year before, late December to week 1.
  if (week >= 52 && day.month() == 1) --year;
  if (week == 1 && day.month() == 12) ++year;
  std::string out;
  AppendPadded(year, 4, &out);
  out += "-W";
  AppendPadded(week, 2, &out);
  return out;
}

std::string QuarterValue(int year, int quarter) {
  return YearValue(year) + "-Q" + std::to_string(quarter);
}

int QuarterOf(Date day) { return (static_cast<int>(day.month()) - 1) / 3 + 1; }

}  // namespace hearsay::timex

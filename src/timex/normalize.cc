#include "timex/normalize.h"

#include <cstdlib>
#include <string>

namespace hearsay::timex {

namespace {

namespace gregorian = boost::gregorian;

// Parses a whole non-negative integer; nullopt for anything else.
std::optional<int> ParseInt(std::string_view text) {
  if (text.empty() || text.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<int> IntOf(const Words& words, std::string_view word_class, std::string_view text) {
  if (auto number = ParseInt(text)) return number;
  if (auto value = words.Find(word_class, text)) return ParseInt(*value);
  return std::nullopt;
}

// A count: "3", "2.5", "three", "twenty-five"; "X" for "several", "a few" ...
std::optional<std::string> CountOf(const Words& words, std::string_view text) {
  if (words.Has("vague_number", text)) return std::string("X");
  if (!text.empty() && text.find_first_not_of("0123456789.") == std::string_view::npos) {
    return std::string(text);
  }
  if (auto value = IntOf(words, "number", text)) return std::to_string(*value);
  size_t hyphen = text.find('-');
  if (hyphen != std::string_view::npos) {
    auto tens = IntOf(words, "number", text.substr(0, hyphen));
    auto ones = IntOf(words, "number", text.substr(hyphen + 1));
    if (tens && ones) return std::to_string(*tens + *ones);
  }
  return std::nullopt;
}

std::string WithPartOfDay(std::string value, std::string_view part_of_day, const Words& words) {
  if (value.empty() || part_of_day.empty()) return value;
  if (auto code = words.Find("part_of_day", part_of_day)) value += "T" + *code;
  return value;
}

// Month and day without a year: the year that puts them on the side of the reference that the
// tense points to, or the nearest one when the tense says nothing.
std::optional<Date> InferYear(int month, int day, Date reference, int direction) {
  std::optional<Date> best;
  for (int year = reference.year() - 4; year <= reference.year() + 4; ++year) {
    auto candidate = MakeDate(year, month, day);
    if (!candidate) continue;
    if (direction < 0 && *candidate > reference) continue;
    if (direction > 0 && *candidate < reference) continue;
    if (!best) {
      best = candidate;
      continue;
    }
    auto distance = [&](Date d) { return std::labs((d - reference).days()); };
    // Ties go to the past: news reports mostly what happened.
    if (distance(*candidate) < distance(*best)) best = candidate;
  }
  return best;
}

// The year of a bare month name ("in December").
int YearOfMonth(int month, Date reference, int direction) {
  int current = reference.month();
  int year = reference.year();
  if (direction < 0) return month <= current ? year : year - 1;
  if (direction > 0) return month >= current ? year : year + 1;
  if (month - current > 6) return year - 1;
  if (current - month > 6) return year + 1;
  return year;
}

std::optional<int> MonthOf(const Words& words, std::string_view text) {
  auto month = IntOf(words, "month", text);
  if (month && *month >= 1 && *month <= 12) return month;
  return std::nullopt;
}

std::optional<int> YearOf(std::string_view text) {
  auto year = ParseInt(text);
  if (!year) return std::nullopt;
  if (text.size() == 2) return *year < 50 ? 2000 + *year : 1900 + *year;
  return year;
}

int ShiftOf(const Words& words, std::string_view text) {
  auto shift = words.Find("shift", text);
  return shift ? std::atoi(shift->c_str()) : 0;
}

int ArgInt(const Rule& rule, size_t index, int fallback) {
  return index < rule.args.size() ? std::atoi(rule.args[index].c_str()) : fallback;
}

std::string_view ArgText(const Rule& rule, size_t index) {
  return index < rule.args.size() ? std::string_view(rule.args[index]) : std::string_view();
}

Normalized DateOrMonth(const SlotTexts& slots, const Reference& ref, const Words& words) {
  auto month = MonthOf(words, slots[kMonth]);
  if (!month) return {};
  std::optional<int> year = YearOf(slots[kYear]);
  if (!year && !slots[kRelativeYear].empty() && ref.day) {
    year = static_cast<int>(ref.day->year()) + ShiftOf(words, slots[kRelativeYear]);
  }
  if (slots[kDay].empty()) {
    if (year) return {MonthValue(*year, *month)};
    if (!ref.day) return {"XXXX-" + MonthValue(0, *month).substr(5)};
    return {MonthValue(YearOfMonth(*month, *ref.day, ref.direction), *month)};
  }
  auto day = ParseInt(slots[kDay]);
  if (!day) return {};
  if (year) {
    auto date = MakeDate(*year, *month, *day);
    return date ? Normalized{DayValue(*date)} : Normalized{};
  }
  if (!ref.day) {
    if (!MakeDate(2000, *month, *day)) return {};  // 2000 is a leap year: every real day fits
    return {"XXXX-" + DayValue(*MakeDate(2000, *month, *day)).substr(5)};
  }
  auto date = InferYear(*month, *day, *ref.day, ref.direction);
  return date ? Normalized{DayValue(*date)} : Normalized{};
}

Normalized Weekday(const SlotTexts& slots, const Reference& ref, const Words& words) {
  auto weekday = IntOf(words, "weekday", slots[kWeekday]);
  if (!weekday) return {};
  Normalized out;
  if (!slots[kPartOfDay].empty()) out.type = TimexType::kTime;
  if (!ref.day) {
    out.value = WithPartOfDay("XXXX-WXX-" + std::to_string(*weekday), slots[kPartOfDay], words);
    return out;
  }
  Date day = *ref.day;
  int shift = slots[kShift].empty() ? 0 : ShiftOf(words, slots[kShift]);
  Date resolved = day;
  if (shift < 0) {
    resolved = WeekdayOnOrBefore(day - gregorian::days(1), *weekday);
  } else if (shift > 0) {
    resolved = WeekdayOnOrAfter(day + gregorian::days(1), *weekday);
  } else if (IsoWeekday(day) != *weekday) {
    resolved =
        ref.direction > 0 ? WeekdayOnOrAfter(day, *weekday) : WeekdayOnOrBefore(day, *weekday);
  }
  out.value = WithPartOfDay(DayValue(resolved), slots[kPartOfDay], words);
  return out;
}

Normalized Deictic(const Rule& rule, const SlotTexts& slots, const Reference& ref,
                   const Words& words) {
  int offset = 0;
  if (!rule.args.empty()) {
    offset = ArgInt(rule, 0, 0);
  } else if (auto value = words.Find("deictic_day", slots[kDeictic])) {
    offset = std::atoi(value->c_str());
  }
  std::string part_of_day = std::string(ArgText(rule, 1));
  Normalized out;
  if (!part_of_day.empty() || !slots[kPartOfDay].empty()) out.type = TimexType::kTime;
  if (!ref.day) return out;
  out.value = DayValue(*ref.day + gregorian::days(offset));
  if (!part_of_day.empty()) {
    out.value += "T" + part_of_day;
  } else {
    out.value = WithPartOfDay(out.value, slots[kPartOfDay], words);
  }
  return out;
}

// "the same period last year" (args -1): the last value mentioned, years away.
Normalized SamePeriod(const Rule& rule, const Reference& ref) {
  auto year = ParseInt(std::string_view(ref.last_value).substr(0, 4));
  if (!year || ref.last_value.size() < 4) return {};
  std::string value = YearValue(*year + ArgInt(rule, 0, -1)) + ref.last_value.substr(4);
  // A shifted 29 February does not exist; the year-precise value does.
  if (value.size() >= 10 && !ParseIsoDate(value.substr(0, 10))) return {value.substr(0, 4)};
  return {value};
}

// "the following day", "the year before", "that week": a unit (args or the unit group) away from
// the last date mentioned, else from the reference date.
Normalized Anaphoric(const Rule& rule, const SlotTexts& slots, const Reference& ref,
                     const Words& words) {
  int offset = ArgInt(rule, 0, 0);
  if (rule.args.empty()) {
    auto shift = words.Find("anaphora", slots[kShift]);
    offset = shift ? std::atoi(shift->c_str()) : 0;
  }
  std::optional<std::string> unit;
  if (rule.args.size() > 1) {
    unit = std::string(ArgText(rule, 1));
  } else {
    unit = words.Find("unit", slots[kUnit]);
  }
  if (!unit) return {};
  if (*unit == "Y") {
    std::optional<int> year = ref.last_year;
    if (!year && ref.day) year = ref.day->year();
    return year ? Normalized{YearValue(*year + offset)} : Normalized{};
  }
  if (*unit == "M") {
    std::optional<Date> base = ref.last_date ? ref.last_date : ref.day;
    if (!base) return {};
    Date month = ShiftMonths(*base, offset);
    return {MonthValue(month.year(), month.month())};
  }
  std::optional<Date> base = ref.last_day ? ref.last_day : ref.day;
  if (!base) return {};
  if (*unit == "W") return {IsoWeekValue(*base + gregorian::days(7 * offset))};
  if (*unit != "D") return {};
  Normalized out{DayValue(*base + gregorian::days(offset))};
  if (!slots[kPartOfDay].empty()) {
    out.type = TimexType::kTime;
    out.value = WithPartOfDay(out.value, slots[kPartOfDay], words);
  }
  return out;
}

// "last week", "this month", "next year", "last September": a calendar unit `shift` away.
Normalized Relative(const Rule& rule, const SlotTexts& slots, const Reference& ref,
                    const Words& words) {
  int shift = slots[kShift].empty() ? ArgInt(rule, 0, 0) : ShiftOf(words, slots[kShift]);
  if (!ref.day) return {};
  Date day = *ref.day;
  if (!slots[kMonth].empty()) {
    auto month = MonthOf(words, slots[kMonth]);
    if (!month) return {};
    int year = day.year();
    // News usage: "last May" is May of last year, "next May" the coming one.
    if (shift < 0) year -= 1;
    if (shift > 0 && *month <= static_cast<int>(day.month())) year += 1;
    return {MonthValue(year, *month)};
  }
  auto unit = words.Find("unit", slots[kUnit]);
  if (!unit) return {};
  if (*unit == "W") return {IsoWeekValue(day + gregorian::days(7 * shift))};
  if (*unit == "WE") return {IsoWeekValue(day + gregorian::days(7 * shift)) + "-WE"};
  if (*unit == "M") {
    Date month = ShiftMonths(day, shift);
    return {MonthValue(month.year(), month.month())};
  }
  if (*unit == "Y") return {YearValue(day.year() + shift)};
  if (*unit == "Q") {
    int index = day.year() * 4 + (QuarterOf(day) - 1) + shift;
    return {QuarterValue(index / 4, index % 4 + 1)};
  }
  if (*unit == "DE") return {std::to_string(day.year() / 10 + shift)};
  if (*unit == "CE") return {std::to_string(day.year() / 100 + shift)};
  return {};
}

// "the first week of June" (args 1), "the last week of March" (args -1): the ISO week that
// holds the month's first or last seven days.
Normalized WeekOfMonth(const Rule& rule, const SlotTexts& slots, const Reference& ref,
                       const Words& words) {
  auto month = MonthOf(words, slots[kMonth]);
  if (!month) return {};
  std::optional<int> year = YearOf(slots[kYear]);
  if (!year && ref.day) year = YearOfMonth(*month, *ref.day, ref.direction);
  if (!year) return {};
  auto first = MakeDate(*year, *month, 1);
  if (!first) return {};
  if (ArgInt(rule, 0, 1) > 0) return {IsoWeekValue(*first + gregorian::days(6))};
  return {IsoWeekValue(first->end_of_month() - gregorian::days(6))};
}

Normalized Duration(const SlotTexts& slots, const Words& words) {
  auto count = CountOf(words, slots[kNumber]);
  auto unit = words.Find("unit", slots[kUnit]);
  if (!count || !unit) return {};
  Normalized out;
  out.type = TimexType::kDuration;
  auto scaled = [&](int factor) {
    auto whole = ParseInt(*count);
    return whole ? std::to_string(*whole * factor) : *count;
  };
  if (*unit == "H") {
    out.value = "PT" + *count + "H";
  } else if (*unit == "MIN") {
    out.value = "PT" + *count + "M";
  } else if (*unit == "DE") {
    out.value = "P" + scaled(10) + "Y";
  } else if (*unit == "CE") {
    out.value = "P" + scaled(100) + "Y";
  } else if (*unit == "Q") {
    out.value = "P" + scaled(3) + "M";
  } else if (*unit == "FN") {
    out.value = "P" + scaled(2) + "W";
  } else {
    out.value = "P" + *count + *unit;
  }
  return out;
}

// "three days ago" (args -1), "in two weeks" (args 1), "a year later" (args anaphoric: from the
// last date mentioned, the sign from the sequence word).
Normalized Ago(const Rule& rule, const SlotTexts& slots, const Reference& ref, const Words& words) {
  int sign = ArgInt(rule, 0, -1);
  std::optional<Date> base = ref.day;
  if (ArgText(rule, 0) == "anaphoric") {
    auto sequence = words.Find("sequence", slots[kShift]);
    sign = sequence ? std::atoi(sequence->c_str()) : 0;
    if (ref.last_date) base = ref.last_date;
  }
  // "released in 5 years" in the past tense is how long it took, not a date.
  if (sign > 0 && ArgText(rule, 0) != "anaphoric" && ref.direction < 0) {
    return Duration(slots, words);
  }
  auto count = CountOf(words, slots[kNumber]);
  auto unit = words.Find("unit", slots[kUnit]);
  if (!count || !unit || !base || sign == 0) return {};
  if (*count == "X") return {sign < 0 ? "PAST_REF" : "FUTURE_REF"};
  auto whole = ParseInt(*count);
  if (!whole) return {};
  int n = sign * *whole;
  Date day = *base;
  if (*unit == "D") return {DayValue(day + gregorian::days(n))};
  if (*unit == "W") return {IsoWeekValue(day + gregorian::days(7 * n))};
  if (*unit == "FN") return {IsoWeekValue(day + gregorian::days(14 * n))};
  if (*unit == "M") {
    Date month = ShiftMonths(day, n);
    return {MonthValue(month.year(), month.month())};
  }
  if (*unit == "Y") return {YearValue(day.year() + n)};
  if (*unit == "DE") return {std::to_string((day.year() + 10 * n) / 10)};
  if (*unit == "H" || *unit == "MIN") return {DayValue(day)};
  return {};
}

Normalized Quarter(const SlotTexts& slots, const Reference& ref, const Words& words) {
  auto quarter = IntOf(words, "quarter_ordinal", slots[kQuarter]);
  if (!quarter || *quarter < 1 || *quarter > 4) return {};
  std::optional<int> year = YearOf(slots[kYear]);
  if (!year && ref.day) {
    year = ref.day->year();
    if (!slots[kRelativeYear].empty()) {
      *year += ShiftOf(words, slots[kRelativeYear]);
    } else if (ref.direction < 0 && QuarterOf(*ref.day) == 1 && *quarter > 1) {
      *year -= 1;  // results reported early in the year are last year's
    }
  }
  if (!year) return {"XXXX-Q" + std::to_string(*quarter)};
  return {QuarterValue(*year, *quarter)};
}

Normalized Season(const SlotTexts& slots, const Reference& ref, const Words& words) {
  auto season = words.Find("season", slots[kSeason]);
  if (!season) return {};
  std::optional<int> year = YearOf(slots[kYear]);
  if (!year && ref.day) {
    // Seasons start in March, June, September and December. "next spring" in January is this
    // year's; "last winter" in March began in the December before.
    constexpr std::string_view kSeasonOrder = "SPSUFAWI";
    size_t found = kSeasonOrder.find(*season);
    int start_month = 3 + 3 * static_cast<int>(found == std::string_view::npos ? 0 : found / 2);
    int month = ref.day->month();
    int shift = ShiftOf(words, slots[kShift]);
    year = ref.day->year();
    if (shift > 0 && start_month <= month) *year += 1;
    if (shift < 0 && start_month + 3 > month) *year -= 1;
  }
  if (!year) return {"XXXX-" + *season};
  return {YearValue(*year) + "-" + *season};
}

Normalized Decade(const SlotTexts& slots, const Reference& ref) {
  if (auto decade = ParseInt(slots[kDecade])) return {std::to_string(*decade / 10)};
  auto two_digits = ParseInt(slots[kTwoDigitYear]);
  if (!two_digits) return {};
  int century = 19;
  if (ref.day && *two_digits <= ref.day->year() % 100) century = ref.day->year() / 100;
  return {std::to_string(century * 10 + *two_digits / 10)};
}

Normalized Set(const SlotTexts& slots, const Words& words) {
  Normalized out;
  out.type = TimexType::kSet;
  if (auto weekday = IntOf(words, "weekday", slots[kWeekday])) {
    out.value = "XXXX-WXX-" + std::to_string(*weekday);
  } else if (auto frequency = words.Find("frequency", slots[kFrequency])) {
    out.value = *frequency;
  } else if (auto unit = words.Find("unit", slots[kUnit])) {
    std::string count = "1";
    if (!slots[kNumber].empty()) {
      auto parsed = CountOf(words, slots[kNumber]);
      if (!parsed) return {};
      count = *parsed;
    }
    out.value = (*unit == "H" || *unit == "MIN" ? "PT" : "P") + count +
                (*unit == "MIN" ? std::string("M") : *unit);
  }
  return out;
}

}  // namespace

Normalized Normalize(const Rule& rule, const SlotTexts& slots, const Reference& reference,
                     const Words& words) {
  switch (rule.function) {
    case Function::kDate:
      return DateOrMonth(slots, reference, words);
    case Function::kWeekday:
      return Weekday(slots, reference, words);
    case Function::kDeictic:
      return Deictic(rule, slots, reference, words);
    case Function::kAnaphoric:
      return Anaphoric(rule, slots, reference, words);
    case Function::kSamePeriod:
      return SamePeriod(rule, reference);
    case Function::kRelative:
      return Relative(rule, slots, reference, words);
    case Function::kWeekOfMonth:
      return WeekOfMonth(rule, slots, reference, words);
    case Function::kAgo:
      return Ago(rule, slots, reference, words);
    case Function::kQuarter:
      return Quarter(slots, reference, words);
    case Function::kSeason:
      return Season(slots, reference, words);
    case Function::kYear: {
      auto year = YearOf(slots[kYear]);
      return year ? Normalized{YearValue(*year)} : Normalized{};
    }
    case Function::kDecade:
      return Decade(slots, reference);
    case Function::kCentury: {
      auto ordinal = ParseInt(slots[kCentury]);
      return ordinal && *ordinal > 0 ? Normalized{std::to_string(*ordinal - 1)} : Normalized{};
    }
    case Function::kDuration:
      return Duration(slots, words);
    case Function::kSet:
      return Set(slots, words);
    case Function::kReference: {
      auto value = words.Find("reference", slots[kReference]);
      return value ? Normalized{*value} : Normalized{};
    }
    case Function::kNone:
      break;
  }
  return {};
}

}  // namespace hearsay::timex

#include "hearsay/ingest.h"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <cstdint>
#include <cstring>

#include "ingest/json.h"

namespace hearsay {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  std::string_view tail = text.substr(text.size() - suffix.size());
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = tail[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

Diagnostic Error(const std::string& origin, uint64_t line, std::string message) {
  return {Severity::kError, origin, line, 0, false, std::move(message)};
}

Diagnostic ErrorAt(const std::string& origin, uint64_t line, size_t offset, std::string message) {
  return {Severity::kError, origin, line, offset, true, std::move(message)};
}

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// Checks what every article must be: non-empty valid UTF-8 without NUL bytes.
std::optional<Diagnostic> CheckText(std::string_view text, const std::string& origin, uint64_t line,
                                    std::string_view what) {
  if (IsBlank(text)) return Error(origin, line, std::string(what) + " is empty");
  size_t bad = FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return ErrorAt(origin, line, bad,
                   text[bad] == '\0' ? std::string(what) + " holds a NUL byte (binary file?)"
                                     : std::string(what) + " is not valid UTF-8");
  }
  return std::nullopt;
}

}  // namespace

InputFormat FormatFromPath(std::string_view path) {
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return InputFormat::kJsonl;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm") || EndsWith(path, ".xhtml")) {
    return InputFormat::kHtml;
  }
  return InputFormat::kText;
}

size_t FindInvalidUtf8(std::string_view bytes) {
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t size = bytes.size();
  size_t i = 0;
  while (i < size) {
    // Eight ASCII bytes without a NUL at a time: most news text is ASCII.
    constexpr uint64_t kHighBits = 0x8080808080808080ULL;
    constexpr uint64_t kLowBits = 0x0101010101010101ULL;
    while (i + 8 <= size) {
      uint64_t word;
      std::memcpy(&word, data + i, 8);
      bool has_zero_byte = ((word - kLowBits) & ~word & kHighBits) != 0;
      if ((word & kHighBits) != 0 || has_zero_byte) break;
      i += 8;
    }
    if (i >= size) break;
    unsigned char c = data[i];
    if (c < 0x80) {
      if (c == 0) return i;
      ++i;
      continue;
    }
    size_t length;
    uint32_t min;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
      min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3;
      min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + length > size) return i;
    uint32_t cp = c & (0xFF >> (length + 1));
    for (size_t k = 1; k < length; ++k) {
      if ((data[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (data[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += length;
  }
  return std::string_view::npos;
}

bool NormalizeDate(std::string_view text, std::string* out) {
  // "2019-01-07", "2019-01-07T10:00:00Z", "2019-01-07 10:00:00": the calendar day.
  if (text.size() < 10) return false;
  std::string_view day = text.substr(0, 10);
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return false;
  for (size_t i = 0; i < 10; ++i) {
    bool dash = i == 4 || i == 7;
    if (dash ? day[i] != '-' : (day[i] < '0' || day[i] > '9')) return false;
  }
  auto number = [&](size_t from, size_t length) {
    int value = 0;
    for (size_t i = from; i < from + length; ++i) value = value * 10 + (day[i] - '0');
    return value;
  };
  int year = number(0, 4), month = number(5, 2), dom = number(8, 2);
  if (year < 1400 || month < 1 || month > 12 || dom < 1) return false;
  if (dom > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
    return false;
  }
  out->assign(day);
  return true;
}

IngestResult IngestText(std::string_view bytes, const std::string& origin, ArticleMeta meta) {
  if (auto problem = CheckText(bytes, origin, 0, "article")) return *problem;
  return Document{origin, std::move(meta), std::string(bytes)};
}

IngestResult IngestJsonlRecord(std::string_view line_bytes, const std::string& origin,
                               uint64_t line, const ArticleMeta& defaults) {
  size_t bad = FindInvalidUtf8(line_bytes);
  if (bad != std::string_view::npos) {
    return ErrorAt(
        origin, line, bad,
        line_bytes[bad] == '\0' ? "record holds a NUL byte" : "record is not valid UTF-8");
  }
  json::Record record;
  size_t error_offset = 0;
  std::string error;
  if (!json::ParseRecord(line_bytes, &record, &error_offset, &error)) {
    return ErrorAt(origin, line, error_offset, "malformed JSON: " + error);
  }
  auto field = [&](std::initializer_list<const char*> names) -> std::string {
    for (const char* name : names) {
      auto it = record.fields.find(name);
      if (it != record.fields.end() && !it->second.empty()) return it->second;
    }
    return {};
  };
  std::string text = field({"text", "maintext", "content", "body"});
  if (text.empty()) return Error(origin, line, "record has no text (fields text or maintext)");
  ArticleMeta meta;
  meta.url = field({"url"});
  meta.title = field({"title"});
  meta.publisher = field({"publisher", "source_domain"});
  std::string date_text = field({"date", "date_publish", "datePublished", "published"});
  if (!date_text.empty() && !NormalizeDate(date_text, &meta.date)) {
    return Error(origin, line, "record's date '" + date_text + "' is not a calendar date");
  }
  if (meta.url.empty()) meta.url = defaults.url;
  if (meta.title.empty()) meta.title = defaults.title;
  if (meta.publisher.empty()) meta.publisher = defaults.publisher;
  if (meta.date.empty()) meta.date = defaults.date;
  std::string record_origin = origin + ":" + std::to_string(line);
  if (auto problem = CheckText(text, record_origin, 0, "record's text")) return *problem;
  return Document{record_origin, std::move(meta), std::move(text)};
}

}  // namespace hearsay

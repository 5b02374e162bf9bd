#include "hearsay/ingest.h"

#include <doctest/doctest.h>

using hearsay::Diagnostic;
using hearsay::Document;

TEST_CASE("ingest: formats by extension") {
  CHECK(hearsay::FormatFromPath("a/b.JSONL") == hearsay::InputFormat::kJsonl);
  CHECK(hearsay::FormatFromPath("page.htm") == hearsay::InputFormat::kHtml);
  CHECK(hearsay::FormatFromPath("story.txt") == hearsay::InputFormat::kText);
  CHECK(hearsay::FormatFromPath("-") == hearsay::InputFormat::kText);
}

TEST_CASE("ingest: UTF-8 validation finds the first bad byte") {
  using hearsay::FindInvalidUtf8;
  constexpr size_t kOk = std::string_view::npos;
  CHECK(FindInvalidUtf8("plain ASCII") == kOk);
  CHECK(FindInvalidUtf8("curly \xe2\x80\x9cquotes\xe2\x80\x9d and \xf0\x9f\x98\x80") == kOk);
  CHECK(FindInvalidUtf8("bad \xff byte") == 4);
  CHECK(FindInvalidUtf8(std::string_view("nul \0 byte", 10)) == 4);
  CHECK(FindInvalidUtf8("overlong \xc0\xaf") == 9);
  CHECK(FindInvalidUtf8("surrogate \xed\xa0\x80") == 10);
  CHECK(FindInvalidUtf8("truncated \xe2\x80") == 10);
  CHECK(FindInvalidUtf8("too big \xf4\x90\x80\x80") == 8);
  // Past the eight-byte ASCII steps, at every alignment and at the very end.
  for (size_t at = 0; at < 40; ++at) {
    std::string text(41, 'a');
    text[at] = '\xff';
    CHECK(FindInvalidUtf8(text) == at);
    text[at] = '\0';
    CHECK(FindInvalidUtf8(text) == at);
    text[at] = 'a';
    text.replace(at, 2, "\xc3\xa9");
    CHECK(FindInvalidUtf8(text) == kOk);
  }
  CHECK(FindInvalidUtf8(std::string(64, 'a') + "\xe2\x80") == 64);
}

TEST_CASE("ingest: dates are calendar days") {
  std::string day;
  CHECK(hearsay::NormalizeDate("2019-01-07", &day));
  CHECK(day == "2019-01-07");
  CHECK(hearsay::NormalizeDate("2019-01-07T10:00:00Z", &day));
  CHECK(hearsay::NormalizeDate("2020-02-29 08:00:00", &day));
  CHECK(day == "2020-02-29");
  CHECK_FALSE(hearsay::NormalizeDate("2019-02-29", &day));
  CHECK_FALSE(hearsay::NormalizeDate("2019-13-01", &day));
  CHECK_FALSE(hearsay::NormalizeDate("07/01/2019", &day));
  CHECK_FALSE(hearsay::NormalizeDate("2019-01-07x", &day));
}

TEST_CASE("ingest: plain text keeps its bytes and metadata") {
  hearsay::ArticleMeta meta;
  meta.date = "2013-10-03";
  auto result = hearsay::IngestText("Putin said so.\r\n", "a.txt", meta);
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  CHECK(doc.text == "Putin said so.\r\n");
  CHECK(doc.meta.date == "2013-10-03");
  CHECK(doc.origin == "a.txt");
}

TEST_CASE("ingest: empty and binary text are rejected with the offset") {
  auto empty = hearsay::IngestText(" \n\t", "e.txt", {});
  REQUIRE(std::holds_alternative<Diagnostic>(empty));
  CHECK(std::get<Diagnostic>(empty).ToString() == "e.txt: error: article is empty");
  auto binary = hearsay::IngestText(std::string_view("ab\0cd", 5), "b.txt", {});
  REQUIRE(std::holds_alternative<Diagnostic>(binary));
  CHECK(std::get<Diagnostic>(binary).ToString() ==
        "b.txt: byte 2: error: article holds a NUL byte (binary file?)");
}

TEST_CASE("ingest: JSONL records with crawl field names") {
  hearsay::ArticleMeta defaults;
  defaults.publisher = "Fallback";
  auto result = hearsay::IngestJsonlRecord(
      R"({"maintext": "Talks \"resumed\" in Geneva.", "date_publish": "2019-01-08 10:00:00",)"
      R"( "source_domain": "example.com", "url": "https://example.com/x", "authors": ["A"],)"
      R"( "meta": {"n": 1}})",
      "crawl.jsonl", 7, defaults);
  REQUIRE(std::holds_alternative<Document>(result));
  const auto& doc = std::get<Document>(result);
  CHECK(doc.text == "Talks \"resumed\" in Geneva.");
  CHECK(doc.meta.date == "2019-01-08");
  CHECK(doc.meta.publisher == "example.com");
  CHECK(doc.meta.url == "https://example.com/x");
  CHECK(doc.origin == "crawl.jsonl:7");
}

TEST_CASE("ingest: a publisher object gives its name") {
  auto result = hearsay::IngestJsonlRecord(
      R"({"text": "x said y.", "publisher": {"@type": "Organization", "name": "Daily"}})", "f", 1,
      {});
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(std::get<Document>(result).meta.publisher == "Daily");
}

TEST_CASE("ingest: broken JSONL records name line and byte") {
  auto check_error = [](std::string_view line, const std::string& expected) {
    auto result = hearsay::IngestJsonlRecord(line, "c.jsonl", 3, {});
    REQUIRE(std::holds_alternative<Diagnostic>(result));
    CHECK(std::get<Diagnostic>(result).ToString() == expected);
  };
  check_error(R"({"text": "open)",
              "c.jsonl:3: byte 14: error: malformed JSON: unterminated string");
  check_error(
      R"({"text": "a"} x)",
      "c.jsonl:3: byte 14: error: malformed JSON: trailing characters after the JSON object");
  check_error(R"({"title": "t"})",
              "c.jsonl:3: error: record has no text (fields text or maintext)");
  check_error(R"({"text": "a", "date": "yesterday"})",
              "c.jsonl:3: error: record's date 'yesterday' is not a calendar date");
  check_error(R"({"text": "\ud800"})",
              "c.jsonl:3: byte 16: error: malformed JSON: unpaired surrogate in \\u escape");
}

TEST_CASE("ingest: JSON escapes decode to UTF-8") {
  auto result =
      hearsay::IngestJsonlRecord(R"({"text": "caf\u00e9 \ud83d\ude00 \"q\" \/ \\"})", "f", 1, {});
  REQUIRE(std::holds_alternative<Document>(result));
  CHECK(std::get<Document>(result).text == "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\" / \\");
}

// HTML ingest: the article's text and metadata from a news page.
#include <algorithm>
#include <functional>
#include <initializer_list>

#include "hearsay/ingest.h"
#include "ingest/html_classify.h"
#include "ingest/html_jsonld.h"
#include "ingest/html_page.h"

namespace hearsay {
namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsAbsoluteUrl(std::string_view url) {
  return StartsWith(url, "http://") || StartsWith(url, "https://");
}

std::string FirstMeta(const html::Page& page, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    auto found = page.meta.find(key);
    if (found != page.meta.end() && !found->second.empty()) return found->second;
  }
  return {};
}

std::string FirstDate(std::initializer_list<std::string_view> candidates) {
  std::string day;
  for (std::string_view candidate : candidates) {
    if (NormalizeDate(candidate, &day)) return day;
  }
  return {};
}

// The publication time of a <time> element: one marked as such, else the first inside an
// element that may hold the article, else the first outside page furniture (times in menus
// and lists of other articles are of other things).
std::string TimeElementDate(const html::Page& page) {
  auto inside_candidate = [&page](const html::TimeElement& time) {
    return std::any_of(
        page.candidates.begin(), page.candidates.end(),
        [&time](const html::Region& region) { return region.Contains(time.element); });
  };
  for (auto chosen : std::initializer_list<std::function<bool(const html::TimeElement&)>>{
           [](const html::TimeElement& time) { return time.published; }, inside_candidate,
           [](const html::TimeElement& time) { return time.drops.empty(); }}) {
    for (const html::TimeElement& time : page.times) {
      if (chosen(time)) return FirstDate({time.datetime});
    }
  }
  return {};
}

// "Headline | Publisher" -> "Headline".
std::string WithoutPublisherSuffix(const std::string& title, const std::string& publisher) {
  if (publisher.empty() || title.size() <= publisher.size()) return title;
  if (title.compare(title.size() - publisher.size(), publisher.size(), publisher) != 0) {
    return title;
  }
  std::string head = title.substr(0, title.size() - publisher.size());
  for (std::string_view separator : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    if (head.size() > separator.size() &&
        head.compare(head.size() - separator.size(), separator.size(), separator) == 0) {
      return head.substr(0, head.size() - separator.size());
    }
  }
  return title;
}

std::string FirstHeading(const html::Page& page) {
  for (const html::TextBlock& block : page.blocks) {
    if (block.heading_level == 1) return block.text;
  }
  return {};
}

// Metadata the page declares, by preference: Open Graph and article meta tags, JSON-LD,
// <link rel=canonical>, <time>, <title>, the first <h1>.
ArticleMeta PageMeta(const html::Page& page) {
  html::JsonLdArticle json_ld;
  for (const std::string& script : page.json_ld) {
    if (html::ReadJsonLdArticle(script, &json_ld)) break;
  }
  ArticleMeta meta;
  meta.publisher = FirstMeta(page, {"og:site_name"});
  if (meta.publisher.empty()) meta.publisher = html::NormalizeSpace(json_ld.publisher);
  meta.title = FirstMeta(page, {"og:title", "twitter:title"});
  if (meta.title.empty()) meta.title = html::NormalizeSpace(json_ld.headline);
  if (meta.title.empty()) meta.title = WithoutPublisherSuffix(page.title, meta.publisher);
  if (meta.title.empty()) meta.title = FirstHeading(page);
  meta.date = FirstDate({FirstMeta(page, {"article:published_time"}), json_ld.date_published,
                         FirstMeta(page, {"datepublished", "date", "pubdate"})});
  if (meta.date.empty()) meta.date = TimeElementDate(page);
  for (std::string url :
       {page.canonical_url, html::NormalizeSpace(json_ld.url), FirstMeta(page, {"og:url"})}) {
    if (IsAbsoluteUrl(url)) {
      meta.url = url;
      break;
    }
  }
  return meta;
}

void FillMissing(const std::string& found, std::string* field) {
  if (field->empty()) *field = found;
}

Diagnostic PageError(const std::string& origin, std::string message) {
  return {Severity::kError, origin, 0, 0, false, std::move(message)};
}

}  // namespace

IngestResult IngestHtml(std::string_view bytes, const std::string& origin, ArticleMeta meta,
                        const HtmlLexicon& lexicon) {
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    return PageError(origin, "page is empty");
  }
  size_t bad = FindInvalidUtf8(bytes);
  if (bad != std::string_view::npos) {
    Diagnostic problem = PageError(
        origin, bytes[bad] == '\0' ? "page holds a NUL byte (binary file?)"
                                   : "page is not valid UTF-8 (convert it from its charset)");
    problem.byte_offset = bad;
    problem.has_offset = true;
    return problem;
  }
  if (std::optional<html::MarkupProblem> beyond = html::FindMarkupBeyondLimits(bytes)) {
    Diagnostic problem = PageError(origin, beyond->message);
    problem.byte_offset = beyond->offset;
    problem.has_offset = true;
    return problem;
  }
  html::Page page = html::ReadPage(bytes, lexicon);
  ArticleMeta found = PageMeta(page);
  FillMissing(found.date, &meta.date);
  FillMissing(found.publisher, &meta.publisher);
  FillMissing(found.url, &meta.url);
  FillMissing(found.title, &meta.title);

  std::string text = meta.title;
  for (size_t index : html::ArticleBlocks(page, lexicon)) {
    const std::string& paragraph = page.blocks[index].text;
    if (paragraph == meta.title) continue;
    if (!text.empty()) text += "\n\n";
    text += paragraph;
  }
  if (text.size() == meta.title.size()) return PageError(origin, "no article text in the page");
  text += '\n';
  return Document{origin, std::move(meta), std::move(text)};
}

}  // namespace hearsay

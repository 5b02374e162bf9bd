#include "ingest/html_jsonld.h"

#include <rapidjson/document.h>

#include <vector>

namespace hearsay::html {
namespace {

using Value = rapidjson::Value;

// Iterative parsing keeps deeply nested JSON off the call stack; comments and trailing commas
// are common in hand-written JSON-LD.
constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag |
    rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag;

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// schema.org's article types all end in "Article" (NewsArticle, ReportageNewsArticle ...) or
// "Posting" (BlogPosting, LiveBlogPosting).
bool IsArticleType(const Value& type) {
  auto matches = [](const Value& name) {
    if (!name.IsString()) return false;
    std::string_view text(name.GetString(), name.GetStringLength());
    return EndsWith(text, "Article") || EndsWith(text, "Posting");
  };
  if (matches(type)) return true;
  if (!type.IsArray()) return false;
  for (const Value& name : type.GetArray()) {
    if (matches(name)) return true;
  }
  return false;
}

// A member's text: a string, the first string of an array, or an object's `key` member.
std::string Text(const Value& object, const char* member, const char* key = nullptr) {
  auto found = object.FindMember(member);
  if (found == object.MemberEnd()) return {};
  const Value* value = &found->value;
  if (value->IsArray() && !value->Empty()) value = &(*value)[0];
  if (key != nullptr && value->IsObject()) {
    auto inner = value->FindMember(key);
    if (inner == value->MemberEnd()) return {};
    value = &inner->value;
  }
  if (!value->IsString()) return {};
  return std::string(value->GetString(), value->GetStringLength());
}

}  // namespace

bool ReadJsonLdArticle(std::string_view json, JsonLdArticle* out) {
  rapidjson::Document document;
  document.Parse<kParseFlags>(json.data(), json.size());
  if (document.HasParseError()) return false;
  // Depth-first in document order, without recursion.
  std::vector<const Value*> pending = {&document};
  while (!pending.empty()) {
    const Value* value = pending.back();
    pending.pop_back();
    if (value->IsArray()) {
      for (auto it = value->End(); it != value->Begin();) pending.push_back(&*--it);
      continue;
    }
    if (!value->IsObject()) continue;
    auto type = value->FindMember("@type");
    if (type != value->MemberEnd() && IsArticleType(type->value)) {
      out->headline = Text(*value, "headline");
      if (out->headline.empty()) out->headline = Text(*value, "name");
      out->date_published = Text(*value, "datePublished");
      out->publisher = Text(*value, "publisher", "name");
      out->url = Text(*value, "url");
      if (out->url.empty()) out->url = Text(*value, "mainEntityOfPage", "@id");
      return true;
    }
    auto graph = value->FindMember("@graph");
    if (graph != value->MemberEnd()) pending.push_back(&graph->value);
  }
  return false;
}

}  // namespace hearsay::html

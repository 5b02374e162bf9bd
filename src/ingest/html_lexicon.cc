// Loading and querying the HTML boilerplate hints and stop words.
#include <algorithm>

#include "hearsay/ingest.h"
#include "hearsay/lexicon.h"

namespace hearsay {
namespace {

using Verdict = HtmlLexicon::Verdict;

bool ParseVerdict(std::string_view name, Verdict* out) {
  if (name == "skip") {
    *out = Verdict::kSkip;
  } else if (name == "drop") {
    *out = Verdict::kDrop;
  } else if (name == "content") {
    *out = Verdict::kContent;
  } else {
    return false;
  }
  return true;
}

bool IsLowerCase(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Verdict Find(const std::unordered_map<std::string, Verdict>& table, std::string_view key) {
  auto found = table.find(std::string(key));
  return found == table.end() ? Verdict::kNeutral : found->second;
}

}  // namespace

Status HtmlLexicon::Load(const std::string& dir, HtmlLexicon* out) {
  *out = HtmlLexicon();
  Status status = ReadTsv(dir + "/html-boilerplate.tsv", [out](const TsvRecord& record) {
    if (record.fields.size() != 3) return record.Error("expected: where, value, verdict");
    const std::string& where = record.fields[0];
    std::string value = record.fields[1];
    Verdict verdict;
    if (value.empty() || !IsLowerCase(value)) return record.Error("value must be lower case");
    if (!ParseVerdict(record.fields[2], &verdict)) {
      return record.Error("verdict must be skip, drop or content");
    }
    if (where == "cue" || where == "line") {
      if (verdict != Verdict::kDrop) return record.Error("a text phrase can only be dropped");
      if (where == "cue") {
        out->cues_.push_back(value);
      } else {
        out->lines_.insert(value);
      }
      return Status::Ok();
    }
    if (where == "tag") {
      out->tags_[value] = verdict;
    } else if (where == "role") {
      out->roles_[value] = verdict;
    } else if (where == "itemprop") {
      out->itemprops_[value] = verdict;
    } else if (where == "token") {
      if (value.back() == '*') {
        value.pop_back();
        out->token_prefixes_.emplace_back(value, verdict);
      } else {
        out->tokens_[value] = verdict;
      }
    } else {
      return record.Error("where must be tag, token, role, itemprop, cue or line");
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return ReadTsv(dir + "/html-stopwords.tsv", [out](const TsvRecord& record) {
    if (record.fields.size() != 1 || record.fields[0].empty()) {
      return record.Error("expected one word");
    }
    if (!IsLowerCase(record.fields[0])) return record.Error("stop words must be lower case");
    out->stopwords_.insert(record.fields[0]);
    return Status::Ok();
  });
}

Verdict HtmlLexicon::ForTag(std::string_view tag) const { return Find(tags_, tag); }
Verdict HtmlLexicon::ForRole(std::string_view role) const { return Find(roles_, role); }

Verdict HtmlLexicon::ForItemprop(std::string_view itemprop) const {
  return Find(itemprops_, itemprop);
}

Verdict HtmlLexicon::ForToken(std::string_view token) const {
  Verdict verdict = Find(tokens_, token);
  if (verdict != Verdict::kNeutral) return verdict;
  for (const auto& [prefix, prefix_verdict] : token_prefixes_) {
    if (token.substr(0, prefix.size()) == prefix) return prefix_verdict;
  }
  return Verdict::kNeutral;
}

bool HtmlLexicon::IsBoilerplateText(std::string_view text) const {
  size_t begin = 0;
  size_t end = text.size();
  auto is_edge_punctuation = [](char c) {
    return c == ' ' || c == ':' || c == '.' || c == '!' || c == '|' || c == '-' || c == '>';
  };
  while (begin < end && is_edge_punctuation(text[begin])) ++begin;
  while (end > begin && is_edge_punctuation(text[end - 1])) --end;
  if (lines_.count(std::string(text.substr(begin, end - begin))) > 0) return true;
  return std::any_of(cues_.begin(), cues_.end(), [text](const std::string& cue) {
    return text.find(cue) != std::string_view::npos;
  });
}

bool HtmlLexicon::IsStopWord(std::string_view word) const {
  return stopwords_.count(std::string(word)) > 0;
}

}  // namespace hearsay

// Loading the attribution data: cues.tsv, attribution-words.tsv, attribution-rules.tsv.
#include <algorithm>
#include <map>
#include <sstream>

#include "attribution/internal.h"
#include "hearsay/lexicon.h"

namespace hearsay {

CueLexicon::CueLexicon() : data_(std::make_unique<Data>()) {}
CueLexicon::~CueLexicon() = default;
CueLexicon::CueLexicon(CueLexicon&&) noexcept = default;
CueLexicon& CueLexicon::operator=(CueLexicon&&) noexcept = default;

namespace {

Status LoadCues(const std::string& path, CueLexicon::Data* data) {
  static const std::map<std::string, CueRole> kRoles = {{"verb", CueRole::kVerb},
                                                        {"gerund", CueRole::kGerund},
                                                        {"belief", CueRole::kBelief},
                                                        {"according", CueRole::kAccording}};
  return ReadTsv(path, [data](const TsvRecord& record) {
    if (record.fields.size() < 3) return record.Error("expected form, lemma, role[, flags]");
    auto role = kRoles.find(record.fields[2]);
    if (role == kRoles.end()) return record.Error("unknown role '" + record.fields[2] + "'");
    CueForm form;
    form.lemma = record.fields[1];
    form.role = role->second;
    if (record.fields.size() > 3) {
      std::istringstream flags(record.fields[3]);
      std::string flag;
      while (flags >> flag) {
        if (flag == "audience") {
          form.audience = true;
        } else if (flag == "quote") {
          form.quote_only = true;
        } else if (flag == "cites") {
          form.cites = true;
        } else {
          return record.Error("unknown flag '" + flag + "'");
        }
      }
    }
    const std::string& key = record.fields[0];
    if (key.empty()) return record.Error("empty cue form");
    size_t words = 1;
    for (char c : key) words += c == ' ';
    if (words > data->max_cue_words) data->max_cue_words = words;
    const std::string_view first_word = std::string_view(key).substr(0, key.find(' '));
    data->longest_first_word = std::max(data->longest_first_word, first_word.size());
    data->first_words_are_letters &=
        !first_word.empty() && std::all_of(first_word.begin(), first_word.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        });
    if (data->first_words_are_letters) {
      auto& initials = data->first_word_initials;
      if (initials.size() <= first_word.size()) initials.resize(first_word.size() + 1);
      initials[first_word.size()] |= 1u << ((first_word[0] | 0x20) - 'a');
    }
    for (size_t space = key.find(' '); space != std::string::npos;
         space = key.find(' ', space + 1)) {
      data->cue_prefixes.Insert(std::string_view(key).substr(0, space), true);
    }
    data->cue_prefixes.Insert(key, true);
    data->cues[key] = std::move(form);
    return Status::Ok();
  });
}

Status LoadWords(const std::string& path, CueLexicon::Data* data) {
  return ReadTsv(path, [data](const TsvRecord& record) {
    if (record.fields.size() != 2 || record.fields[1].size() != 1) {
      return record.Error("expected word TAB one class letter");
    }
    data->word_classes[record.fields[0]] = record.fields[1][0];
    return Status::Ok();
  });
}

// Replaces each {NAME} in `pattern` by its macro; an unknown macro is an error.
Status ExpandMacros(const TsvRecord& record, const std::map<std::string, std::string>& macros,
                    std::string* pattern) {
  std::string out;
  for (size_t i = 0; i < pattern->size(); ++i) {
    char c = (*pattern)[i];
    size_t close = pattern->find('}', i);
    if (c == '{' && close != std::string::npos && i + 1 < pattern->size() &&
        std::isupper(static_cast<unsigned char>((*pattern)[i + 1]))) {
      std::string name = pattern->substr(i + 1, close - i - 1);
      auto macro = macros.find(name);
      if (macro == macros.end()) return record.Error("unknown macro {" + name + "}");
      out += macro->second;
      i = close;
    } else {
      out += c;
    }
  }
  *pattern = std::move(out);
  return Status::Ok();
}

Status LoadRules(const std::string& path, CueLexicon::Data* data) {
  RE2::Options options;
  options.set_log_errors(false);
  data->rule_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  std::map<std::string, std::string> macros;
  Status status = ReadTsv(path, [&](const TsvRecord& record) {
    if (record.fields.size() < 3) return record.Error("expected name, source mode, pattern");
    std::string pattern = record.fields[2];
    Status expanded = ExpandMacros(record, macros, &pattern);
    if (!expanded.ok()) return expanded;
    const std::string& name = record.fields[0];
    if (name[0] == '$') {
      macros[name.substr(1)] = pattern;
      return Status::Ok();
    }
    AttributionRule rule;
    rule.name = name;
    if (record.fields[1] == "region") {
      rule.mode = SourceMode::kRegion;
    } else if (record.fields[1] == "forward") {
      rule.mode = SourceMode::kForward;
    } else {
      return record.Error("source mode must be region or forward");
    }
    rule.pattern = std::make_unique<RE2>(pattern, options);
    if (!rule.pattern->ok()) return record.Error("bad pattern: " + rule.pattern->error());
    const auto& groups = rule.pattern->NamedCapturingGroups();
    auto group = [&groups](const char* group_name) {
      auto found = groups.find(group_name);
      return found == groups.end() ? -1 : found->second;
    };
    rule.src_group = group("src");
    rule.cue_group = group("cue");
    rule.before_group = group("before");
    rule.after_group = group("after");
    if (rule.cue_group < 0) return record.Error("a rule needs a (?P<cue>...) group");
    std::string error;
    if (data->rule_set->Add(pattern, &error) < 0) return record.Error("bad pattern: " + error);
    data->rules.push_back(std::move(rule));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  if (!data->rule_set->Compile()) return Status::Error(path + ": cannot compile the rule set");
  return Status::Ok();
}

}  // namespace

Status CueLexicon::Load(const std::string& dir, CueLexicon* out) {
  auto data = std::make_unique<Data>();
  Status status = LoadCues(dir + "/cues.tsv", data.get());
  if (status.ok()) status = LoadWords(dir + "/attribution-words.tsv", data.get());
  if (status.ok()) status = LoadRules(dir + "/attribution-rules.tsv", data.get());
  if (!status.ok()) return status;
  out->data_ = std::move(data);
  return Status::Ok();
}

}  // namespace hearsay

// Loading the events stage's data files.
#include <memory>
#include <string>
#include <utility>

#include "events/lexicon_data.h"
#include "hearsay/events.h"
#include "hearsay/lexicon.h"

namespace hearsay {

RE2::Options EventPatternOptions() {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  // Leftmost-longest, so that "urge|urged" takes the whole word whatever the order.
  options.set_longest_match(true);
  return options;
}

TriggerLexicon::TriggerLexicon() : data_(std::make_unique<Data>()) {}
TriggerLexicon::~TriggerLexicon() = default;
TriggerLexicon::TriggerLexicon(TriggerLexicon&&) noexcept = default;
TriggerLexicon& TriggerLexicon::operator=(TriggerLexicon&&) noexcept = default;

namespace {

Status CheckFields(const TsvRecord& record, size_t count) {
  if (record.fields.size() == count) return Status::Ok();
  return record.Error("expected " + std::to_string(count) + " TAB-separated fields, found " +
                      std::to_string(record.fields.size()));
}

// Adds the pattern of a rule to `filter`, which keeps it.
Status Compile(const TsvRecord& record, const std::string& pattern, RuleFilter* filter,
               const RE2** out) {
  std::string error;
  int index = filter->Add(pattern, &error);
  if (index < 0) return record.Error("bad pattern: " + error);
  *out = &filter->pattern(index);
  return Status::Ok();
}

Status CompileFilter(const std::string& path, Status status, RuleFilter* filter) {
  if (status.ok() && !filter->Compile()) {
    return Status::Error(path + ": the patterns do not compile together");
  }
  return status;
}

std::string CodeOrEmpty(const std::string& field) { return field == "-" ? "" : field; }

Status ParseActorKind(const TsvRecord& record, const std::string& field, ActorKind* out) {
  if (field == "all") {
    *out = ActorKind::kAll;
  } else if (field == "gathering") {
    *out = ActorKind::kGathering;
  } else if (field == "org") {
    *out = ActorKind::kOrganization;
  } else if (field == "person") {
    *out = ActorKind::kPerson;
  } else if (field == "none") {
    *out = ActorKind::kNobody;
  } else {
    return record.Error("args must be all, gathering, org, person or none: " + field);
  }
  return Status::Ok();
}

Status LoadTriggers(const std::string& path, TriggerLexicon::Data* data) {
  Status status = ReadTsv(path, [&](const TsvRecord& record) {
    // name lemma pos type cameo future args pattern example
    Status fields = CheckFields(record, 9);
    if (!fields.ok()) return fields;
    const auto& f = record.fields;
    TriggerRule rule;
    rule.name = f[0];
    rule.lemma = f[1];
    if (f[2] != "verb" && f[2] != "noun") return record.Error("pos must be verb or noun");
    rule.noun = f[2] == "noun";
    rule.type = f[3];
    rule.cameo = CodeOrEmpty(f[4]);
    rule.future_cameo = CodeOrEmpty(f[5]);
    Status kind = ParseActorKind(record, f[6], &rule.actors);
    if (!kind.ok()) return kind;
    Status compiled = Compile(record, f[7], &data->trigger_filter, &rule.pattern);
    if (!compiled.ok()) return compiled;
    rule.at_word_starts = rule.pattern->ProgramSize() > kLargeProgram;
    rule.example = f[8];
    data->triggers.push_back(std::move(rule));
    return Status::Ok();
  });
  return CompileFilter(path, status, &data->trigger_filter);
}

template <typename Value>
Status ParseValue(const TsvRecord& record, const std::string& field,
                  const std::vector<std::pair<std::string, Value>>& names,
                  std::optional<Value>* out) {
  if (field == "-") return Status::Ok();
  for (const auto& [name, value] : names) {
    if (field == name) {
      *out = value;
      return Status::Ok();
    }
  }
  return record.Error("unknown factuality value: " + field);
}

Status LoadCues(const std::string& path, TriggerLexicon::Data* data) {
  Status read = ReadTsv(path, [&](const TsvRecord& record) {
    // name pattern certainty polarity tense side distance applies strength example
    Status fields = CheckFields(record, 10);
    if (!fields.ok()) return fields;
    const auto& f = record.fields;
    FactualityCue cue;
    cue.name = f[0];
    Status status = Compile(record, f[1], &data->cue_filter, &cue.pattern);
    if (status.ok()) {
      status = ParseValue<Certainty>(record, f[2],
                                     {{"CERTAIN", Certainty::kCertain},
                                      {"PROBABLE", Certainty::kProbable},
                                      {"POSSIBLE", Certainty::kPossible}},
                                     &cue.certainty);
    }
    if (status.ok()) {
      status = ParseValue<Polarity>(
          record, f[3], {{"POSITIVE", Polarity::kPositive}, {"NEGATIVE", Polarity::kNegative}},
          &cue.polarity);
    }
    if (status.ok()) {
      status = ParseValue<Tense>(record, f[4],
                                 {{"FUTURE", Tense::kFuture}, {"NON_FUTURE", Tense::kNonFuture}},
                                 &cue.tense);
    }
    if (!status.ok()) return status;
    if (f[5] != "before" && f[5] != "after") return record.Error("side must be before or after");
    cue.side = f[5] == "before" ? CueSide::kBefore : CueSide::kAfter;
    if (f[6].empty() || f[6].find_first_not_of("0123456789") != std::string::npos) {
      return record.Error("distance must be a number of tokens");
    }
    cue.distance = static_cast<uint32_t>(std::stoul(f[6]));
    if (f[7] != "verb" && f[7] != "noun" && f[7] != "both") {
      return record.Error("applies must be verb, noun or both");
    }
    cue.verbs = f[7] != "noun";
    cue.nouns = f[7] != "verb";
    if (f[8] != "strong" && f[8] != "weak") return record.Error("strength must be strong or weak");
    cue.strong = f[8] == "strong";
    cue.example = f[9];
    data->cues.push_back(std::move(cue));
    return Status::Ok();
  });
  return CompileFilter(path, read, &data->cue_filter);
}

Status LoadClauses(const std::string& path, TriggerLexicon::Data* data) {
  Status status = ReadTsv(path, [&](const TsvRecord& record) {
    // name pattern kind example
    Status fields = CheckFields(record, 4);
    if (!fields.ok()) return fields;
    const auto& f = record.fields;
    ClauseRule rule;
    rule.name = f[0];
    Status compiled = Compile(record, f[1], &data->clause_filter, &rule.pattern);
    if (!compiled.ok()) return compiled;
    if (f[2] == "plain") {
      rule.kind = ClauseKind::kPlain;
    } else if (f[2] == "coordinate") {
      rule.kind = ClauseKind::kCoordinate;
    } else if (f[2] == "relative") {
      rule.kind = ClauseKind::kRelative;
    } else if (f[2] == "participle") {
      rule.kind = ClauseKind::kParticiple;
    } else {
      return record.Error("kind must be plain, coordinate, relative or participle");
    }
    rule.example = f[3];
    data->clauses.push_back(std::move(rule));
    return Status::Ok();
  });
  return CompileFilter(path, status, &data->clause_filter);
}

Status LoadWords(const std::string& path, TriggerLexicon::Data* data) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    // class word
    Status fields = CheckFields(record, 2);
    if (!fields.ok()) return fields;
    using WordSet = std::unordered_set<std::string> TriggerLexicon::Data::*;
    static constexpr std::pair<const char*, WordSet> kClasses[] = {
        {"locative", &TriggerLexicon::Data::locatives},
        {"determiner", &TriggerLexicon::Data::determiners},
        {"group", &TriggerLexicon::Data::groups},
        {"article", &TriggerLexicon::Data::articles},
        {"topic", &TriggerLexicon::Data::topics},
        {"preposition", &TriggerLexicon::Data::prepositions},
        {"passive", &TriggerLexicon::Data::passives},
        {"occasion", &TriggerLexicon::Data::occasions},
    };
    const auto& f = record.fields;
    for (const auto& [name, words] : kClasses) {
      if (f[0] == name) {
        (data->*words).insert(f[1]);
        return Status::Ok();
      }
    }
    return record.Error(
        "class must be locative, determiner, group, article, topic, preposition, passive or "
        "occasion");
  });
}

}  // namespace

Status TriggerLexicon::Load(const std::string& dir, TriggerLexicon* out) {
  TriggerLexicon loaded;
  Status status = LoadTriggers(dir + "/triggers.tsv", loaded.data_.get());
  if (status.ok()) status = LoadCues(dir + "/factuality.tsv", loaded.data_.get());
  if (status.ok()) status = LoadClauses(dir + "/event_clauses.tsv", loaded.data_.get());
  if (status.ok()) status = LoadWords(dir + "/event_words.tsv", loaded.data_.get());
  if (status.ok()) *out = std::move(loaded);
  return status;
}

}  // namespace hearsay

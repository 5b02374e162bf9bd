// Loading ontology/gazetteer/ into one phrase trie and a few word tables.
#include <memory>

#include "hearsay/lexicon.h"
#include "mentions/internal.h"

namespace hearsay {

using mentions_internal::Entry;
using mentions_internal::EntryKind;
using mentions_internal::HeadKind;
using mentions_internal::KnownEntity;
using mentions_internal::Tok;
using mentions_internal::WordInfo;
using mentions_internal::WordKind;

Gazetteer::Gazetteer() : data_(std::make_unique<Data>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

void Gazetteer::Data::AddPhrase(std::string_view phrase, Entry entry) {
  std::vector<Tok> tokens;
  mentions_internal::Tokenize(phrase, 0, static_cast<uint32_t>(phrase.size()), &tokens);
  if (tokens.empty()) return;
  if (node_entry.empty()) node_entry.push_back(-1);  // the root
  uint32_t node = 0;
  for (const Tok& token : tokens) {
    std::string_view word = phrase.substr(token.begin, token.end - token.begin);
    TokenWord& token_word = token_words[word];
    if (token_word.phrase_id == kNone) token_word.phrase_id = phrase_token_count++;
    const uint32_t id = token_word.phrase_id;
    if (node == 0) {
      if (id >= root_children.size()) root_children.resize(id + 1, kNone);
      if (root_children[id] == kNone) {
        root_children[id] = static_cast<uint32_t>(node_entry.size());
        node_entry.push_back(-1);
      }
      node = root_children[id];
      continue;
    }
    uint64_t key = (static_cast<uint64_t>(node) << 32) | id;
    auto edge = edges.find(key);
    if (edge == edges.end()) {
      uint32_t next = static_cast<uint32_t>(node_entry.size());
      node_entry.push_back(-1);
      edges.emplace(key, next);
      node = next;
    } else {
      node = edge->second;
    }
  }
  if (node_entry[node] < 0) {
    node_entry[node] = static_cast<int32_t>(entries.size());
    entries.push_back(entry);
  }
}

bool Gazetteer::Data::LongestMatch(const std::vector<Tok>& tokens, const uint32_t* phrase_ids,
                                   uint32_t first, uint32_t limit, Entry* entry,
                                   uint32_t* end) const {
  if (node_entry.empty()) return false;
  uint32_t node = 0;
  bool found = false;
  for (uint32_t i = first; i < limit; ++i) {
    // Phrases do not continue across a line break.
    if (i > first && tokens[i].Has(mentions_internal::kNewlineBefore)) break;
    const uint32_t id = phrase_ids[i - first];
    if (id == kNone) break;
    if (node == 0) {
      if (id >= root_children.size() || root_children[id] == kNone) break;
      node = root_children[id];
    } else {
      auto edge = edges.find((static_cast<uint64_t>(node) << 32) | id);
      if (edge == edges.end()) break;
      node = edge->second;
    }
    if (node_entry[node] >= 0) {
      *entry = entries[node_entry[node]];
      *end = i + 1;
      found = true;
    }
  }
  return found;
}

namespace {

Status NeedFields(const TsvRecord& record, size_t count) {
  if (record.fields.size() != count) {
    return record.Error("expected " + std::to_string(count) + " tab-separated fields, found " +
                        std::to_string(record.fields.size()));
  }
  if (record.fields[0].empty()) return record.Error("empty first field");
  return Status::Ok();
}

Status CheckGender(const TsvRecord& record, const std::string& gender) {
  if (gender == "m" || gender == "f" || gender == "-") return Status::Ok();
  return record.Error("gender must be m, f or -, not '" + gender + "'");
}

std::vector<std::string> SplitAliases(const std::string& field) {
  std::vector<std::string> aliases;
  size_t start = 0;
  while (start <= field.size()) {
    size_t bar = field.find('|', start);
    if (bar == std::string::npos) bar = field.size();
    if (bar > start) aliases.push_back(field.substr(start, bar - start));
    start = bar + 1;
  }
  return aliases;
}

uint32_t AddEntity(Gazetteer::Data* data, KnownEntity entity) {
  data->entities.push_back(std::move(entity));
  return static_cast<uint32_t>(data->entities.size() - 1);
}

// countries.tsv: surface, kind, alpha-3, canonical, wikidata.
Status LoadCountries(const std::string& path, Gazetteer::Data* data) {
  std::unordered_map<std::string, uint32_t> by_code;
  return ReadTsv(path, [&](const TsvRecord& record) {
    Status status = NeedFields(record, 5);
    if (!status.ok()) return status;
    const auto& f = record.fields;
    if (f[1] != "name" && f[1] != "demonym") return record.Error("kind must be name or demonym");
    auto found = by_code.find(f[2]);
    uint32_t index;
    if (found == by_code.end()) {
      index = AddEntity(data, {EntityType::kCountry, f[3], f[2], f[4], '-'});
      by_code.emplace(f[2], index);
    } else {
      index = found->second;
    }
    data->AddPhrase(f[0], {f[1] == "name" ? EntryKind::kName : EntryKind::kDemonym, index});
    return Status::Ok();
  });
}

// organizations.tsv, media.tsv: canonical, aliases, alpha-3, wikidata.
Status LoadOrganizations(const std::string& path, EntityType type, Gazetteer::Data* data) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    Status status = NeedFields(record, 4);
    if (!status.ok()) return status;
    const auto& f = record.fields;
    uint32_t index = AddEntity(data, {type, f[0], f[2], f[3], '-'});
    data->AddPhrase(f[0], {EntryKind::kName, index});
    for (const std::string& alias : SplitAliases(f[1])) {
      data->AddPhrase(alias, {EntryKind::kName, index});
    }
    return Status::Ok();
  });
}

// people.tsv: canonical, aliases, gender, alpha-3, wikidata.
Status LoadPeople(const std::string& path, Gazetteer::Data* data) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    Status status = NeedFields(record, 5);
    if (status.ok()) status = CheckGender(record, record.fields[2]);
    if (!status.ok()) return status;
    const auto& f = record.fields;
    uint32_t index = AddEntity(data, {EntityType::kPerson, f[0], f[3], f[4], f[2][0]});
    data->AddPhrase(f[0], {EntryKind::kName, index});
    for (const std::string& alias : SplitAliases(f[1])) {
      data->AddPhrase(alias, {EntryKind::kName, index});
    }
    return Status::Ok();
  });
}

// places.tsv: surface, kind, canonical, alpha-3, wikidata. Rows with one canonical name are
// one entity.
Status LoadPlaces(const std::string& path, Gazetteer::Data* data) {
  std::unordered_map<std::string, uint32_t> by_name;
  return ReadTsv(path, [&](const TsvRecord& record) {
    Status status = NeedFields(record, 5);
    if (!status.ok()) return status;
    const auto& f = record.fields;
    if (f[1] != "name" && f[1] != "demonym") return record.Error("kind must be name or demonym");
    if (f[2].empty()) return record.Error("empty canonical name");
    auto found = by_name.find(f[2]);
    uint32_t index;
    if (found == by_name.end()) {
      index = AddEntity(data, {EntityType::kPlace, f[2], f[3], f[4], '-'});
      by_name.emplace(f[2], index);
    } else {
      index = found->second;
    }
    data->AddPhrase(f[0], {f[1] == "name" ? EntryKind::kName : EntryKind::kDemonym, index});
    return Status::Ok();
  });
}

std::string Capitalized(std::string word) {
  if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 32);
  return word;
}

// titles.tsv: phrase, kind, gender, number. Each phrase is added as written (lower case), with
// a capital first letter, with every word capitalized, and, for short ones, in capitals ("CEO").
Status LoadTitles(const std::string& path, Gazetteer::Data* data) {
  return ReadTsv(path, [&](const TsvRecord& record) {
    Status status = NeedFields(record, 4);
    if (status.ok()) status = CheckGender(record, record.fields[2]);
    if (!status.ok()) return status;
    const auto& f = record.fields;
    EntryKind kind;
    if (f[1] == "title") {
      kind = EntryKind::kTitle;
    } else if (f[1] == "group") {
      kind = EntryKind::kGroup;
    } else if (f[1] == "body") {
      kind = EntryKind::kBody;
    } else if (f[1] == "modifier") {
      kind = EntryKind::kModifier;
    } else {
      return record.Error("kind must be title, group, body or modifier");
    }
    if (f[3] != "sg" && f[3] != "pl") return record.Error("number must be sg or pl");
    data->titles.push_back({f[2][0], f[3] == "pl"});
    Entry entry{kind, static_cast<uint32_t>(data->titles.size() - 1)};
    std::string every_word;
    size_t start = 0;
    while (start < f[0].size()) {
      size_t space = f[0].find(' ', start);
      if (space == std::string::npos) space = f[0].size();
      std::string word = f[0].substr(start, space - start);
      // Function words stay lower case in titles ("Secretary of State").
      every_word += (word == "of" || word == "the" ? word : Capitalized(word));
      if (space < f[0].size()) every_word += ' ';
      start = space + 1;
    }
    data->AddPhrase(f[0], entry);
    data->AddPhrase(Capitalized(f[0]), entry);
    data->AddPhrase(every_word, entry);
    if (f[0].size() <= 3 && f[0].find('.') == std::string::npos) {
      std::string upper = f[0];
      for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      data->AddPhrase(upper, entry);
    }
    return Status::Ok();
  });
}

Status LoadWords(const std::string& dir, Gazetteer::Data* data) {
  Status status = ReadTsv(dir + "/given_names.tsv", [&](const TsvRecord& record) {
    Status fields = NeedFields(record, 2);
    if (fields.ok()) fields = CheckGender(record, record.fields[1]);
    if (fields.ok()) data->given_names.Insert(record.fields[0], record.fields[1][0]);
    return fields;
  });
  if (!status.ok()) return status;
  status = ReadTsv(dir + "/name_heads.tsv", [&](const TsvRecord& record) {
    Status fields = NeedFields(record, 2);
    if (!fields.ok()) return fields;
    if (record.fields[1] != "organization" && record.fields[1] != "other") {
      return record.Error("kind must be organization or other");
    }
    data->name_heads.Insert(record.fields[0], record.fields[1] == "organization"
                                                  ? HeadKind::kOrganization
                                                  : HeadKind::kOther);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  status = ReadTsv(dir + "/name_stopwords.tsv", [&](const TsvRecord& record) {
    Status fields = NeedFields(record, 1);
    if (fields.ok()) data->token_words[record.fields[0]].name_stopword = true;
    return fields;
  });
  if (!status.ok()) return status;
  static const std::pair<const char*, WordKind> kKinds[] = {
      {"particle", WordKind::kParticle}, {"cue", WordKind::kCue},
      {"definite", WordKind::kDefinite}, {"indefinite", WordKind::kIndefinite},
      {"pronoun", WordKind::kPronoun},   {"pronoun-org", WordKind::kPronounOrg},
      {"pair", WordKind::kPair}};
  return ReadTsv(dir + "/name_words.tsv", [&](const TsvRecord& record) {
    Status fields = NeedFields(record, 3);
    if (fields.ok()) fields = CheckGender(record, record.fields[2]);
    if (!fields.ok()) return fields;
    for (const auto& [name, kind] : kKinds) {
      if (record.fields[1] == name) {
        Gazetteer::Data::TokenWord& token_word = data->token_words[record.fields[0]];
        if (!token_word.has_info) {  // the first line for a word wins
          token_word.has_info = true;
          token_word.info = WordInfo{kind, record.fields[2][0]};
        }
        return Status::Ok();
      }
    }
    return record.Error("unknown kind '" + record.fields[1] + "'");
  });
}

}  // namespace

Status Gazetteer::Load(const std::string& ontology_dir, Gazetteer* out) {
  auto data = std::make_unique<Data>();
  const std::string dir = ontology_dir + "/gazetteer";
  // Earlier files win where two name the same phrase: countries before cities ("Singapore"),
  // names before titles.
  Status status = LoadCountries(dir + "/countries.tsv", data.get());
  if (status.ok()) {
    status = LoadOrganizations(dir + "/organizations.tsv", EntityType::kOrganization, data.get());
  }
  if (status.ok()) status = LoadOrganizations(dir + "/media.tsv", EntityType::kMedia, data.get());
  if (status.ok()) status = LoadPeople(dir + "/people.tsv", data.get());
  if (status.ok()) status = LoadPlaces(dir + "/places.tsv", data.get());
  if (status.ok()) status = LoadTitles(dir + "/titles.tsv", data.get());
  if (status.ok()) status = LoadWords(dir, data.get());
  if (!status.ok()) return status;
  out->data_ = std::move(data);
  return Status::Ok();
}

}  // namespace hearsay

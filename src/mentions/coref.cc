// Coreference within one article: name variants ("President Vladimir Putin" ... "Putin"),
// acronyms and their expansions, descriptions ("the president", "a Putin aide") and pronouns.
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "mentions/internal.h"

namespace hearsay {
namespace mentions_internal {
namespace {

// Entity types, for a table per type.
constexpr int kEntityTypeCount = static_cast<int>(EntityType::kMedia) + 1;
// How many sentences back a pronoun looks for its antecedent.
constexpr uint32_t kPronounReach = 4;
// How many mentions back or ahead a description looks for its referent.
constexpr uint32_t kDescriptionReach = 200;

// The names are views into the gazetteer, the text or the resolver's candidates, which outlive it.
struct Cluster {
  EntityType type = EntityType::kPerson;
  int32_t known = -1;
  std::string_view surname;
  std::string_view first_name;
  std::string_view best_name;            // the longest name seen
  std::vector<std::string_view> titles;  // lower-case titles seen before its names ("president")
  char gender = '-';
  uint32_t first_candidate = 0;
};

// The first and the last space-separated word of a name (both empty if it has none).
std::pair<std::string_view, std::string_view> FirstAndLastWords(std::string_view name) {
  const size_t first_begin = name.find_first_not_of(' ');
  if (first_begin == std::string_view::npos) return {};
  const size_t first_end = std::min(name.find(' ', first_begin), name.size());
  const size_t last_end = name.find_last_not_of(' ') + 1;
  const size_t last_space = name.rfind(' ', last_end - 1);
  const size_t last_begin = last_space == std::string_view::npos ? 0 : last_space + 1;
  return {name.substr(first_begin, first_end - first_begin),
          name.substr(last_begin, last_end - last_begin)};
}

// How many space-separated words a name has.
size_t WordCount(std::string_view name) {
  size_t count = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] != ' ' && (i == 0 || name[i - 1] == ' ')) ++count;
  }
  return count;
}

// "John" and "J." and "" are compatible first names.
bool FirstNamesCompatible(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty() || a == b) return true;
  bool a_initial = a.size() == 2 && a[1] == '.';
  bool b_initial = b.size() == 2 && b[1] == '.';
  return (a_initial && b[0] == a[0]) || (b_initial && a[0] == b[0]);
}

// Whether `text` in ASCII lower case contains `lower_word`, without building the lower case.
bool ContainsLowered(std::string_view text, std::string_view lower_word) {
  for (size_t at = 0; at + lower_word.size() <= text.size(); ++at) {
    size_t k = 0;
    while (k < lower_word.size() && LowerAscii(text[at + k]) == lower_word[k]) ++k;
    if (k == lower_word.size()) return true;
  }
  return false;
}

bool Longer(std::string_view a, std::string_view b) {
  size_t a_words = WordCount(a);
  size_t b_words = WordCount(b);
  return a_words != b_words ? a_words > b_words : a.size() > b.size();
}

// Known entity index -> cluster, as a sorted flat map: an article names few known entities.
class KnownClusters {
 public:
  // The cluster of a known entity, or -1.
  int32_t Find(int32_t known) const {
    auto found = LowerBound(known);
    return found != entries_.end() && found->first == known ? found->second : -1;
  }
  // Keeps the cluster a known entity already has.
  void Insert(int32_t known, int32_t cluster) {
    auto found = LowerBound(known);
    if (found == entries_.end() || found->first != known) entries_.insert(found, {known, cluster});
  }

 private:
  std::vector<std::pair<int32_t, int32_t>>::const_iterator LowerBound(int32_t known) const {
    return std::lower_bound(
        entries_.begin(), entries_.end(), known,
        [](const std::pair<int32_t, int32_t>& entry, int32_t key) { return entry.first < key; });
  }

  std::vector<std::pair<int32_t, int32_t>> entries_;
};

class Resolver {
 public:
  Resolver(const Gazetteer::Data& data, std::vector<Candidate> candidates)
      : data_(data), candidates_(std::move(candidates)), cluster_of_(candidates_.size(), -1) {}

  Mentions Run() {
    ResolveNonPersonNames();
    ResolvePersonNames(/*full_names=*/true);
    ResolvePersonNames(/*full_names=*/false);
    ResolveDescriptions();
    ResolvePairs();
    ResolvePronouns();
    return Build();
  }

 private:
  bool IsName(const Candidate& c) const {
    return c.kind == MentionKind::kName || c.kind == MentionKind::kDemonym;
  }

  int32_t NewCluster(const Candidate& c, uint32_t index) {
    Cluster cluster;
    cluster.type = c.type;
    cluster.known = c.known;
    cluster.first_candidate = index;
    if (c.known >= 0) {
      const KnownEntity& known = data_.entities[c.known];
      cluster.best_name = known.name;
      cluster.gender = known.gender;
      if (c.type == EntityType::kPerson) SetNameWords(known.name, &cluster);
    }
    clusters_.push_back(std::move(cluster));
    return static_cast<int32_t>(clusters_.size() - 1);
  }

  // Surname and (for names of two words or more) first name.
  static void SetNameWords(std::string_view name, Cluster* cluster) {
    const auto [first, last] = FirstAndLastWords(name);
    if (last.empty()) return;
    cluster->surname = last;
    if (WordCount(name) > 1) cluster->first_name = first;
  }

  void Assign(uint32_t index, int32_t cluster) {
    cluster_of_[index] = cluster;
    const Candidate& c = candidates_[index];
    Cluster& target = clusters_[cluster];
    if (target.gender == '-') target.gender = c.gender;
    if (!c.title.empty() && !HasTitle(target, c.head_word)) target.titles.push_back(c.head_word);
    if (IsName(c) && c.kind == MentionKind::kName && target.known < 0 &&
        Longer(c.name, target.best_name)) {
      target.best_name = c.name;
    }
  }

  static bool HasTitle(const Cluster& cluster, std::string_view title) {
    return std::find(cluster.titles.begin(), cluster.titles.end(), title) != cluster.titles.end();
  }

  // Known entities by their index, others by type and name.
  void ResolveNonPersonNames() {
    KnownClusters by_known;
    std::unordered_map<std::string_view, int32_t> by_name[kEntityTypeCount];
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (!IsName(c) || c.type == EntityType::kPerson) continue;
      int32_t cluster = -1;
      if (c.known >= 0) {
        cluster = by_known.Find(c.known);
        if (cluster < 0) cluster = NewCluster(c, i);
        by_known.Insert(c.known, cluster);
      } else {
        auto& by_type_name = by_name[static_cast<int>(c.type)];
        auto found = by_type_name.find(c.name);
        cluster = found != by_type_name.end() ? found->second : NewCluster(c, i);
        by_type_name.emplace(c.name, cluster);
      }
      Assign(i, cluster);
    }
  }

  // Full names first, so that a surname alone finds them whether it comes before or after.
  void ResolvePersonNames(bool full_names) {
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (!IsName(c) || c.type != EntityType::kPerson) continue;
      const size_t word_count = WordCount(c.name);
      if (word_count == 0 || (word_count >= 2) != full_names) continue;
      const auto [first_word, last_word] = FirstAndLastWords(c.name);
      int32_t cluster =
          full_names ? FindFullName(c, first_word, last_word) : FindSingleName(c, i, first_word);
      if (cluster < 0) {
        cluster = NewCluster(c, i);
        Cluster& created = clusters_[cluster];
        if (created.surname.empty()) SetNameWords(c.name, &created);
        if (c.known >= 0) known_cluster_.Insert(c.known, cluster);
        by_surname_[created.surname].push_back(cluster);
      }
      Assign(i, cluster);
      name_mentions_.resize(clusters_.size());
      std::vector<uint32_t>& seen = name_mentions_[cluster];
      seen.insert(std::upper_bound(seen.begin(), seen.end(), i), i);
    }
    if (full_names) {
      by_surname_.clear();
      IndexPersons();
    }
  }

  int32_t FindFullName(const Candidate& c, std::string_view first_word,
                       std::string_view last_word) const {
    if (c.known >= 0) {
      const int32_t known = known_cluster_.Find(c.known);
      if (known >= 0) return known;
    }
    auto same = by_surname_.find(last_word);
    if (same == by_surname_.end()) return -1;
    for (int32_t k : same->second) {
      const Cluster& cluster = clusters_[k];
      if ((c.known < 0 || cluster.known < 0) &&
          FirstNamesCompatible(cluster.first_name, first_word)) {
        return k;
      }
    }
    return -1;
  }

  // A surname (or a known alias) refers to the person of that surname mentioned last before it,
  // else to the first one; a first name alone to the one person of that first name.
  int32_t FindSingleName(const Candidate& c, uint32_t index, std::string_view word) const {
    auto same = by_surname_.find(word);
    if (same != by_surname_.end()) {
      int32_t best = same->second.front();
      uint32_t best_position = 0;
      for (int32_t k : same->second) {
        const std::vector<uint32_t>& seen = name_mentions_[k];
        auto after = std::lower_bound(seen.begin(), seen.end(), index);
        if (after != seen.begin() && *(after - 1) + 1 > best_position) {
          best_position = *(after - 1) + 1;
          best = k;
        }
      }
      return best;
    }
    if (c.known >= 0) {
      const int32_t known = known_cluster_.Find(c.known);
      if (known >= 0) return known;
    }
    auto first = by_first_name_.find(word);
    return first == by_first_name_.end() ? -1 : first->second;  // -1 also when ambiguous
  }

  // Indexes of the person clusters after the full names are resolved.
  void IndexPersons() {
    for (uint32_t k = 0; k < clusters_.size(); ++k) {
      const Cluster& cluster = clusters_[k];
      if (cluster.type != EntityType::kPerson) continue;
      if (!cluster.surname.empty()) by_surname_[cluster.surname].push_back(static_cast<int32_t>(k));
      if (cluster.first_name.empty()) continue;
      auto inserted = by_first_name_.emplace(cluster.first_name, static_cast<int32_t>(k));
      if (!inserted.second) inserted.first->second = -1;
    }
  }

  static uint64_t SpanKey(Span span) {
    return (static_cast<uint64_t>(span.begin) << 32) | span.end;
  }

  // The first name candidate with that span.
  int32_t NameAt(Span span) const {
    const uint64_t key = SpanKey(span);
    auto found = std::lower_bound(name_at_.begin(), name_at_.end(), std::make_pair(key, 0u));
    return found != name_at_.end() && found->first == key ? static_cast<int32_t>(found->second)
                                                          : -1;
  }

  void ResolveDescriptions() {
    first_mention_.assign(clusters_.size(), kNone);
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      if (!IsName(candidates_[i])) continue;
      name_at_.emplace_back(SpanKey(candidates_[i].span), i);
      const int32_t cluster = cluster_of_[i];
      if (cluster >= 0 && first_mention_[cluster] == kNone) first_mention_[cluster] = i;
    }
    std::sort(name_at_.begin(), name_at_.end());
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      if (c.kind != MentionKind::kDescription) continue;
      int32_t cluster = -1;
      int32_t modifier = -1;
      if (!c.modifier.empty()) {
        const int32_t found = NameAt(c.modifier);
        if (found >= 0) modifier = cluster_of_[found];
      }
      const int32_t apposed = c.apposition.empty() ? -1 : NameAt(c.apposition);
      if (apposed >= 0) {
        cluster = cluster_of_[apposed];
      } else if (c.head == EntryKind::kBody) {
        if (modifier >= 0 && clusters_[modifier].type != EntityType::kPerson) {
          cluster = modifier;
        } else if (c.definite) {
          cluster = MostRecent(i, [&](const Cluster& k) {
            return k.type != EntityType::kPerson && ContainsLowered(k.best_name, c.head_word);
          });
        }
      } else if (c.head == EntryKind::kTitle && !c.plural) {
        bool named_after_person = modifier >= 0 && clusters_[modifier].type == EntityType::kPerson;
        if (c.definite && !named_after_person) {
          cluster = MostRecent(i, [&](const Cluster& k) {
            return k.type == EntityType::kPerson && HasTitle(k, c.head_word);
          });
        } else {
          cluster = IntroducedLater(i, modifier);
        }
      }
      if (cluster >= 0) Assign(i, cluster);
    }
  }

  template <typename Predicate>
  int32_t MostRecent(uint32_t index, Predicate accept) const {
    uint32_t reach = index > kDescriptionReach ? index - kDescriptionReach : 0;
    for (uint32_t j = index; j-- > reach;) {
      int32_t cluster = cluster_of_[j];
      if (cluster >= 0 && accept(clusters_[cluster])) return cluster;
    }
    return -1;
  }

  // "a Putin aide said ... Yury Ushakov said": the first person introduced after the description
  // in the same or the next paragraph, other than the one the description names.
  int32_t IntroducedLater(uint32_t index, int32_t excluded) const {
    const Candidate& c = candidates_[index];
    uint32_t reach = std::min<uint32_t>(index + kDescriptionReach, candidates_.size());
    for (uint32_t j = index + 1; j < reach; ++j) {
      const Candidate& later = candidates_[j];
      if (later.paragraph > c.paragraph + 1) break;
      int32_t cluster = cluster_of_[j];
      if (!IsName(later) || cluster < 0 || cluster == excluded ||
          clusters_[cluster].type != EntityType::kPerson) {
        continue;
      }
      if (FirstMentionOf(cluster) > index) return cluster;
    }
    return -1;
  }

  uint32_t FirstMentionOf(int32_t cluster) const {
    return first_mention_[cluster] == kNone ? static_cast<uint32_t>(candidates_.size())
                                            : first_mention_[cluster];
  }

  bool Compatible(const Candidate& pronoun, const Cluster& cluster) const {
    if (pronoun.organization_pronoun) return cluster.type != EntityType::kPerson;
    return cluster.type == EntityType::kPerson &&
           (pronoun.gender == '-' || cluster.gender == '-' || pronoun.gender == cluster.gender);
  }

  // The subject is taken to be the first compatible mention of a sentence: first in the
  // pronoun's own sentence before it, else in the nearest earlier sentence that has one.
  // "the two leaders": the first two people of the nearest earlier sentence that names two,
  // preferring people the article gives a title.
  void ResolvePairs() {
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      if (!candidates_[i].pair) continue;
      uint32_t reach = i > kDescriptionReach ? i - kDescriptionReach : 0;
      uint32_t j = i;
      while (j > reach && members_.count(i) == 0) {
        // The people of the sentence that ends at candidate j - 1, in text order.
        uint32_t clause = candidates_[j - 1].clause;
        uint32_t first = j;
        while (first > reach && candidates_[first - 1].clause == clause) --first;
        std::vector<int32_t> titled;
        std::vector<int32_t> any;
        for (uint32_t k = first; k < j; ++k) {
          int32_t cluster = cluster_of_[k];
          if (cluster < 0 || !IsName(candidates_[k]) ||
              clusters_[cluster].type != EntityType::kPerson) {
            continue;
          }
          if (std::find(any.begin(), any.end(), cluster) == any.end()) any.push_back(cluster);
          if (!clusters_[cluster].titles.empty() &&
              std::find(titled.begin(), titled.end(), cluster) == titled.end()) {
            titled.push_back(cluster);
          }
        }
        const std::vector<int32_t>& chosen = titled.size() >= 2 ? titled : any;
        if (chosen.size() >= 2) members_[i] = {chosen[0], chosen[1]};
        j = first;
      }
    }
  }

  void ResolvePronouns() {
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& pronoun = candidates_[i];
      if (pronoun.kind != MentionKind::kPronoun) continue;
      uint32_t reach = pronoun.clause > kPronounReach ? pronoun.clause - kPronounReach : 0;
      int32_t found = -1;
      uint32_t found_clause = 0;
      for (uint32_t j = i; j-- > 0;) {
        const Candidate& antecedent = candidates_[j];
        if (antecedent.clause < reach || (found >= 0 && antecedent.clause != found_clause)) break;
        int32_t cluster = cluster_of_[j];
        // Names inside a quotation are no antecedents for a pronoun outside it.
        if (antecedent.quoted && !pronoun.quoted) continue;
        if (cluster >= 0 && Compatible(pronoun, clusters_[cluster])) {
          found = cluster;
          found_clause = antecedent.clause;
        }
      }
      if (found >= 0) Assign(i, found);
    }
  }

  Mentions Build() const {
    Mentions out;
    out.mentions.reserve(candidates_.size());
    out.entities.reserve(clusters_.size());
    std::vector<uint32_t> entity_of(clusters_.size(), kNone);
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      Mention mention;
      mention.span = c.span;
      mention.sentence = c.sentence;
      mention.kind = c.kind;
      mention.title = c.title;
      int32_t cluster = cluster_of_[i];
      if (cluster >= 0) {
        if (entity_of[cluster] == kNone) {
          const Cluster& k = clusters_[cluster];
          Entity entity;
          entity.type = k.type;
          entity.name = std::string(k.best_name);
          if (k.known >= 0) {
            entity.country = data_.entities[k.known].country;
            entity.wikidata = data_.entities[k.known].wikidata;
          }
          entity_of[cluster] = static_cast<uint32_t>(out.entities.size());
          out.entities.push_back(std::move(entity));
        }
        mention.entity = entity_of[cluster];
        out.entities[mention.entity].mentions.push_back(static_cast<uint32_t>(i));
      }
      auto members = members_.find(i);
      if (members != members_.end()) {
        MentionGroup group;
        group.mention = static_cast<uint32_t>(i);
        for (int32_t member : members->second) group.entities.push_back(entity_of[member]);
        out.groups.push_back(std::move(group));
      }
      out.mentions.push_back(mention);
    }
    return out;
  }

  const Gazetteer::Data& data_;
  std::vector<Candidate> candidates_;
  std::vector<int32_t> cluster_of_;
  std::vector<Cluster> clusters_;
  KnownClusters known_cluster_;
  std::unordered_map<std::string_view, std::vector<int32_t>> by_surname_;
  std::unordered_map<std::string_view, int32_t> by_first_name_;  // -1: ambiguous
  std::vector<std::vector<uint32_t>> name_mentions_;             // per cluster, in text order
  std::vector<std::pair<uint64_t, uint32_t>> name_at_;           // (span, name candidate), sorted
  std::unordered_map<uint32_t, std::vector<int32_t>> members_;   // pair description -> clusters
  std::vector<uint32_t> first_mention_;  // per cluster: its first name candidate, or kNone
};

}  // namespace

Mentions Resolve(const Gazetteer::Data& data, std::vector<Candidate> candidates) {
  return Resolver(data, std::move(candidates)).Run();
}

}  // namespace mentions_internal
}  // namespace hearsay

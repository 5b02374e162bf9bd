// The loaded contents of ontology/triggers.tsv, factuality.tsv and event_clauses.tsv.
// Internal to the events stage (and its tests, which run every rule's example).
#ifndef HEARSAY_EVENTS_LEXICON_DATA_H_
#define HEARSAY_EVENTS_LEXICON_DATA_H_

#include <re2/re2.h>

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "events/rule_filter.h"
#include "hearsay/document.h"
#include "hearsay/events.h"

namespace hearsay {

// Whose names count as an event's actors.
enum class ActorKind {
  kAll,           // named people, organisations and countries around the trigger
  kGathering,     // as kAll, and the names right before it are its own ("the G8 meeting")
  kOrganization,  // a gathering: the organisation that holds it ("the G20 summit")
  kPerson,        // named people only ("the death of ...")
  kNobody,        // no actors ("wildfires")
};

struct TriggerRule {
  std::string name;
  std::string lemma;
  bool noun = false;
  std::string type;
  std::string cameo;         // empty if none
  std::string future_cameo;  // empty if none
  ActorKind actors = ActorKind::kAll;
  const RE2* pattern = nullptr;  // owned by the lexicon's filter of its kind
  // Matched anchored at each word start instead of unanchored: RE2 finds where an unanchored
  // match begins by a reverse program, which for a large program (Unicode classes) took ~2M
  // instructions to build, more than anchored matching cost on 5 MB of text.
  bool at_word_starts = false;
  std::string example;
};

// A trigger pattern whose program has more instructions than this is matched at word starts
// (those with Unicode classes have 800 to 7300, the others under 100).
constexpr int kLargeProgram = 400;

enum class CueSide { kBefore, kAfter };

struct FactualityCue {
  std::string name;
  const RE2* pattern = nullptr;  // owned by the lexicon's filter of its kind
  std::optional<Certainty> certainty;
  std::optional<Polarity> polarity;
  std::optional<Tense> tense;
  CueSide side = CueSide::kBefore;
  uint32_t distance = 0;  // tokens between cue and trigger
  bool verbs = true;
  bool nouns = true;
  bool strong = true;  // the tense it gives keeps apart mentions told otherwise
  std::string example;
};

// A coordinate ("but stopped short of ...") or participle (", banning ...") clause shares the
// subject, time and place of the clause before it; a relative clause refers to the noun
// before it.
enum class ClauseKind { kPlain, kCoordinate, kRelative, kParticiple };

struct ClauseRule {
  std::string name;
  const RE2* pattern = nullptr;  // owned by the lexicon's filter of its kind
  ClauseKind kind = ClauseKind::kPlain;
  std::string example;
};

// The options every events pattern is compiled with (case-insensitive, leftmost-longest,
// UTF-8, quiet).
RE2::Options EventPatternOptions();

struct TriggerLexicon::Data {
  std::vector<TriggerRule> triggers;
  // Index = position in the rule list. Cues and clauses are a few patterns of plain words.
  RuleFilter trigger_filter{RuleFilter::Kind::kRequiredStrings, EventPatternOptions(),
                            /*heads_start_words=*/true};
  std::vector<FactualityCue> cues;
  RuleFilter cue_filter{RuleFilter::Kind::kWhole, EventPatternOptions()};
  std::vector<ClauseRule> clauses;
  RuleFilter clause_filter{RuleFilter::Kind::kWhole, EventPatternOptions()};
  std::unordered_set<std::string> locatives;  // lower case
  std::unordered_set<std::string> passives;   // auxiliaries that make a verb passive
  std::unordered_set<std::string> occasions;  // "news conference": no gathering of parties
  std::unordered_set<std::string> determiners;
  std::unordered_set<std::string> articles;
  std::unordered_set<std::string> groups;
  std::unordered_set<std::string> topics;
  std::unordered_set<std::string> prepositions;
};

}  // namespace hearsay

#endif  // HEARSAY_EVENTS_LEXICON_DATA_H_

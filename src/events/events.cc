// events: triggers from ontology/triggers.tsv, arguments from the trigger's clause,
// factuality from ontology/factuality.tsv, and one Event per happening in the article.
#include "hearsay/events.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "events/lexicon_data.h"

namespace hearsay {
namespace {

// --- text helpers ------------------------------------------------------------------------

// The code point that starts at `pos` (bytes assumed valid UTF-8).
uint32_t CodePointAt(std::string_view text, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char lead = byte(pos);
  if (lead < 0x80) return lead;
  size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
  uint32_t cp = lead & (0x3F >> (length - 1));
  for (size_t i = 1; i < length && pos + i < text.size(); ++i)
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  return cp;
}

// Start of the code point that ends at `pos`.
size_t PreviousCodePointStart(std::string_view text, size_t pos) {
  size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return start;
}

bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  // Latin-1 punctuation, general punctuation (dashes, curly quotes) and symbols are not words.
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  return !(cp >= 0x2000 && cp <= 0x2BFF) && !(cp >= 0x3000 && cp <= 0x303F);
}

bool IsUpperInitial(std::string_view text, size_t pos) {
  unsigned char c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  uint32_t cp = CodePointAt(text, pos);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The word that ends right before `pos` (skipping spaces), not before `floor`.
Span PreviousWord(std::string_view text, size_t pos, size_t floor) {
  size_t end = pos;
  while (end > floor && (text[end - 1] == ' ' || text[end - 1] == '\n')) --end;
  size_t begin = end;
  while (begin > floor && IsWordCodePoint(CodePointAt(text, PreviousCodePointStart(text, begin)))) {
    begin = PreviousCodePointStart(text, begin);
  }
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// The word that starts after `pos` (skipping spaces), not beyond `ceiling`.
Span NextWord(std::string_view text, size_t pos, size_t ceiling) {
  size_t begin = pos;
  while (begin < ceiling && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
  size_t end = begin;
  while (end < ceiling && IsWordCodePoint(CodePointAt(text, end))) {
    ++end;
    while (end < ceiling && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
  }
  return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
}

// True when most words of the sentence are capitalised (a headline in title case), where a
// capital letter says nothing about names.
bool IsTitleCase(std::string_view text, Span sentence) {
  int words = 0;
  int capitalised = 0;
  size_t pos = sentence.begin;
  while (pos < sentence.end) {
    Span word = NextWord(text, pos, sentence.end);
    if (word.empty()) {
      pos = word.begin + 1;
      continue;
    }
    ++words;
    if (IsUpperInitial(text, word.begin)) ++capitalised;
    pos = word.end;
  }
  return words >= 3 && capitalised * 10 >= words * 6;
}

// --- the article's parts, indexed for the stage ----------------------------------------

struct Context {
  const Document& doc;
  const Segmentation& seg;
  const Mentions& mentions;
  const std::vector<Timex>& timexes;
  const std::vector<Claim>& claims;
  const TriggerLexicon::Data& lexicon;
  std::vector<uint32_t> timex_order;  // Timex indices by position
  std::vector<uint32_t> claim_order;  // Claim indices by content position

  // Mentions (sorted by span) that begin in `span`: indices [first, second).
  std::pair<uint32_t, uint32_t> MentionsIn(Span span) const {
    auto by_begin = [](const Mention& mention, uint32_t offset) {
      return mention.span.begin < offset;
    };
    const auto& all = mentions.mentions;
    auto first = std::lower_bound(all.begin(), all.end(), span.begin, by_begin);
    auto last = std::lower_bound(first, all.end(), span.end, by_begin);
    return {static_cast<uint32_t>(first - all.begin()), static_cast<uint32_t>(last - all.begin())};
  }

  // Timexes that lie inside `span`.
  std::vector<uint32_t> TimexesIn(Span span) const {
    auto by_begin = [&](uint32_t index, uint32_t offset) {
      return timexes[index].span.begin < offset;
    };
    auto first = std::lower_bound(timex_order.begin(), timex_order.end(), span.begin, by_begin);
    std::vector<uint32_t> out;
    for (auto it = first; it != timex_order.end() && timexes[*it].span.begin < span.end; ++it) {
      if (span.Contains(timexes[*it].span)) out.push_back(*it);
    }
    return out;
  }

  // Tokens that begin in [begin, end).
  uint32_t TokensBetween(uint32_t begin, uint32_t end) const {
    if (end <= begin) return 0;
    auto by_begin = [](const Token& token, uint32_t offset) { return token.span.begin < offset; };
    auto first = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), begin, by_begin);
    auto last = std::lower_bound(first, seg.tokens.end(), end, by_begin);
    return static_cast<uint32_t>(last - first);
  }

  bool IsActorEntity(uint32_t entity) const {
    if (entity == kNone) return false;
    EntityType type = mentions.entities[entity].type;
    return type == EntityType::kPerson || type == EntityType::kOrganization ||
           type == EntityType::kCountry;
  }

  bool IsPlaceEntity(uint32_t entity) const {
    if (entity == kNone) return false;
    EntityType type = mentions.entities[entity].type;
    return type == EntityType::kPlace || type == EntityType::kCountry;
  }
};

struct Clause {
  Span span;
  ClauseKind kind = ClauseKind::kPlain;
};

// The sentence cut at the clause boundaries of ontology/event_clauses.tsv.
std::vector<Clause> SplitClauses(const Context& context, Span sentence) {
  std::string_view text(context.doc.text);
  std::string_view piece = sentence.In(text);
  struct Cut {
    uint32_t begin, end;
    ClauseKind kind;
  };
  std::vector<Cut> cuts;
  thread_local std::vector<int> rules;  // scratch, not allocated per sentence
  context.lexicon.clause_filter.Candidates(piece, &rules);
  for (int index : rules) {
    const ClauseRule& rule = context.lexicon.clauses[index];
    re2::StringPiece input(piece.data(), piece.size());
    int groups = std::min(1, rule.pattern->NumberOfCapturingGroups()) + 1;
    re2::StringPiece found[2];
    size_t pos = 0;
    while (pos < piece.size() &&
           rule.pattern->Match(input, pos, piece.size(), RE2::UNANCHORED, found, groups)) {
      auto begin = static_cast<uint32_t>(found[0].data() - piece.data());
      auto end = static_cast<uint32_t>(begin + found[0].size());
      // The next clause starts at group 1 when there is one (", banning ...").
      auto next = groups > 1 && found[1].data() != nullptr
                      ? static_cast<uint32_t>(found[1].data() - piece.data())
                      : end;
      cuts.push_back({sentence.begin + begin, sentence.begin + next, rule.kind});
      pos = end > begin ? end : begin + 1;
    }
  }
  std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.begin < b.begin; });
  std::vector<Clause> clauses;
  Clause current{{sentence.begin, sentence.end}, ClauseKind::kPlain};
  for (const Cut& cut : cuts) {
    if (cut.begin < current.span.begin) continue;  // overlaps the previous cut
    current.span.end = cut.begin;
    clauses.push_back(current);
    current = {{cut.end, sentence.end}, cut.kind};
  }
  clauses.push_back(current);
  return clauses;
}

// --- triggers ----------------------------------------------------------------------------

struct Candidate {
  const TriggerRule* rule = nullptr;
  uint32_t rule_index = 0;
  Span match;
  Span trigger;
};

// Whether a match may begin at `begin`: not inside a word.
bool StartsWordBounded(std::string_view piece, size_t begin) {
  return begin == 0 || !IsWordCodePoint(CodePointAt(piece, begin)) ||
         !IsWordCodePoint(CodePointAt(piece, PreviousCodePointStart(piece, begin)));
}

bool WordBounded(std::string_view piece, size_t begin, size_t end) {
  if (end <= begin || !StartsWordBounded(piece, begin)) return false;
  bool ends_word = IsWordCodePoint(CodePointAt(piece, PreviousCodePointStart(piece, end)));
  return !(ends_word && end < piece.size() && IsWordCodePoint(CodePointAt(piece, end)));
}

// The leftmost-longest match of `pattern` in `piece` that begins at or after `pos` and not
// inside a word, into `found[0..groups)`, found without the reverse program by which RE2 finds
// where an unanchored match begins (see TriggerRule::at_word_starts). The forward DFA alone
// says whether any match is left and where each anchored match ends, so that only the match
// itself is run again for its groups, as RE2 does after its own DFA passes.
bool NextWordStartMatch(const RE2& pattern, std::string_view piece, size_t pos,
                        re2::StringPiece* found, int groups) {
  re2::StringPiece input(piece.data(), piece.size());
  if (pos >= piece.size() ||
      !pattern.Match(input, pos, piece.size(), RE2::UNANCHORED, nullptr, 0)) {
    return false;
  }
  for (size_t begin = pos; begin < piece.size(); ++begin) {
    if (!StartsWordBounded(piece, begin) ||
        !pattern.Match(input, begin, piece.size(), RE2::ANCHOR_START, found, 1)) {
      continue;
    }
    if (groups > 1) {
      const size_t end = begin + found[0].size();
      pattern.Match(input, begin, end, RE2::ANCHOR_BOTH, found, groups);
    }
    return true;
  }
  return false;
}

// Every whole-word match of every rule in the sentence, overlaps resolved: the longest match
// (the most context) wins, then the earlier rule.
std::vector<Candidate> FindCandidates(const Context& context, Span sentence) {
  std::string_view text(context.doc.text);
  std::string_view piece = sentence.In(text);
  re2::StringPiece input(piece.data(), piece.size());
  // Scratch kept per thread rather than allocated for each sentence.
  thread_local std::vector<int> hits;
  thread_local std::vector<Candidate> all;
  all.clear();
  context.lexicon.trigger_filter.Candidates(piece, &hits);
  for (int index : hits) {
    const TriggerRule& rule = context.lexicon.triggers[index];
    int groups = std::min(1, rule.pattern->NumberOfCapturingGroups()) + 1;
    re2::StringPiece found[2];
    size_t pos = 0;
    auto next_match = [&] {
      if (rule.at_word_starts) return NextWordStartMatch(*rule.pattern, piece, pos, found, groups);
      return pos < piece.size() &&
             rule.pattern->Match(input, pos, piece.size(), RE2::UNANCHORED, found, groups);
    };
    while (next_match()) {
      size_t begin = found[0].data() - piece.data();
      size_t end = begin + found[0].size();
      re2::StringPiece head = groups > 1 && found[1].data() != nullptr ? found[1] : found[0];
      size_t head_begin = head.data() - piece.data();
      // The match starts a word and the trigger ends one; context after it may stop mid-word.
      if (!WordBounded(piece, begin, head_begin + head.size()) ||
          !WordBounded(piece, head_begin, head_begin + head.size())) {
        pos = begin + 1;
        continue;
      }
      Candidate candidate;
      candidate.rule = &rule;
      candidate.rule_index = static_cast<uint32_t>(index);
      candidate.match = {static_cast<uint32_t>(sentence.begin + begin),
                         static_cast<uint32_t>(sentence.begin + end)};
      candidate.trigger = {static_cast<uint32_t>(sentence.begin + head_begin),
                           static_cast<uint32_t>(sentence.begin + head_begin + head.size())};
      if (!candidate.trigger.empty()) all.push_back(candidate);
      pos = end > begin ? end : begin + 1;
    }
  }
  std::sort(all.begin(), all.end(), [](const Candidate& a, const Candidate& b) {
    if (a.match.size() != b.match.size()) return a.match.size() > b.match.size();
    return a.rule_index < b.rule_index;
  });
  std::vector<Candidate> kept;
  for (const Candidate& candidate : all) {
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const Candidate& other) {
      return other.trigger.Overlaps(candidate.trigger);
    });
    if (!overlaps) kept.push_back(candidate);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Candidate& a, const Candidate& b) { return a.trigger < b.trigger; });
  return kept;
}

// A trigger word that is part of a name ("Asia-Pacific Economic Cooperation", "Security
// Council"): inside a name mention, or capitalised next to a capitalised word mid-sentence.
// `title_case()` says whether the sentence is in title case, asked only for a capitalised
// trigger.
template <typename TitleCase>
bool InsideName(const Context& context, Span sentence, TitleCase title_case, Span trigger) {
  auto [first, last] = context.MentionsIn(sentence);
  for (uint32_t i = first; i < last; ++i) {
    const Mention& mention = context.mentions.mentions[i];
    if (mention.kind == MentionKind::kName && mention.span.Overlaps(trigger)) return true;
  }
  std::string_view text(context.doc.text);
  if (!IsUpperInitial(text, trigger.begin) || title_case()) return false;
  Span before = PreviousWord(text, trigger.begin, sentence.begin);
  if (before.empty()) return false;  // first word of the sentence
  Span after = NextWord(text, trigger.end, sentence.end);
  return IsUpperInitial(text, before.begin) ||
         (!after.empty() && IsUpperInitial(text, after.begin));
}

// --- one mention with its own arguments ------------------------------------------------

struct Draft {
  const TriggerRule* rule = nullptr;
  EventMention mention;
  Clause clause;          // narrowed to the claim content that holds the trigger
  Span cue_clause;        // not narrowed: "We think the meeting will take place"
  bool definite = false;  // "the meeting": refers back to an event named before
  bool tense_known = false;
  std::vector<uint32_t> actors;    // entities
  std::vector<uint32_t> subjects;  // the actors before the trigger (its agents, for a verb)
  bool own_subject = false;        // some of them stand in the trigger's own clause
  bool group_subject = false;      // "The two leaders ...": the parties of an earlier event
  bool passive = false;            // "Iran was sanctioned": the subject is the target
  uint32_t place = kNone;          // entity
  uint32_t time = kNone;           // timex
  std::vector<uint32_t> claimed;   // mention indices this noun trigger takes as its own actors
};

constexpr int kClaimLookBack = 8;  // claims starting before a trigger that may still hold it

// The innermost claim whose content holds the trigger.
uint32_t ClaimHolding(const Context& context, Span trigger) {
  const auto& order = context.claim_order;
  auto by_begin = [&](uint32_t offset, uint32_t index) {
    return offset < context.claims[index].content.begin;
  };
  auto after = std::upper_bound(order.begin(), order.end(), trigger.begin, by_begin);
  int steps = 0;
  for (auto it = after; it != order.begin() && steps < kClaimLookBack; ++steps) {
    --it;
    if (context.claims[*it].content.Contains(trigger)) return *it;
  }
  return kNone;
}

// The clause of the trigger, narrowed to the claim content that holds it.
Clause ClauseOf(const Context& context, const std::vector<Clause>& clauses, Span trigger,
                uint32_t claim) {
  Clause found = clauses.front();
  for (const Clause& clause : clauses) {
    if (clause.span.begin <= trigger.begin && trigger.begin < clause.span.end) found = clause;
  }
  if (claim != kNone) {
    const Span content = context.claims[claim].content;
    found.span.begin = std::max(found.span.begin, content.begin);
    found.span.end = std::min(found.span.end, content.end);
  }
  return found;
}

bool WordIn(const Context& context, Span word, const std::unordered_set<std::string>& words) {
  return !word.empty() && words.count(Lower(word.In(context.doc.text))) > 0;
}

// A country or place right after a locative word ("in Bali") is where something happens.
bool IsLocative(const Context& context, const Mention& mention, uint32_t floor) {
  std::string_view text(context.doc.text);
  Span before = PreviousWord(text, mention.span.begin, floor);
  if (WordIn(context, before, context.lexicon.articles)) {
    before = PreviousWord(text, before.begin, floor);
  }
  return WordIn(context, before, context.lexicon.locatives);
}

// A demonym that modifies a named noun phrase ("Iranian airline Mahan Air") names no actor.
bool ModifiesName(const Context& context, uint32_t index) {
  const Mention& demonym = context.mentions.mentions[index];
  for (uint32_t next = index + 1; next < context.mentions.mentions.size(); ++next) {
    const Mention& other = context.mentions.mentions[next];
    if (other.sentence != demonym.sentence) break;
    if (other.span.begin < demonym.span.end) continue;  // a longer mention around it
    if (context.TokensBetween(demonym.span.end, other.span.begin) > 2) break;
    if (other.kind == MentionKind::kName) return true;
  }
  return false;
}

constexpr uint32_t kTitleReach = 3;  // mentions after a name whose title may hold it

// "U.S." in "U.S. President Barack Obama": part of a later name's title.
bool InsideTitle(const Context& context, uint32_t index) {
  const auto& all = context.mentions.mentions;
  const Mention& mention = all[index];
  for (uint32_t next = index + 1; next < all.size() && next <= index + kTitleReach; ++next) {
    if (!all[next].title.empty() && all[next].title.Contains(mention.span)) return true;
  }
  return false;
}

// Mentions of the clause that can be actors of an event with `kind`.
bool ActorMention(const Context& context, uint32_t index, ActorKind kind, Span clause) {
  const Mention& mention = context.mentions.mentions[index];
  if (!clause.Contains(mention.span) || !context.IsActorEntity(mention.entity)) return false;
  EntityType type = context.mentions.entities[mention.entity].type;
  if (kind == ActorKind::kOrganization && type != EntityType::kOrganization) return false;
  if (kind == ActorKind::kPerson && type != EntityType::kPerson) return false;
  if (kind == ActorKind::kNobody) return false;
  if (type == EntityType::kCountry && IsLocative(context, mention, clause.begin)) return false;
  if ((mention.kind == MentionKind::kDemonym || mention.kind == MentionKind::kDescription) &&
      ModifiesName(context, index)) {
    return false;
  }
  return !InsideTitle(context, index);
}

void AddUnique(std::vector<uint32_t>* list, uint32_t value) {
  if (std::find(list->begin(), list->end(), value) == list->end()) list->push_back(value);
}

constexpr uint32_t kVerbGap = 8;    // tokens between a verb trigger and its nearest actor
constexpr uint32_t kNounGap = 3;    // ... a noun trigger and its nearest actor ("talks with X")
constexpr uint32_t kChainGap = 3;   // tokens between actors of one list ("X, Y and Z")
constexpr uint32_t kClaimLead = 2;  // tokens of a claim before its verb ("plans to pull out")
constexpr uint32_t kNounReachBefore = 6;  // "last week's Security Council agreement"
constexpr uint32_t kNounReachAfter = 4;   // "the summit in Bali on Monday"
constexpr uint32_t kSubjectLead = 3;      // words before a noun that opens its clause

bool HasWordOf(const Context& context, Span span, const std::unordered_set<std::string>& words) {
  std::string_view text(context.doc.text);
  for (size_t pos = span.begin; pos < span.end;) {
    Span word = NextWord(text, pos, span.end);
    if (word.empty()) {
      pos = word.begin + 1;
      continue;
    }
    if (WordIn(context, word, words)) return true;
    pos = word.end;
  }
  return false;
}

bool Contains(std::string_view text, Span span, char c) {
  return span.In(text).find(c) != std::string_view::npos;
}

// "Niger's capital": a name in the possessive before a word that is no trigger belongs to
// that word's noun phrase, not to the event.
bool PossessiveOfOther(const Context& context, const Mention& mention,
                       const std::vector<Span>& triggers) {
  std::string_view text(context.doc.text);
  std::string_view rest = text.substr(mention.span.end, 4);
  size_t length = rest.rfind("'s", 0) == 0 ? 2 : rest.rfind("\u2019s", 0) == 0 ? 4 : 0;
  if (length == 0) return false;
  Span next = NextWord(text, mention.span.end + length, text.size());
  return std::none_of(triggers.begin(), triggers.end(),
                      [&](Span trigger) { return trigger.begin == next.begin; });
}

// Actors on one side of the trigger: the nearest name, and the names listed with it. The
// search stops at another trigger, and the nearest name is not behind a comma.
void CollectSide(const Context& context, const Draft& draft, const std::vector<Span>& triggers,
                 bool before, const std::unordered_set<uint32_t>& claimed,
                 std::vector<uint32_t>* mentions_out) {
  const auto& mentions = context.mentions.mentions;
  std::string_view text(context.doc.text);
  const Span region = draft.clause.span;
  uint32_t edge = before ? draft.mention.trigger.begin : draft.mention.trigger.end;
  bool first = true;
  auto visit = [&](uint32_t i) {
    const Mention& mention = mentions[i];
    if (!region.Contains(mention.span)) return true;
    // A title before a name ("German Chancellor Angela Merkel") counts as part of it.
    uint32_t near_begin = !mention.title.empty() && mention.title.end <= mention.span.begin
                              ? mention.title.begin
                              : mention.span.begin;
    Span between = before ? Span{mention.span.end, edge} : Span{edge, near_begin};
    uint32_t limit = !first ? kChainGap : draft.rule->noun ? kNounGap : kVerbGap;
    if (context.TokensBetween(between.begin, between.end) > limit) return false;
    if (first && Contains(text, between, ',')) return false;
    // "blaming Iran for the attack": a name before a noun trigger is its party only when
    // no preposition stands between them ("the US airstrike", "Iran held talks").
    if (first && before && draft.rule->noun &&
        HasWordOf(context, between, context.lexicon.prepositions)) {
      return false;
    }
    // After a noun trigger, its parties come with a preposition ("talks with X", "the ban on
    // X"); a name after its verb is no party ("the treaty includes X").
    if (first && !before && draft.rule->noun &&
        !HasWordOf(context, between, context.lexicon.prepositions)) {
      return false;
    }
    bool crosses_trigger = std::any_of(triggers.begin(), triggers.end(), [&](Span trigger) {
      return between.Contains(trigger) && !trigger.empty();
    });
    if (crosses_trigger) return false;
    if (!before && WordIn(context, PreviousWord(text, mention.span.begin, region.begin),
                          context.lexicon.topics)) {
      return false;  // "to discuss a range of topics including Syria": a topic, no party
    }
    // "opposed Macron's statement" names a party; "on the destruction of Syria's weapons" not.
    if (!before && HasWordOf(context, between, context.lexicon.prepositions) &&
        PossessiveOfOther(context, mention, triggers)) {
      return false;
    }
    edge = before ? mention.span.begin : mention.span.end;
    if (claimed.count(i) > 0 || !ActorMention(context, i, draft.rule->actors, region)) {
      return true;
    }
    mentions_out->push_back(i);
    first = false;
    return true;
  };
  auto [first_mention, last_mention] = context.MentionsIn(region);
  if (before) {
    for (uint32_t i = last_mention; i-- > first_mention;) {
      if (mentions[i].span.end > draft.mention.trigger.begin) continue;
      if (!visit(i)) break;
    }
  } else {
    for (uint32_t i = first_mention; i < last_mention; ++i) {
      if (mentions[i].span.begin < draft.mention.trigger.end) continue;
      if (!visit(i)) break;
    }
  }
}

// A gathering's organisation: the name right before ("the G20 summit") or after "of".
void CollectOrganization(const Context& context, Draft* draft) {
  const Span trigger = draft->mention.trigger;
  auto [first, last] = context.MentionsIn(draft->clause.span);
  for (uint32_t i = first; i < last; ++i) {
    const Mention& mention = context.mentions.mentions[i];
    if (!ActorMention(context, i, ActorKind::kOrganization, draft->clause.span)) continue;
    bool right_before = mention.span.end <= trigger.begin &&
                        context.TokensBetween(mention.span.end, trigger.begin) <= 2;
    bool right_after = mention.span.begin >= trigger.end &&
                       context.TokensBetween(trigger.end, mention.span.begin) <= 3;
    if (right_before || right_after) {
      AddUnique(&draft->actors, mention.entity);
      draft->claimed.push_back(i);
    }
  }
}

constexpr int kGroupLead = 2;  // words before a group noun that may hold its determiner

// An unnamed definite plural description before the trigger ("the two leaders").
bool GroupBefore(const Context& context, Span region) {
  auto [first, last] = context.MentionsIn(region);
  for (uint32_t i = last; i-- > first;) {
    const Mention& mention = context.mentions.mentions[i];
    if (mention.kind != MentionKind::kDescription || mention.entity != kNone) continue;
    // Definite ("the leaders"), not a new group ("African leaders").
    Span head = PreviousWord(context.doc.text, mention.span.end, mention.span.begin);
    if (!WordIn(context, head, context.lexicon.groups)) continue;
    // The determiner inside the description or just before it ("the two leaders").
    Span opening = NextWord(context.doc.text, mention.span.begin, mention.span.end);
    if (WordIn(context, opening, context.lexicon.determiners)) return true;
    Span before = PreviousWord(context.doc.text, mention.span.begin, region.begin);
    for (int step = 0; step < kGroupLead && !before.empty(); ++step) {
      if (WordIn(context, before, context.lexicon.determiners)) return true;
      before = PreviousWord(context.doc.text, before.begin, region.begin);
    }
  }
  return false;
}

void CollectActors(const Context& context, const std::vector<Clause>& clauses, Span sentence,
                   const std::vector<Span>& triggers, const std::unordered_set<uint32_t>& claimed,
                   Draft* draft) {
  if (draft->rule->actors == ActorKind::kNobody) return;
  if (draft->rule->actors == ActorKind::kOrganization) {
    CollectOrganization(context, draft);
    return;
  }
  std::vector<uint32_t> before;
  std::vector<uint32_t> after;
  CollectSide(context, *draft, triggers, true, claimed, &before);
  CollectSide(context, *draft, triggers, false, claimed, &after);
  draft->own_subject = !before.empty();
  if (before.empty() && after.empty()) {
    Span region = draft->clause.kind == ClauseKind::kPlain ? draft->clause.span : sentence;
    draft->group_subject = GroupBefore(context, {region.begin, draft->mention.trigger.begin});
  }
  // A participle or coordinate clause without a subject of its own takes the sentence's; a
  // relative clause the name nearest before it ("the US airstrike that killed ...").
  if (before.empty() && !draft->rule->noun && draft->clause.kind != ClauseKind::kPlain &&
      draft->mention.claim == kNone) {
    auto [first, last] = context.MentionsIn({sentence.begin, draft->clause.span.begin});
    const Span main_clause = clauses.front().span;
    if (draft->clause.kind == ClauseKind::kRelative) {
      for (uint32_t i = last; i-- > first;) {
        const Mention& mention = context.mentions.mentions[i];
        if (context.TokensBetween(mention.span.end, draft->clause.span.begin) > kVerbGap) break;
        if (claimed.count(i) == 0 &&
            ActorMention(context, i, draft->rule->actors, {sentence.begin, mention.span.end})) {
          before.push_back(i);
          break;
        }
      }
    } else {
      for (uint32_t i = first; i < last; ++i) {
        if (claimed.count(i) == 0 && ActorMention(context, i, draft->rule->actors, main_clause)) {
          before.push_back(i);
          break;
        }
      }
    }
  }
  for (uint32_t i : before) {
    AddUnique(&draft->actors, context.mentions.mentions[i].entity);
    AddUnique(&draft->subjects, context.mentions.mentions[i].entity);
  }
  // "German firms ... announced plans to pull out": a verb that opens the claim holding it
  // is the act of the claim's sources.
  if (before.empty() && !draft->rule->noun && draft->mention.claim != kNone) {
    const Claim& claim = context.claims[draft->mention.claim];
    if (context.TokensBetween(claim.content.begin, draft->mention.trigger.begin) <= kClaimLead) {
      auto [first, last] = context.MentionsIn(claim.source);
      for (uint32_t i = first; i < last; ++i) {
        if (!ActorMention(context, i, draft->rule->actors, claim.source)) continue;
        AddUnique(&draft->actors, context.mentions.mentions[i].entity);
        AddUnique(&draft->subjects, context.mentions.mentions[i].entity);
      }
    }
  }
  for (uint32_t i : after) AddUnique(&draft->actors, context.mentions.mentions[i].entity);
  // Gatherings keep the names right before them ("the G8 meeting") from the sentence's verbs.
  if (draft->rule->actors == ActorKind::kGathering) {
    for (uint32_t i : before) {
      if (context.TokensBetween(context.mentions.mentions[i].span.end,
                                draft->mention.trigger.begin) <= 1) {
        draft->claimed.push_back(i);
      }
    }
  }
}

// A noun opening the main clause ("The meeting is set to open tomorrow") takes the clause's
// time and place like a verb; other nouns only those next to them.
bool ClauseSubject(const Context& context, const Draft& draft) {
  return draft.clause.kind == ClauseKind::kPlain &&
         context.TokensBetween(draft.clause.span.begin, draft.mention.trigger.begin) <=
             kSubjectLead;
}

bool WithinReach(const Context& context, const Draft& draft, Span span) {
  if (!draft.rule->noun || ClauseSubject(context, draft)) return true;
  const Span trigger = draft.mention.trigger;
  return span.end <= trigger.begin
             ? context.TokensBetween(span.end, trigger.begin) <= kNounReachBefore
             : context.TokensBetween(trigger.end, span.begin) <= kNounReachAfter;
}

// The most specific place after a locative word ("in Bali", "in Iraqi bases"): a place
// before a country, the nearest first.
void CollectPlace(const Context& context, Draft* draft) {
  uint32_t best = kNone;
  int best_rank = -1;
  uint32_t best_distance = UINT32_MAX;
  const Span trigger = draft->mention.trigger;
  auto [first, last] = context.MentionsIn(draft->clause.span);
  for (uint32_t i = first; i < last; ++i) {
    const Mention& mention = context.mentions.mentions[i];
    if (!draft->clause.span.Contains(mention.span) || !context.IsPlaceEntity(mention.entity)) {
      continue;
    }
    int rank = context.mentions.entities[mention.entity].type == EntityType::kPlace ? 1 : 0;
    // "in the European nation" names no place; "in Iraqi bases" names the country.
    bool named =
        mention.kind == MentionKind::kName || (mention.kind == MentionKind::kDemonym && rank == 0);
    if (!named || !IsLocative(context, mention, draft->clause.span.begin) ||
        !WithinReach(context, *draft, mention.span)) {
      continue;
    }
    uint32_t distance = mention.span.begin >= trigger.end ? mention.span.begin - trigger.end
                                                          : trigger.begin - mention.span.end;
    if (rank > best_rank || (rank == best_rank && distance < best_distance)) {
      best = mention.entity;
      best_rank = rank;
      best_distance = distance;
    }
  }
  draft->place = best;
}

bool IsDateValue(const std::string& value) {
  return value.size() >= 4 &&
         std::all_of(value.begin(), value.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
}

// A date right before a noun trigger is that noun's ("the 2009 death", "Sunday's signings").
bool OwnedByNoun(const Context& context, const Timex& timex, const std::vector<Span>& nouns) {
  return std::any_of(nouns.begin(), nouns.end(), [&](Span noun) {
    return timex.span.end <= noun.begin && context.TokensBetween(timex.span.end, noun.begin) <= 1;
  });
}

// The nearest calendar date of the clause, else the nearest vaguer one ("previously"). A verb
// leaves the dates of nouns to them.
void CollectTime(const Context& context, const std::vector<Span>& nouns, Draft* draft) {
  uint32_t best_distance = UINT32_MAX;
  bool best_calendar = false;
  const Span trigger = draft->mention.trigger;
  for (uint32_t i : context.TimexesIn(draft->clause.span)) {
    const Timex& timex = context.timexes[i];
    if (timex.value.empty()) continue;
    if (timex.type != TimexType::kDate && timex.type != TimexType::kTime) continue;
    if (!WithinReach(context, *draft, timex.span)) continue;
    if (!draft->rule->noun && OwnedByNoun(context, timex, nouns)) continue;
    uint32_t distance = timex.span.begin >= trigger.end ? timex.span.begin - trigger.end
                                                        : trigger.begin - timex.span.end;
    bool calendar = IsDateValue(timex.value);
    if ((calendar && !best_calendar) || (calendar == best_calendar && distance < best_distance)) {
      best_distance = distance;
      best_calendar = calendar;
      draft->time = i;
    }
  }
}

// A coordinate or participle clause happens when and where the clause before it does
// ("saw each other in August in Rome but stopped short of a meeting").
void InheritTimeAndPlace(const Context& context, const std::vector<Clause>& clauses,
                         const std::vector<Span>& nouns, Draft* draft) {
  if ((draft->clause.kind != ClauseKind::kCoordinate &&
       draft->clause.kind != ClauseKind::kParticiple) ||
      draft->own_subject) {
    return;  // "... but both Chile and Peru have denied it": a clause of its own
  }
  if (draft->time != kNone && draft->place != kNone) return;
  for (size_t i = 1; i < clauses.size(); ++i) {
    if (clauses[i].span.begin != draft->clause.span.begin) continue;
    Draft previous = *draft;
    previous.clause = clauses[i - 1];
    previous.place = kNone;
    previous.time = kNone;
    CollectPlace(context, &previous);
    CollectTime(context, nouns, &previous);
    if (draft->place == kNone) draft->place = previous.place;
    if (draft->time == kNone) draft->time = previous.time;
  }
}

// --- factuality --------------------------------------------------------------------------

struct CueHit {
  const FactualityCue* cue;
  Span span;
};

// Every cue of the sentence, none inside a time expression ("May" the month is no modal).
std::vector<CueHit> FindCues(const Context& context, Span sentence) {
  std::string_view piece = sentence.In(context.doc.text);
  re2::StringPiece input(piece.data(), piece.size());
  std::vector<uint32_t> timexes = context.TimexesIn(sentence);
  std::vector<CueHit> all;
  thread_local std::vector<int> cues;  // scratch, not allocated per sentence
  context.lexicon.cue_filter.Candidates(piece, &cues);
  for (int index : cues) {
    const FactualityCue& cue = context.lexicon.cues[index];
    re2::StringPiece match;
    size_t pos = 0;
    while (pos < piece.size() &&
           cue.pattern->Match(input, pos, piece.size(), RE2::UNANCHORED, &match, 1)) {
      size_t begin = match.data() - piece.data();
      size_t end = begin + match.size();
      pos = end > begin ? end : begin + 1;
      if (!WordBounded(piece, begin, end)) {
        pos = begin + 1;
        continue;
      }
      Span span{static_cast<uint32_t>(sentence.begin + begin),
                static_cast<uint32_t>(sentence.begin + end)};
      bool in_timex = std::any_of(timexes.begin(), timexes.end(), [&](uint32_t timex) {
        return context.timexes[timex].span.Overlaps(span);
      });
      if (!in_timex) all.push_back({&cue, span});
    }
  }
  std::sort(all.begin(), all.end(),
            [](const CueHit& a, const CueHit& b) { return a.span.size() > b.span.size(); });
  return all;
}

// The cues that can modify the trigger, overlaps resolved: the longer wins ("could not" over
// "could"); cues on the same words all stay.
std::vector<CueHit> ApplicableCues(const std::vector<CueHit>& cues, bool noun) {
  std::vector<CueHit> kept;
  for (const CueHit& hit : cues) {
    if (!(noun ? hit.cue->nouns : hit.cue->verbs)) continue;
    bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const CueHit& other) {
      return other.span.Overlaps(hit.span) && other.span.size() > hit.span.size();
    });
    if (!overlaps) kept.push_back(hit);
  }
  return kept;
}

void ApplyCues(const Context& context, const std::vector<CueHit>& cues, Draft* draft) {
  const Span trigger = draft->mention.trigger;
  const Span clause = draft->cue_clause;
  uint32_t certainty_distance = UINT32_MAX;
  uint32_t polarity_distance = UINT32_MAX;
  uint32_t tense_distance = UINT32_MAX;
  for (const CueHit& hit : ApplicableCues(cues, draft->rule->noun)) {
    const FactualityCue& cue = *hit.cue;
    if (!clause.Contains(hit.span)) continue;
    uint32_t distance;
    if (cue.side == CueSide::kBefore && hit.span.end <= trigger.begin) {
      distance = context.TokensBetween(hit.span.end, trigger.begin);
    } else if (cue.side == CueSide::kAfter && hit.span.begin >= trigger.end) {
      distance = context.TokensBetween(trigger.end, hit.span.begin);
    } else {
      continue;
    }
    if (distance > cue.distance) continue;
    if (cue.certainty && distance < certainty_distance) {
      certainty_distance = distance;
      draft->mention.certainty = *cue.certainty;
    }
    if (cue.polarity && distance < polarity_distance) {
      polarity_distance = distance;
      draft->mention.polarity = *cue.polarity;
    }
    if (cue.tense && distance < tense_distance) {
      tense_distance = distance;
      draft->mention.tense = *cue.tense;
      draft->tense_known = cue.strong;
    }
  }
}

// Compares a time expression with the publication date at the precision of its value (day,
// month or year): < 0 before, > 0 after, 0 same or not comparable.
int CompareWithPublication(const Context& context, uint32_t timex) {
  const std::string& date = context.doc.meta.date;
  if (timex == kNone || date.size() != 10) return 0;
  const std::string& value = context.timexes[timex].value;
  if (!IsDateValue(value)) return 0;
  bool day = value.size() >= 10 && value[4] == '-' && value[7] == '-';
  bool month = value.size() == 7 && value[4] == '-' && value[5] >= '0' && value[5] <= '9';
  size_t precision = day ? 10 : month ? 7 : value.size() == 4 ? 4 : 0;
  if (precision == 0) return 0;
  int order = value.compare(0, precision, date, 0, precision);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}

// A date after the publication date makes an event future where no words say otherwise.
bool AfterPublication(const Context& context, uint32_t timex) {
  return CompareWithPublication(context, timex) > 0;
}

bool BeforePublication(const Context& context, uint32_t timex) {
  return CompareWithPublication(context, timex) < 0;
}

// --- drafts of one sentence --------------------------------------------------------------

bool IsDefinite(const Context& context, Span sentence, Span trigger) {
  std::string_view text(context.doc.text);
  Span before = PreviousWord(text, trigger.begin, sentence.begin);
  for (int step = 0; step < 2 && !before.empty(); ++step) {
    if (WordIn(context, before, context.lexicon.determiners)) return true;
    // "Sunday's signings": a date in the possessive points at a known occasion.
    std::string_view word = before.In(text);
    if (word.size() > 2 && word.substr(word.size() - 2) == "'s") {
      std::vector<uint32_t> timexes = context.TimexesIn(sentence);
      return std::any_of(timexes.begin(), timexes.end(), [&](uint32_t timex) {
        return context.timexes[timex].span.Overlaps(before);
      });
    }
    before = PreviousWord(text, before.begin, sentence.begin);
  }
  return false;
}

// Whether one of the `words` words right before the trigger (lower case) is in `set`.
bool PrecededBy(const Context& context, Span sentence, Span trigger,
                const std::unordered_set<std::string>& set, int words) {
  std::string_view text(context.doc.text);
  uint32_t end = trigger.begin;
  for (int seen = 0; seen < words; ++seen) {
    while (end > sentence.begin && !std::isalpha(static_cast<unsigned char>(text[end - 1]))) {
      --end;
    }
    uint32_t begin = end;
    while (begin > sentence.begin && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) {
      --begin;
    }
    if (begin == end) return false;
    std::string word(text.substr(begin, end - begin));
    for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (set.count(word) > 0) return true;
    end = begin;
  }
  return false;
}

std::vector<Draft> SentenceDrafts(const Context& context, uint32_t sentence_index) {
  const Sentence& sentence = context.seg.sentences[sentence_index];
  std::vector<Candidate> candidates = FindCandidates(context, sentence.span);
  if (candidates.empty()) return {};
  std::optional<bool> title_case;  // read only when a capitalised trigger needs it
  auto is_title_case = [&] {
    if (!title_case) title_case = IsTitleCase(context.doc.text, sentence.span);
    return *title_case;
  };
  std::vector<Clause> clauses = SplitClauses(context, sentence.span);
  std::vector<CueHit> cues = FindCues(context, sentence.span);
  std::vector<Draft> drafts;
  for (const Candidate& candidate : candidates) {
    if (InsideName(context, sentence.span, is_title_case, candidate.trigger)) continue;
    // "a news conference" is where something is said, not a gathering of parties.
    if (candidate.rule->noun &&
        PrecededBy(context, sentence.span, candidate.trigger, context.lexicon.occasions, 1)) {
      continue;
    }
    Draft draft;
    draft.rule = candidate.rule;
    draft.mention.trigger = candidate.trigger;
    draft.mention.sentence = sentence_index;
    draft.mention.claim = ClaimHolding(context, candidate.trigger);
    draft.clause = ClauseOf(context, clauses, candidate.trigger, draft.mention.claim);
    draft.cue_clause = ClauseOf(context, clauses, candidate.trigger, kNone).span;
    draft.definite = draft.rule->noun && IsDefinite(context, sentence.span, candidate.trigger);
    // "was sanctioned", "were also banned": the subject is acted upon.
    draft.passive = !draft.rule->noun && PrecededBy(context, sentence.span, candidate.trigger,
                                                    context.lexicon.passives, 2);
    ApplyCues(context, cues, &draft);
    drafts.push_back(std::move(draft));
  }
  std::vector<Span> triggers;
  std::vector<Span> nouns;
  for (const Draft& draft : drafts) {
    triggers.push_back(draft.mention.trigger);
    if (draft.rule->noun) nouns.push_back(draft.mention.trigger);
  }
  for (Draft& draft : drafts) {
    CollectPlace(context, &draft);
    CollectTime(context, nouns, &draft);
  }
  // Gatherings take their organisation first, and nouns their modifiers, so that the
  // sentence's verbs do not take them too ("Obama and Putin may meet at the APEC summit").
  std::unordered_set<uint32_t> claimed;
  for (Draft& draft : drafts) {
    if (draft.rule->actors != ActorKind::kOrganization) continue;
    CollectActors(context, clauses, sentence.span, triggers, claimed, &draft);
    claimed.insert(draft.claimed.begin(), draft.claimed.end());
  }
  for (Draft& draft : drafts) {
    if (draft.rule->actors == ActorKind::kOrganization || !draft.rule->noun) continue;
    CollectActors(context, clauses, sentence.span, triggers, claimed, &draft);
    claimed.insert(draft.claimed.begin(), draft.claimed.end());
  }
  for (Draft& draft : drafts) {
    if (draft.rule->noun) continue;
    CollectActors(context, clauses, sentence.span, triggers, claimed, &draft);
  }
  for (Draft& draft : drafts) {
    InheritTimeAndPlace(context, clauses, nouns, &draft);
    // A date before or after publication says whether it is told as past or future.
    if (!draft.tense_known && draft.time != kNone) {
      draft.tense_known =
          AfterPublication(context, draft.time) || BeforePublication(context, draft.time);
      if (AfterPublication(context, draft.time)) draft.mention.tense = Tense::kFuture;
    }
  }
  return drafts;
}

// --- one event per happening -------------------------------------------------------------

struct Building {
  Event event;
  std::vector<const Draft*> drafts;  // in text order
  std::unordered_set<std::string> lemmas;
  std::unordered_set<uint32_t> actors;
  bool place_is_specific = false;
  bool known_future = false;
  bool known_non_future = false;
};

// An article tells of a happening again within this many other events; older ones are closed.
constexpr size_t kRecentEvents = 64;
constexpr uint32_t kRelativeReach = 8;  // tokens from a noun to the relative clause about it

bool TimesCompatible(const Context& context, uint32_t a, uint32_t b) {
  if (a == kNone || b == kNone) return true;
  const std::string& x = context.timexes[a].value;
  const std::string& y = context.timexes[b].value;
  if (!IsDateValue(x) || !IsDateValue(y)) return true;
  size_t common = std::min(x.size(), y.size());
  return x.compare(0, common, y, 0, common) == 0;
}

bool PlacesCompatible(const Context& context, uint32_t a, uint32_t b) {
  if (a == kNone || b == kNone || a == b) return true;
  // A country and a place in it cannot be told apart without a map: let them merge.
  return context.mentions.entities[a].type != context.mentions.entities[b].type;
}

// Calls `visit` on the building's drafts of `sentence` (they are its last ones) until it
// returns true; says whether it did.
template <typename Visit>
bool AnyInSentence(const Building& building, uint32_t sentence, Visit visit) {
  for (auto it = building.drafts.rbegin(); it != building.drafts.rend(); ++it) {
    if ((*it)->mention.sentence != sentence) return false;
    if (visit(**it)) return true;
  }
  return false;
}

// "signed the agreement", "launched missiles in response to the airstrike": a noun after a
// verb of the same type in its clause names another happening.
bool ObjectOfSameTypeVerb(const Context& context, const Building& building, const Draft& draft) {
  return AnyInSentence(building, draft.mention.sentence, [&](const Draft& other) {
    if (other.rule->noun || other.mention.trigger.end > draft.mention.trigger.begin) return false;
    Span between{other.mention.trigger.end, draft.mention.trigger.begin};
    return other.clause.span == draft.clause.span && !Contains(context.doc.text, between, ',');
  });
}

bool Compatible(const Context& context, const Building& building, const Draft& draft) {
  const Event& event = building.event;
  if (event.type != draft.rule->type) return false;
  if (building.drafts.back()->mention.polarity != draft.mention.polarity) return false;
  if (draft.tense_known &&
      (draft.mention.tense == Tense::kFuture ? building.known_non_future : building.known_future)) {
    return false;
  }
  if (!TimesCompatible(context, event.time, draft.time)) return false;
  if (!PlacesCompatible(context, event.place, draft.place)) return false;
  if (draft.rule->noun && ObjectOfSameTypeVerb(context, building, draft)) return false;
  bool same_lemma = building.lemmas.count(draft.rule->lemma) > 0;
  // A verb continues an event only in words of its own family, in another sentence (two verbs
  // of one sentence are two predications: "prohibited adoptions and banned entry"); a noun
  // may name an event told by other words ("met ... for an AU summit").
  if (!draft.rule->noun) {
    bool verb_in_sentence = AnyInSentence(building, draft.mention.sentence,
                                          [](const Draft& other) { return !other.rule->noun; });
    if (!same_lemma || verb_in_sentence) return false;
    // Roles reversed make another act ("the Senate banned Russians ... Russia banned
    // Americans"): the new agent was a target of the first telling.
    const Draft& first = *building.drafts.front();
    auto has = [](const std::vector<uint32_t>& list, uint32_t x) {
      return std::find(list.begin(), list.end(), x) != list.end();
    };
    bool reversed = std::any_of(draft.subjects.begin(), draft.subjects.end(), [&](uint32_t a) {
      return has(first.actors, a) && !has(first.subjects, a);
    });
    if (!first.rule->noun && reversed) return false;
  }
  if (!building.actors.empty() && !draft.actors.empty()) {
    return std::any_of(draft.actors.begin(), draft.actors.end(),
                       [&](uint32_t actor) { return building.actors.count(actor) > 0; });
  }
  return same_lemma;
}

// The event a relative clause's verb continues ("a coalition ..., which was joined by").
int RelativeAntecedent(const Context& context, const std::vector<Building>& events,
                       const std::vector<int>& recent, const Draft& draft) {
  if (draft.rule->noun || draft.clause.kind != ClauseKind::kRelative) return -1;
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    bool antecedent = AnyInSentence(events[*it], draft.mention.sentence, [&](const Draft& other) {
      return other.rule->noun && other.rule->type == draft.rule->type &&
             other.mention.trigger.end <= draft.clause.span.begin &&
             context.TokensBetween(other.mention.trigger.end, draft.clause.span.begin) <=
                 kRelativeReach;
    });
    if (antecedent) return *it;
  }
  return -1;
}

// "the meeting": the latest event of the type, one of the same word family first.
int BackReference(const std::vector<Building>& events, const std::vector<int>& recent,
                  const Draft& draft) {
  if (!draft.definite || !draft.actors.empty()) return -1;
  int any = -1;
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    const Building& building = events[*it];
    if (building.event.type != draft.rule->type ||
        building.drafts.back()->mention.polarity != draft.mention.polarity) {
      continue;
    }
    if (building.lemmas.count(draft.rule->lemma) > 0) return *it;
    if (any < 0) any = *it;
  }
  return any;
}

// The latest compatible event, if any.
int CompatibleEvent(const Context& context, const std::vector<Building>& events,
                    const std::vector<int>& recent, const Draft& draft) {
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    if (Compatible(context, events[*it], draft)) return *it;
  }
  return -1;
}

// "The two leaders": the parties of the latest event that has several.
void TakeGroup(const std::vector<Building>& events, const std::vector<int>& recent, Draft* draft) {
  for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
    const std::vector<uint32_t>& actors = events[*it].event.actors;
    if (actors.size() >= 2) {
      draft->actors = actors;
      draft->subjects = actors;
      return;
    }
  }
}

// Moves `index` to the most recent end, closing the oldest event beyond the window.
void Touch(int index, std::vector<int>* recent) {
  recent->erase(std::remove(recent->begin(), recent->end(), index), recent->end());
  recent->push_back(index);
  if (recent->size() > kRecentEvents) recent->erase(recent->begin());
}

void AddDraft(const Context& context, const Draft& draft, Building* building) {
  Event& event = building->event;
  if (building->drafts.empty()) {
    event.type = draft.rule->type;
    event.cameo = draft.rule->cameo;
  } else if (draft.rule->cameo.size() > event.cameo.size()) {
    event.cameo = draft.rule->cameo;
  }
  building->drafts.push_back(&draft);
  building->lemmas.insert(draft.rule->lemma);
  if (draft.tense_known) {
    (draft.mention.tense == Tense::kFuture ? building->known_future : building->known_non_future) =
        true;
  }
  event.mentions.push_back(draft.mention);
  for (uint32_t actor : draft.actors) {
    if (building->actors.insert(actor).second) event.actors.push_back(actor);
  }
  // The subject in the trigger's own clause acts: "Norway sanctioned Chile", "Norway imposed
  // sanctions on Chile"; a passive verb's subject does not.
  if (!draft.passive && draft.own_subject) {
    // Only names after the last comma before the trigger: "Norway banned flights, and Peru
    // criticized Chile" gives Peru alone; an apposition in between gives no agent at all.
    std::string_view before =
        Span{draft.clause.span.begin, draft.mention.trigger.begin}.In(context.doc.text);
    size_t comma = before.find_last_of(",;");
    uint32_t from = comma == std::string_view::npos
                        ? draft.clause.span.begin
                        : draft.clause.span.begin + static_cast<uint32_t>(comma) + 1;
    auto [first, last] = context.MentionsIn({from, draft.mention.trigger.begin});
    for (uint32_t subject : draft.subjects) {
      bool in_clause = false;
      for (uint32_t m = first; m < last; ++m) {
        in_clause = in_clause || context.mentions.mentions[m].entity == subject;
      }
      bool acts = in_clause && building->actors.count(subject) > 0;
      if (acts &&
          std::find(event.agents.begin(), event.agents.end(), subject) == event.agents.end()) {
        event.agents.push_back(subject);
      }
    }
  }
  if (draft.place != kNone) {
    bool specific = context.mentions.entities[draft.place].type == EntityType::kPlace;
    if (event.place == kNone || (specific && !building->place_is_specific)) {
      event.place = draft.place;
      building->place_is_specific = specific;
    }
  }
  if (draft.time != kNone && event.time == kNone) event.time = draft.time;
}

std::string JoinNames(const Context& context, const std::vector<uint32_t>& entities) {
  std::string out;
  for (size_t i = 0; i < entities.size(); ++i) {
    if (i > 0) out += i + 1 == entities.size() ? " and " : ", ";
    out += context.mentions.entities[entities[i]].name;
  }
  return out;
}

// Final touches: tense from the event's date, the CAMEO code the whole event shows, a label.
void Finish(const Context& context, Building* building) {
  Event& event = building->event;
  for (size_t i = 0; i < event.mentions.size(); ++i) {
    if (!building->drafts[i]->tense_known && AfterPublication(context, event.time)) {
      event.mentions[i].tense = Tense::kFuture;
    }
  }
  const std::string& future_cameo = building->drafts.front()->rule->future_cameo;
  bool all_future = std::all_of(event.mentions.begin(), event.mentions.end(),
                                [](const EventMention& m) { return m.tense == Tense::kFuture; });
  if (!future_cameo.empty() && all_future) event.cameo = future_cameo;
  std::string type = Lower(event.type);
  if (!event.actors.empty()) {
    event.label = type + " of " + JoinNames(context, event.actors);
  } else {
    event.label = type + " (" + Lower(event.mentions.front().trigger.In(context.doc.text)) + ")";
  }
  if (event.place != kNone) event.label += " in " + context.mentions.entities[event.place].name;
}

}  // namespace

std::vector<Event> FindEvents(const Document& doc, const Segmentation& seg,
                              const Mentions& mentions, const std::vector<Timex>& timexes,
                              const std::vector<Claim>& claims, const TriggerLexicon& triggers) {
  Context context{doc, seg, mentions, timexes, claims, triggers.data(), {}, {}};
  for (uint32_t i = 0; i < timexes.size(); ++i) context.timex_order.push_back(i);
  std::sort(context.timex_order.begin(), context.timex_order.end(),
            [&](uint32_t a, uint32_t b) { return timexes[a].span < timexes[b].span; });
  for (uint32_t i = 0; i < claims.size(); ++i) context.claim_order.push_back(i);
  std::sort(context.claim_order.begin(), context.claim_order.end(),
            [&](uint32_t a, uint32_t b) { return claims[a].content < claims[b].content; });
  std::vector<Draft> drafts;
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    uint32_t paragraph = seg.sentences[s].paragraph;
    if (paragraph != kNone && seg.paragraphs[paragraph].boilerplate) continue;
    std::vector<Draft> found = SentenceDrafts(context, s);
    for (Draft& draft : found) drafts.push_back(std::move(draft));
  }
  std::vector<Building> events;
  std::vector<int> recent;  // indices into events, the most recently told last
  for (Draft& draft : drafts) {
    if (draft.group_subject) TakeGroup(events, recent, &draft);
    int target = RelativeAntecedent(context, events, recent, draft);
    if (target < 0) target = BackReference(events, recent, draft);
    if (target < 0) target = CompatibleEvent(context, events, recent, draft);
    if (target < 0) {
      events.emplace_back();
      target = static_cast<int>(events.size()) - 1;
    }
    AddDraft(context, draft, &events[target]);
    Touch(target, &recent);
  }
  std::vector<Event> out;
  out.reserve(events.size());
  for (Building& building : events) {
    Finish(context, &building);
    out.push_back(std::move(building.event));
  }
  return out;
}

}  // namespace hearsay

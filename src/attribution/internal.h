// Internals of the attribution stage, shared by its source files.
#ifndef HEARSAY_ATTRIBUTION_INTERNAL_H_
#define HEARSAY_ATTRIBUTION_INTERNAL_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <vector>

#include "hearsay/attribution.h"
#include "hearsay/document.h"
#include "hearsay/word_table.h"

namespace hearsay {

// How a cue word or phrase takes part in an attribution (cues.tsv, column "role").
enum class CueRole { kVerb, kGerund, kBelief, kAccording, kPunctuation };

struct CueForm {
  std::string lemma;
  CueRole role = CueRole::kVerb;
  bool audience = false;    // "told reporters ...": skip the addressee
  bool quote_only = false;  // "he continued": a cue only before or after a quotation
  bool cites = false;       // "citing a source": names the source of an outlet's report
};

// How a rule reads the source from its src group (attribution-rules.tsv, column 2).
enum class SourceMode { kRegion, kForward };

struct AttributionRule {
  std::string name;
  SourceMode mode = SourceMode::kRegion;
  std::unique_ptr<RE2> pattern;
  int src_group = -1;  // capturing group numbers, -1 when the rule has none
  int cue_group = -1;
  int before_group = -1;
  int after_group = -1;
};

struct CueLexicon::Data {
  WordTable<CueForm> cues;  // lower-case form, words joined by ' '
  size_t max_cue_words = 1;
  // Every form and its leading words ("according" of "according to"): a look-up stops as soon
  // as the words read so far begin no form.
  WordTable<bool> cue_prefixes;
  // Whether the first word of every form is made of ASCII letters, and the longest one's
  // length (see MayHoldCue).
  bool first_words_are_letters = true;
  size_t longest_first_word = 0;
  // By length, the initials of the first words of that length (bit i: letter 'a' + i), which
  // rule out most words before a look-up.
  std::vector<uint32_t> first_word_initials;
  WordTable<char> word_classes;        // attribution-words.tsv
  std::vector<AttributionRule> rules;  // in priority order
  std::unique_ptr<RE2::Set> rule_set;  // the same patterns, to filter
};

// One word or mark of a sentence with its skeleton letter (see attribution-rules.tsv).
struct Unit {
  Span span;
  char letter = 'w';
  uint32_t mention = kNone;      // Mentions::mentions index
  uint32_t quotation = kNone;    // Segmentation::quotations index (marks and inner words)
  const CueForm* cue = nullptr;  // set on the first word of a cue
  uint32_t cue_words = 0;        // words of that cue
};

// Indices, in order, of the quotations whose outer span overlaps `span`. Quotations are sorted
// by start and nest at most a few deep, so a short look back finds those holding `span`'s start:
// no scan of the whole article per sentence or claim.
std::vector<uint32_t> QuotationsTouching(const Segmentation& seg, Span span);

// Indices [first, last) of the time expressions (in text order) that overlap `span`.
std::pair<uint32_t, uint32_t> TimexesTouching(const std::vector<Timex>& timexes, Span span);

// The first quotation of the paragraph that closes right before sentence `sentence`, with only
// white space between them, or kNone.
uint32_t QuotationClosingBefore(const Document& doc, const Segmentation& seg, uint32_t sentence);

// Buffers that MayHoldCue and SentenceUnits reuse from one sentence to the next.
struct UnitBuffers {
  std::vector<uint32_t> mentions;    // indices of the mentions touching the sentence
  std::vector<uint32_t> rest_start;  // per entry of `mentions`, the earliest start from it on
  std::vector<uint32_t> outer_cuts;  // unit starts at quotation marks and mention boundaries
  std::vector<uint32_t> token_cuts;  // unit starts inside the token being split
  std::string lower;                 // the sentence's units' text in lower case
  std::string key;                   // a cue form being looked up
};

// The units of one sentence, in order, into `units`. Tokens are split where a quotation mark or
// a mention boundary falls inside them, so that marks and names are units of their own.
void SentenceUnits(const Document& doc, const Segmentation& seg, const Mentions& mentions,
                   const std::vector<Timex>& timexes, const CueLexicon::Data& lexicon,
                   uint32_t sentence, UnitBuffers* buffers, std::vector<Unit>* units);

// False when sentence `sentence` can hold no cue, so that its units need not be built: no
// quotation touches it or closes right before it (no marks for `X: "..."` or `"..." — X`), and
// no word of it begins a cue form.
bool MayHoldCue(const Document& doc, const Segmentation& seg, const Mentions& mentions,
                const CueLexicon::Data& lexicon, uint32_t sentence, UnitBuffers* buffers);

// Marks the layouts `X: "..."` and `"..." — X` as cues: a colon right before a quotation and a
// dash right after one.
void MarkPunctuationCues(std::vector<Unit>* units);

// The skeleton letter that marks the cue being looked at.
char CurrentCueLetter(const Unit& unit);

}  // namespace hearsay

#endif  // HEARSAY_ATTRIBUTION_INTERNAL_H_

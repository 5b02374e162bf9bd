// The document and the analysis that flows through the pipeline stages.
//
// Every stage is a pure function that reads the Document and the earlier parts of the
// Analysis and returns its own part. Parts refer to each other by index (kNone = none);
// spans are byte offsets into Document::text.
#ifndef HEARSAY_DOCUMENT_H_
#define HEARSAY_DOCUMENT_H_

#include <string>
#include <vector>

#include "hearsay/span.h"
#include "hearsay/status.h"

namespace hearsay {

struct ArticleMeta {
  std::string date;       // publication date, YYYY-MM-DD, or empty when unknown
  std::string publisher;  // e.g. "The Moscow Times"
  std::string url;
  std::string title;
};

// One article as ingested: valid UTF-8 text plus metadata.
struct Document {
  std::string origin;  // where it came from, for diagnostics ("a.jsonl:17")
  ArticleMeta meta;
  std::string text;
};

// --- segment ---------------------------------------------------------------------------

struct Paragraph {
  Span span;
  bool boilerplate = false;  // navigation, appeals, newsletter boxes: no output from here
  bool headline = false;     // the article's title line, if it is part of the text
};

struct Token {
  Span span;
  uint32_t sentence = kNone;
};

struct Sentence {
  Span span;
  uint32_t paragraph = kNone;
  uint32_t first_token = 0;  // tokens [first_token, end_token)
  uint32_t end_token = 0;
};

// A quotation: the text between matching quotation marks (straight or curly, mixed).
struct Quotation {
  Span outer;  // including the marks
  Span inner;  // without them
};

struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Quotation> quotations;  // in text order; may span sentences and paragraphs
};

// --- mentions --------------------------------------------------------------------------

enum class EntityType { kPerson, kOrganization, kCountry, kPlace, kMedia };

// One referent within the article ("President Vladimir Putin" ... "Putin").
struct Entity {
  EntityType type = EntityType::kPerson;
  std::string name;                // canonical name ("Vladimir Putin")
  std::string country;             // ISO 3166 alpha-3 where one applies
  std::string wikidata;            // verified Q-id from the gazetteer, else empty
  std::vector<uint32_t> mentions;  // indices into Mentions::mentions
};

enum class MentionKind {
  kName,         // "Vladimir Putin", "Interfax", "Russia"
  kDemonym,      // "Russian", "American" (refers to the country)
  kDescription,  // "a Putin aide", "the minister", "officials" (entity may be kNone)
  kPronoun,      // "he", "she", "they" (entity resolved by coreference, else kNone)
};

struct Mention {
  Span span;
  uint32_t entity = kNone;
  uint32_t sentence = kNone;
  MentionKind kind = MentionKind::kName;
  Span title;  // title or role words before a name ("U.S. President"), empty if none
};

// A plural description and the people it stands for ("the two leaders" -> Putin, Obama).
struct MentionGroup {
  uint32_t mention = kNone;        // index into Mentions::mentions
  std::vector<uint32_t> entities;  // indices into Mentions::entities, in text order
};

struct Mentions {
  std::vector<Entity> entities;
  std::vector<Mention> mentions;     // sorted by span
  std::vector<MentionGroup> groups;  // sorted by mention
};

// --- timex -----------------------------------------------------------------------------

enum class TimexType { kDate, kTime, kDuration, kSet };

struct Timex {
  Span span;
  uint32_t sentence = kNone;
  TimexType type = TimexType::kDate;
  std::string value;  // TIMEX3 value ("2013-10-07", "2013-W39", "PAST_REF", "P3D"); may be empty
};

// --- attribution -----------------------------------------------------------------------

enum class QuoteKind { kDirect, kIndirect, kMixed };

struct Claim {
  Span content;           // what is attributed, without enclosing quotation marks
  Span source;            // the words naming the source; empty if unstated ("reportedly")
  Span cue;               // "said", "according to"
  std::string cue_lemma;  // "say"
  QuoteKind kind = QuoteKind::kIndirect;
  uint32_t source_entity = kNone;  // Mentions::entities index, when resolved
  std::vector<uint32_t> relays;    // Mentions::entities indices of relaying outlets
  uint32_t said_at = kNone;        // Timexes index: when it was said
  Span occasion;                   // "at a news briefing"; empty if none
  std::string rule;                // name of the attribution rule that found it
};

// --- events ----------------------------------------------------------------------------

enum class Certainty { kCertain, kProbable, kPossible, kUnderspecified };
enum class Polarity { kPositive, kNegative };
enum class Tense { kFuture, kNonFuture };

struct EventMention {
  Span trigger;
  uint32_t sentence = kNone;
  Certainty certainty = Certainty::kCertain;
  Polarity polarity = Polarity::kPositive;
  Tense tense = Tense::kNonFuture;
  uint32_t claim = kNone;  // the claim whose content holds this mention, if any
};

struct Event {
  std::string type;   // ontology class local name: "Meeting", "Visit", ...
  std::string cameo;  // "044", or empty
  std::string label;  // readable, e.g. "meeting of Vladimir Putin and Barack Obama"
  std::vector<EventMention> mentions;
  std::vector<uint32_t> actors;  // Mentions::entities indices
  // The actors who act: the subject of an active verbal trigger ("Canada sanctioned Iran").
  // When known, the other actors are the targets (CAMEO's source and target actors).
  std::vector<uint32_t> agents;
  uint32_t place = kNone;  // Mentions::entities index
  uint32_t time = kNone;   // Timex index
};

// --- the whole analysis ----------------------------------------------------------------

struct Analysis {
  Segmentation segmentation;
  Mentions mentions;
  std::vector<Timex> timexes;
  std::vector<Claim> claims;
  std::vector<Event> events;
  std::vector<Diagnostic> diagnostics;  // warnings about this document (e.g. no date)
};

}  // namespace hearsay

#endif  // HEARSAY_DOCUMENT_H_

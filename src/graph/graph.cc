#include "hearsay/graph.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/vocabulary.h"

namespace hearsay {
namespace {

using namespace vocab;  // NOLINT: the namespace constants read like the prefixes they are.

// Seeds are versioned so that a change of the minting scheme never reuses old IRIs.
constexpr char kSeedVersion[] = "hearsay1|";

// Byte offset -> code point offset, for #char= IRIs and NIF indices. Checkpoints every
// kStride bytes keep memory small on huge texts and each lookup short.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    uint32_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kStride == 0) checkpoints_.push_back(count);
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
  }

  uint32_t At(uint32_t byte_offset) const {
    size_t block = byte_offset / kStride;
    if (block >= checkpoints_.size()) block = checkpoints_.empty() ? 0 : checkpoints_.size() - 1;
    uint32_t count = checkpoints_.empty() ? 0 : checkpoints_[block];
    for (size_t i = block * kStride; i < byte_offset && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
  }

 private:
  static constexpr size_t kStride = 256;
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;
};

std::string Mint(char letter, std::string_view seed) {
  std::string input = kSeedVersion;
  input.append(seed);
  return letter + Sha256Hex(input).substr(0, 16);
}

// Lower-case ASCII letters and digits of `name` ("The Moscow Times" -> "themoscowtimes").
std::string Slug(std::string_view name) {
  std::string slug;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') slug.push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) slug.push_back(c);
  }
  return slug;
}

// Letters and digits only, as serd abbreviates only those ("2013-W39" -> "2013W39").
std::string AlnumOnly(std::string_view value) {
  std::string out;
  for (char c : value) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    }
  }
  return out;
}

// Case- and space-insensitive key for entity names.
std::string NameKey(std::string_view name) {
  std::string key;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = !key.empty();
      continue;
    }
    if (space) key.push_back(' ');
    space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

// Text snippets become single-line literals (Serd 0.30 cannot reread some multi-line ones).
std::string Snippet(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

bool IsDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsDay(std::string_view v) {
  return v.size() == 10 && IsDigits(v.substr(0, 4)) && v[4] == '-' && IsDigits(v.substr(5, 2)) &&
         v[7] == '-' && IsDigits(v.substr(8, 2));
}
bool IsYearMonth(std::string_view v) {
  return v.size() == 7 && IsDigits(v.substr(0, 4)) && v[4] == '-' && IsDigits(v.substr(5, 2));
}
bool IsYear(std::string_view v) { return v.size() == 4 && IsDigits(v); }

std::string Join(const char* ns, std::string_view local) {
  std::string iri = ns;
  iri.append(local);
  return iri;
}

class Builder {
 public:
  Builder(const Document& doc, const Analysis& analysis)
      : doc_(doc), analysis_(analysis), code_points_(doc.text), text_sha256_(Sha256Hex(doc.text)) {}

  Graph Build() {
    graph_.document_iri =
        Join(kDoc, Mint('d', "doc|" + (doc_.meta.url.empty() ? text_sha256_ : doc_.meta.url)));
    AddArticle();
    for (size_t i = 0; i < analysis_.mentions.entities.size(); ++i) AddEntity(i);
    for (size_t i = 0; i < analysis_.timexes.size(); ++i) AddTime(i);
    for (size_t i = 0; i < analysis_.events.size(); ++i) AddEvent(i);
    for (size_t i = 0; i < analysis_.claims.size(); ++i) AddClaim(i);
    AddMentions();
    std::sort(graph_.triples.begin(), graph_.triples.end());
    graph_.triples.erase(std::unique(graph_.triples.begin(), graph_.triples.end()),
                         graph_.triples.end());
    return std::move(graph_);
  }

 private:
  void Add(const std::string& subject, const char* ns, const char* local, Term object) {
    graph_.triples.push_back({Term::Iri(subject), Term::Iri(Join(ns, local)), std::move(object)});
  }
  void AddType(const std::string& subject, const char* ns, const char* local) {
    Add(subject, kRdf, "type", Term::Iri(Join(ns, local)));
  }
  void AddText(const std::string& subject, const char* ns, const char* local,
               std::string_view text) {
    Add(subject, ns, local, Term::Literal(Snippet(text)));
  }

  // The IRI of a text span; its nif:String triples are written once at the end.
  std::string MentionIri(Span span) {
    mention_spans_.insert(span);
    return graph_.document_iri + "#char=" + std::to_string(code_points_.At(span.begin)) + "," +
           std::to_string(code_points_.At(span.end));
  }

  std::string SourceIri(std::string_view name) {
    std::string slug = Slug(name);
    return Join(kSource, slug.empty() ? Mint('s', "source|" + std::string(name)) : slug);
  }

  std::string PublisherIri() const { return publisher_iri_; }

  // How each kind of entity (all but outlets, which are source: nodes) is named and typed.
  struct EntityKind {
    EntityType type;
    char letter;
    const char* seed;
    bool actor;  // sem:Actor
    bool place;  // sem:Place
    const char* schema_class;
  };
  static const EntityKind* KindOf(EntityType type) {
    // A country acts (sanctions, talks) and is a place.
    static constexpr EntityKind kKinds[] = {
        {EntityType::kPerson, 'p', "person", true, false, "Person"},
        {EntityType::kOrganization, 'o', "organization", true, false, "Organization"},
        {EntityType::kCountry, 'c', "country", true, true, "Country"},
        {EntityType::kPlace, 'l', "place", false, true, "Place"}};
    for (const EntityKind& kind : kKinds) {
      if (kind.type == type) return &kind;
    }
    return nullptr;
  }

  std::string EntityIri(size_t index) {
    const Entity& entity = analysis_.mentions.entities[index];
    const EntityKind* kind = KindOf(entity.type);
    if (kind == nullptr) return SourceIri(entity.name);
    return Join(kEntity, Mint(kind->letter,
                              std::string("entity|") + kind->seed + "|" + NameKey(entity.name)));
  }

  void AddArticle() {
    const std::string& iri = graph_.document_iri;
    AddType(iri, kSchema, "NewsArticle");
    AddType(iri, kNif, "Context");
    if (!doc_.meta.date.empty()) {
      Add(iri, kSchema, "datePublished", Term::Literal(doc_.meta.date, Join(kXsd, "date")));
    }
    if (!doc_.meta.publisher.empty()) {
      publisher_iri_ = SourceIri(doc_.meta.publisher);
      Add(iri, kSchema, "publisher", Term::Iri(publisher_iri_));
      AddSourceOrganization(publisher_iri_, doc_.meta.publisher);
    }
    std::string headline = doc_.meta.title;
    if (headline.empty()) {
      for (const Paragraph& paragraph : analysis_.segmentation.paragraphs) {
        if (paragraph.headline) {
          headline = std::string(paragraph.span.In(doc_.text));
          break;
        }
      }
    }
    if (!headline.empty()) AddText(iri, kSchema, "headline", headline);
    if (!doc_.meta.url.empty())
      Add(iri, kSchema, "url", Term::Literal(doc_.meta.url, Join(kXsd, "anyURI")));
    Add(iri, kHs, "textSha256", Term::Literal(text_sha256_));
  }

  void AddSourceOrganization(const std::string& iri, std::string_view name) {
    AddType(iri, kSchema, "NewsMediaOrganization");
    AddType(iri, kProv, "Agent");
    AddText(iri, kRdfs, "label", name);
  }

  void AddEntity(size_t index) {
    const Entity& entity = analysis_.mentions.entities[index];
    std::string iri = EntityIri(index);
    if (const EntityKind* kind = KindOf(entity.type)) {
      if (kind->actor) AddType(iri, kSem, "Actor");
      if (kind->place) AddType(iri, kSem, "Place");
      AddType(iri, kSchema, kind->schema_class);
      AddText(iri, kRdfs, "label", entity.name);
    } else {
      AddSourceOrganization(iri, entity.name);
    }
    if (!entity.wikidata.empty())
      Add(iri, kSkos, "exactMatch", Term::Iri(Join(kWd, entity.wikidata)));
    for (uint32_t m : entity.mentions) {
      Add(iri, kGaf, "denotedBy", Term::Iri(MentionIri(analysis_.mentions.mentions[m].span)));
    }
  }

  // Named by the value; a set ("weekly", P1W) is kept apart from the duration of the same
  // value ("one week") so merged outputs never give one node two kinds.
  std::string TimeIri(const Timex& timex) {
    return Join(kWhen, (timex.type == TimexType::kSet ? "set" : "") + AlnumOnly(timex.value));
  }

  void AddTime(size_t index) {
    const Timex& timex = analysis_.timexes[index];
    if (AlnumOnly(timex.value).empty()) return;  // unresolved: no node to merge on
    std::string iri = TimeIri(timex);
    static constexpr const char* kTypeNames[] = {"DATE", "TIME", "DURATION", "SET"};
    if (timex.type == TimexType::kDuration) {
      AddType(iri, kTime, "Duration");
    } else {
      AddType(iri, kSem, "Time");
      AddType(iri, kTime, IsDay(timex.value) ? "Instant" : "Interval");
    }
    Add(iri, kHs, "timex3", Term::Literal(timex.value));
    Add(iri, kHs, "timexType", Term::Literal(kTypeNames[static_cast<int>(timex.type)]));
    if (IsDay(timex.value)) {
      Add(iri, kTime, "inXSDDate", Term::Literal(timex.value, Join(kXsd, "date")));
    } else if (IsYearMonth(timex.value)) {
      Add(iri, kTime, "inXSDgYearMonth", Term::Literal(timex.value, Join(kXsd, "gYearMonth")));
    } else if (IsYear(timex.value)) {
      Add(iri, kTime, "inXSDgYear", Term::Literal(timex.value, Join(kXsd, "gYear")));
    }
    Add(iri, kGaf, "denotedBy", Term::Iri(MentionIri(timex.span)));
  }

  // Claim sources: the resolved entity, else a document-local agent named by the span.
  std::string ClaimSourceIri(const Claim& claim) {
    if (claim.source_entity != kNone) return EntityIri(claim.source_entity);
    if (claim.source.empty()) return {};
    std::string iri = Join(kEntity, Mint('a', "agent|" + graph_.document_iri + "|" +
                                                  std::to_string(claim.source.begin) + "," +
                                                  std::to_string(claim.source.end)));
    AddType(iri, kSem, "Actor");
    AddType(iri, kProv, "Agent");
    AddText(iri, kRdfs, "label", claim.source.In(doc_.text));
    Add(iri, kGaf, "denotedBy", Term::Iri(MentionIri(claim.source)));
    return iri;
  }

  std::string ClaimIri(const Claim& claim) {
    return Join(kClaim, Mint('c', "claim|" + graph_.document_iri + "|" + SpanKey(claim.content) +
                                      "|" + SpanKey(claim.cue)));
  }

  std::string SpanKey(Span span) const {
    return std::to_string(code_points_.At(span.begin)) + "," +
           std::to_string(code_points_.At(span.end));
  }

  void AddClaim(size_t index) {
    const Claim& claim = analysis_.claims[index];
    std::string iri = ClaimIri(claim);
    AddType(iri, kSchema, "Claim");
    AddText(iri, kSchema, "text", claim.content.In(doc_.text));
    Add(iri, kGaf, "denotedBy", Term::Iri(MentionIri(claim.content)));
    if (!claim.source.empty()) Add(iri, kHs, "sourceMention", Term::Iri(MentionIri(claim.source)));
    if (!claim.cue.empty()) Add(iri, kHs, "cueMention", Term::Iri(MentionIri(claim.cue)));
    if (!claim.cue_lemma.empty()) AddText(iri, kHs, "cue", claim.cue_lemma);
    static constexpr const char* kKinds[] = {"Direct", "Indirect", "Mixed"};
    Add(iri, kHs, "quoteKind", Term::Iri(Join(kHs, kKinds[static_cast<int>(claim.kind)])));
    std::string source = ClaimSourceIri(claim);
    if (!source.empty()) {
      Add(iri, kSchema, "author", Term::Iri(source));
      Add(iri, kProv, "wasAttributedTo", Term::Iri(source));
    }
    Add(iri, kSchema, "appearance", Term::Iri(graph_.document_iri));
    for (uint32_t relay : claim.relays) Add(iri, kHs, "reportedBy", Term::Iri(EntityIri(relay)));
    if (claim.said_at != kNone && IsDay(analysis_.timexes[claim.said_at].value)) {
      Add(iri, kSchema, "dateCreated",
          Term::Literal(analysis_.timexes[claim.said_at].value, Join(kXsd, "date")));
    }
    if (!claim.occasion.empty()) AddText(iri, kHs, "occasion", claim.occasion.In(doc_.text));
    auto [first, last] = claim_events_.equal_range(static_cast<uint32_t>(index));
    for (auto it = first; it != last; ++it) Add(iri, kHs, "aboutEvent", Term::Iri(it->second));
  }

  std::string EventIri(const Event& event) {
    bool day_precise = event.time != kNone && IsDay(analysis_.timexes[event.time].value);
    if (!event.actors.empty() && day_precise && event.place != kNone) {
      std::vector<std::string> actors;
      for (uint32_t actor : event.actors) actors.push_back(EntityIri(actor));
      std::sort(actors.begin(), actors.end());
      std::string seed = "event|" + event.type;
      for (const std::string& actor : actors) seed += "|" + actor;
      seed += "|" + analysis_.timexes[event.time].value + "|" + EntityIri(event.place);
      return Join(kEvent, Mint('e', seed));
    }
    Span first = event.mentions.empty() ? Span{} : event.mentions.front().trigger;
    for (const EventMention& mention : event.mentions) first = std::min(first, mention.trigger);
    return Join(kEvent, Mint('e', "event|" + graph_.document_iri + "|" + SpanKey(first)));
  }

  void AddEvent(size_t index) {
    const Event& event = analysis_.events[index];
    std::string iri = EventIri(event);
    AddType(iri, kSem, "Event");
    if (!event.type.empty()) AddType(iri, kHs, event.type.c_str());
    if (!event.cameo.empty()) {
      std::string code = Join(kCameo, event.cameo);
      Add(iri, kSem, "eventType", Term::Iri(code));
      Add(code, kRdf, "type", Term::Iri(Join(kSkos, "Concept")));
      Add(code, kSkos, "notation", Term::Literal(event.cameo));
    }
    if (!event.label.empty()) AddText(iri, kRdfs, "label", event.label);
    for (uint32_t actor : event.actors) {
      Add(iri, kSem, "hasActor", Term::Iri(EntityIri(actor)));
      if (event.agents.empty()) continue;
      bool agent = std::find(event.agents.begin(), event.agents.end(), actor) != event.agents.end();
      Add(iri, kHs, agent ? "agent" : "target", Term::Iri(EntityIri(actor)));
    }
    if (event.place != kNone) Add(iri, kSem, "hasPlace", Term::Iri(EntityIri(event.place)));
    if (event.time != kNone && !AlnumOnly(analysis_.timexes[event.time].value).empty()) {
      Add(iri, kSem, "hasTime", Term::Iri(TimeIri(analysis_.timexes[event.time])));
    }
    for (const EventMention& mention : event.mentions) {
      std::string mention_iri = MentionIri(mention.trigger);
      Add(iri, kGaf, "denotedBy", Term::Iri(mention_iri));
      std::string attributed_to = PublisherIri();
      if (mention.claim != kNone) {
        claim_events_.emplace(mention.claim, iri);
        std::string source = ClaimSourceIri(analysis_.claims[mention.claim]);
        if (!source.empty()) attributed_to = source;
      }
      if (attributed_to.empty()) attributed_to = graph_.document_iri;
      AddFactuality(mention_iri, mention, attributed_to);
    }
  }

  void AddFactuality(const std::string& mention_iri, const EventMention& mention,
                     const std::string& attributed_to) {
    static constexpr const char* kCertainty[] = {"CERTAIN", "PROBABLE", "POSSIBLE",
                                                 "UNDERSPECIFIED"};
    static constexpr const char* kPolarity[] = {"POSITIVE", "NEGATIVE"};
    static constexpr const char* kTense[] = {"FUTURE", "NON_FUTURE"};
    const char* values[] = {kCertainty[static_cast<int>(mention.certainty)],
                            kPolarity[static_cast<int>(mention.polarity)],
                            kTense[static_cast<int>(mention.tense)]};
    std::string iri = Join(kAtt, Mint('a', "att|" + mention_iri + "|" + values[0] + "|" +
                                               values[1] + "|" + values[2] + "|" + attributed_to));
    Add(mention_iri, kGrasp, "hasAttribution", Term::Iri(iri));
    AddType(iri, kGrasp, "Attribution");
    for (const char* value : values) Add(iri, kRdf, "value", Term::Iri(Join(kGraspf, value)));
    Add(iri, kGrasp, "wasAttributedTo", Term::Iri(attributed_to));
  }

  void AddMentions() {
    const std::string xsd_index = Join(kXsd, "nonNegativeInteger");
    for (Span span : mention_spans_) {
      std::string iri = MentionIri(span);
      AddType(iri, kNif, "String");
      Add(iri, kNif, "referenceContext", Term::Iri(graph_.document_iri));
      Add(iri, kNif, "beginIndex",
          Term::Literal(std::to_string(code_points_.At(span.begin)), xsd_index));
      Add(iri, kNif, "endIndex",
          Term::Literal(std::to_string(code_points_.At(span.end)), xsd_index));
      AddText(iri, kNif, "anchorOf", span.In(doc_.text));
    }
  }

  const Document& doc_;
  const Analysis& analysis_;
  CodePointIndex code_points_;
  const std::string text_sha256_;  // names the article when it has no URL, and is stated on it
  Graph graph_;
  std::string publisher_iri_;
  std::set<Span> mention_spans_;
  std::multimap<uint32_t, std::string> claim_events_;  // claim index -> event IRI
};

std::tuple<int, const std::string&, const std::string&> Key(const Term& t) {
  return {static_cast<int>(t.kind), t.value, t.datatype};
}

}  // namespace

bool operator<(const Term& a, const Term& b) { return Key(a) < Key(b); }
bool operator==(const Term& a, const Term& b) { return Key(a) == Key(b); }

// Subjects grouped; within a subject rdf:type first, so Turtle reads "x a T ; ...".
bool operator<(const Triple& a, const Triple& b) {
  static const std::string kType = Join(kRdf, "type");
  if (!(a.subject == b.subject)) return a.subject < b.subject;
  bool a_type = a.predicate.value == kType, b_type = b.predicate.value == kType;
  if (a_type != b_type) return a_type;
  if (!(a.predicate == b.predicate)) return a.predicate < b.predicate;
  return a.object < b.object;
}
bool operator==(const Triple& a, const Triple& b) {
  return a.subject == b.subject && a.predicate == b.predicate && a.object == b.object;
}

const std::vector<Namespace>& OutputNamespaces() {
  // Most specific first: serd uses the first matching prefix, not the longest.
  static const std::vector<Namespace> kNamespaces = {
      {"hs", kHs},         {"doc", kDoc},       {"claim", kClaim},   {"event", kEvent},
      {"entity", kEntity}, {"source", kSource}, {"when", kWhen},     {"cameo", kCameo},
      {"att", kAtt},       {"sem", kSem},       {"graspf", kGraspf}, {"grasp", kGrasp},
      {"gaf", kGaf},       {"prov", kProv},     {"schema", kSchema}, {"nif", kNif},
      {"time", kTime},     {"skos", kSkos},     {"wd", kWd},         {"rdf", kRdf},
      {"rdfs", kRdfs},     {"xsd", kXsd},
  };
  return kNamespaces;
}

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

Graph BuildGraph(const Document& doc, const Analysis& analysis) {
  return Builder(doc, analysis).Build();
}

}  // namespace hearsay

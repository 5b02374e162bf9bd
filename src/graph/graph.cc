#include "hearsay/graph.h"

#include <openssl/evp.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <unordered_map>

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
  static constexpr size_t kStride = 32;
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
  Builder(const Document& doc, const Analysis& analysis, const GraphOptions& options)
      : doc_(doc),
        analysis_(analysis),
        options_(options),
        code_points_(doc.text),
        text_sha256_(Sha256Hex(doc.text)),
        entity_iris_(analysis.mentions.entities.size()),
        entity_nodes_(analysis.mentions.entities.size(), kNone),
        claim_sources_(analysis.claims.size()) {}

  Graph Build() {
    document_iri_ =
        Join(kDoc, Mint('d', "doc|" + (doc_.meta.url.empty() ? text_sha256_ : doc_.meta.url)));
    document_ = Iri(document_iri_);
    AddArticle();
    for (size_t i = 0; i < analysis_.mentions.entities.size(); ++i) AddEntity(i);
    for (size_t i = 0; i < analysis_.timexes.size(); ++i) AddTime(i);
    for (size_t i = 0; i < analysis_.events.size(); ++i) AddEvent(i);
    for (size_t i = 0; i < analysis_.claims.size(); ++i) AddClaim(i);
    AddMentions();
    return statements_.Finish(std::move(document_iri_));
  }

 private:
  // Terms are interned as they are made; statements refer to them by id.
  uint32_t Iri(std::string iri) { return statements_.Intern(Term::Iri(std::move(iri))); }

  // A vocabulary IRI (predicate or class), made once per run of the builder.
  uint32_t Vocabulary(const char* ns, const char* local) {
    auto [it, inserted] = vocabulary_.try_emplace({ns, local}, 0);
    if (inserted) it->second = Iri(Join(ns, local));
    return it->second;
  }

  void Add(uint32_t subject, const char* ns, const char* local, uint32_t object) {
    statements_.Add(subject, Vocabulary(ns, local), object);
  }
  void Add(uint32_t subject, const char* ns, const char* local, Term object) {
    Add(subject, ns, local, statements_.Intern(std::move(object)));
  }
  void AddType(uint32_t subject, const char* ns, const char* local) {
    Add(subject, kRdf, "type", Vocabulary(ns, local));
  }
  void AddText(uint32_t subject, const char* ns, const char* local, std::string_view text) {
    Add(subject, ns, local, Term::Literal(Snippet(text)));
  }

  // The IRI of a text span; its nif:String statements are written once at the end.
  uint32_t MentionNode(Span span) {
    auto [it, inserted] = mentions_.try_emplace(span, 0);
    if (inserted) it->second = Iri(document_iri_ + "#char=" + SpanKey(span));
    return it->second;
  }

  std::string SourceIri(std::string_view name) {
    std::string slug = Slug(name);
    return Join(kSource, slug.empty() ? Mint('s', "source|" + std::string(name)) : slug);
  }

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

  // Minted once per entity: events and claims name the same entities many times.
  const std::string& EntityIri(size_t index) {
    std::string& iri = entity_iris_[index];
    if (!iri.empty()) return iri;
    const Entity& entity = analysis_.mentions.entities[index];
    const EntityKind* kind = KindOf(entity.type);
    iri = kind == nullptr ? SourceIri(entity.name)
                          : Join(kEntity, Mint(kind->letter, std::string("entity|") + kind->seed +
                                                                 "|" + NameKey(entity.name)));
    return iri;
  }
  uint32_t EntityNode(size_t index) {
    uint32_t& node = entity_nodes_[index];
    if (node == kNone) node = Iri(EntityIri(index));
    return node;
  }

  void AddArticle() {
    AddType(document_, kSchema, "NewsArticle");
    AddType(document_, kNif, "Context");
    if (!doc_.meta.date.empty()) {
      Add(document_, kSchema, "datePublished", Term::Literal(doc_.meta.date, Join(kXsd, "date")));
    }
    if (!doc_.meta.publisher.empty()) {
      publisher_iri_ = SourceIri(doc_.meta.publisher);
      uint32_t publisher = Iri(publisher_iri_);
      Add(document_, kSchema, "publisher", publisher);
      AddSourceOrganization(publisher, doc_.meta.publisher);
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
    if (!headline.empty()) AddText(document_, kSchema, "headline", headline);
    if (!doc_.meta.url.empty())
      Add(document_, kSchema, "url", Term::Literal(doc_.meta.url, Join(kXsd, "anyURI")));
    Add(document_, kHs, "textSha256", Term::Literal(text_sha256_));
    // As it is: mention offsets count its code points, so no newline may become a space.
    if (options_.text) Add(document_, kNif, "isString", Term::Literal(doc_.text));
  }

  void AddSourceOrganization(uint32_t source, std::string_view name) {
    AddType(source, kSchema, "NewsMediaOrganization");
    AddType(source, kProv, "Agent");
    AddText(source, kRdfs, "label", name);
  }

  void AddEntity(size_t index) {
    const Entity& entity = analysis_.mentions.entities[index];
    uint32_t subject = EntityNode(index);
    if (const EntityKind* kind = KindOf(entity.type)) {
      if (kind->actor) AddType(subject, kSem, "Actor");
      if (kind->place) AddType(subject, kSem, "Place");
      AddType(subject, kSchema, kind->schema_class);
      AddText(subject, kRdfs, "label", entity.name);
    } else {
      AddSourceOrganization(subject, entity.name);
    }
    if (!entity.wikidata.empty())
      Add(subject, kSkos, "exactMatch", Term::Iri(Join(kWd, entity.wikidata)));
    for (uint32_t m : entity.mentions) {
      Add(subject, kGaf, "denotedBy", MentionNode(analysis_.mentions.mentions[m].span));
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
    uint32_t subject = Iri(TimeIri(timex));
    static constexpr const char* kTypeNames[] = {"DATE", "TIME", "DURATION", "SET"};
    if (timex.type == TimexType::kDuration) {
      AddType(subject, kTime, "Duration");
    } else {
      AddType(subject, kSem, "Time");
      AddType(subject, kTime, IsDay(timex.value) ? "Instant" : "Interval");
    }
    Add(subject, kHs, "timex3", Term::Literal(timex.value));
    Add(subject, kHs, "timexType", Term::Literal(kTypeNames[static_cast<int>(timex.type)]));
    if (IsDay(timex.value)) {
      Add(subject, kTime, "inXSDDate", Term::Literal(timex.value, Join(kXsd, "date")));
    } else if (IsYearMonth(timex.value)) {
      Add(subject, kTime, "inXSDgYearMonth", Term::Literal(timex.value, Join(kXsd, "gYearMonth")));
    } else if (IsYear(timex.value)) {
      Add(subject, kTime, "inXSDgYear", Term::Literal(timex.value, Join(kXsd, "gYear")));
    }
    Add(subject, kGaf, "denotedBy", MentionNode(timex.span));
  }

  // Claim sources: the resolved entity, else a document-local agent named by the span (its
  // statements made once, when first asked for). Empty when the claim has no source.
  const std::string& ClaimSourceIri(size_t index) {
    std::optional<std::string>& iri = claim_sources_[index];
    if (iri.has_value()) return *iri;
    const Claim& claim = analysis_.claims[index];
    if (claim.source_entity != kNone) return *(iri = EntityIri(claim.source_entity));
    iri.emplace();
    if (claim.source.empty()) return *iri;
    *iri = Join(kEntity,
                Mint('a', "agent|" + document_iri_ + "|" + std::to_string(claim.source.begin) +
                              "," + std::to_string(claim.source.end)));
    uint32_t agent = Iri(*iri);
    AddType(agent, kSem, "Actor");
    AddType(agent, kProv, "Agent");
    AddText(agent, kRdfs, "label", claim.source.In(doc_.text));
    Add(agent, kGaf, "denotedBy", MentionNode(claim.source));
    return *iri;
  }

  std::string ClaimIri(const Claim& claim) {
    return Join(kClaim, Mint('c', "claim|" + document_iri_ + "|" + SpanKey(claim.content) + "|" +
                                      SpanKey(claim.cue)));
  }

  std::string SpanKey(Span span) const {
    return std::to_string(code_points_.At(span.begin)) + "," +
           std::to_string(code_points_.At(span.end));
  }

  void AddClaim(size_t index) {
    const Claim& claim = analysis_.claims[index];
    uint32_t subject = Iri(ClaimIri(claim));
    AddType(subject, kSchema, "Claim");
    AddText(subject, kSchema, "text", claim.content.In(doc_.text));
    Add(subject, kGaf, "denotedBy", MentionNode(claim.content));
    if (!claim.source.empty()) Add(subject, kHs, "sourceMention", MentionNode(claim.source));
    if (!claim.cue.empty()) Add(subject, kHs, "cueMention", MentionNode(claim.cue));
    if (!claim.cue_lemma.empty()) AddText(subject, kHs, "cue", claim.cue_lemma);
    static constexpr const char* kKinds[] = {"Direct", "Indirect", "Mixed"};
    Add(subject, kHs, "quoteKind", Vocabulary(kHs, kKinds[static_cast<int>(claim.kind)]));
    const std::string& source = ClaimSourceIri(index);
    if (!source.empty()) {
      uint32_t author = Iri(source);
      Add(subject, kSchema, "author", author);
      Add(subject, kProv, "wasAttributedTo", author);
    }
    Add(subject, kSchema, "appearance", document_);
    for (uint32_t relay : claim.relays) Add(subject, kHs, "reportedBy", EntityNode(relay));
    if (claim.said_at != kNone && IsDay(analysis_.timexes[claim.said_at].value)) {
      Add(subject, kSchema, "dateCreated",
          Term::Literal(analysis_.timexes[claim.said_at].value, Join(kXsd, "date")));
    }
    if (!claim.occasion.empty()) AddText(subject, kHs, "occasion", claim.occasion.In(doc_.text));
    auto [first, last] = claim_events_.equal_range(static_cast<uint32_t>(index));
    for (auto it = first; it != last; ++it) Add(subject, kHs, "aboutEvent", it->second);
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
    return Join(kEvent, Mint('e', "event|" + document_iri_ + "|" + SpanKey(first)));
  }

  void AddEvent(size_t index) {
    const Event& event = analysis_.events[index];
    uint32_t subject = Iri(EventIri(event));
    AddType(subject, kSem, "Event");
    if (!event.type.empty()) AddType(subject, kHs, event.type.c_str());
    if (!event.cameo.empty()) {
      uint32_t code = Iri(Join(kCameo, event.cameo));
      Add(subject, kSem, "eventType", code);
      AddType(code, kSkos, "Concept");
      Add(code, kSkos, "notation", Term::Literal(event.cameo));
    }
    if (!event.label.empty()) AddText(subject, kRdfs, "label", event.label);
    for (uint32_t actor : event.actors) {
      Add(subject, kSem, "hasActor", EntityNode(actor));
      if (event.agents.empty()) continue;
      bool agent = std::find(event.agents.begin(), event.agents.end(), actor) != event.agents.end();
      Add(subject, kHs, agent ? "agent" : "target", EntityNode(actor));
    }
    if (event.place != kNone) Add(subject, kSem, "hasPlace", EntityNode(event.place));
    if (event.time != kNone && !AlnumOnly(analysis_.timexes[event.time].value).empty()) {
      Add(subject, kSem, "hasTime", Iri(TimeIri(analysis_.timexes[event.time])));
    }
    for (const EventMention& mention : event.mentions) {
      uint32_t mention_id = MentionNode(mention.trigger);
      Add(subject, kGaf, "denotedBy", mention_id);
      std::string attributed_to = publisher_iri_;
      if (mention.claim != kNone) {
        claim_events_.emplace(mention.claim, subject);
        const std::string& source = ClaimSourceIri(mention.claim);
        if (!source.empty()) attributed_to = source;
      }
      if (attributed_to.empty()) attributed_to = document_iri_;
      AddFactuality(mention_id, mention, attributed_to);
    }
  }

  void AddFactuality(uint32_t mention_id, const EventMention& mention,
                     const std::string& attributed_to) {
    static constexpr const char* kCertainty[] = {"CERTAIN", "PROBABLE", "POSSIBLE",
                                                 "UNDERSPECIFIED"};
    static constexpr const char* kPolarity[] = {"POSITIVE", "NEGATIVE"};
    static constexpr const char* kTense[] = {"FUTURE", "NON_FUTURE"};
    const char* values[] = {kCertainty[static_cast<int>(mention.certainty)],
                            kPolarity[static_cast<int>(mention.polarity)],
                            kTense[static_cast<int>(mention.tense)]};
    const std::string& mention_iri = statements_.term(mention_id).value;
    uint32_t attribution =
        Iri(Join(kAtt, Mint('a', "att|" + mention_iri + "|" + values[0] + "|" + values[1] + "|" +
                                     values[2] + "|" + attributed_to)));
    Add(mention_id, kGrasp, "hasAttribution", attribution);
    AddType(attribution, kGrasp, "Attribution");
    for (const char* value : values) Add(attribution, kRdf, "value", Vocabulary(kGraspf, value));
    Add(attribution, kGrasp, "wasAttributedTo", Iri(attributed_to));
  }

  void AddMentions() {
    const std::string xsd_index = Join(kXsd, "nonNegativeInteger");
    for (const auto& [span, mention] : mentions_) {
      AddType(mention, kNif, "String");
      Add(mention, kNif, "referenceContext", document_);
      Add(mention, kNif, "beginIndex",
          Term::Literal(std::to_string(code_points_.At(span.begin)), xsd_index));
      Add(mention, kNif, "endIndex",
          Term::Literal(std::to_string(code_points_.At(span.end)), xsd_index));
      AddText(mention, kNif, "anchorOf", span.In(doc_.text));
    }
  }

  struct PairHash {
    size_t operator()(const std::pair<const char*, const char*>& key) const {
      std::hash<const char*> hash;
      return hash(key.first) * 31 + hash(key.second);
    }
  };

  const Document& doc_;
  const Analysis& analysis_;
  const GraphOptions& options_;
  CodePointIndex code_points_;
  const std::string text_sha256_;  // names the article when it has no URL, and is stated on it
  std::string document_iri_;
  uint32_t document_ = 0;
  GraphBuilder statements_;
  std::string publisher_iri_;
  std::vector<std::string> entity_iris_;                   // by entity index, once minted
  std::vector<uint32_t> entity_nodes_;                     // by entity index, once interned
  std::vector<std::optional<std::string>> claim_sources_;  // by claim index, once made
  std::unordered_map<std::pair<const char*, const char*>, uint32_t, PairHash> vocabulary_;
  std::map<Span, uint32_t> mentions_;               // every span named, and its IRI
  std::multimap<uint32_t, uint32_t> claim_events_;  // claim index -> event
};

struct TermHash {
  size_t operator()(const Term& term) const {
    std::hash<std::string> hash;
    return hash(term.value) * 31 + hash(term.datatype) + static_cast<size_t>(term.kind);
  }
};

}  // namespace

bool operator<(const Term& a, const Term& b) {
  if (a.kind != b.kind) return a.kind < b.kind;
  int order = a.value.compare(b.value);  // once, where a tuple would compare twice
  return order != 0 ? order < 0 : a.datatype < b.datatype;
}
bool operator==(const Term& a, const Term& b) {
  return a.kind == b.kind && a.value == b.value && a.datatype == b.datatype;
}

struct GraphBuilder::Table {
  std::unordered_map<Term, uint32_t, TermHash> ids;  // each distinct term, by first use
  std::vector<const Term*> terms;                    // by id (the map's nodes stay put)
  std::vector<Graph::Statement> statements;
};

GraphBuilder::GraphBuilder() : table_(std::make_unique<Table>()) {}
GraphBuilder::~GraphBuilder() = default;

uint32_t GraphBuilder::Intern(Term term) {
  auto [it, inserted] =
      table_->ids.try_emplace(std::move(term), static_cast<uint32_t>(table_->terms.size()));
  if (inserted) table_->terms.push_back(&it->first);
  return it->second;
}

const Term& GraphBuilder::term(uint32_t id) const { return *table_->terms[id]; }

void GraphBuilder::Add(Term subject, Term predicate, Term object) {
  Add(Intern(std::move(subject)), Intern(std::move(predicate)), Intern(std::move(object)));
}

void GraphBuilder::Add(uint32_t subject, uint32_t predicate, uint32_t object) {
  table_->statements.push_back({subject, predicate, object});
}

Graph GraphBuilder::Finish(std::string document_iri) {
  Graph graph;
  graph.document_iri = std::move(document_iri);
  // Terms are sorted once; statements are then ordered by the ranks of their terms.
  const std::vector<const Term*>& by_id = table_->terms;
  std::vector<uint32_t> order(by_id.size());
  for (uint32_t id = 0; id < order.size(); ++id) order[id] = id;
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return *by_id[a] < *by_id[b]; });
  std::vector<uint32_t> rank(order.size());
  for (uint32_t position = 0; position < order.size(); ++position) rank[order[position]] = position;

  auto type = table_->ids.find(Term::Iri(Join(kRdf, "type")));
  uint32_t type_rank = type == table_->ids.end() ? UINT32_MAX : rank[type->second];
  std::vector<Graph::Statement>& statements = table_->statements;
  for (Graph::Statement& s : statements) s = {rank[s.subject], rank[s.predicate], rank[s.object]};
  std::sort(statements.begin(), statements.end(),
            [type_rank](const Graph::Statement& a, const Graph::Statement& b) {
              return std::make_tuple(a.subject, a.predicate != type_rank, a.predicate, a.object) <
                     std::make_tuple(b.subject, b.predicate != type_rank, b.predicate, b.object);
            });
  statements.erase(std::unique(statements.begin(), statements.end()), statements.end());
  graph.statements = std::move(statements);

  graph.terms.resize(order.size());
  while (!table_->ids.empty()) {
    auto node = table_->ids.extract(table_->ids.begin());
    graph.terms[rank[node.mapped()]] = std::move(node.key());
  }
  table_ = std::make_unique<Table>();
  return graph;
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
  // Fetched once and a context per thread: OpenSSL 3 looks the algorithm up again on every
  // EVP_Digest call, which costs more than hashing a short seed.
  struct ContextDeleter {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
  };
  static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  thread_local std::unique_ptr<EVP_MD_CTX, ContextDeleter> context(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestInit_ex2(context.get(), sha256, nullptr);
  EVP_DigestUpdate(context.get(), bytes.data(), bytes.size());
  EVP_DigestFinal_ex(context.get(), digest, &length);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(length * 2, '0');
  for (unsigned int i = 0; i < length; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return hex;
}

Graph BuildGraph(const Document& doc, const Analysis& analysis, const GraphOptions& options) {
  return Builder(doc, analysis, options).Build();
}

}  // namespace hearsay

#include "hearsay/graph.h"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>

#include "core/ascii.h"
#include "graph/vocabulary.h"

namespace hearsay {
namespace {

using namespace vocab;  // NOLINT: the namespace constants read like the prefixes they are.

// Seeds are versioned so that a change of the minting scheme never reuses old IRIs.
constexpr char kSeedVersion[] = "hearsay1|";

// Appends the first `digits` lower-case hex digits of the SHA-256 of `bytes` (OpenSSL).
void AppendSha256Hex(std::string_view bytes, size_t digits, std::string* out) {
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
  digits = std::min<size_t>(digits, 2 * length);
  char hex[2 * EVP_MAX_MD_SIZE];
  for (size_t i = 0; i < (digits + 1) / 2; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  out->append(hex, digits);
}

// Byte offset -> code point offset, for #char= IRIs and NIF indices. Checkpoints every
// kStride bytes keep memory small on huge texts and each lookup short.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text) : text_(text) {
    // checkpoints_[i] counts the code points before byte i * kStride, up to the text's end.
    checkpoints_.reserve(text.size() / kStride + 1);
    uint32_t count = 0;
    for (size_t begin = 0;; begin += kStride) {
      checkpoints_.push_back(count);
      if (begin + kStride > text.size()) break;
      count += Count(begin, begin + kStride);
    }
  }

  uint32_t At(uint32_t byte_offset) const {
    size_t end = std::min<size_t>(byte_offset, text_.size());
    size_t block = end / kStride;
    return checkpoints_[block] + Count(block * kStride, end);
  }

 private:
  // Code points starting in [begin, end): every byte but the 10xxxxxx continuation bytes,
  // counted eight at a time.
  uint32_t Count(size_t begin, size_t end) const {
    uint32_t count = 0;
    for (; begin + 8 <= end; begin += 8) {
      uint64_t word;
      std::memcpy(&word, text_.data() + begin, 8);
      uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
      // Most news text is ASCII, and a popcount is a library call on baseline x86-64.
      count +=
          continuation == 0 ? 8 : 8 - static_cast<uint32_t>(__builtin_popcountll(continuation));
    }
    for (; begin < end; ++begin) {
      if ((static_cast<unsigned char>(text_[begin]) & 0xC0) != 0x80) ++count;
    }
    return count;
  }

  static constexpr size_t kStride = 32;
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;
};

// Appends the lower-case ASCII letters and digits of `name` ("The Moscow Times" ->
// "themoscowtimes").
void AppendSlug(std::string_view name, std::string* out) {
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') out->push_back(static_cast<char>(c - 'A' + 'a'));
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out->push_back(c);
  }
}

// Appends letters and digits only, as serd abbreviates only those ("2013-W39" -> "2013W39").
void AppendAlnum(std::string_view value, std::string* out) {
  for (char c : value) {
    if (IsAsciiAlnum(c)) out->push_back(c);
  }
}

bool HasAlnum(std::string_view value) {
  return std::any_of(value.begin(), value.end(), IsAsciiAlnum);
}

// Appends a case- and space-insensitive key for an entity name.
void AppendNameKey(std::string_view name, std::string* out) {
  bool word = false, space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = word;
      continue;
    }
    if (space) out->push_back(' ');
    space = false;
    word = true;
    out->push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
}

// The decimal digits of `number`, written to `digits`.
std::string_view Digits(uint32_t number, char (&digits)[10]) {
  auto end = std::to_chars(std::begin(digits), std::end(digits), number).ptr;
  return std::string_view(digits, static_cast<size_t>(end - digits));
}

// Whether `text` has a byte below 0x20, eight bytes at a time (a word has one when subtracting
// 0x20 from each byte borrows into a byte whose top bit was clear).
bool HasControlByte(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if ((word - 0x2020202020202020ull) & ~word & 0x8080808080808080ull) return true;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0x20) return true;
  }
  return false;
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

// Spreads two words over the low bits that a power-of-two table keeps.
size_t Mix(uint64_t a, uint64_t b) {
  uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
  return static_cast<size_t>(h ^ (h >> 31));
}

// A map from small keys to ids that remembers insertion order: open addressing over the
// indices of its entries (the builder's lookups are many and its maps small).
template <typename Key, typename Hash>
class IndexMap {
 public:
  // The value of `key`, and whether it was missing (and is now `value`).
  std::pair<uint32_t*, bool> TryEmplace(const Key& key, uint32_t value) {
    if (2 * (entries_.size() + 1) > slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    for (size_t slot = Hash()(key) & mask;; slot = (slot + 1) & mask) {
      uint32_t& entry = slots_[slot];
      if (entry == kNone) {
        entry = static_cast<uint32_t>(entries_.size());
        entries_.push_back({key, value});
        return {&entries_.back().second, true};
      }
      if (entries_[entry].first == key) return {&entries_[entry].second, false};
    }
  }

  const std::vector<std::pair<Key, uint32_t>>& entries() const { return entries_; }

 private:
  void Grow() {
    slots_.assign(std::max<size_t>(64, 2 * slots_.size()), kNone);
    size_t mask = slots_.size() - 1;
    for (uint32_t entry = 0; entry < entries_.size(); ++entry) {
      size_t slot = Hash()(entries_[entry].first) & mask;
      while (slots_[slot] != kNone) slot = (slot + 1) & mask;
      slots_[slot] = entry;
    }
  }

  std::vector<std::pair<Key, uint32_t>> entries_;
  std::vector<uint32_t> slots_;  // an entry's index, or kNone
};

struct VocabularyHash {
  size_t operator()(const std::pair<const char*, const char*>& key) const {
    return Mix(reinterpret_cast<uintptr_t>(key.first), reinterpret_cast<uintptr_t>(key.second));
  }
};

struct SpanHash {
  size_t operator()(Span span) const { return Mix(span.begin, span.end); }
};

// IRIs and literals are made in scratch strings and interned at once (GraphBuilder copies
// them), so a call never holds a view into a scratch string that another call refills.
class Builder {
 public:
  Builder(const Document& doc, const Analysis& analysis, const GraphOptions& options)
      : doc_(doc),
        analysis_(analysis),
        options_(options),
        code_points_(doc.text),
        text_sha256_(Sha256Hex(doc.text)),
        entity_nodes_(analysis.mentions.entities.size(), kNone),
        claim_sources_(analysis.claims.size()) {
    // Room for the usual IRIs and seeds, so that scratch strings seldom regrow in an article.
    iri_.reserve(256);
    seed_.reserve(512);
  }

  Graph Build() {
    ReserveForArticle();
    Seed("doc|").append(doc_.meta.url.empty() ? text_sha256_ : doc_.meta.url);
    document_ = MintIri(kDoc, 'd');
    document_iri_ = Value(document_);
    AddArticle();
    for (size_t i = 0; i < analysis_.mentions.entities.size(); ++i) AddEntity(i);
    for (size_t i = 0; i < analysis_.timexes.size(); ++i) AddTime(i);
    for (size_t i = 0; i < analysis_.events.size(); ++i) AddEvent(i);
    std::sort(claim_events_.begin(), claim_events_.end());
    for (size_t i = 0; i < analysis_.claims.size(); ++i) AddClaim(i);
    AddMentions();
    return statements_.Finish(std::string(document_iri_));
  }

 private:
  // Each span named makes about 4 terms and 6 statements, an event mention's attribution 1 and
  // 8 more, and each entity, time, event and claim about 3 and 10.
  void ReserveForArticle() {
    size_t event_mentions = 0;
    for (const Event& event : analysis_.events) event_mentions += event.mentions.size();
    size_t spans = analysis_.mentions.mentions.size() + analysis_.timexes.size() +
                   3 * analysis_.claims.size() + event_mentions;
    size_t nodes = analysis_.mentions.entities.size() + analysis_.timexes.size() +
                   analysis_.events.size() + analysis_.claims.size();
    statements_.Reserve(64 + 4 * spans + event_mentions + 3 * nodes,
                        64 + 6 * spans + 8 * event_mentions + 10 * nodes);
  }

  std::string_view Value(uint32_t term) const { return statements_.term(term).value; }

  uint32_t Iri(std::string_view iri) { return statements_.Intern(Term::Iri(iri)); }
  uint32_t Iri(const char* ns, std::string_view local) {
    iri_.assign(ns).append(local);
    return Iri(iri_);
  }
  uint32_t Literal(std::string_view text, std::string_view datatype = {}) {
    return statements_.Intern(Term::Literal(text, datatype));
  }
  // Text snippets become single-line literals (Serd 0.30 cannot reread some multi-line ones).
  uint32_t Text(std::string_view text) {
    if (!HasControlByte(text)) return Literal(text);
    text_.assign(text);
    for (char& c : text_) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    return Literal(text_);
  }
  uint32_t Number(uint32_t number) {
    char digits[10];
    return Literal(Digits(number, digits), kXsdNonNegativeInteger);
  }

  // Starts the seed of a minted IRI.
  std::string& Seed(std::string_view kind) { return seed_.assign(kSeedVersion).append(kind); }
  // `ns`, `letter` and the first 16 hex digits of the SHA-256 of the seed.
  uint32_t MintIri(const char* ns, char letter) {
    iri_.assign(ns).push_back(letter);
    AppendSha256Hex(seed_, 16, &iri_);
    return Iri(iri_);
  }

  // A vocabulary IRI (predicate or class), made once per run of the builder.
  uint32_t Vocabulary(const char* ns, const char* local) {
    auto [id, inserted] = vocabulary_.TryEmplace({ns, local}, 0);
    if (inserted) *id = Iri(ns, local);
    return *id;
  }

  void Add(uint32_t subject, const char* ns, const char* local, uint32_t object) {
    statements_.Add(subject, Vocabulary(ns, local), object);
  }
  void AddType(uint32_t subject, const char* ns, const char* local) {
    Add(subject, kRdf, "type", Vocabulary(ns, local));
  }
  void AddText(uint32_t subject, const char* ns, const char* local, std::string_view text) {
    Add(subject, ns, local, Text(text));
  }

  // "begin,end", composed first: one append instead of three.
  static void AppendOffsets(std::pair<uint32_t, uint32_t> offsets, std::string* out) {
    char text[21];
    char* end = std::to_chars(text, text + 10, offsets.first).ptr;
    *end++ = ',';
    end = std::to_chars(end, end + 10, offsets.second).ptr;
    out->append(text, static_cast<size_t>(end - text));
  }
  std::pair<uint32_t, uint32_t> CodePointOffsets(Span span) const {
    return {code_points_.At(span.begin), code_points_.At(span.end)};
  }
  void AppendSpanKey(Span span, std::string* out) const {
    AppendOffsets(CodePointOffsets(span), out);
  }

  // The IRI of a text span; its nif:String statements are written once at the end.
  uint32_t MentionNode(Span span) {
    auto [node, inserted] = mentions_.TryEmplace(span, 0);
    if (inserted) {
      mention_offsets_.push_back(CodePointOffsets(span));
      iri_.assign(document_iri_).append("#char=");
      AppendOffsets(mention_offsets_.back(), &iri_);
      *node = Iri(iri_);
    }
    return *node;
  }

  uint32_t SourceNode(std::string_view name) {
    iri_.assign(kSource);
    AppendSlug(name, &iri_);
    if (iri_.size() > std::string_view(kSource).size()) return Iri(iri_);
    Seed("source|").append(name);
    return MintIri(kSource, 's');
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
  uint32_t EntityNode(size_t index) {
    uint32_t& node = entity_nodes_[index];
    if (node != kNone) return node;
    const Entity& entity = analysis_.mentions.entities[index];
    const EntityKind* kind = KindOf(entity.type);
    if (kind == nullptr) return node = SourceNode(entity.name);
    Seed("entity|").append(kind->seed).push_back('|');
    AppendNameKey(entity.name, &seed_);
    return node = MintIri(kEntity, kind->letter);
  }
  std::string_view EntityIri(size_t index) { return Value(EntityNode(index)); }

  void AddArticle() {
    AddType(document_, kSchema, "NewsArticle");
    AddType(document_, kNif, "Context");
    if (!doc_.meta.date.empty()) {
      Add(document_, kSchema, "datePublished", Literal(doc_.meta.date, kXsdDate));
    }
    if (!doc_.meta.publisher.empty()) {
      publisher_ = SourceNode(doc_.meta.publisher);
      Add(document_, kSchema, "publisher", publisher_);
      AddSourceOrganization(publisher_, doc_.meta.publisher);
    }
    std::string_view headline = doc_.meta.title;
    if (headline.empty()) {
      for (const Paragraph& paragraph : analysis_.segmentation.paragraphs) {
        if (paragraph.headline) {
          headline = paragraph.span.In(doc_.text);
          break;
        }
      }
    }
    if (!headline.empty()) AddText(document_, kSchema, "headline", headline);
    if (!doc_.meta.url.empty()) Add(document_, kSchema, "url", Literal(doc_.meta.url, kXsdAnyUri));
    Add(document_, kHs, "textSha256", Literal(text_sha256_));
    // As it is: mention offsets count its code points, so no newline may become a space.
    if (options_.text) Add(document_, kNif, "isString", Literal(doc_.text));
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
    if (!entity.wikidata.empty()) Add(subject, kSkos, "exactMatch", Iri(kWd, entity.wikidata));
    for (uint32_t m : entity.mentions) {
      Add(subject, kGaf, "denotedBy", MentionNode(analysis_.mentions.mentions[m].span));
    }
  }

  // Named by the value; a set ("weekly", P1W) is kept apart from the duration of the same
  // value ("one week") so merged outputs never give one node two kinds.
  uint32_t TimeNode(const Timex& timex) {
    iri_.assign(kWhen);
    if (timex.type == TimexType::kSet) iri_.append("set");
    AppendAlnum(timex.value, &iri_);
    return Iri(iri_);
  }

  void AddTime(size_t index) {
    const Timex& timex = analysis_.timexes[index];
    if (!HasAlnum(timex.value)) return;  // unresolved: no node to merge on
    uint32_t subject = TimeNode(timex);
    static constexpr const char* kTypeNames[] = {"DATE", "TIME", "DURATION", "SET"};
    if (timex.type == TimexType::kDuration) {
      AddType(subject, kTime, "Duration");
    } else {
      AddType(subject, kSem, "Time");
      AddType(subject, kTime, IsDay(timex.value) ? "Instant" : "Interval");
    }
    Add(subject, kHs, "timex3", Literal(timex.value));
    Add(subject, kHs, "timexType", Literal(kTypeNames[static_cast<int>(timex.type)]));
    if (IsDay(timex.value)) {
      Add(subject, kTime, "inXSDDate", Literal(timex.value, kXsdDate));
    } else if (IsYearMonth(timex.value)) {
      Add(subject, kTime, "inXSDgYearMonth", Literal(timex.value, kXsdGYearMonth));
    } else if (IsYear(timex.value)) {
      Add(subject, kTime, "inXSDgYear", Literal(timex.value, kXsdGYear));
    }
    Add(subject, kGaf, "denotedBy", MentionNode(timex.span));
  }

  // Claim sources: the resolved entity, else a document-local agent named by the span (its
  // statements made once, when first asked for). kNone when the claim has no source.
  uint32_t ClaimSource(size_t index) {
    std::optional<uint32_t>& source = claim_sources_[index];
    if (source.has_value()) return *source;
    const Claim& claim = analysis_.claims[index];
    if (claim.source_entity != kNone) return *(source = EntityNode(claim.source_entity));
    if (claim.source.empty()) return *(source = kNone);
    Seed("agent|").append(document_iri_).push_back('|');
    AppendOffsets({claim.source.begin, claim.source.end}, &seed_);  // in bytes
    uint32_t agent = MintIri(kEntity, 'a');
    source = agent;
    AddType(agent, kSem, "Actor");
    AddType(agent, kProv, "Agent");
    AddText(agent, kRdfs, "label", claim.source.In(doc_.text));
    Add(agent, kGaf, "denotedBy", MentionNode(claim.source));
    return agent;
  }

  uint32_t ClaimNode(const Claim& claim) {
    Seed("claim|").append(document_iri_).push_back('|');
    AppendSpanKey(claim.content, &seed_);
    seed_.push_back('|');
    AppendSpanKey(claim.cue, &seed_);
    return MintIri(kClaim, 'c');
  }

  void AddClaim(size_t index) {
    const Claim& claim = analysis_.claims[index];
    uint32_t subject = ClaimNode(claim);
    AddType(subject, kSchema, "Claim");
    AddText(subject, kSchema, "text", claim.content.In(doc_.text));
    Add(subject, kGaf, "denotedBy", MentionNode(claim.content));
    if (!claim.source.empty()) Add(subject, kHs, "sourceMention", MentionNode(claim.source));
    if (!claim.cue.empty()) Add(subject, kHs, "cueMention", MentionNode(claim.cue));
    if (!claim.cue_lemma.empty()) AddText(subject, kHs, "cue", claim.cue_lemma);
    static constexpr const char* kKinds[] = {"Direct", "Indirect", "Mixed"};
    Add(subject, kHs, "quoteKind", Vocabulary(kHs, kKinds[static_cast<int>(claim.kind)]));
    uint32_t source = ClaimSource(index);
    if (source != kNone) {
      Add(subject, kSchema, "author", source);
      Add(subject, kProv, "wasAttributedTo", source);
    }
    Add(subject, kSchema, "appearance", document_);
    for (uint32_t relay : claim.relays) Add(subject, kHs, "reportedBy", EntityNode(relay));
    if (claim.said_at != kNone && IsDay(analysis_.timexes[claim.said_at].value)) {
      Add(subject, kSchema, "dateCreated",
          Literal(analysis_.timexes[claim.said_at].value, kXsdDate));
    }
    if (!claim.occasion.empty()) AddText(subject, kHs, "occasion", claim.occasion.In(doc_.text));
    auto claim_index = static_cast<uint32_t>(index);
    auto it = std::lower_bound(claim_events_.begin(), claim_events_.end(),
                               std::make_pair(claim_index, uint32_t{0}));
    for (; it != claim_events_.end() && it->first == claim_index; ++it) {
      Add(subject, kHs, "aboutEvent", it->second);
    }
  }

  uint32_t EventNode(const Event& event) {
    bool day_precise = event.time != kNone && IsDay(analysis_.timexes[event.time].value);
    if (!event.actors.empty() && day_precise && event.place != kNone) {
      // Named before the seed is started: naming an entity may mint its IRI.
      std::vector<std::string_view> actors;
      for (uint32_t actor : event.actors) actors.push_back(EntityIri(actor));
      std::sort(actors.begin(), actors.end());
      std::string_view place = EntityIri(event.place);
      Seed("event|").append(event.type);
      for (std::string_view actor : actors) seed_.append("|").append(actor);
      seed_.append("|").append(analysis_.timexes[event.time].value).append("|").append(place);
      return MintIri(kEvent, 'e');
    }
    Span first = event.mentions.empty() ? Span{} : event.mentions.front().trigger;
    for (const EventMention& mention : event.mentions) first = std::min(first, mention.trigger);
    Seed("event|").append(document_iri_).push_back('|');
    AppendSpanKey(first, &seed_);
    return MintIri(kEvent, 'e');
  }

  void AddEvent(size_t index) {
    const Event& event = analysis_.events[index];
    uint32_t subject = EventNode(event);
    AddType(subject, kSem, "Event");
    if (!event.type.empty()) Add(subject, kRdf, "type", Iri(kHs, event.type));
    if (!event.cameo.empty()) {
      uint32_t code = Iri(kCameo, event.cameo);
      Add(subject, kSem, "eventType", code);
      AddType(code, kSkos, "Concept");
      Add(code, kSkos, "notation", Literal(event.cameo));
    }
    if (!event.label.empty()) AddText(subject, kRdfs, "label", event.label);
    for (uint32_t actor : event.actors) {
      Add(subject, kSem, "hasActor", EntityNode(actor));
      if (event.agents.empty()) continue;
      bool agent = std::find(event.agents.begin(), event.agents.end(), actor) != event.agents.end();
      Add(subject, kHs, agent ? "agent" : "target", EntityNode(actor));
    }
    if (event.place != kNone) Add(subject, kSem, "hasPlace", EntityNode(event.place));
    if (event.time != kNone && HasAlnum(analysis_.timexes[event.time].value)) {
      Add(subject, kSem, "hasTime", TimeNode(analysis_.timexes[event.time]));
    }
    for (const EventMention& mention : event.mentions) {
      uint32_t mention_node = MentionNode(mention.trigger);
      Add(subject, kGaf, "denotedBy", mention_node);
      uint32_t attributed_to = publisher_;
      if (mention.claim != kNone) {
        claim_events_.emplace_back(mention.claim, subject);
        uint32_t source = ClaimSource(mention.claim);
        if (source != kNone) attributed_to = source;
      }
      if (attributed_to == kNone) attributed_to = document_;
      AddFactuality(mention_node, mention, attributed_to);
    }
  }

  void AddFactuality(uint32_t mention_node, const EventMention& mention, uint32_t attributed_to) {
    static constexpr const char* kCertainty[] = {"CERTAIN", "PROBABLE", "POSSIBLE",
                                                 "UNDERSPECIFIED"};
    static constexpr const char* kPolarity[] = {"POSITIVE", "NEGATIVE"};
    static constexpr const char* kTense[] = {"FUTURE", "NON_FUTURE"};
    const char* values[] = {kCertainty[static_cast<int>(mention.certainty)],
                            kPolarity[static_cast<int>(mention.polarity)],
                            kTense[static_cast<int>(mention.tense)]};
    Seed("att|").append(Value(mention_node));
    for (const char* value : values) seed_.append("|").append(value);
    seed_.append("|").append(Value(attributed_to));
    uint32_t attribution = MintIri(kAtt, 'a');
    Add(mention_node, kGrasp, "hasAttribution", attribution);
    AddType(attribution, kGrasp, "Attribution");
    for (const char* value : values) Add(attribution, kRdf, "value", Vocabulary(kGraspf, value));
    Add(attribution, kGrasp, "wasAttributedTo", attributed_to);
  }

  void AddMentions() {
    for (size_t i = 0; i < mentions_.entries().size(); ++i) {
      const auto& [span, mention] = mentions_.entries()[i];
      AddType(mention, kNif, "String");
      Add(mention, kNif, "referenceContext", document_);
      Add(mention, kNif, "beginIndex", Number(mention_offsets_[i].first));
      Add(mention, kNif, "endIndex", Number(mention_offsets_[i].second));
      AddText(mention, kNif, "anchorOf", span.In(doc_.text));
    }
  }

  const Document& doc_;
  const Analysis& analysis_;
  const GraphOptions& options_;
  CodePointIndex code_points_;
  const std::string text_sha256_;  // names the article when it has no URL, and is stated on it
  GraphBuilder statements_;
  uint32_t document_ = kNone;
  std::string_view document_iri_;  // the document term's characters
  uint32_t publisher_ = kNone;
  std::vector<uint32_t> entity_nodes_;                  // by entity index, once minted
  std::vector<std::optional<uint32_t>> claim_sources_;  // by claim index, once made
  IndexMap<std::pair<const char*, const char*>, VocabularyHash> vocabulary_;
  IndexMap<Span, SpanHash> mentions_;                           // every span named, and its IRI
  std::vector<std::pair<uint32_t, uint32_t>> mention_offsets_;  // by entry of mentions_
  std::vector<std::pair<uint32_t, uint32_t>> claim_events_;     // (claim index, event), sorted
  std::string iri_, text_, seed_;                               // scratch
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

namespace {

// The sort key of `value` at byte `depth`: its bytes [depth, depth + 7), zero-padded, in the
// high 56 bits, big-endian, and in the low 8 bits how many bytes it has from depth on, up to 8
// (it goes on). Keys compare as the values' bytes there do, a value before its extensions.
uint64_t KeyAt(std::string_view value, size_t depth) {
  size_t rest = value.size() - depth;
  uint64_t key = 0;
  if (rest >= 8) {
    std::memcpy(&key, value.data() + depth, 8);
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    key = __builtin_bswap64(key);
#endif
    return (key & ~uint64_t{0xFF}) | 8;
  }
  for (size_t i = 0; i < 7; ++i) {
    key = key << 8 | (i < rest ? static_cast<unsigned char>(value[depth + i]) : 0u);
  }
  return key << 8 | rest;
}

struct SortItem {
  uint64_t key;  // KeyAt(value, depth)
  uint32_t id;
};

// Sorts items[begin, end), terms of one kind whose values agree before byte `depth`, by value
// then datatype, seven bytes at a time (an MSD radix sort): an article's IRIs share long
// prefixes ("https://w3id.org/hearsay/doc/d...#char=") that comparing whole values would read
// again at every step.
void SortByValue(const std::vector<Term>& terms, std::vector<SortItem>& items, size_t begin,
                 size_t end, size_t depth) {
  auto first = items.begin() + begin, last = items.begin() + end;
  if (end - begin <= 8) {  // few: compare the rest of the values
    std::sort(first, last, [&](const SortItem& a, const SortItem& b) {
      const Term& x = terms[a.id];
      const Term& y = terms[b.id];
      int order = x.value.substr(depth).compare(y.value.substr(depth));
      return order != 0 ? order < 0 : x.datatype < y.datatype;
    });
    return;
  }
  for (auto it = first; it != last; ++it) it->key = KeyAt(terms[it->id].value, depth);
  auto key_order = [](const SortItem& a, const SortItem& b) { return a.key < b.key; };
  if (!std::is_sorted(first, last, key_order)) std::sort(first, last, key_order);
  for (size_t run = begin; run < end;) {
    size_t run_end = run + 1;
    while (run_end < end && items[run_end].key == items[run].key) ++run_end;
    if (run_end - run > 1 && (items[run].key & 0xFF) == 8) {
      SortByValue(terms, items, run, run_end, depth + 7);
    } else if (run_end - run > 1) {  // equal values
      std::sort(items.begin() + run, items.begin() + run_end,
                [&](const SortItem& a, const SortItem& b) {
                  return terms[a.id].datatype < terms[b.id].datatype;
                });
    }
    run = run_end;
  }
}

}  // namespace

// Terms by id, in blocks of storage that never move, found again through an open-addressing
// table of ids with their hashes.
struct GraphBuilder::Table {
  struct Slot {
    uint32_t hash;
    uint32_t id;  // kNone when empty
  };
  static constexpr size_t kBlockSize = 16384;

  std::vector<Term> terms;                  // by id
  std::vector<Slot> slots;                  // a power of two, at most half full
  std::vector<std::string_view> datatypes;  // each distinct one, copied once
  std::vector<std::unique_ptr<char[]>> storage;
  char* free = nullptr;  // in the last block of storage
  size_t left = 0;
  std::vector<Graph::Statement> statements;

  // Of the value's size and its last sixteen bytes, or all of a shorter one: an article's values
  // seldom differ only further back (minted IRIs end in digests, mention IRIs in offsets), and
  // terms with one hash are told apart by comparing them. Literals with the same text but other
  // datatypes are rare: they share a hash.
  static uint32_t Hash(const Term& term) {
    std::string_view value = term.value;
    uint64_t hash = value.size() * 2 + static_cast<uint64_t>(term.kind);
    auto add = [&hash](uint64_t word) {
      hash = (hash ^ word) * 0x9E3779B97F4A7C15ull;
      hash ^= hash >> 29;
    };
    auto word_at = [&value](size_t at) {
      uint64_t word;
      std::memcpy(&word, value.data() + at, 8);
      return word;
    };
    if (value.size() < 8) {
      uint64_t word = 0;
      for (char c : value) word = word << 8 | static_cast<unsigned char>(c);
      add(word);
    } else {  // two words, overlapping when the value is shorter than sixteen bytes
      add(word_at(value.size() < 16 ? 0 : value.size() - 16));
      add(word_at(value.size() - 8));
    }
    return static_cast<uint32_t>(hash ^ hash >> 32);
  }

  // The slot holding `term`, or the empty slot where it belongs.
  Slot& Find(const Term& term, uint32_t hash) {
    size_t mask = slots.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (slot.id == kNone || (slot.hash == hash && terms[slot.id] == term)) return slot;
    }
  }

  // To a power of two of at least `size` slots.
  void Grow(size_t size) {
    std::vector<Slot> old = std::move(slots);
    size_t capacity = 256;
    while (capacity < size) capacity *= 2;
    slots.assign(capacity, Slot{0, kNone});
    size_t mask = slots.size() - 1;
    for (const Slot& slot : old) {
      if (slot.id == kNone) continue;
      size_t i = slot.hash & mask;
      while (slots[i].id != kNone) i = (i + 1) & mask;
      slots[i] = slot;
    }
  }

  // A NUL-terminated copy of `text` in storage.
  std::string_view Copy(std::string_view text) {
    if (left < text.size() + 1) {
      size_t size = std::max(kBlockSize, text.size() + 1);
      storage.emplace_back(new char[size]);  // not make_unique: no need to zero it
      free = storage.back().get();
      left = size;
    }
    std::memcpy(free, text.data(), text.size());
    free[text.size()] = '\0';
    std::string_view copy(free, text.size());
    free += text.size() + 1;
    left -= text.size() + 1;
    return copy;
  }

  std::string_view CopyDatatype(std::string_view datatype) {
    if (datatype.empty()) return {};
    for (std::string_view known : datatypes) {
      if (known == datatype) return known;
    }
    return datatypes.emplace_back(Copy(datatype));
  }
};

GraphBuilder::GraphBuilder() : table_(std::make_unique<Table>()) {}
GraphBuilder::~GraphBuilder() = default;

void GraphBuilder::Reserve(size_t terms, size_t statements) {
  Table& table = *table_;
  table.terms.reserve(terms);
  table.statements.reserve(statements);
  if (table.slots.size() < 2 * terms) table.Grow(2 * terms);
}

uint32_t GraphBuilder::Intern(const Term& term) {
  Table& table = *table_;
  if (2 * (table.terms.size() + 1) > table.slots.size()) table.Grow(2 * table.slots.size());
  uint32_t hash = Table::Hash(term);
  Table::Slot& slot = table.Find(term, hash);
  if (slot.id == kNone) {
    slot = {hash, static_cast<uint32_t>(table.terms.size())};
    table.terms.push_back({term.kind, table.Copy(term.value), table.CopyDatatype(term.datatype)});
  }
  return slot.id;
}

Term GraphBuilder::term(uint32_t id) const { return table_->terms[id]; }

void GraphBuilder::Add(const Term& subject, const Term& predicate, const Term& object) {
  Add(Intern(subject), Intern(predicate), Intern(object));
}

void GraphBuilder::Add(uint32_t subject, uint32_t predicate, uint32_t object) {
  table_->statements.push_back({subject, predicate, object});
}

Graph GraphBuilder::Finish(std::string document_iri) {
  Table& table = *table_;
  Graph graph;
  graph.document_iri = std::move(document_iri);
  // Terms are sorted once; statements are then ordered by the ranks of their terms.
  const std::vector<Term>& by_id = table.terms;
  std::vector<SortItem> order(by_id.size());
  for (uint32_t id = 0; id < order.size(); ++id) order[id].id = id;
  auto literals = std::partition(order.begin(), order.end(), [&](const SortItem& item) {
    return by_id[item.id].kind == Term::Kind::kIri;
  });
  SortByValue(by_id, order, 0, literals - order.begin(), 0);
  SortByValue(by_id, order, literals - order.begin(), order.size(), 0);
  std::vector<uint32_t> rank(order.size());
  graph.terms.reserve(order.size());
  for (uint32_t position = 0; position < order.size(); ++position) {
    rank[order[position].id] = position;
    graph.terms.push_back(by_id[order[position].id]);
  }

  uint32_t type_rank = kNone;
  if (!table.slots.empty()) {
    Term type = Term::Iri(kRdfType);
    uint32_t type_id = table.Find(type, Table::Hash(type)).id;
    if (type_id != kNone) type_rank = rank[type_id];
  }
  std::vector<Graph::Statement>& statements = table.statements;
  for (Graph::Statement& s : statements) {
    s = {rank[s.subject], rank[s.predicate], rank[s.object]};
  }
  // Stable counting sorts by predicate, then subject (an LSD radix sort on term ranks): a few
  // passes over the statements, without comparing any.
  std::vector<Graph::Statement> sorted(statements.size());
  std::vector<uint32_t> next(graph.terms.size() + 2);  // where a key's statements go
  auto sort_by = [&](auto key) {
    std::fill(next.begin(), next.end(), 0);
    for (const Graph::Statement& s : statements) ++next[key(s) + 1];
    for (size_t i = 1; i < next.size(); ++i) next[i] += next[i - 1];
    for (const Graph::Statement& s : statements) sorted[next[key(s)]++] = s;
    statements.swap(sorted);  // the sorted ones in `statements` again
  };
  // rdf:type goes first among a subject's predicates: its key is 0, every other one's its rank
  // plus one.
  sort_by([type_rank](const Graph::Statement& s) {
    return s.predicate == type_rank ? 0 : s.predicate + 1;
  });
  sort_by([](const Graph::Statement& s) { return s.subject; });
  // Then each run of one subject and predicate by object: most runs are one statement long,
  // where a counting pass by object would move every statement.
  auto same_subject_and_predicate = [](const Graph::Statement& a, const Graph::Statement& b) {
    return a.subject == b.subject && a.predicate == b.predicate;
  };
  auto by_object = [](const Graph::Statement& a, const Graph::Statement& b) {
    return a.object < b.object;
  };
  for (auto run = statements.begin(); run != statements.end();) {
    auto run_end = run + 1;
    while (run_end != statements.end() && same_subject_and_predicate(*run, *run_end)) ++run_end;
    if (run_end - run > 1) std::sort(run, run_end, by_object);
    run = run_end;
  }
  statements.erase(std::unique(statements.begin(), statements.end()), statements.end());
  graph.statements = std::move(statements);
  graph.storage = std::move(table.storage);
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
  std::string hex;
  AppendSha256Hex(bytes, 64, &hex);
  return hex;
}

Graph BuildGraph(const Document& doc, const Analysis& analysis, const GraphOptions& options) {
  return Builder(doc, analysis, options).Build();
}

}  // namespace hearsay

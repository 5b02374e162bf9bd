// Detection: gazetteer phrases (longest match on a token trie), name patterns for names no list
// holds, titles, descriptions and pronouns. Coreference is in coref.cc.
#include "hearsay/mentions.h"

#include <algorithm>
#include <array>
#include <numeric>
#include <unordered_set>

#include "mentions/internal.h"

namespace hearsay {
namespace {

using mentions_internal::Candidate;
using mentions_internal::Entry;
using mentions_internal::EntryKind;
using mentions_internal::HeadKind;
using mentions_internal::Tok;
using mentions_internal::WordKind;

// Runs of names longer than this are not names (tables, title-case lines).
constexpr uint32_t kMaxNameTokens = 8;
// How far left a title span may reach ("Senate Minority Leader", "U.S. President").
constexpr uint32_t kMaxTitleTokens = 8;

struct Hit {
  uint32_t first = 0;
  uint32_t end = 0;
  Entry entry;
  bool absorbed = false;     // part of a longer pattern name ("Amazon Environmental ...")
  bool before_name = false;  // a title that stands before a name
};

// `word` in ASCII lower case, into the reused buffer `out`.
std::string_view LowerInto(std::string_view word, std::string* out) {
  out->assign(word);
  for (char& c : *out) c = mentions_internal::LowerAscii(c);
  return *out;
}

std::string Lower(std::string_view word) {
  std::string lower;
  LowerInto(word, &lower);
  return lower;
}

class Detector {
 public:
  Detector(const Document& doc, const Segmentation& seg, const Gazetteer::Data& data)
      : text_(doc.text), seg_(seg), data_(data) {}

  std::vector<Candidate> Run() {
    BuildTokens();
    // News text has about one mention per fourteen tokens: with room for one per twelve, the
    // candidates (with their strings) rarely move.
    candidates_.reserve(token_count_ / 12);
    FindHits();
    FindNames();
    FindShortNamesOfOrganizations();
    FindSurnamesOfKnownPeople();
    AddHitCandidates();
    FindDescriptions();
    FindPronouns();
    // Indices are sorted, not candidates: each candidate (with its strings) moves once.
    std::vector<uint32_t> order(candidates_.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return candidates_[a].span < candidates_[b].span;
    });
    std::vector<Candidate> sorted;
    sorted.reserve(order.size());
    for (uint32_t i : order) sorted.push_back(std::move(candidates_[i]));
    return sorted;
  }

 private:
  // --- tokens and their context ---

  void AddUnit(Span span, uint32_t sentence) {
    const size_t first = tokens_.size();
    mentions_internal::Tokenize(text_, span.begin, span.end, &tokens_);
    const size_t end = tokens_.size();
    uint32_t unit = unit_count_++;
    unit_.resize(end, unit);
    sentence_.resize(end, sentence);
    clause_.resize(end);
    paragraph_.resize(end);
    ++clause_count_;  // every unit starts a sentence
    uint32_t words = 0;
    uint32_t capitalized = 0;
    for (size_t i = first; i < end; ++i) {
      const Tok& token = tokens_[i];
      if (i > first && token.Has(mentions_internal::kNewlineBefore)) {
        ++paragraph_count_;
        ++clause_count_;
      } else if (i > first && token.Has(mentions_internal::kUpper) && EndsClause(i - 1)) {
        ++clause_count_;
      }
      clause_[i] = clause_count_;
      paragraph_[i] = paragraph_count_;
      if (token.Has(mentions_internal::kWord)) {
        ++words;
        if (token.Has(mentions_internal::kUpper)) ++capitalized;
      }
    }
    unit_end_.push_back(static_cast<uint32_t>(end));
    // A line of mostly capitalized words ("Obama and Putin May Meet at APEC Summit").
    title_case_.push_back(words >= 4 && capitalized * 4 >= words * 3);
    ++paragraph_count_;
  }

  // Whether token i ends a sentence: . ! ? (a period after a single capital is an initial),
  // possibly followed by closing quotes, which the caller sees as the next tokens.
  bool EndsClause(uint32_t i) const {
    std::string_view word = Word(i);
    if (word == "!" || word == "?") return true;
    if (word != ".") return false;
    if (i == 0) return true;
    std::string_view before = Word(i - 1);
    return !(before.size() == 1 && tokens_[i - 1].Has(mentions_internal::kUpper)) &&
           !IsTitleAbbreviation(i - 1);
  }

  bool IsTitleAbbreviation(uint32_t i) const {
    // Asked while the units are tokenized, before every token's phrase id is looked up.
    const uint32_t limit = std::min<uint32_t>(i + 2, tokens_.size());
    uint32_t phrase_ids[2];
    for (uint32_t t = i; t < limit; ++t) {
      phrase_ids[t - i] = data_.PhraseIdOf(Word(t), tokens_[t].hash);
    }
    Entry entry;
    uint32_t end = 0;
    return data_.LongestMatch(tokens_, phrase_ids, i, limit, &entry, &end) && end == i + 2 &&
           entry.kind == EntryKind::kTitle;
  }

  void BuildTokens() {
    // News text has about one token per five bytes, some articles one per four: room for one per
    // four, and the per-token arrays grow once.
    const size_t expected_tokens = text_.size() / 4;
    tokens_.reserve(expected_tokens);
    for (auto* per_token : {&unit_, &sentence_, &clause_, &paragraph_}) {
      per_token->reserve(expected_tokens);
    }
    const size_t expected_units = std::max(seg_.sentences.size(), seg_.paragraphs.size()) + 1;
    unit_end_.reserve(expected_units);
    title_case_.reserve(expected_units);
    auto boilerplate = [&](uint32_t paragraph) {
      return paragraph < seg_.paragraphs.size() && seg_.paragraphs[paragraph].boilerplate;
    };
    if (!seg_.sentences.empty()) {
      for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
        const Sentence& sentence = seg_.sentences[s];
        if (boilerplate(sentence.paragraph)) continue;
        AddUnit(sentence.span, s);
      }
    } else if (!seg_.paragraphs.empty()) {
      for (uint32_t p = 0; p < seg_.paragraphs.size(); ++p) {
        if (!boilerplate(p)) AddUnit(seg_.paragraphs[p].span, kNone);
      }
    } else {
      AddUnit({0, static_cast<uint32_t>(text_.size())}, kNone);
    }
    token_count_ = static_cast<uint32_t>(tokens_.size());
    hit_of_.assign(token_count_, -1);
    name_of_.assign(token_count_, -1);
    initial_.assign(token_count_, false);
    // The first word of a sentence, after any opening quotes or brackets: no word before it in
    // its clause, and clause numbers only grow, so the word before it is in another clause.
    bool word_before = false;
    uint32_t clause_of_word_before = 0;
    for (uint32_t i = 0; i < token_count_; ++i) {
      if (!tokens_[i].Has(mentions_internal::kWord)) continue;
      initial_[i] = !word_before || clause_of_word_before != clause_[i];
      word_before = true;
      clause_of_word_before = clause_[i];
    }
    // Capitalized words that may be common words, and whether the article also writes them in
    // lower case: few are asked about, so they are collected first.
    // A bit for each of 1024 hash buckets that holds one of them: most lower-case words of the
    // text fall into an empty bucket and need no look-up.
    WordTable<bool> lower_case_use;
    std::array<uint64_t, 16> filled_buckets{};
    const auto bucket_of = [](uint64_t hash) { return hash >> 54; };  // the top ten bits
    std::string lower;
    for (uint32_t i = 0; i < token_count_; ++i) {
      if (IsCapitalizedWord(i) && (initial_[i] || title_case_[unit_[i]])) {
        const std::string_view lower_word = LowerInto(Word(i), &lower);
        lower_case_use.Insert(lower_word, false);
        const uint64_t bucket = bucket_of(WordHash(lower_word));
        filled_buckets[bucket / 64] |= uint64_t{1} << (bucket % 64);
      }
    }
    for (uint32_t i = 0; i < token_count_; ++i) {
      if (!tokens_[i].Has(mentions_internal::kWord) || !tokens_[i].Has(mentions_internal::kLower)) {
        continue;
      }
      const uint64_t bucket = bucket_of(tokens_[i].hash);
      if ((filled_buckets[bucket / 64] >> (bucket % 64) & 1) == 0) continue;
      if (bool* used = lower_case_use.Find(Word(i), tokens_[i].hash)) *used = true;
    }
    // Looked up once per token: the detectors below ask about a token many times.
    word_info_.resize(token_count_);
    phrase_id_.resize(token_count_);
    name_shaped_.resize(token_count_);
    for (uint32_t i = 0; i < token_count_; ++i) {
      const Gazetteer::Data::TokenWord* token_word =
          data_.token_words.Find(Word(i), tokens_[i].hash);
      word_info_[i] = token_word != nullptr && token_word->has_info ? &token_word->info : nullptr;
      phrase_id_[i] = token_word != nullptr ? token_word->phrase_id : kNone;
      name_shaped_[i] = IsNameShaped(i, token_word, lower_case_use, &lower);
    }
  }

  bool IsCapitalizedWord(uint32_t i) const {
    return tokens_[i].Has(mentions_internal::kWord) && tokens_[i].Has(mentions_internal::kUpper);
  }

  // The text of tokens [first, end).
  std::string_view TextOf(uint32_t first, uint32_t end) const {
    return std::string_view(text_.data() + tokens_[first].begin,
                            tokens_[end - 1].end - tokens_[first].begin);
  }

  std::string_view Word(uint32_t i) const {
    // Token offsets lie within the text: no bounds check.
    return std::string_view(text_.data() + tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool SameUnit(uint32_t a, uint32_t b) const { return unit_[a] == unit_[b]; }
  // Tokens a < b are neighbours on one line of one unit.
  bool Adjacent(uint32_t a, uint32_t b) const {
    return b < token_count_ && SameUnit(a, b) && !tokens_[b].Has(mentions_internal::kNewlineBefore);
  }
  bool Touching(uint32_t a, uint32_t b) const {
    return Adjacent(a, b) && !tokens_[b].Has(mentions_internal::kSpaceBefore);
  }
  uint32_t UnitEnd(uint32_t i) const { return unit_end_[unit_[i]]; }
  const mentions_internal::WordInfo* WordOf(uint32_t i) const { return word_info_[i]; }
  bool IsWordKind(uint32_t i, WordKind kind) const {
    if (i >= token_count_) return false;
    const auto* info = WordOf(i);
    return info != nullptr && info->kind == kind;
  }
  bool IsDeterminer(uint32_t i) const {
    return IsWordKind(i, WordKind::kDefinite) || IsWordKind(i, WordKind::kIndefinite);
  }
  const Hit* HitAt(uint32_t i) const {
    return i < token_count_ && hit_of_[i] >= 0 ? &hits_[hit_of_[i]] : nullptr;
  }
  bool IsHitKind(uint32_t i, EntryKind kind) const {
    const Hit* hit = HitAt(i);
    return hit != nullptr && hit->entry.kind == kind;
  }
  EntityType KnownType(const Hit& hit) const { return data_.entities[hit.entry.index].type; }

  // Whether a span lies inside a quotation of the segmentation (quotations are in text order).
  bool InQuotation(Span span) const {
    auto after = std::upper_bound(
        seg_.quotations.begin(), seg_.quotations.end(), span.begin,
        [](uint32_t begin, const Quotation& quotation) { return begin < quotation.inner.begin; });
    return after != seg_.quotations.begin() && (after - 1)->inner.Contains(span);
  }

  // --- gazetteer phrases ---

  void FindHits() {
    uint32_t i = 0;
    while (i < token_count_) {
      Entry entry;
      uint32_t end = 0;
      if (tokens_[i].Has(mentions_internal::kWord) && data_.StartsPhrase(phrase_id_[i]) &&
          data_.LongestMatch(tokens_, &phrase_id_[i], i, UnitEnd(i), &entry, &end) &&
          AcceptHit(i, end, entry)) {
        hits_.push_back({i, end, entry});
        for (uint32_t t = i; t < end; ++t) hit_of_[t] = static_cast<int32_t>(hits_.size() - 1);
        i = end;
      } else {
        ++i;
      }
    }
  }

  // A name continues into the next capitalized word ("Jordan Peterson" is not the country), and
  // sentence-initial common words that the gazetteer spells the same are not names.
  bool AcceptHit(uint32_t first, uint32_t end, const Entry& entry) const {
    if (entry.kind != EntryKind::kName) return true;
    if (end - first == 1 && data_.given_names.Find(Word(first)) != nullptr &&
        data_.entities[entry.index].type != EntityType::kPerson && Adjacent(first, end) &&
        IsNameWord(end)) {
      return false;
    }
    return true;
  }

  // --- name patterns ---

  // A capitalized word that can be part of a name no list holds.
  // Capitalized modifier and body words join a name ("Federal Aviation Office").
  bool IsNameWord(uint32_t i) const {
    if (i >= token_count_) return false;
    if (hit_of_[i] >= 0) {
      EntryKind kind = hits_[hit_of_[i]].entry.kind;
      if ((kind != EntryKind::kModifier && kind != EntryKind::kBody) || initial_[i]) return false;
    }
    return name_shaped_[i];
  }

  // A capitalized word that is neither a name stop word nor, at the start of a sentence or in
  // a title-case line, a common word.
  // `token_word` is the token's entry in the gazetteer's token table (null if none); `lower` is
  // a reused buffer.
  bool IsNameShaped(uint32_t i, const Gazetteer::Data::TokenWord* token_word,
                    const WordTable<bool>& lower_case_use, std::string* lower) const {
    if (!IsCapitalizedWord(i)) return false;
    std::string_view word = Word(i);
    if (token_word != nullptr && token_word->name_stopword) return false;
    if (initial_[i] || title_case_[unit_[i]]) {
      // A capitalized common word: the article uses it in lower case elsewhere.
      const std::string_view lower_word = LowerInto(word, lower);
      const uint64_t lower_hash = WordHash(lower_word);
      if (*lower_case_use.Find(lower_word, lower_hash)) return false;
      if (title_case_[unit_[i]] && data_.WordInfoOf(lower_word, lower_hash) != nullptr) {
        return false;
      }
    }
    return true;
  }

  bool IsJoiner(uint32_t i) const {
    std::string_view word = Word(i);
    return word == "-" || word == "\u2010" || word == "\u2013" || word == "'" || word == "\u2019";
  }

  // The end of the name run starting at `first` (which is a name word or a particle).
  uint32_t ExtendRun(uint32_t first) const {
    uint32_t end = first + 1;
    while (end < token_count_ && end - first < kMaxNameTokens) {
      if (Adjacent(end - 1, end) && IsNameWord(end)) {
        ++end;
      } else if (Word(end) == "." && Touching(end - 1, end) && Word(end - 1).size() == 1 &&
                 tokens_[end - 1].Has(mentions_internal::kUpper) && Adjacent(end, end + 1) &&
                 IsNameWord(end + 1)) {
        end += 2;  // an initial: "John R. Bolton"
      } else if (IsJoiner(end) && Touching(end - 1, end) && Touching(end, end + 1) &&
                 IsNameWord(end + 1) && !(Word(end + 1) == "s")) {
        end += 2;  // "Export–Import", "O'Brien", "el-Sisi"
      } else if (Adjacent(end - 1, end) && ParticlesEnd(end) > end) {
        end = ParticlesEnd(end);  // "von der Leyen", "bin Salman", "el-Sisi"
      } else {
        break;
      }
    }
    return end;
  }

  // After particles starting at i ("de la", "al-"), the token where the name goes on, or i.
  uint32_t ParticlesEnd(uint32_t i) const {
    uint32_t next = i;
    while (IsWordKind(next, WordKind::kParticle) && hit_of_[next] < 0 && next + 1 < token_count_) {
      if (IsJoiner(next + 1) && Touching(next, next + 1) && Touching(next + 1, next + 2)) {
        next += 2;
      } else if (Adjacent(next, next + 1)) {
        next += 1;
      } else {
        return i;
      }
      if (IsNameWord(next)) return next;
    }
    return i;
  }

  // "al-Assad" starts with a particle.
  bool StartsParticleName(uint32_t i) const {
    return IsWordKind(i, WordKind::kParticle) && ParticlesEnd(i) > i && i + 1 < token_count_ &&
           IsJoiner(i + 1);
  }

  void FindNames() {
    uint32_t i = 0;
    while (i < token_count_) {
      if (name_of_[i] != -1 || !(IsNameWord(i) || StartsParticleName(i))) {
        ++i;
        continue;
      }
      uint32_t end = ExtendRun(i);
      ClassifyRun(i, end);
      i = end;
    }
  }

  // A title hit that governs the name starting at `first`, or nullptr. Forms: "President X",
  // "The Vice President, X", "President of Ukraine X", "Ambassador to Germany X".
  Hit* TitleBefore(uint32_t first, uint32_t* title_end) {
    if (first == 0 || !SameUnit(first - 1, first)) return nullptr;
    uint32_t p = first - 1;
    if (Word(p) == "," && p > 0) --p;
    if (hit_of_[p] >= 0 && hits_[hit_of_[p]].entry.kind == EntryKind::kTitle) {
      *title_end = hits_[hit_of_[p]].end;
      return &hits_[hit_of_[p]];
    }
    const Hit* place = HitAt(p);
    if (place != nullptr && place->entry.kind == EntryKind::kName && place->first >= 2 &&
        (KnownType(*place) == EntityType::kCountry || KnownType(*place) == EntityType::kPlace)) {
      std::string_view link = Word(place->first - 1);
      if ((link == "of" || link == "to") && IsHitKind(place->first - 2, EntryKind::kTitle)) {
        *title_end = place->end;
        return &hits_[hit_of_[place->first - 2]];
      }
    }
    return nullptr;
  }

  bool CueNear(uint32_t first, uint32_t end) const {
    if (end < token_count_ && Adjacent(end - 1, end) && IsWordKind(end, WordKind::kCue)) {
      return true;
    }
    if (first > 0 && Adjacent(first - 1, first) && IsWordKind(first - 1, WordKind::kCue)) {
      return true;
    }
    return first >= 2 && Word(first - 1) == "to" && Word(first - 2) == "according";
  }

  // "Hugh Hill, a doctor," or "Nancy Pelosi, the Speaker of the House,".
  bool AppositionAfter(uint32_t end) const {
    if (end + 2 >= token_count_ || Word(end) != "," || !SameUnit(end, end + 2)) return false;
    if (!IsDeterminer(end + 1)) return false;
    for (uint32_t k = end + 2; k < std::min<uint32_t>(end + 5, token_count_); ++k) {
      if (!SameUnit(end, k)) break;
      if (IsHitKind(k, EntryKind::kTitle)) return true;
    }
    return false;
  }

  void ClassifyRun(uint32_t first, uint32_t end) {
    std::string_view last = Word(end - 1);
    if (const HeadKind* head = data_.name_heads.Find(last)) {
      if (*head == HeadKind::kOther || !AddOrganization(first, end)) {
        for (uint32_t t = first; t < end; ++t) name_of_[t] = kConsumed;
      }
      return;
    }
    uint32_t title_end = 0;
    Hit* title = TitleBefore(first, &title_end);
    bool given = end - first >= 2 && data_.given_names.Find(Word(first)) != nullptr;
    bool acronym = end - first == 1 && mentions_internal::IsAcronym(Word(first));
    bool short_name = end - first == 1 && short_names_.count(Word(first)) > 0;
    // "Apple Computer announced": capitalized words right after a known organization continue
    // its name.
    if (title == nullptr && end - first == 1 && first > 0 && Adjacent(first - 1, first) &&
        hit_of_[first - 1] >= 0 && data_.given_names.Find(Word(first)) == nullptr &&
        data_.name_heads.Find(Word(first - 1)) == nullptr) {
      Hit& before = hits_[hit_of_[first - 1]];
      EntityType type =
          before.entry.kind == EntryKind::kName ? KnownType(before) : EntityType::kPerson;
      if (type == EntityType::kOrganization || type == EntityType::kMedia) {
        for (uint32_t t = first; t < end; ++t) hit_of_[t] = hit_of_[first - 1];
        before.end = end;
        return;
      }
    }
    if (title != nullptr || given ||
        (!acronym && !short_name && (CueNear(first, end) || AppositionAfter(end)))) {
      AddPerson(first, end, title, title_end);
      if (title == nullptr && !given && end - first == 1) weak_people_.push_back(first);
      return;
    }
    if (end - first == 1) {
      // An acronym defined earlier, or the short form of an organization ("Mahan" for
      // "Mahan Air").
      auto defined = acronyms_.find(Word(first));
      if (defined == acronyms_.end()) defined = short_names_.find(Word(first));
      if (defined != short_names_.end() && defined != acronyms_.end()) {
        AddAcronym(first, defined->second);
        return;
      }
    }
    pending_.push_back({first, end});
  }

  int32_t AddCandidate(Candidate candidate, uint32_t first, uint32_t end) {
    candidate.first_token = first;
    candidate.end_token = end;
    if (candidate.span.empty()) candidate.span = {tokens_[first].begin, tokens_[end - 1].end};
    candidate.sentence = sentence_[first];
    candidate.clause = clause_[first];
    candidate.paragraph = paragraph_[first];
    candidate.quoted = InQuotation(candidate.span);
    candidates_.push_back(std::move(candidate));
    auto index = static_cast<int32_t>(candidates_.size() - 1);
    if (candidates_.back().kind == MentionKind::kName ||
        candidates_.back().kind == MentionKind::kDemonym) {
      for (uint32_t t = first; t < end; ++t) {
        if (name_of_[t] == -1) name_of_[t] = index;
      }
    }
    return index;
  }

  void AddPerson(uint32_t first, uint32_t end, Hit* title, uint32_t title_end) {
    Candidate person;
    person.type = EntityType::kPerson;
    person.name = TextOf(first, end);
    if (const char* gender = data_.given_names.Find(Word(first))) person.gender = *gender;
    if (title != nullptr) SetTitle(&person, title, title_end);
    AddCandidate(std::move(person), first, end);
  }

  // Title span and title-derived gender of a person mention.
  void SetTitle(Candidate* person, Hit* title, uint32_t title_end) {
    title->before_name = true;
    char gender = data_.titles[title->entry.index].gender;
    if (gender != '-') person->gender = gender;
    uint32_t start = title->first;
    while (start > 0 && Adjacent(start - 1, start) && title->end - start < kMaxTitleTokens) {
      const Hit* before = HitAt(start - 1);
      if (before != nullptr && before->entry.kind != EntryKind::kGroup &&
          before->entry.kind != EntryKind::kBody) {
        start = before->first;
      } else if (name_of_[start - 1] >= 0) {
        start = candidates_[name_of_[start - 1]].first_token;
      } else if (IsNameWord(start - 1) && !initial_[start - 1]) {
        --start;
      } else if (Word(start - 1) == "." && start >= 2 && Touching(start - 2, start - 1) &&
                 IsNameWord(start - 2)) {
        start -= 2;
      } else {
        break;
      }
    }
    person->title = {tokens_[start].begin, tokens_[title_end - 1].end};
    person->head_word = Lower(std::string_view(text_).substr(
        tokens_[title->first].begin, tokens_[title->end - 1].end - tokens_[title->first].begin));
  }

  // Whether it found an organization name.
  bool AddOrganization(uint32_t first, uint32_t end) {
    // "Ministry of Foreign Affairs of Ukraine", "Federal Aviation Office of Germany",
    // "Institute for ...": at most two such complements.
    for (int complement = 0; complement < 2; ++complement) {
      if (end + 1 >= token_count_ || !Adjacent(end - 1, end) || !Adjacent(end, end + 1) ||
          (Word(end) != "of" && Word(end) != "for")) {
        break;
      }
      const Hit* hit = HitAt(end + 1);
      if (hit != nullptr && hit->entry.kind == EntryKind::kName) {
        hits_[hit_of_[end + 1]].absorbed = true;
        end = hit->end;
      } else if (IsNameWord(end + 1)) {
        end = ExtendRun(end + 1);
      } else {
        break;
      }
    }
    if (end - first < 2) return false;  // a bare "Council" or "Bank"
    // A place or nationality right before belongs to the name ("Amazon Environmental ...").
    if (first > 0 && Adjacent(first - 1, first)) {
      Hit* before = hit_of_[first - 1] >= 0 ? &hits_[hit_of_[first - 1]] : nullptr;
      if (before != nullptr && !initial_[first] &&
          (before->entry.kind == EntryKind::kDemonym ||
           (before->entry.kind == EntryKind::kName && KnownType(*before) == EntityType::kPlace))) {
        before->absorbed = true;
        first = before->first;
      }
    }
    Candidate organization;
    organization.type = EntityType::kOrganization;
    organization.name = TextOf(first, end);
    int32_t index = AddCandidate(std::move(organization), first, end);
    for (uint32_t t = first; t < end; ++t) {
      name_of_[t] = index;
      if (hit_of_[t] >= 0) hits_[hit_of_[t]].absorbed = true;
    }
    if (hit_of_[first] < 0 && Adjacent(first, first + 1) && IsNameWord(first + 1)) {
      short_names_.emplace(Word(first), index);
    }
    NoteAcronymDefinition(end, index);
    return true;
  }

  // "Asia-Pacific Economic Cooperation, or APEC," and "African Union (AU)".
  void NoteAcronymDefinition(uint32_t end, int32_t organization) {
    uint32_t acronym = 0;
    if (end + 2 < token_count_ && Word(end) == "(" && Word(end + 2) == ")") {
      acronym = end + 1;
    } else if (end + 2 < token_count_ && Word(end) == "," && Word(end + 1) == "or") {
      acronym = end + 2;
    } else {
      return;
    }
    if (!SameUnit(end, acronym) || !mentions_internal::IsAcronym(Word(acronym))) return;
    acronyms_.emplace(Word(acronym), organization);
    if (hit_of_[acronym] < 0 && name_of_[acronym] == -1) AddAcronym(acronym, organization);
  }

  void AddAcronym(uint32_t token, int32_t organization) {
    Candidate acronym;
    acronym.type = candidates_[organization].type;
    acronym.known = candidates_[organization].known;
    acronym.name = candidates_[organization].name;
    AddCandidate(std::move(acronym), token, token + 1);
  }

  // Capitalized runs without other evidence that end in the surname of a person the article
  // names elsewhere ("Represenative Adam Schiff" ... "Schiff said").
  // A single word read as a person only because a reporting verb is next to it is the short
  // form of an organization the article names ("Ford said" ... "Ford Motor Company").
  void FindShortNamesOfOrganizations() {
    for (uint32_t token : weak_people_) {
      auto organization = short_names_.find(Word(token));
      if (organization == short_names_.end()) continue;
      Candidate& person = candidates_[name_of_[token]];
      const Candidate& named = candidates_[organization->second];
      person.type = named.type;
      person.name = named.name;
      person.gender = '-';
    }
  }

  void FindSurnamesOfKnownPeople() {
    // Views of the text and of the gazetteer's names: both outlive the detector.
    std::unordered_set<std::string_view> surnames;
    std::unordered_set<std::string_view> first_names;
    for (const Candidate& candidate : candidates_) {
      if (candidate.type != EntityType::kPerson ||
          candidate.end_token - candidate.first_token < 2) {
        continue;
      }
      surnames.insert(Word(candidate.end_token - 1));
      first_names.insert(Word(candidate.first_token));
    }
    for (const Hit& hit : hits_) {
      if (hit.entry.kind != EntryKind::kName || KnownType(hit) != EntityType::kPerson) continue;
      const std::string& name = data_.entities[hit.entry.index].name;
      surnames.insert(std::string_view(name).substr(name.rfind(' ') + 1));
    }
    for (auto [first, end] : pending_) {
      if (!surnames.count(Word(end - 1))) {
        // "Represenative Adam Schiff": a given name inside the run starts the name.
        for (uint32_t k = first + 1; k + 1 < end; ++k) {
          if (data_.given_names.Find(Word(k)) != nullptr) {
            AddPerson(k, end, nullptr, 0);
            break;
          }
        }
        continue;
      }
      uint32_t start = end - 1;
      if (start > first && (data_.given_names.Find(Word(start - 1)) != nullptr ||
                            first_names.count(Word(start - 1)))) {
        --start;
      }
      AddPerson(start, end, nullptr, 0);
    }
  }

  // --- gazetteer names, descriptions, pronouns ---

  void AddHitCandidates() {
    for (Hit& hit : hits_) {
      if (hit.absorbed ||
          (hit.entry.kind != EntryKind::kName && hit.entry.kind != EntryKind::kDemonym)) {
        continue;
      }
      // Adjectives of regions ("African", "Middle Eastern") only keep names from starting
      // there; a demonym mention refers to a country.
      if (hit.entry.kind == EntryKind::kDemonym && KnownType(hit) != EntityType::kCountry) {
        continue;
      }
      Candidate candidate;
      candidate.kind =
          hit.entry.kind == EntryKind::kDemonym ? MentionKind::kDemonym : MentionKind::kName;
      candidate.known = static_cast<int32_t>(hit.entry.index);
      const auto& known = data_.entities[hit.entry.index];
      candidate.type = known.type;
      candidate.gender = known.gender;
      candidate.name = TextOf(hit.first, hit.end);
      if (known.type == EntityType::kPerson) {
        uint32_t title_end = 0;
        Hit* title = TitleBefore(hit.first, &title_end);
        if (title != nullptr) SetTitle(&candidate, title, title_end);
      }
      int32_t index = AddCandidate(std::move(candidate), hit.first, hit.end);
      if (known.type == EntityType::kOrganization || known.type == EntityType::kMedia) {
        NoteAcronymDefinition(hit.end, index);
      }
    }
  }

  bool IsNounHit(const Hit* hit) const {
    return hit != nullptr &&
           (hit->entry.kind == EntryKind::kTitle || hit->entry.kind == EntryKind::kGroup ||
            hit->entry.kind == EntryKind::kBody);
  }

  void FindDescriptions() {
    for (const Hit& hit : hits_) {
      if (!IsNounHit(&hit) || hit.before_name || hit.absorbed) continue;
      // The head is the last noun of a compound ("government source").
      if (hit.end < token_count_ && Adjacent(hit.end - 1, hit.end) &&
          (IsNounHit(HitAt(hit.end)) || name_of_[hit.end] >= 0)) {
        continue;  // "airline Mahan Air" names the airline
      }
      uint32_t start = hit.first;
      int32_t modifier = -1;
      bool has_modifier = false;
      while (start > 0 && Adjacent(start - 1, start) && hit.end - start < kMaxTitleTokens) {
        const Hit* before = HitAt(start - 1);
        if (before != nullptr &&
            (IsNounHit(before) || before->entry.kind == EntryKind::kModifier ||
             before->entry.kind == EntryKind::kName || before->entry.kind == EntryKind::kDemonym)) {
          if (before->entry.kind == EntryKind::kName || before->entry.kind == EntryKind::kDemonym) {
            has_modifier = true;
            if (name_of_[before->first] >= 0) modifier = name_of_[before->first];
          }
          start = before->first;
        } else if (name_of_[start - 1] >= 0 && name_of_[start - 1] != kConsumed) {
          has_modifier = true;
          modifier = name_of_[start - 1];
          start = candidates_[modifier].first_token;
        } else {
          break;
        }
      }
      // "the two leaders", "both presidents": the number before the head.
      bool pair = start > 0 && Adjacent(start - 1, start) && IsWordKind(start - 1, WordKind::kPair);
      if (pair) --start;
      bool definite = false;
      Span apposition;
      bool determiner = start > 0 && Adjacent(start - 1, start) && IsDeterminer(start - 1);
      if (determiner) {
        definite = IsWordKind(start - 1, WordKind::kDefinite);
        --start;
      }
      // "Hugh Hill, a doctor,": the description is about the name before it.
      bool possessive = hit.end + 1 < token_count_ && IsJoiner(hit.end) && Word(hit.end + 1) == "s";
      if (!possessive && start >= 2 && Word(start - 1) == "," && SameUnit(start - 2, start) &&
          name_of_[start - 2] >= 0 &&
          candidates_[name_of_[start - 2]].type == EntityType::kPerson) {
        apposition = candidates_[name_of_[start - 2]].span;
      }
      bool plural = data_.titles[hit.entry.index].plural;
      if (!plural && !determiner && !has_modifier) continue;
      Candidate description;
      description.kind = MentionKind::kDescription;
      description.type =
          hit.entry.kind == EntryKind::kBody ? EntityType::kOrganization : EntityType::kPerson;
      description.head = hit.entry.kind;
      description.head_word = Lower(std::string_view(text_).substr(
          tokens_[hit.first].begin, tokens_[hit.end - 1].end - tokens_[hit.first].begin));
      description.definite = definite;
      description.plural = plural;
      // A definite plural title ("the leaders", "the presidents") names a pair too.
      description.pair = plural && hit.entry.kind != EntryKind::kBody &&
                         (pair || (definite && hit.entry.kind == EntryKind::kTitle));
      if (modifier >= 0) description.modifier = candidates_[modifier].span;
      description.apposition = apposition;
      description.gender = data_.titles[hit.entry.index].gender;
      description.span = {tokens_[start].begin, tokens_[hit.end - 1].end};
      Candidate& added = candidates_[AddCandidate(std::move(description), start, hit.end)];
      added.first_token = hit.first;  // the head phrase
    }
  }

  void FindPronouns() {
    for (uint32_t i = 0; i < token_count_; ++i) {
      if (!tokens_[i].Has(mentions_internal::kWord) || hit_of_[i] >= 0) continue;
      const auto* info = WordOf(i);
      if (info == nullptr ||
          (info->kind != WordKind::kPronoun && info->kind != WordKind::kPronounOrg)) {
        continue;
      }
      Candidate pronoun;
      pronoun.kind = MentionKind::kPronoun;
      pronoun.gender = info->gender;
      pronoun.organization_pronoun = info->kind == WordKind::kPronounOrg;
      pronoun.type = pronoun.organization_pronoun ? EntityType::kOrganization : EntityType::kPerson;
      AddCandidate(std::move(pronoun), i, i + 1);
    }
  }

  static constexpr int32_t kConsumed = -2;  // name_of_: part of a name that is no mention

  std::string_view text_;
  const Segmentation& seg_;
  const Gazetteer::Data& data_;

  std::vector<Tok> tokens_;
  uint32_t token_count_ = 0;  // tokens_.size(), once all units are tokenized
  std::vector<uint32_t> unit_;
  std::vector<uint32_t> sentence_;
  std::vector<uint32_t> clause_;
  std::vector<uint32_t> paragraph_;
  // Flags as bytes, not std::vector<bool>: every detector reads them per token.
  std::vector<uint8_t> initial_;
  std::vector<const mentions_internal::WordInfo*> word_info_;  // per token, null if unlisted
  std::vector<uint32_t> phrase_id_;                            // per token: its PhraseIdOf
  std::vector<uint8_t> name_shaped_;                           // per token: IsNameShaped
  std::vector<uint8_t> title_case_;                            // per unit
  std::vector<uint32_t> unit_end_;                             // per unit: its end token
  uint32_t unit_count_ = 0;
  uint32_t clause_count_ = 0;
  uint32_t paragraph_count_ = 0;

  std::vector<Hit> hits_;
  std::vector<int32_t> hit_of_;   // per token: index into hits_, or -1
  std::vector<int32_t> name_of_;  // per token: candidate of a pattern name, -1, or kConsumed
  std::vector<Candidate> candidates_;
  std::vector<std::pair<uint32_t, uint32_t>> pending_;  // runs without evidence
  // Keys are views of the text, which outlives the detector.
  std::unordered_map<std::string_view, int32_t> acronyms_;     // defined in this article
  std::unordered_map<std::string_view, int32_t> short_names_;  // "Mahan" for "Mahan Air"
  std::vector<uint32_t> weak_people_;  // single words read as people only by a reporting verb
};

}  // namespace

Mentions FindMentions(const Document& doc, const Segmentation& seg, const Gazetteer& gazetteer) {
  Detector detector(doc, seg, gazetteer.data());
  return mentions_internal::Resolve(gazetteer.data(), detector.Run());
}

}  // namespace hearsay

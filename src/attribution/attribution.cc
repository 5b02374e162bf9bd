// The attribution stage: claims from the rules of ontology/attribution-rules.tsv.
//
// For each cue of a sentence the rules say where the source and the content stand; the code
// here reads the source noun phrase, cuts the content to the conventions of corpus/GOLD.md
// (quotations split at the cue's sentence, no enclosing marks, no final period for indirect
// content), turns outlets that frame another claim into relays, carries quotations on into the
// following sentences, and resolves the source to an entity.
#include <algorithm>
#include <cctype>

#include "attribution/internal.h"

namespace hearsay {
namespace {

bool IsNounPhraseLetter(char c) {
  return std::string_view("dEMDPWjnsN&w").find(c) != std::string_view::npos;
}
bool IsNameLetter(char c) { return c == 'E' || c == 'M'; }
// A number alone ("Papermaster, 49, said") is no head.
bool IsHeadLetter(char c) { return std::string_view("EMDPWNp").find(c) != std::string_view::npos; }

// Without surrounding white space (ASCII, no-break and the typographic spaces U+2000-U+200A,
// U+202F) or a trailing comma.
Span TrimSpan(const std::string& document, Span span) {
  auto space_before = [&](uint32_t end) -> uint32_t {
    const auto* text = reinterpret_cast<const unsigned char*>(document.data());
    if (end > span.begin && (std::isspace(text[end - 1]) || text[end - 1] == ',')) return 1;
    if (end >= span.begin + 2 && text[end - 2] == 0xC2 && text[end - 1] == 0xA0) return 2;
    if (end >= span.begin + 3 && text[end - 3] == 0xE2 && text[end - 2] == 0x80 &&
        (text[end - 1] <= 0x8A || text[end - 1] == 0xAF)) {
      return 3;
    }
    return 0;
  };
  auto space_after = [&](uint32_t begin) -> uint32_t {
    const auto* text = reinterpret_cast<const unsigned char*>(document.data());
    if (begin < span.end && std::isspace(text[begin])) return 1;
    if (begin + 2 <= span.end && text[begin] == 0xC2 && text[begin + 1] == 0xA0) return 2;
    if (begin + 3 <= span.end && text[begin] == 0xE2 && text[begin + 1] == 0x80 &&
        (text[begin + 2] <= 0x8A || text[begin + 2] == 0xAF)) {
      return 3;
    }
    return 0;
  };
  for (uint32_t n; (n = space_before(span.end)) > 0;) span.end -= n;
  for (uint32_t n; (n = space_after(span.begin)) > 0;) span.begin += n;
  return span;
}

// A claim under construction, with what the later steps need to know about it.
struct Candidate {
  Claim claim;
  uint32_t sentence = kNone;
  bool from_quotation = false;      // the content is (part of) a quotation
  bool content_after_cue = false;   // indirect or mixed content that follows the cue
  bool inherits_source = false;     // "..., further saying ..." : the clause's subject speaks
  bool cites = false;               // "citing a source": names the source an outlet reports
  uint32_t last_quotation = kNone;  // the last quotation it took content from
};

class SentenceAnalysis {
 public:
  SentenceAnalysis(const Document& doc, const Segmentation& seg, const std::vector<Unit>& units,
                   uint32_t sentence)
      : doc_(doc), seg_(seg), units_(units), sentence_(sentence) {}

  const std::vector<Unit>& units() const { return units_; }

  // The noun phrase that names the source within units [begin, end).
  Span Source(uint32_t begin, uint32_t end, SourceMode mode) const {
    if (begin >= end) return {};
    if (mode == SourceMode::kForward) return Head(ForwardPhrase(begin, end));
    // Region: comma-separated parts; the part next to the cue, or an apposition's name.
    std::vector<std::pair<uint32_t, uint32_t>> parts;
    uint32_t start = begin;
    for (uint32_t i = begin; i <= end; ++i) {
      if (i == end || units_[i].letter == ',' || units_[i].letter == '(' ||
          units_[i].letter == ')' || units_[i].letter == '-') {
        parts.emplace_back(start, i);
        start = i + 1;
      }
    }
    auto last = BackwardPhrase(parts.back().first, parts.back().second);
    if (last.first < last.second) return Head(last);
    // "Nancy Pelosi, the Speaker of the House, said", "Merkel's spokesman, Steffen Seibert,
    // said", "..., and his critics, which include ..., blame": of the last two parts that are
    // not relative clauses, the one that ends in a name, else the one after "and", else the first.
    std::vector<std::pair<uint32_t, uint32_t>> phrases;
    for (size_t p = parts.size() - 1; p-- > 0 && phrases.size() < 2;) {
      // Relative clauses and interjections ("who ...", "speaking to reporters", "in remarks to")
      if (parts[p].first < parts[p].second &&
          std::string_view("rVoyt").find(units_[parts[p].first].letter) != std::string_view::npos)
        continue;
      auto phrase = BackwardPhrase(parts[p].first, parts[p].second);
      if (phrase.first < phrase.second) phrases.insert(phrases.begin(), phrase);
    }
    if (phrases.empty()) return {};
    std::pair<uint32_t, uint32_t> chosen = phrases.front();
    if (phrases.size() == 2 && phrases[1].first > 0 && units_[phrases[1].first - 1].letter == '&')
      chosen = phrases[1];
    for (const auto& phrase : phrases) {
      if (IsNameLetter(units_[phrase.second - 1].letter)) {
        chosen = phrase;
        break;
      }
    }
    return Head(chosen);
  }

  // The noun phrase at the start of [begin, end), after any "by" (the agent of a statement).
  std::pair<uint32_t, uint32_t> ForwardPhrase(uint32_t begin, uint32_t end) const {
    for (uint32_t i = begin; i < end; ++i) {
      if (units_[i].letter == 'b') begin = i + 1;
    }
    while (begin < end &&
           std::string_view("otyz,&fb(").find(units_[begin].letter) != std::string_view::npos) {
      ++begin;
    }
    uint32_t i = begin;
    bool head_seen = false;
    int words = 0;
    while (i < end) {
      char c = units_[i].letter;
      if (c == 'w') {
        // "The coach praised the team": a past form ends the phrase.
        std::string_view word = units_[i].span.In(doc_.text);
        bool past = word.size() > 3 && word.substr(word.size() - 2) == "ed";
        if (head_seen || ++words > 3 || (past && i > begin)) break;
      } else if (c == 'd' && i > begin) {
        break;  // "The coach praised the team": a new noun phrase
      } else if (c == 'o' || c == 'b') {
        if (!head_seen || i + 1 >= end || !IsNounPhraseLetter(units_[i + 1].letter)) break;
      } else if (!IsNounPhraseLetter(c)) {
        break;
      }
      if (IsHeadLetter(c)) head_seen = true;
      ++i;
    }
    // Without a known head noun the last word is the head ("the port authority").
    if (!head_seen) {
      while (i > begin && units_[i - 1].letter != 'w') --i;
    }
    while (i > begin && !IsHeadLetter(units_[i - 1].letter) && units_[i - 1].letter != 'w') --i;
    return {begin, i};
  }

  // The noun phrase that ends [begin, end), skipping auxiliaries, adverbs and times before the
  // cue ("Reuters reported on Monday a German government source").
  std::pair<uint32_t, uint32_t> BackwardPhrase(uint32_t begin, uint32_t end) const {
    while (end > begin &&
           std::string_view("aytzofx").find(units_[end - 1].letter) != std::string_view::npos) {
      --end;
    }
    uint32_t i = end;
    int words = 0;
    while (i > begin) {
      char c = units_[i - 1].letter;
      // "the" starts the phrase, unless names are joined ("Saudi Arabia and the United States")
      if (i < end && units_[i].letter == 'd' && c != 'E' && c != 'W' && c != '&') break;
      if (c == 'w') {
        if (++words > 3) break;
      } else if (c == 'o' || c == 'b') {
        if (i - 1 <= begin || !IsNounPhraseLetter(units_[i - 2].letter) || i == end) break;
      } else if (!IsNounPhraseLetter(c)) {
        break;
      }
      --i;
    }
    while (i < end && std::string_view("wob&y").find(units_[i].letter) != std::string_view::npos &&
           !(units_[i].letter == 'w' && i + 1 < end && IsHeadLetter(units_[i + 1].letter))) {
      ++i;
    }
    const bool determined = i < end && units_[i].letter == 'd';
    if (i < end && !determined &&
        !std::any_of(units_.begin() + i, units_.begin() + end,
                     [](const Unit& u) { return IsHeadLetter(u.letter); })) {
      return {end, end};
    }
    return {i, end};
  }

  // The minimal span naming the source in a noun phrase: its name when the phrase ends in one
  // ("US Secretary of State Mike Pompeo"), the owner of a statement ("the ministry's
  // statement"), else the whole phrase ("a German government source").
  Span Head(std::pair<uint32_t, uint32_t> phrase) const {
    auto [begin, end] = phrase;
    if (begin >= end) return {};
    // "a statement from the ministry", "the ministry's statement"
    for (uint32_t i = begin; i < end; ++i) {
      if (units_[i].letter != 'N') continue;
      if (i > begin && units_[i - 1].letter == 's' && i - 1 > begin) {
        end = i - 1;
      } else if (i + 1 < end && (units_[i + 1].letter == 'o' || units_[i + 1].letter == 'b')) {
        begin = i + 2;
      }
      break;
    }
    // "President Hassan Rouhani of Iran": the name before the preposition.
    for (uint32_t i = begin + 1; i < end; ++i) {
      if ((units_[i].letter == 'o' || units_[i].letter == 'b') &&
          IsNameLetter(units_[i - 1].letter)) {
        end = i;
        break;
      }
    }
    if (begin >= end) return {};
    if (IsNameLetter(units_[end - 1].letter)) {
      uint32_t first = end - 1;
      while (first > begin && IsNameLetter(units_[first - 1].letter)) --first;
      // "representatives from Iran", "a spokesman for the Kremlin": the name is not the head.
      uint32_t before_name = first;
      while (before_name > begin && units_[before_name - 1].letter == 'd') --before_name;
      if (before_name > begin + 1 &&
          (units_[before_name - 1].letter == 'o' || units_[before_name - 1].letter == 'f')) {
        return {units_[begin].span.begin, units_[end - 1].span.end};
      }
      // "Saudi Arabia and the United States"
      for (uint32_t i = first; i > begin + 1; --i) {
        if (units_[i - 1].letter == 'd') continue;
        if (units_[i - 1].letter == '&' && IsNameLetter(units_[i - 2].letter)) {
          first = i - 2;
          while (first > begin && IsNameLetter(units_[first - 1].letter)) --first;
        }
        break;
      }
      return {units_[first].span.begin, units_[end - 1].span.end};
    }
    return {units_[begin].span.begin, units_[end - 1].span.end};
  }

  // The leading noun phrase of the sentence: the subject of "X did Y, saying ...".
  Span Subject(uint32_t end) const { return Head(ForwardPhrase(0, end)); }

  // Units after the cue that belong to neither source nor content: the addressee of "told",
  // "that", adverbs, times, and occasions ("at a news briefing", "via Twitter").
  uint32_t SkipFrame(uint32_t i, uint32_t end, bool addressee) const {
    if (addressee && i < end) {
      uint32_t k = i;
      if (units_[k].letter == 'p' || units_[k].letter == 'P') {
        ++k;
      } else {
        const bool determiner = k < end && units_[k].letter == 'd';
        if (determiner) ++k;
        if (k < end && (units_[k].letter == 'w' || units_[k].letter == 'j')) ++k;
        uint32_t nouns = k;
        while (k < end && std::string_view("EMDW").find(units_[k].letter) != std::string_view::npos)
          ++k;
        if (k == nouns && !(determiner && k == i + 2)) k = i;  // "told the world"
      }
      i = k;
    }
    // "alleged, by way of example, Mahan had ..."
    if (i < end && units_[i].letter == ',') {
      uint32_t k = i + 1;
      while (k < end && k < i + 6 &&
             std::string_view("<q>,.;:CGKAQV").find(units_[k].letter) == std::string_view::npos)
        ++k;
      if (k < end && k > i + 1 && units_[k].letter == ',') i = k + 1;
    }
    while (i < end) {
      char c = units_[i].letter;
      if (c == ',' || c == ':' || c == 'T' || c == 'y' || c == 't') {
        ++i;
      } else if (c == 'o' || c == 'f') {
        uint32_t k = OccasionEnd(i, end);
        if (k == i) break;
        i = k;
      } else {
        break;
      }
    }
    return i;
  }

  // The end of an occasion or time phrase starting at the preposition `i`, or `i` if none.
  uint32_t OccasionEnd(uint32_t i, uint32_t end) const {
    uint32_t k = i + 1;
    while (k < end && k < i + 7 &&
           std::string_view("dwWjEMsn").find(units_[k].letter) != std::string_view::npos) {
      ++k;
    }
    if (k < end && units_[k].letter == 't' && k == i + 1) {
      while (k < end && units_[k].letter == 't') ++k;
      return k;
    }
    if (k >= end || units_[k].letter != 'N') {
      // "via Twitter" with Twitter as a name of its own
      return i;
    }
    ++k;
    // "... with the BBC", "... to UOL.com.br"
    if (k + 1 < end && units_[k].letter == 'o' &&
        std::string_view("dEMWjDNw").find(units_[k + 1].letter) != std::string_view::npos) {
      const uint32_t object = ++k;
      while (k < end && k < object + 4 &&
             std::string_view("dEMWjDNsw").find(units_[k].letter) != std::string_view::npos)
        ++k;
    }
    return k;
  }

  // Occasion phrases of the sentence outside every content span.
  Span Occasion(Span cue, const std::vector<Span>& contents) const {
    Span best;
    uint32_t best_distance = UINT32_MAX;
    for (uint32_t i = 0; i < units_.size(); ++i) {
      if (units_[i].letter != 'o') continue;
      uint32_t k = OccasionEnd(i, static_cast<uint32_t>(units_.size()));
      if (k == i || units_[k - 1].letter == 't') continue;
      Span span{units_[i].span.begin, units_[k - 1].span.end};
      bool inside = std::any_of(contents.begin(), contents.end(),
                                [span](Span c) { return c.Overlaps(span); });
      if (inside) continue;
      uint32_t distance = span.begin >= cue.end ? span.begin - cue.end : cue.begin - span.end;
      if (distance < best_distance) {
        best = span;
        best_distance = distance;
      }
    }
    return best_distance <= 80 ? best : Span{};
  }

  // Units [begin, end) as a content span: without surrounding commas, colons, "that", a final
  // period outside quotation marks, or the comma of a closing `,"`.
  Span ContentSpan(uint32_t begin, uint32_t end) const {
    while (begin < end &&
           std::string_view(",:T-").find(units_[begin].letter) != std::string_view::npos)
      ++begin;
    while (end > begin &&
           std::string_view(",.;:-").find(units_[end - 1].letter) != std::string_view::npos)
      --end;
    if (begin >= end) return {};
    Span span{units_[begin].span.begin, units_[end - 1].span.end};
    if (units_[end - 1].letter == '>' && end - 1 > begin && units_[end - 2].letter == 'q' &&
        units_[end - 2].span.In(doc_.text) == ",") {
      span.end = units_[end - 2].span.begin;
    }
    return TrimText(span);
  }

  Span TrimText(Span span) const { return TrimSpan(doc_.text, span); }

  QuoteKind KindOf(Span content) const {
    return QuotationsTouching(seg_, content).empty() ? QuoteKind::kIndirect : QuoteKind::kMixed;
  }

  // Claims for the quotations that start at unit `i`, joined by commas or "and": the part of
  // each inside this sentence, then the rest of it.
  std::vector<Candidate> QuotationClaims(uint32_t i, const Candidate& base) const {
    std::vector<Candidate> out;
    const Span sentence = seg_.sentences[sentence_].span;
    auto add = [&](Span content, uint32_t q) {
      if (content.empty()) return;
      Candidate claim = base;
      claim.claim.content = content;
      claim.claim.kind = QuoteKind::kDirect;
      claim.from_quotation = true;
      claim.last_quotation = q;
      out.push_back(claim);
    };
    while (i < units_.size() && units_[i].letter == '<') {
      uint32_t q = units_[i].quotation;
      const Quotation& quotation = seg_.quotations[q];
      add(TrimText({quotation.inner.begin, std::min(quotation.inner.end, sentence.end)}), q);
      if (quotation.inner.end > sentence.end) {
        add(TrimText({sentence.end, quotation.inner.end}), q);
        break;
      }
      while (i < units_.size() && units_[i].quotation == q) ++i;
      while (i < units_.size() && (units_[i].letter == ',' || units_[i].letter == '&')) ++i;
    }
    return out;
  }

  // True when units [i, end) are only quotations joined by commas, "and" and final marks.
  bool OnlyQuotations(uint32_t i, uint32_t end) const {
    for (; i < end; ++i) {
      if (std::string_view("<q>,&.").find(units_[i].letter) == std::string_view::npos) return false;
    }
    return true;
  }

  // The claims one rule finds for the cue at unit `cue`.
  std::vector<Candidate> Apply(const AttributionRule& rule, const re2::StringPiece* groups,
                               const re2::StringPiece& skeleton, uint32_t cue) const {
    auto range = [&](int group) -> std::pair<uint32_t, uint32_t> {
      if (group < 0 || groups[group].data() == nullptr) return {0, 0};
      auto begin = static_cast<uint32_t>(groups[group].data() - skeleton.data());
      return {begin, begin + static_cast<uint32_t>(groups[group].size())};
    };
    const Unit& cue_unit = units_[cue];
    const CueForm& form = *cue_unit.cue;
    Candidate base;
    base.sentence = sentence_;
    base.claim.rule = rule.name;
    base.claim.cue_lemma = form.lemma;
    base.cites = form.cites;
    base.claim.cue = {cue_unit.span.begin, units_[cue + cue_unit.cue_words - 1].span.end};
    auto [src_begin, src_end] = range(rule.src_group);
    base.claim.source = Source(src_begin, src_end, rule.mode);
    // "..., further saying", "He said ... and added that": the subject of the sentence speaks.
    uint32_t last_word = src_end;
    while (last_word > src_begin && units_[last_word - 1].letter == 'y') --last_word;
    const bool continues = last_word == src_begin || units_[last_word - 1].letter == '&';
    if (base.claim.source.empty()) {
      if (rule.mode == SourceMode::kRegion && src_end == cue && continues &&
          rule.before_group < 0) {
        base.inherits_source = true;  // filled in by SettleSentence when Subject finds none
        base.claim.source = Subject(cue);
      } else {
        return {};
      }
    }

    std::vector<Candidate> out;
    auto [before_begin, before_end] = range(rule.before_group);
    if (before_end > before_begin) {
      const Unit& last = units_[before_end - 1];
      Candidate claim = base;
      uint32_t open = before_begin;
      while (open < before_end && units_[open].quotation != last.quotation) ++open;
      // Words of the same clause before the opening mark make the content mixed.
      uint32_t clause = open;
      while (clause > 0 &&
             std::string_view(";:>").find(units_[clause - 1].letter) == std::string_view::npos) {
        --clause;
      }
      const bool words_before =
          std::any_of(units_.begin() + clause, units_.begin() + open, [](const Unit& u) {
            return std::string_view(",.:;-x(y").find(u.letter) == std::string_view::npos;
          });
      if (last.letter == '>' && last.quotation != kNone && words_before &&
          units_[open].letter == '<') {
        // "The two leaders plan to discuss the "development ... Syria," Ushakov said"
        claim.claim.content = ContentSpan(clause, before_end);
        claim.claim.kind = QuoteKind::kMixed;
      } else if (last.letter == '>' && last.quotation != kNone) {
        claim.claim.content = TrimText(seg_.quotations[last.quotation].inner);
        claim.claim.kind = QuoteKind::kDirect;
        claim.from_quotation = true;
        claim.last_quotation = last.quotation;
      } else {
        claim.claim.content = ContentSpan(before_begin, before_end);
        claim.claim.kind = KindOf(claim.claim.content);
      }
      if (!claim.claim.content.empty()) out.push_back(claim);
    }
    auto [after_begin, after_end] = range(rule.after_group);
    if (after_end > after_begin) {
      const bool addressee = form.audience && after_begin == cue + cue_unit.cue_words;
      const uint32_t start = SkipFrame(after_begin, after_end, addressee);
      // Indirect content only after indirect content or none before the cue, and never a new
      // clause (", and ...", ", but ...").
      const bool indirect_allowed =
          (out.empty() || out.front().claim.kind == QuoteKind::kIndirect) && start < after_end &&
          std::string_view("&cX").find(units_[start].letter) == std::string_view::npos;
      if (start < after_end && units_[start].letter == '<' && OnlyQuotations(start, after_end)) {
        for (Candidate& claim : QuotationClaims(start, base)) out.push_back(std::move(claim));
      } else if (indirect_allowed) {
        uint32_t stop = start;
        while (stop < after_end && units_[stop].letter != ';') ++stop;
        Candidate claim = base;
        claim.claim.content = ContentSpan(start, stop);
        claim.claim.kind = KindOf(claim.claim.content);
        claim.content_after_cue = true;
        if (!claim.claim.content.empty()) out.push_back(claim);
      }
    }
    if (form.quote_only) {
      out.erase(std::remove_if(out.begin(), out.end(),
                               [](const Candidate& c) { return !c.from_quotation; }),
                out.end());
    }
    return out;
  }

  // Indirect content ends before a clause the writer adds after a comma (", which ...",
  // ", but ...").
  void CutWriterClause(Candidate* candidate) const {
    uint32_t begin = 0;
    while (begin < units_.size() && units_[begin].span.begin < candidate->claim.content.begin)
      ++begin;
    for (uint32_t i = begin; i + 1 < units_.size(); ++i) {
      if (units_[i].span.begin >= candidate->claim.content.end) break;
      if (units_[i].letter == ',' && (units_[i + 1].letter == 'r' || units_[i + 1].letter == 'c')) {
        CutAt(candidate, i);
        return;
      }
    }
  }

  // Where the clause of a claim starts: its source (or cue), with a relative pronoun, comma or
  // "and" before it.
  uint32_t ClauseStart(const Claim& claim, uint32_t after) const {
    uint32_t at = claim.cue.begin;
    if (!claim.source.empty() && claim.source.begin > after) at = std::min(at, claim.source.begin);
    uint32_t i = 0;
    while (i < units_.size() && units_[i].span.begin < at) ++i;
    while (i > 0 && std::string_view("r,&yT").find(units_[i - 1].letter) != std::string_view::npos)
      --i;
    return i;
  }

  // Shortens indirect content that runs into the clause of another claim ("..., which he said
  // would ...").
  void CutAt(Candidate* candidate, uint32_t clause_start) const {
    uint32_t begin = 0;
    while (begin < units_.size() && units_[begin].span.begin < candidate->claim.content.begin)
      ++begin;
    if (clause_start <= begin) return;
    Span cut = ContentSpan(begin, clause_start);
    if (!cut.empty()) {
      candidate->claim.content = cut;
      candidate->claim.kind = KindOf(cut);
    }
  }

 private:
  const Document& doc_;
  const Segmentation& seg_;
  const std::vector<Unit>& units_;
  uint32_t sentence_;
};

// The entity of the mention that holds the head (last word) of the source span.
uint32_t EntityOfSpan(const Mentions& mentions, Span span) {
  if (span.empty()) return kNone;
  // The last mention starting before the span's end that reaches it; mentions are sorted and
  // short, so the look back stops kMaxMention bytes before.
  constexpr uint32_t kMaxMention = 512;
  auto it = std::partition_point(mentions.mentions.begin(), mentions.mentions.end(),
                                 [&](const Mention& m) { return m.span.begin < span.end; });
  while (it != mentions.mentions.begin()) {
    --it;
    if (it->span.end >= span.end) return it->entity;
    if (it->span.begin + kMaxMention < span.end) break;
  }
  return kNone;
}

bool IsMedia(const Mentions& mentions, uint32_t entity) {
  return entity < mentions.entities.size() && mentions.entities[entity].type == EntityType::kMedia;
}

bool IsPerson(const Mentions& mentions, uint32_t entity) {
  return entity < mentions.entities.size() && mentions.entities[entity].type == EntityType::kPerson;
}

uint32_t SentenceAt(const Segmentation& seg, uint32_t offset) {
  auto it = std::upper_bound(seg.sentences.begin(), seg.sentences.end(), offset,
                             [](uint32_t at, const Sentence& s) { return at < s.span.begin; });
  if (it == seg.sentences.begin()) return kNone;
  return static_cast<uint32_t>(it - seg.sentences.begin() - 1);
}

std::string LowerText(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "a Putin aide", "an official": a source the article has not named yet.
bool IsIndefinite(const std::string& lower_source) {
  return lower_source.rfind("a ", 0) == 0 || lower_source.rfind("an ", 0) == 0;
}

// Sources that the mentions stage left unresolved: pronouns take the last person who spoke or
// was named; "the commissioner" the last person with that title; "a Putin aide" the person
// named as a source right after it.
void ResolveSources(const Document& doc, const Segmentation& seg, const Mentions& mentions,
                    std::vector<Candidate>* candidates) {
  for (size_t c = 0; c < candidates->size(); ++c) {
    Claim& claim = (*candidates)[c].claim;
    if (claim.source_entity != kNone || claim.source.empty()) continue;
    const std::string source = LowerText(claim.source.In(doc.text));
    const bool indefinite = IsIndefinite(source);
    const bool definite = source.rfind("the ", 0) == 0;
    const bool pronoun = source == "he" || source == "she";
    if (pronoun) {
      for (size_t p = c; p-- > 0;) {
        uint32_t entity = (*candidates)[p].claim.source_entity;
        if (IsPerson(mentions, entity)) {
          claim.source_entity = entity;
          break;
        }
      }
      if (claim.source_entity != kNone) continue;
      for (const Mention& mention : mentions.mentions) {
        if (mention.span.begin >= claim.source.begin) break;
        if (mention.kind == MentionKind::kName && IsPerson(mentions, mention.entity))
          claim.source_entity = mention.entity;
      }
    } else if (definite) {
      std::string head = source.substr(source.rfind(' ') + 1);
      for (const Mention& mention : mentions.mentions) {
        if (mention.span.begin >= claim.source.begin) break;
        if (mention.title.empty() || !IsPerson(mentions, mention.entity)) continue;
        if (LowerText(mention.title.In(doc.text)).find(head) != std::string::npos)
          claim.source_entity = mention.entity;
      }
    } else if (indefinite) {
      const uint32_t sentence = SentenceAt(seg, claim.source.begin);
      // The lead's "a Putin aide said ..." and the next paragraph's named speaker: only an
      // indirect claim, only the next claim, close by, in a later paragraph, and only a person
      // the article names there first.
      if (c + 1 >= candidates->size() || claim.kind != QuoteKind::kIndirect) continue;
      const Candidate& next = (*candidates)[c + 1];
      const uint32_t entity = next.claim.source_entity;
      const bool later_paragraph =
          seg.sentences[next.sentence].paragraph > seg.sentences[sentence].paragraph;
      if (next.sentence > sentence + 3 || !later_paragraph || !IsPerson(mentions, entity)) {
        continue;
      }
      const Entity& person = mentions.entities[entity];
      const bool named_before =
          std::any_of(person.mentions.begin(), person.mentions.end(), [&](uint32_t m) {
            return mentions.mentions[m].kind == MentionKind::kName &&
                   mentions.mentions[m].span.begin < claim.source.begin;
          });
      if (!named_before) claim.source_entity = entity;
    }
  }
}

class ClaimFinder {
 public:
  ClaimFinder(const Document& doc, const Segmentation& seg, const Mentions& mentions,
              const std::vector<Timex>& timexes, const CueLexicon::Data& lexicon)
      : doc_(doc), seg_(seg), mentions_(mentions), timexes_(timexes), lexicon_(lexicon) {}

  std::vector<Claim> Run() {
    std::vector<Candidate> all;
    std::vector<bool> has_claim(seg_.sentences.size(), false);
    for (uint32_t s = 0; s < seg_.sentences.size(); ++s) {
      const Sentence& sentence = seg_.sentences[s];
      if (sentence.paragraph < seg_.paragraphs.size() &&
          seg_.paragraphs[sentence.paragraph].boilerplate) {
        continue;
      }
      if (!MayHoldCue(doc_, seg_, mentions_, lexicon_, s, &unit_buffers_)) continue;
      SentenceUnits(doc_, seg_, mentions_, timexes_, lexicon_, s, &unit_buffers_, &units_);
      PrependClosingQuotation(s, has_claim, &units_);
      SentenceAnalysis analysis(doc_, seg_, units_, s);
      std::vector<Candidate> found = FindInSentence(analysis);
      has_claim[s] = !found.empty();
      for (Candidate& candidate : found) all.push_back(std::move(candidate));
    }
    AddRunOnQuotations(&all, has_claim);
    ResolveSources(doc_, seg_, mentions_, &all);
    std::vector<Claim> claims;
    for (Candidate& candidate : all) claims.push_back(std::move(candidate.claim));
    return claims;
  }

 private:
  // A quotation that closes right before the sentence ('..!" Macron told ...') and that no
  // earlier sentence attributed belongs to this sentence's cue: its closing mark becomes the
  // sentence's first unit.
  void PrependClosingQuotation(uint32_t s, const std::vector<bool>& has_claim,
                               std::vector<Unit>* units) const {
    if (units->empty() || units->front().letter == '<') return;
    const uint32_t q = QuotationClosingBefore(doc_, seg_, s);
    if (q == kNone) return;
    const Quotation& quotation = seg_.quotations[q];
    for (uint32_t t = SentenceAt(seg_, quotation.outer.begin); t < s; ++t) {
      if (has_claim[t]) return;
    }
    Unit mark;
    mark.span = {quotation.inner.end, quotation.outer.end};
    mark.letter = '>';
    mark.quotation = q;
    units->insert(units->begin(), mark);
    MarkPunctuationCues(units);
  }

  std::vector<Candidate> FindInSentence(const SentenceAnalysis& analysis) {
    const std::vector<Unit>& units = analysis.units();
    std::string& marked = skeleton_;
    marked.clear();
    for (const Unit& unit : units) marked += unit.letter;
    std::vector<Candidate> found;
    for (uint32_t i = 0; i < units.size(); ++i) {
      if (units[i].cue == nullptr) continue;
      // The skeleton with this cue marked, restored after the rules ran.
      const char letter = marked[i];
      marked[i] = CurrentCueLetter(units[i]);
      ApplyFirstRule(analysis, marked, i, &found);
      marked[i] = letter;
    }
    SettleSentence(analysis, &found);
    return found;
  }

  // Appends the claims of the first rule, in priority order, that matches the skeleton `marked`
  // (cue `i` marked) with its cue group at `i` and yields claims.
  void ApplyFirstRule(const SentenceAnalysis& analysis, const std::string& marked, uint32_t i,
                      std::vector<Candidate>* found) {
    const re2::StringPiece text(marked);
    matching_.clear();
    if (!lexicon_.rule_set->Match(text, &matching_)) return;
    std::sort(matching_.begin(), matching_.end());
    for (int r : matching_) {
      const AttributionRule& rule = lexicon_.rules[r];
      const int groups = rule.pattern->NumberOfCapturingGroups() + 1;
      groups_.assign(groups, re2::StringPiece());
      if (!rule.pattern->Match(text, 0, text.size(), RE2::UNANCHORED, groups_.data(), groups))
        continue;
      if (groups_[rule.cue_group].data() - text.data() != static_cast<std::ptrdiff_t>(i)) continue;
      std::vector<Candidate> claims = analysis.Apply(rule, groups_.data(), text, i);
      if (claims.empty()) continue;
      for (Candidate& claim : claims) found->push_back(std::move(claim));
      return;
    }
  }

  // Within one sentence: outlets that frame another claim become its relay; indirect content
  // stops where another claim's clause starts; sources, times and occasions are filled in.
  void SettleSentence(const SentenceAnalysis& analysis, std::vector<Candidate>* found) {
    for (Candidate& candidate : *found) {
      if (candidate.inherits_source) {
        for (const Candidate& other : *found) {
          if (&other == &candidate || other.inherits_source) continue;
          if (other.claim.cue.begin < candidate.claim.cue.begin) {
            candidate.claim.source = other.claim.source;
          }
        }
      }
      if (candidate.claim.source.empty()) continue;
      // An indefinite description ("a White House spokesperson") introduces someone new: its
      // referent is found later (ResolveSources), never among earlier mentions.
      const bool indefinite = IsIndefinite(LowerText(candidate.claim.source.In(doc_.text)));
      candidate.claim.source_entity =
          indefinite ? kNone : EntityOfSpan(mentions_, candidate.claim.source);
    }
    std::vector<bool> dropped(found->size(), false);
    for (size_t c = 0; c < found->size(); ++c) {
      dropped[c] = (*found)[c].claim.source.empty();
    }
    // "..., Interfax reported, citing a source close to the talks": the cited source speaks and
    // the outlet relays.
    for (size_t c = 0; c < found->size(); ++c) {
      const Candidate& citing = (*found)[c];
      if (!citing.cites || dropped[c]) continue;
      for (size_t a = 0; a < found->size(); ++a) {
        Claim& reported = (*found)[a].claim;
        if (a == c || dropped[a] || !citing.claim.content.Contains(reported.cue) ||
            !IsMedia(mentions_, reported.source_entity)) {
          continue;
        }
        reported.relays.push_back(reported.source_entity);
        reported.source = citing.claim.source;
        reported.source_entity = citing.claim.source_entity;
        dropped[c] = true;
        break;
      }
    }
    // An outlet whose report holds another claim is that claim's relay. Other content before
    // the cue that holds a claim ("X said Y, a charge Tehran denies") is not what was said.
    std::vector<uint32_t> relays;
    for (size_t a = 0; a < found->size(); ++a) {
      if (dropped[a]) continue;
      const Candidate& outer = (*found)[a];
      for (size_t b = 0; b < found->size(); ++b) {
        if (a == b || !outer.claim.content.Contains((*found)[b].claim.cue)) continue;
        if (IsMedia(mentions_, outer.claim.source_entity)) {
          relays.push_back(outer.claim.source_entity);
          dropped[a] = true;
        } else if (!outer.content_after_cue && !outer.from_quotation) {
          dropped[a] = true;
        }
        break;
      }
    }
    std::vector<Candidate> kept;
    for (size_t a = 0; a < found->size(); ++a) {
      if (!dropped[a]) kept.push_back(std::move((*found)[a]));
    }
    for (Candidate& candidate : kept) {
      for (const Candidate& other : kept) {
        if (&other == &candidate || !candidate.content_after_cue) continue;
        // A clause that starts the content is nested ("stated he believed ..."): keep it whole.
        const uint32_t clause = other.claim.source.empty() || other.inherits_source
                                    ? other.claim.cue.begin
                                    : std::min(other.claim.source.begin, other.claim.cue.begin);
        if (candidate.claim.content.Contains(other.claim.cue) &&
            clause > candidate.claim.content.begin) {
          analysis.CutAt(&candidate,
                         analysis.ClauseStart(other.claim, candidate.claim.content.begin));
        }
      }
      if (candidate.content_after_cue) analysis.CutWriterClause(&candidate);
      for (uint32_t relay : relays) {
        if (relay != candidate.claim.source_entity) candidate.claim.relays.push_back(relay);
      }
    }
    std::vector<Span> contents;
    for (const Candidate& candidate : kept) contents.push_back(candidate.claim.content);
    for (Candidate& candidate : kept) {
      candidate.claim.said_at = SaidAt(candidate, contents);
      candidate.claim.occasion = analysis.Occasion(candidate.claim.cue, contents);
    }
    *found = std::move(kept);
  }

  // The time expression of the cue's sentence nearest to the cue, outside every content.
  uint32_t SaidAt(const Candidate& candidate, const std::vector<Span>& contents) const {
    const Span sentence = seg_.sentences[candidate.sentence].span;
    uint32_t best = kNone;
    uint32_t best_distance = UINT32_MAX;
    const Span cue = candidate.claim.cue;
    auto [first_timex, last_timex] = TimexesTouching(timexes_, sentence);
    for (uint32_t t = first_timex; t < last_timex; ++t) {
      const Span span = timexes_[t].span;
      if (!sentence.Contains(span)) continue;
      bool inside = std::any_of(contents.begin(), contents.end(),
                                [span](Span c) { return c.Overlaps(span); });
      // A content between the cue and the time expression separates them: "According to X,
      // the leaders discussed sanctions, which the EU extended in December" was not said then.
      const Span between{std::min(cue.end, span.end), std::max(cue.begin, span.begin)};
      bool separated = std::any_of(contents.begin(), contents.end(),
                                   [between](Span c) { return between.Contains(c); });
      if (inside || separated || timexes_[t].type != TimexType::kDate) continue;
      uint32_t distance = span.begin >= cue.end ? span.begin - cue.end : cue.begin - span.end;
      if (distance < best_distance) {
        best = t;
        best_distance = distance;
      }
    }
    return best;
  }

  // Sentences of the same paragraph that hold only a quotation carry on the last direct claim:
  // each such quotation is one more claim with the same source, cue and relays.
  void AddRunOnQuotations(std::vector<Candidate>* all, const std::vector<bool>& has_claim) {
    std::vector<bool> used(seg_.quotations.size(), false);
    for (const Candidate& candidate : *all) {
      if (candidate.last_quotation != kNone) used[candidate.last_quotation] = true;
    }
    std::vector<Candidate> added;
    for (size_t c = 0; c < all->size(); ++c) {
      const Candidate& candidate = (*all)[c];
      if (!candidate.from_quotation) continue;
      if (c + 1 < all->size() && (*all)[c + 1].sentence == candidate.sentence) continue;
      uint32_t paragraph = seg_.sentences[candidate.sentence].paragraph;
      uint32_t end = std::max(seg_.sentences[candidate.sentence].span.end,
                              seg_.quotations[candidate.last_quotation].outer.end);
      for (uint32_t q = candidate.last_quotation + 1; q < seg_.quotations.size(); ++q) {
        const Quotation& quotation = seg_.quotations[q];
        uint32_t s = SentenceAt(seg_, quotation.outer.begin);
        if (s == kNone || seg_.sentences[s].paragraph != paragraph || has_claim[s]) break;
        if (used[q] || quotation.outer.begin < end) continue;
        // Only quotation marks, spaces and punctuation between the previous part and this one.
        std::string_view gap(doc_.text.data() + end, quotation.outer.begin - end);
        if (std::any_of(gap.begin(), gap.end(),
                        [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)); })) {
          break;
        }
        Candidate more = candidate;
        more.claim.content = TrimSpan(doc_.text, quotation.inner);
        more.claim.kind = QuoteKind::kDirect;
        more.sentence = s;
        more.last_quotation = q;
        used[q] = true;
        added.push_back(more);
        end = quotation.outer.end;
      }
    }
    for (Candidate& candidate : added) all->push_back(std::move(candidate));
    std::stable_sort(all->begin(), all->end(), [](const Candidate& a, const Candidate& b) {
      return a.claim.content.begin < b.claim.content.begin;
    });
  }

  const Document& doc_;
  const Segmentation& seg_;
  const Mentions& mentions_;
  const std::vector<Timex>& timexes_;
  const CueLexicon::Data& lexicon_;
  // Buffers reused from one sentence (or cue) to the next.
  UnitBuffers unit_buffers_;
  std::vector<Unit> units_;
  std::string skeleton_;  // the letters of units_
  std::vector<int> matching_;
  std::vector<re2::StringPiece> groups_;
};

}  // namespace

std::vector<Claim> FindClaims(const Document& doc, const Segmentation& seg,
                              const Mentions& mentions, const std::vector<Timex>& timexes,
                              const CueLexicon& cues) {
  return ClaimFinder(doc, seg, mentions, timexes, cues.data()).Run();
}

}  // namespace hearsay

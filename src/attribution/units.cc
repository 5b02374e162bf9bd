// Sentence units and their skeleton letters (alphabet: ontology/attribution-rules.tsv).
#include <algorithm>

#include "attribution/internal.h"
#include "core/ascii.h"

namespace hearsay {
namespace {

// The layouts `X: "..."` and `"..." — X` say "X said" with a mark; they are cues of their own.
const CueForm& PunctuationCue() {
  static const CueForm* form = [] {
    auto* punctuation = new CueForm();
    punctuation->lemma = "say";
    punctuation->role = CueRole::kPunctuation;
    punctuation->quote_only = true;
    return punctuation;
  }();
  return *form;
}

// std::isspace and std::isupper in the "C" locale, without a call per byte.
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

bool StartsUpper(std::string_view word) { return !word.empty() && IsUpper(word[0]); }

bool IsWordChar(unsigned char c) { return IsAsciiAlnum(static_cast<char>(c)) || c >= 0x80; }

// The letter of a punctuation token, or 0 when the token holds a letter or digit.
char PunctuationLetter(std::string_view text) {
  if (text == "'s" || text == "\xE2\x80\x99s") return 's';
  for (char c : text) {
    if (IsAsciiAlnum(c)) return 0;
  }
  if (text == "," || text == "\xEF\xBC\x8C") return ',';
  if (text == ":") return ':';
  if (text == ";") return ';';
  if (text == "." || text == "!" || text == "?" || text == "\xE2\x80\xA6") return '.';
  if (text == "\xE2\x80\x94" || text == "\xE2\x80\x93" || text == "-" || text == "--") return '-';
  if (text == "(" || text == "[") return '(';
  if (text == ")" || text == "]") return ')';
  return 'x';
}

bool IsPossessive(std::string_view text) {
  return text == "'s" || text == "\xE2\x80\x99s" || text == "'" || text == "\xE2\x80\x99";
}

// Byte offsets inside the sentence where a unit must start because of a quotation mark or a
// mention boundary, sorted.
void OuterCutPoints(const Segmentation& seg, const Mentions& mentions,
                    const std::vector<uint32_t>& quotations,
                    const std::vector<uint32_t>& near_mentions, Span sentence,
                    std::vector<uint32_t>* cuts) {
  cuts->clear();
  auto add = [&](uint32_t at) {
    if (at > sentence.begin && at < sentence.end) cuts->push_back(at);
  };
  for (uint32_t q : quotations) {
    const Quotation& quotation = seg.quotations[q];
    add(quotation.outer.begin);
    add(quotation.inner.begin);
    add(quotation.inner.end);
    add(quotation.outer.end);
  }
  for (uint32_t m : near_mentions) {
    const Mention& mention = mentions.mentions[m];
    add(mention.span.begin);
    add(mention.span.end);
    if (!mention.title.empty()) {
      add(mention.title.begin);
      add(mention.title.end);
    }
  }
  std::sort(cuts->begin(), cuts->end());
}

// Adds the offsets strictly inside `token` where a unit must start because of the text itself:
// a "," ";" ":" glued to a word, and the possessive ending. Only offsets inside a token matter,
// so only the tokens' bytes are read.
void AddTextCutPoints(const std::string& text, Span sentence, Span token,
                      std::vector<uint32_t>* cuts) {
  const uint32_t first = std::max(token.begin, sentence.begin) + 1;
  const uint32_t end = std::min(token.end, sentence.end);
  for (uint32_t at = first; at < end; ++at) {
    const char c = text[at];
    // Letters, the bulk of a token, are above ';' and are no apostrophe.
    if (c > ';' && c != '\'' && c != '\xE2') continue;
    const unsigned char before = static_cast<unsigned char>(text[at - 1]);
    if (c == ',' || c == ';' || c == ':') {
      if (IsWordChar(before)) cuts->push_back(at);
      continue;
    }
    if (c != '\'' && c != '\xE2') continue;  // not an apostrophe: no possessive here
    std::string_view rest(text.data() + at, sentence.end - at);
    bool apostrophe_s = rest.substr(0, 2) == "'s" || rest.substr(0, 4) == "\xE2\x80\x99s";
    if (apostrophe_s && IsWordChar(before)) {
      size_t after = at + (rest[0] == '\'' ? 2 : 4);
      if (after >= sentence.end || !IsWordChar(static_cast<unsigned char>(text[after]))) {
        cuts->push_back(at);
        if (after < end) cuts->push_back(static_cast<uint32_t>(after));
      }
    }
  }
}

// The tokens of the sentence split at the cut points, without blank pieces, into `units`.
void SplitTokens(const Document& doc, const Segmentation& seg, uint32_t sentence,
                 const std::vector<uint32_t>& outer_cuts, std::vector<uint32_t>* token_cuts,
                 std::vector<Unit>* units) {
  const Sentence& s = seg.sentences[sentence];
  units->clear();
  units->reserve(s.end_token - s.first_token + outer_cuts.size());
  const uint32_t end_token = std::min<uint32_t>(s.end_token, seg.tokens.size());
  auto push = [&](uint32_t begin, uint32_t end) {
    while (begin < end && IsSpace(doc.text[begin])) ++begin;
    while (end > begin && IsSpace(doc.text[end - 1])) --end;
    if (begin < end) units->push_back(Unit{{begin, end}});
  };
  // Tokens come in text order, so the outer cuts past a token's start only move forward.
  auto outer = outer_cuts.begin();
  for (uint32_t t = s.first_token; t < end_token; ++t) {
    const Span token = seg.tokens[t].span;
    token_cuts->clear();
    AddTextCutPoints(doc.text, s.span, token, token_cuts);
    while (outer != outer_cuts.end() && *outer <= token.begin) ++outer;
    for (auto cut = outer; cut != outer_cuts.end() && *cut < token.end; ++cut) {
      token_cuts->push_back(*cut);
    }
    if (token_cuts->empty()) {
      push(token.begin, token.end);
      continue;
    }
    std::sort(token_cuts->begin(), token_cuts->end());
    token_cuts->erase(std::unique(token_cuts->begin(), token_cuts->end()), token_cuts->end());
    uint32_t begin = token.begin;
    for (uint32_t cut : *token_cuts) {
      push(begin, cut);
      begin = cut;
    }
    push(begin, token.end);
  }
}

// Indices, in order, of the mentions whose span or title overlaps `span`.
void MentionsTouching(const Mentions& mentions, Span span, std::vector<uint32_t>* touching) {
  touching->clear();
  auto first =
      std::lower_bound(mentions.mentions.begin(), mentions.mentions.end(), span.begin,
                       [](const Mention& mention, uint32_t at) { return mention.span.end <= at; });
  for (auto m = first; m != mentions.mentions.end(); ++m) {
    const bool titled = !m->title.empty() && m->title.Overlaps(span);
    if (m->span.begin >= span.end && !titled) break;
    if (m->span.Overlaps(span) || titled) {
      touching->push_back(static_cast<uint32_t>(m - mentions.mentions.begin()));
    }
  }
}

// Where a mention ends, with its title.
uint32_t EndOf(const Mention& mention) {
  return mention.title.empty() ? mention.span.end : std::max(mention.span.end, mention.title.end);
}

unsigned char Byte(char c) { return static_cast<unsigned char>(c); }

// Each byte in lower case if it is an ASCII letter, else 0: one look-up per byte of a scan.
struct LowerLetters {
  char of[256] = {};
  constexpr LowerLetters() {
    for (int c = 'a'; c <= 'z'; ++c) of[c] = of[c - 'a' + 'A'] = static_cast<char>(c);
  }
};
constexpr LowerLetters kLowerLetters;

// Whether some first word of a cue form has `length` letters (at most the longest) and begins
// with `initial`, a lower-case letter.
bool HasFirstWordShape(const CueLexicon::Data& lexicon, size_t length, char initial) {
  return (lexicon.first_word_initials[length] >> (initial - 'a') & 1) != 0;
}

// False when `word` (lower case) is surely no first word of a cue form: a test of its length
// and initial that spares most words a hash look-up.
bool MayBeFirstCueWord(const CueLexicon::Data& lexicon, std::string_view word) {
  if (!lexicon.first_words_are_letters) return true;
  return !word.empty() && word.size() <= lexicon.longest_first_word && word[0] >= 'a' &&
         word[0] <= 'z' && HasFirstWordShape(lexicon, word.size(), word[0]);
}

}  // namespace

bool MayHoldCue(const Document& doc, const Segmentation& seg, const Mentions& mentions,
                const CueLexicon::Data& lexicon, uint32_t sentence, UnitBuffers* buffers) {
  const Sentence& s = seg.sentences[sentence];
  if (!lexicon.first_words_are_letters || !QuotationsTouching(seg, s.span).empty() ||
      QuotationClosingBefore(doc, seg, sentence) != kNone) {
    return true;
  }
  // Without quotation marks, units split a token only at marks and at mention boundaries, so a
  // unit made of letters is a whole run of letters of its token unless a mention boundary
  // falls between two letters.
  const std::string& text = doc.text;
  const char* bytes = text.data();
  // A run longer than every first word begins no form, nor one whose length and initial no
  // first word has; the others are lowered into `word` and looked up.
  const size_t longest = lexicon.longest_first_word;
  buffers->key.resize(longest);
  char* word = buffers->key.data();
  const uint32_t end_token = std::min<uint32_t>(s.end_token, seg.tokens.size());
  for (uint32_t t = s.first_token; t < end_token; ++t) {
    const Span token = seg.tokens[t].span;
    for (uint32_t at = token.begin; at < token.end; ++at) {
      const uint32_t run = at;
      while (at < token.end && kLowerLetters.of[Byte(bytes[at])] != 0) ++at;
      const size_t length = at - run;
      if (length == 0 || length > longest) continue;
      const char initial = kLowerLetters.of[Byte(bytes[run])];
      if (!HasFirstWordShape(lexicon, length, initial)) continue;
      uint64_t hash = kWordHashSeed;  // hashed as it is lowered: one pass over the run
      for (size_t k = 0; k < length; ++k) {
        word[k] = kLowerLetters.of[Byte(bytes[run + k])];
        hash = WordHashStep(hash, word[k]);
      }
      if (lexicon.cue_prefixes.Find(std::string_view(word, length), hash) != nullptr) return true;
    }
  }
  std::vector<uint32_t>& near_mentions = buffers->mentions;
  MentionsTouching(mentions, s.span, &near_mentions);
  auto splits_word = [&](Span span) {
    for (uint32_t at : {span.begin, span.end}) {
      if (at > s.span.begin && at < s.span.end && IsAsciiLetter(text[at - 1]) &&
          IsAsciiLetter(text[at])) {
        return true;
      }
    }
    return false;
  };
  return std::any_of(near_mentions.begin(), near_mentions.end(), [&](uint32_t m) {
    const Mention& mention = mentions.mentions[m];
    return splits_word(mention.span) || (!mention.title.empty() && splits_word(mention.title));
  });
}

uint32_t QuotationClosingBefore(const Document& doc, const Segmentation& seg, uint32_t sentence) {
  if (sentence == 0 || seg.sentences[sentence - 1].paragraph != seg.sentences[sentence].paragraph) {
    return kNone;
  }
  const uint32_t begin = seg.sentences[sentence].span.begin;
  // Only the quotations that end right before the sentence qualify: those touching the
  // previous sentence.
  for (uint32_t q : QuotationsTouching(seg, seg.sentences[sentence - 1].span)) {
    const Quotation& quotation = seg.quotations[q];
    if (quotation.outer.end > begin) break;
    std::string_view gap(doc.text.data() + quotation.outer.end, begin - quotation.outer.end);
    if (std::all_of(gap.begin(), gap.end(), [](char c) { return IsSpace(c); })) {
      return q;
    }
  }
  return kNone;
}

char CurrentCueLetter(const Unit& unit) {
  switch (unit.cue->role) {
    case CueRole::kVerb:
      return 'C';
    case CueRole::kGerund:
      return 'G';
    case CueRole::kBelief:
      return 'K';
    case CueRole::kAccording:
      return 'A';
    case CueRole::kPunctuation:
      return 'Q';
  }
  return 'C';
}

std::vector<uint32_t> QuotationsTouching(const Segmentation& seg, Span span) {
  constexpr size_t kLookBack = 16;
  const auto& quotations = seg.quotations;
  auto end = std::partition_point(quotations.begin(), quotations.end(),
                                  [&](const Quotation& q) { return q.outer.begin < span.end; });
  auto start = std::partition_point(quotations.begin(), end,
                                    [&](const Quotation& q) { return q.outer.begin < span.begin; });
  start -= std::min<size_t>(kLookBack, static_cast<size_t>(start - quotations.begin()));
  std::vector<uint32_t> touching;
  for (auto it = start; it != end; ++it) {
    if (it->outer.Overlaps(span))
      touching.push_back(static_cast<uint32_t>(it - quotations.begin()));
  }
  return touching;
}

std::pair<uint32_t, uint32_t> TimexesTouching(const std::vector<Timex>& timexes, Span span) {
  auto first = std::partition_point(timexes.begin(), timexes.end(),
                                    [&](const Timex& t) { return t.span.end <= span.begin; });
  auto last = std::partition_point(first, timexes.end(),
                                   [&](const Timex& t) { return t.span.begin < span.end; });
  return {static_cast<uint32_t>(first - timexes.begin()),
          static_cast<uint32_t>(last - timexes.begin())};
}

void SentenceUnits(const Document& doc, const Segmentation& seg, const Mentions& mentions,
                   const std::vector<Timex>& timexes, const CueLexicon::Data& lexicon,
                   uint32_t sentence, UnitBuffers* buffers, std::vector<Unit>* out) {
  const Sentence& s = seg.sentences[sentence];
  const bool headline = s.paragraph < seg.paragraphs.size() && seg.paragraphs[s.paragraph].headline;

  // Quotations and mentions that touch this sentence (both lists are in text order; a mention's
  // title comes right before it).
  const std::vector<uint32_t> quotations = QuotationsTouching(seg, s.span);
  std::vector<uint32_t>& near_mentions = buffers->mentions;
  MentionsTouching(mentions, s.span, &near_mentions);
  OuterCutPoints(seg, mentions, quotations, near_mentions, s.span, &buffers->outer_cuts);
  std::vector<Unit>& units = *out;
  SplitTokens(doc, seg, sentence, buffers->outer_cuts, &buffers->token_cuts, &units);
  if (units.empty()) return;

  // The units' text in lower case, once per sentence: every look-up below is a view into it.
  const uint32_t base = units.front().span.begin;
  std::string& lower = buffers->lower;
  lower.assign(doc.text, base, units.back().span.end - base);
  // Without a branch, so that the compiler vectorises the loop.
  for (char& c : lower) c = static_cast<char>(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0));
  auto lower_of = [&](Span span) {
    return std::string_view(lower.data() + (span.begin - base), span.size());
  };

  // From each near mention on, the earliest start of a mention or its title: the scan of the
  // mentions for a unit stops once the rest all start after it.
  std::vector<uint32_t>& rest_start = buffers->rest_start;
  rest_start.resize(near_mentions.size());
  for (size_t k = near_mentions.size(), earliest = UINT32_MAX; k-- > 0;) {
    const Mention& mention = mentions.mentions[near_mentions[k]];
    earliest = std::min<size_t>(earliest, mention.span.begin);
    if (!mention.title.empty()) earliest = std::min<size_t>(earliest, mention.title.begin);
    rest_start[k] = static_cast<uint32_t>(earliest);
  }
  auto [first_timex, last_timex] = TimexesTouching(timexes, s.span);
  size_t first_near = 0;  // near_mentions before it end before the current unit
  for (Unit& unit : units) {
    std::string_view text = unit.span.In(doc.text);
    char letter = 0;
    for (uint32_t q : quotations) {
      const Quotation& quotation = seg.quotations[q];
      if (!quotation.outer.Contains(unit.span)) continue;
      unit.quotation = q;
      if (unit.span.end <= quotation.inner.begin) {
        letter = '<';
      } else if (unit.span.begin >= quotation.inner.end) {
        letter = '>';
      } else {
        letter = 'q';
      }
    }
    if (letter == 0) {
      // Units come in text order: a mention that ends before this one ends before the rest.
      while (first_near < near_mentions.size() &&
             EndOf(mentions.mentions[near_mentions[first_near]]) <= unit.span.begin) {
        ++first_near;
      }
      for (size_t k = first_near; k < near_mentions.size() && rest_start[k] < unit.span.end; ++k) {
        const uint32_t m = near_mentions[k];
        const Mention& mention = mentions.mentions[m];
        if (!mention.title.empty() && mention.title.Contains(unit.span)) {
          letter = 'W';
        } else if (mention.span.Contains(unit.span)) {
          unit.mention = m;
          if (IsPossessive(text)) {
            letter = 's';
          } else if (mention.kind == MentionKind::kDescription) {
            letter = 'D';
          } else if (mention.kind == MentionKind::kPronoun) {
            const char* known = lexicon.word_classes.Find(lower_of(unit.span));
            letter = known != nullptr && (*known == 'p' || *known == 'I') ? *known : 'P';
          } else if (mention.kind == MentionKind::kDemonym) {
            letter = 'j';
          } else if (mention.entity < mentions.entities.size() &&
                     mentions.entities[mention.entity].type == EntityType::kMedia) {
            letter = 'M';
          } else {
            letter = 'E';
          }
        }
      }
    }
    if (letter == 0) {
      for (uint32_t t = first_timex; t < last_timex; ++t) {
        if (timexes[t].span.Contains(unit.span)) letter = 't';
      }
    }
    if (letter == 0) letter = PunctuationLetter(text);
    if (letter == 0) {
      const char* known = lexicon.word_classes.Find(lower_of(unit.span));
      if (known != nullptr) {
        letter = *known;
      } else if (IsAsciiDigit(text[0])) {
        letter = 'n';
      } else {
        letter = StartsUpper(text) ? 'W' : 'w';
      }
    }
    unit.letter = letter;
  }

  // Cues: the longest listed form at each word outside quotations and names.
  size_t first_word = 0;
  while (first_word < units.size() &&
         !IsWordChar(static_cast<unsigned char>(doc.text[units[first_word].span.begin]))) {
    ++first_word;
  }
  std::string& joined = buffers->key;
  for (size_t i = 0; i < units.size(); ++i) {
    const char letter = units[i].letter;
    if (letter != 'w' && letter != 'W' && letter != 'N') continue;
    // The words read so far, lower case, joined by ' ': a view of `lower` while the text joins
    // them by one space, else built in `joined`.
    std::string_view key;
    const CueForm* found = nullptr;
    size_t found_words = 0;
    for (size_t n = 0; n < lexicon.max_cue_words && i + n < units.size(); ++n) {
      const Span word = units[i + n].span;
      if (n == 0) {
        key = lower_of(word);
        if (!MayBeFirstCueWord(lexicon, key)) break;
      } else if (key.data() != joined.data() && word.begin == units[i + n - 1].span.end + 1 &&
                 doc.text[word.begin - 1] == ' ') {
        key = lower_of({units[i].span.begin, word.end});
      } else {
        if (key.data() != joined.data()) joined.assign(key);
        joined += ' ';
        joined.append(lower_of(word));
        key = joined;
      }
      const uint64_t hash = WordHash(key);
      if (lexicon.cue_prefixes.Find(key, hash) == nullptr) break;
      if (const CueForm* cue = lexicon.cues.Find(key, hash)) {
        found = cue;
        found_words = n + 1;
      }
    }
    if (found == nullptr) continue;
    const bool capitalised = StartsUpper(units[i].span.In(doc.text));
    if (capitalised && i != first_word && !headline) continue;
    const char previous = i > 0 ? units[i - 1].letter : '^';
    const char next = i + found_words < units.size() ? units[i + found_words].letter : '$';
    if (found->role != CueRole::kAccording) {
      // A noun ("his claims", "his campaign promises") or an adjective ("over alleged plots").
      // Only forms in -s double as plural nouns ("the engineers said" is a cue).
      size_t k = i;
      std::string_view form = units[i].span.In(doc.text);
      if (found_words == 1 && form.back() == 's') {
        while (k > 0 && (units[k - 1].letter == 'w' || units[k - 1].letter == 'j')) --k;
      }
      while (k > 0 && units[k - 1].letter == 'y') --k;  // "the recently announced phone"
      const char before_modifiers = k > 0 ? units[k - 1].letter : '^';
      if (before_modifiers == 'd' || before_modifiers == 's' || previous == 'j') continue;
      if ((previous == 'o' || previous == 'f') && found->role != CueRole::kGerund) continue;
      if (found_words == 1 && next == 'f') continue;  // "asked for", "told about"
    }
    size_t verb_group = i;  // "was announced", "was also announced"
    while (verb_group > 0 && units[verb_group - 1].letter == 'y') --verb_group;
    const bool after_be = verb_group > 0 && units[verb_group - 1].letter == 'z';
    if (found->role != CueRole::kGerund && found->role != CueRole::kAccording && after_be) {
      // Passive ("is said to", "was quoted as saying"): part of the verb group, not a cue.
      units[i].letter = 'a';
      continue;
    }
    units[i].cue = found;
    units[i].cue_words = static_cast<uint32_t>(found_words);
    units[i].letter = 'V';
    for (size_t n = 1; n < found_words; ++n) units[i + n].letter = '~';
    i += found_words - 1;
  }
  if (!quotations.empty()) MarkPunctuationCues(&units);  // the marks need a quotation
}

void MarkPunctuationCues(std::vector<Unit>* units) {
  for (size_t i = 0; i < units->size(); ++i) {
    Unit& unit = (*units)[i];
    bool colon = unit.letter == ':' && i + 1 < units->size() && (*units)[i + 1].letter == '<';
    bool dash = unit.letter == '-' && i > 0 && (*units)[i - 1].letter == '>';
    if (colon || dash) {
      unit.cue = &PunctuationCue();
      unit.cue_words = 1;
    }
  }
}

}  // namespace hearsay

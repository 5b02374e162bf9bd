// Internals of the mentions stage: the loaded gazetteer, the tokenizer it matches on, and the
// candidate mentions passed from detection to coreference.
#ifndef HEARSAY_MENTIONS_INTERNAL_H_
#define HEARSAY_MENTIONS_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "hearsay/document.h"
#include "hearsay/mentions.h"
#include "hearsay/word_table.h"

namespace hearsay {
namespace mentions_internal {

// --- tokens -----------------------------------------------------------------------------

enum TokenFlag : uint8_t {
  kWord = 1,   // letters, marks and digits
  kUpper = 2,  // a word starting with an upper-case letter
  kLower = 4,  // a word starting with a lower-case letter
  kSpaceBefore = 8,
  kNewlineBefore = 16,
};

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint8_t flags = 0;
  uint64_t hash = 0;  // WordHash of its text: a token is looked up in several tables
  bool Has(TokenFlag flag) const { return (flags & flag) != 0; }
};

// Splits text[begin, end) into words and single punctuation characters; offsets are into text.
void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Tok>* out);

// Whether a word has at least two upper-case letters and starts with one ("AU", "AfCFTA").
bool IsAcronym(std::string_view word);

// `c` in ASCII lower case.
inline char LowerAscii(char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); }

// --- gazetteer --------------------------------------------------------------------------

enum class EntryKind : uint8_t {
  kName,      // a known entity's name or alias
  kDemonym,   // "Russian": refers to a country entity
  kTitle,     // "President", "spokesman"
  kGroup,     // "officials"
  kBody,      // "ministry", "government"
  kModifier,  // "former", "senior"
};

// An entity the gazetteer knows by name.
struct KnownEntity {
  EntityType type = EntityType::kPerson;
  std::string name;
  std::string country;
  std::string wikidata;
  char gender = '-';
};

struct TitleWord {
  char gender = '-';
  bool plural = false;
};

// What a phrase of the trie stands for.
struct Entry {
  EntryKind kind = EntryKind::kName;
  uint32_t index = 0;  // KnownEntity index (kName, kDemonym) or TitleWord index
};

enum class WordKind : uint8_t {
  kParticle,
  kCue,
  kDefinite,
  kIndefinite,
  kPronoun,
  kPronounOrg,
  kPair,
};

struct WordInfo {
  WordKind kind = WordKind::kParticle;
  char gender = '-';
};

enum class HeadKind : uint8_t { kOrganization, kOther };

}  // namespace mentions_internal

struct Gazetteer::Data {
  using Entry = mentions_internal::Entry;

  std::vector<mentions_internal::KnownEntity> entities;
  std::vector<mentions_internal::TitleWord> titles;
  // Every token string that a phrase holds or name_words.tsv or name_stopwords.tsv lists: its id
  // in the phrase trie (kNone if no phrase holds it), its word class and whether it is a name
  // stop word. One table, so that a text's token is looked up once for all three.
  struct TokenWord {
    uint32_t phrase_id = kNone;
    bool has_info = false;
    bool name_stopword = false;
    mentions_internal::WordInfo info;
  };
  WordTable<TokenWord> token_words;
  // The phrase trie: token strings are interned as TokenWord::phrase_id (the ids given so far),
  // edges are (node, token id) pairs.
  uint32_t phrase_token_count = 0;
  std::unordered_map<uint64_t, uint32_t> edges;  // below the root
  // The root's child for each token id, or kNone: every phrase look-up starts there, without a
  // hash of the edge.
  std::vector<uint32_t> root_children;
  std::vector<int32_t> node_entry;  // index into entries, or -1
  std::vector<Entry> entries;

  WordTable<char> given_names;  // gender
  WordTable<mentions_internal::HeadKind> name_heads;

  // Adds a phrase (tokenized like article text); the first entry for a phrase wins.
  void AddPhrase(std::string_view phrase, Entry entry);
  // The TokenWord::phrase_id of `word` (`hash` is its WordHash), kNone if no phrase holds it.
  uint32_t PhraseIdOf(std::string_view word, uint64_t hash) const {
    const TokenWord* found = token_words.Find(word, hash);
    return found != nullptr ? found->phrase_id : kNone;
  }
  // Whether some phrase starts with the token of `phrase_id`: LongestMatch finds nothing at other
  // words, and most words of a text are such.
  bool StartsPhrase(uint32_t phrase_id) const {
    return phrase_id < root_children.size() && root_children[phrase_id] != kNone;
  }
  // The word class of `word` (`hash` is its WordHash), if name_words.tsv lists it.
  const mentions_internal::WordInfo* WordInfoOf(std::string_view word, uint64_t hash) const {
    const TokenWord* found = token_words.Find(word, hash);
    return found != nullptr && found->has_info ? &found->info : nullptr;
  }
  // The entry of the longest phrase starting at tokens[first] within [first, limit), and its
  // end token; returns false if none. phrase_ids[k] is the PhraseIdOf token first + k: a
  // detector looks each token up once.
  bool LongestMatch(const std::vector<mentions_internal::Tok>& tokens, const uint32_t* phrase_ids,
                    uint32_t first, uint32_t limit, Entry* entry, uint32_t* end) const;
};

namespace mentions_internal {

// A mention found by detection, before coreference gives it an entity.
struct Candidate {
  Span span;
  uint32_t first_token = 0;  // tokens [first_token, end_token) of the name or head phrase
  uint32_t end_token = 0;
  uint32_t sentence = kNone;
  uint32_t clause = 0;     // sentence index used for resolution (segmentation or punctuation)
  uint32_t paragraph = 0;  // line-based paragraph index
  bool quoted = false;     // inside a quotation
  MentionKind kind = MentionKind::kName;
  EntityType type = EntityType::kPerson;
  int32_t known = -1;  // KnownEntity index, if the gazetteer knows it
  Span title;
  // The name as written (persons, organizations without a known entity): a view of the text, which
  // outlives detection and coreference, so no candidate allocates for it.
  std::string_view name;
  // Descriptions and pronouns.
  EntryKind head = EntryKind::kTitle;
  std::string head_word;  // lower-case head noun ("president")
  bool definite = false;  // "the president" (else "a spokesman", "officials")
  bool plural = false;    // "aides", "officials"
  bool pair = false;      // "the two leaders", "both presidents"
  Span modifier;          // the name inside a description ("Putin" in "a Putin aide")
  Span apposition;        // the name a description follows ("Hugh Hill, a doctor")
  char gender = '-';
  bool organization_pronoun = false;
};

// Gives every candidate an entity: one Entity per referent of the article.
Mentions Resolve(const Gazetteer::Data& data, std::vector<Candidate> candidates);

}  // namespace mentions_internal
}  // namespace hearsay

#endif  // HEARSAY_MENTIONS_INTERNAL_H_

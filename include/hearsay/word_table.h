// WordTable: words to values in an open-addressing hash table, for the stages that look up
// every word of an article.
#ifndef HEARSAY_WORD_TABLE_H_
#define HEARSAY_WORD_TABLE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hearsay {

// The hash of a word in every WordTable (FNV-1a): callers that look one word up in several
// tables compute it once. Callers that build the word a byte at a time (lower-casing it) hash it
// as they go: WordHash(word) is WordHashStep over its bytes from kWordHashSeed.
constexpr uint64_t kWordHashSeed = 14695981039346656037ull;
inline uint64_t WordHashStep(uint64_t hash, char c) {
  return (hash ^ static_cast<uint8_t>(c)) * 1099511628211ull;
}
inline uint64_t WordHash(std::string_view word) {
  uint64_t hash = kWordHashSeed;
  for (char c : word) hash = WordHashStep(hash, c);
  return hash;
}

// Words to values in an open-addressing table (power-of-two size, linear probing, FNV-1a):
// looked up for every token of the text, so without building a string or dividing.
template <typename V>
class WordTable {
 public:
  // The value of `word`, added as V() when the table lacks it.
  V& operator[](std::string_view word) {
    if (2 * (count_ + 1) > slots_.size()) Grow();
    Slot& slot = slots_[SlotOf(word)];
    if (!slot.used) {
      slot = {std::string(word), V(), true};
      ++count_;
    }
    return slot.value;
  }
  // Adds `word` with `value` unless the table has it; returns whether it was added.
  bool Insert(std::string_view word, V value) {
    const size_t before = count_;
    V& slot = (*this)[word];
    if (count_ == before) return false;
    slot = std::move(value);
    return true;
  }
  const V* Find(std::string_view word) const { return Find(word, WordHash(word)); }
  // `hash` is WordHash(word).
  const V* Find(std::string_view word, uint64_t hash) const {
    const Slot& slot = slots_[SlotOf(word, hash)];
    return slot.used ? &slot.value : nullptr;
  }
  V* Find(std::string_view word) { return Find(word, WordHash(word)); }
  V* Find(std::string_view word, uint64_t hash) {
    return const_cast<V*>(static_cast<const WordTable&>(*this).Find(word, hash));
  }
  size_t size() const { return count_; }
  // Calls f(word, value) for every entry, in no particular order.
  template <typename F>
  void ForEach(F f) const {
    for (const Slot& slot : slots_) {
      if (slot.used) f(slot.word, slot.value);
    }
  }

 private:
  struct Slot {
    std::string word;
    V value{};
    bool used = false;
  };

  // The slot holding `word`, or the empty one where it belongs.
  size_t SlotOf(std::string_view word) const { return SlotOf(word, WordHash(word)); }
  size_t SlotOf(std::string_view word, uint64_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t at = hash & mask;
    while (slots_[at].used && slots_[at].word != word) at = (at + 1) & mask;
    return at;
  }

  void Grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    for (Slot& slot : old) {
      if (slot.used) slots_[SlotOf(slot.word)] = std::move(slot);
    }
  }

  std::vector<Slot> slots_ = std::vector<Slot>(16);
  size_t count_ = 0;
};

}  // namespace hearsay

#endif  // HEARSAY_WORD_TABLE_H_

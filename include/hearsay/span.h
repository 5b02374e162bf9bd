// Byte spans into a document's text.
#ifndef HEARSAY_SPAN_H_
#define HEARSAY_SPAN_H_

#include <cstdint>
#include <string_view>

namespace hearsay {

// "No index": used where a struct refers to another by index and there is none.
inline constexpr uint32_t kNone = UINT32_MAX;

// Half-open byte range [begin, end) inside Document::text. Code points are computed only when
// an IRI (#char=b,e) is written.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end > begin ? end - begin : 0; }
  bool empty() const { return end <= begin; }
  bool Contains(Span other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(Span other) const { return begin < other.end && other.begin < end; }
  std::string_view In(std::string_view text) const { return text.substr(begin, size()); }
  friend bool operator==(Span a, Span b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(Span a, Span b) { return !(a == b); }
  friend bool operator<(Span a, Span b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
  }
};

}  // namespace hearsay

#endif  // HEARSAY_SPAN_H_

// Quotations: pairs opening and closing marks, straight or typographic, double or single.
//
// A mark's role comes from its surroundings first (space before and a word after opens;
// a word or punctuation before and space after closes), then from its glyph (“ opens,
// ” closes), and a straight mark with neither takes the role the open/closed state needs.
// Double quotations do not nest; single ones nest inside double ones. Apostrophes inside
// words never reach this step: the tokenizer keeps them in their word.
#include <algorithm>

#include "segment/internal.h"
#include "segment/unicode.h"

namespace hearsay::segment_internal {
namespace {

enum class Role : uint8_t { kOpen, kClose, kEither };

// How many single-newline lines without quotation marks a quotation may run through before
// the line that closes it (sources that put one sentence on each line).
constexpr uint32_t kMaxContinuedLines = 6;

class QuotationFinder {
 public:
  explicit QuotationFinder(Work* work) : work_(*work), text_(work->text) {}

  void Run() {
    const auto count = static_cast<uint32_t>(work_.paragraphs.size());
    for (uint32_t p = 0; p < count; ++p) {
      if (work_.out->paragraphs[p].boilerplate) continue;
      paragraph_ = p;
      const ParagraphInfo& range = work_.paragraphs[p];
      for (uint32_t t = range.first_token; t < range.end_token; ++t) {
        const TokenInfo& info = work_.info[t];
        if (info.kind != TokenKind::kPunct) continue;
        if (IsDoubleQuote(info.first)) {
          DoubleMark(t);
        } else if (IsSingleQuote(info.first)) {
          SingleMark(t);
        }
      }
      EndParagraph();
    }
    std::sort(work_.out->quotations.begin(), work_.out->quotations.end(),
              [](const Quotation& a, const Quotation& b) { return a.outer < b.outer; });
  }

 private:
  Span TokenSpan(uint32_t t) const { return work_.out->tokens[t].span; }
  Span ParagraphSpan(uint32_t p) const { return work_.out->paragraphs[p].span; }

  Role RoleOf(uint32_t t, uint32_t paragraph) const {
    const Span span = TokenSpan(t);
    const Span bounds = ParagraphSpan(paragraph);
    const uint32_t before = span.begin > bounds.begin ? DecodeBefore(text_, span.begin).value : 0;
    const uint32_t after = span.end < bounds.end ? DecodeAt(text_, span.end).value : 0;
    const bool open_left = before == 0 || IsSpace(before) || IsOpeningBracket(before) ||
                           IsDash(before) || IsQuote(before) || before == '/';
    const bool open_right = after == 0 || IsSpace(after) || IsClosingBracket(after) ||
                            IsQuote(after) || IsDash(after) || after == '.' || after == ',' ||
                            after == ';' || after == ':' || after == '?' || after == '!';
    if (open_left && !open_right) return Role::kOpen;
    if (!open_left && open_right) return Role::kClose;
    const uint32_t glyph = work_.info[t].first;
    if (IsOpeningQuoteGlyph(glyph)) return Role::kOpen;
    if (IsClosingQuoteGlyph(glyph)) return Role::kClose;
    return Role::kEither;
  }

  void Emit(uint32_t open, uint32_t close) {
    TokenInfo& opening = work_.info[open];
    TokenInfo& closing = work_.info[close];
    opening.opening_mark = true;
    closing.closing_mark = true;
    const Span first = TokenSpan(open);
    const Span last = TokenSpan(close);
    work_.out->quotations.push_back({{first.begin, last.end}, {first.end, last.begin}});
  }

  void DoubleMark(uint32_t t) {
    if (t == reopening_) {  // the mark that reopens a quotation on its next paragraph
      work_.info[t].opening_mark = true;
      open_at_paragraph_start_ = true;
      return;
    }
    const Role role = RoleOf(t, paragraph_);
    if (open_double_ == kNone) {
      if (role != Role::kClose) Open(t);
      return;
    }
    if (role == Role::kOpen) {  // the earlier opening mark was never closed: drop it
      Open(t);
      return;
    }
    if (open_single_ != kNone && open_single_ > open_double_) open_single_ = kNone;
    Emit(open_double_, t);
    open_double_ = kNone;
  }

  void Open(uint32_t t) {
    open_double_ = t;
    open_at_paragraph_start_ = t == work_.paragraphs[paragraph_].first_token;
    if (open_single_ != kNone && open_single_ > open_double_) open_single_ = kNone;
  }

  void SingleMark(uint32_t t) {
    const TokenInfo& info = work_.info[t];
    const Span span = TokenSpan(t);
    const uint32_t after =
        span.end < ParagraphSpan(paragraph_).end ? DecodeAt(text_, span.end).value : 0;
    if (IsApostrophe(info.first) && IsDigit(after)) return;  // "'90s"
    const Role role = RoleOf(t, paragraph_);
    if (open_single_ != kNone) {
      if (role == Role::kOpen) {
        open_single_ = t;
      } else {
        Emit(open_single_, t);
        open_single_ = kNone;
      }
    } else if (role == Role::kOpen) {
      open_single_ = t;
    }
  }

  // A quotation still open at the end of its paragraph continues when the next paragraph
  // reopens it with a mark (news convention for quotations over several paragraphs, if this
  // one also began with the mark), or when one of the next few lines, set off by single
  // newlines, has a mark that can close it first. Otherwise it ends with the paragraph.
  void EndParagraph() {
    open_single_ = kNone;
    reopening_ = kNone;
    if (open_double_ == kNone) return;
    const uint32_t next = paragraph_ + 1;
    const auto count = static_cast<uint32_t>(work_.paragraphs.size());
    if (next < count && !work_.out->paragraphs[next].boilerplate) {
      const uint32_t first = work_.paragraphs[next].first_token;
      const TokenInfo& info = work_.info[first];
      if (open_at_paragraph_start_ && info.kind == TokenKind::kPunct && IsDoubleQuote(info.first) &&
          RoleOf(first, next) != Role::kClose) {
        reopening_ = first;
        return;
      }
      if (ClosedOnNextLines(next)) return;
    }
    const Span opening = TokenSpan(open_double_);
    const uint32_t end = ParagraphSpan(paragraph_).end;
    if (opening.end < end) {
      work_.info[open_double_].opening_mark = true;
      work_.out->quotations.push_back({{opening.begin, end}, {opening.end, end}});
    }
    open_double_ = kNone;
  }

  bool ClosedOnNextLines(uint32_t next) const {
    const auto count = static_cast<uint32_t>(work_.paragraphs.size());
    for (uint32_t p = next; p < count && p <= paragraph_ + kMaxContinuedLines; ++p) {
      if (work_.out->paragraphs[p].boilerplate || work_.paragraphs[p].after_blank_line) break;
      const ParagraphInfo& range = work_.paragraphs[p];
      for (uint32_t t = range.first_token; t < range.end_token; ++t) {
        const TokenInfo& info = work_.info[t];
        if (info.kind == TokenKind::kPunct && IsDoubleQuote(info.first)) {
          return RoleOf(t, p) != Role::kOpen;
        }
      }
    }
    return false;
  }

  Work& work_;
  std::string_view text_;
  uint32_t paragraph_ = 0;
  uint32_t open_double_ = kNone;
  uint32_t open_single_ = kNone;
  uint32_t reopening_ = kNone;
  bool open_at_paragraph_start_ = false;
};

}  // namespace

void FindQuotations(Work* work) { QuotationFinder(work).Run(); }

}  // namespace hearsay::segment_internal

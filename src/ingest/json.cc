#include "ingest/json.h"

#include <cstdint>

namespace hearsay::json {
namespace {

// Nesting limit: crawls nest a few levels; a hostile line must not exhaust the stack.
constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  bool ParseTopLevel(Record* out) {
    SkipSpace();
    if (Peek() != '{') return Fail("expected a JSON object");
    bool ok = ParseMembers(1, [&](std::string key, std::string value, bool is_text) {
      if (is_text) out->fields[std::move(key)] = std::move(value);
    });
    if (!ok) return false;
    SkipSpace();
    if (pos_ != text_.size()) return Fail("trailing characters after the JSON object");
    return true;
  }

  size_t error_offset() const { return error_offset_; }
  const std::string& error() const { return error_; }

 private:
  char Peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool Fail(std::string message) {
    error_offset_ = pos_;
    error_ = std::move(message);
    return false;
  }

  bool Expect(char c, const char* what) {
    if (Peek() != c) {
      return Fail(pos_ >= text_.size() ? std::string("unexpected end of line, expected ") + what
                                       : std::string("expected ") + what);
    }
    ++pos_;
    return true;
  }

  // A value; strings and numbers are returned as text (is_text), nested objects give their
  // "name" member (publisher objects of schema.org shape), other values are skipped.
  bool ParseValue(int depth, std::string* text, bool* is_text) {
    if (depth > kMaxDepth) return Fail("JSON nested too deeply");
    char c = Peek();
    if (c == '"') {
      *is_text = true;
      return ParseString(text);
    }
    if (c == '{') return ParseObject(depth, text, is_text);
    if (c == '[') return ParseArray(depth);
    if (c == '-' || (c >= '0' && c <= '9')) {
      *is_text = true;
      return ParseNumber(text);
    }
    for (std::string_view word : {"true", "false", "null"}) {
      if (text_.substr(pos_, word.size()) == word) {
        pos_ += word.size();
        return true;
      }
    }
    return Fail(pos_ >= text_.size() ? "unexpected end of line" : "invalid JSON value");
  }

  bool ParseObject(int depth, std::string* name, bool* has_name) {
    return ParseMembers(depth, [&](const std::string& key, std::string value, bool is_text) {
      if (key == "name" && is_text) {
        *name = std::move(value);
        *has_name = true;
      }
    });
  }

  // The members of the object at pos_ ('{'), each given to `member` as key, value and whether
  // the value is text (a string or number).
  template <typename Member>
  bool ParseMembers(int depth, Member&& member) {
    ++pos_;
    SkipSpace();
    if (Peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      std::string key;
      if (!ParseString(&key)) return false;
      SkipSpace();
      if (!Expect(':', "':'")) return false;
      SkipSpace();
      std::string value;
      bool is_text = false;
      if (!ParseValue(depth + 1, &value, &is_text)) return false;
      member(std::move(key), std::move(value), is_text);
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      return Expect('}', "',' or '}'");
    }
  }

  bool ParseArray(int depth) {
    ++pos_;
    SkipSpace();
    if (Peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      SkipSpace();
      std::string ignored;
      bool is_text = false;
      if (!ParseValue(depth + 1, &ignored, &is_text)) return false;
      SkipSpace();
      if (Peek() == ',') {
        ++pos_;
        continue;
      }
      return Expect(']', "',' or ']'");
    }
  }

  bool ParseNumber(std::string* out) {
    size_t start = pos_;
    if (Peek() == '-') ++pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (!digits()) return Fail("invalid number");
    if (Peek() == '.') {
      ++pos_;
      if (!digits()) return Fail("invalid number");
    }
    if (Peek() == 'e' || Peek() == 'E') {
      ++pos_;
      if (Peek() == '+' || Peek() == '-') ++pos_;
      if (!digits()) return Fail("invalid number");
    }
    out->assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool ParseHex4(uint32_t* out) {
    if (pos_ + 4 > text_.size()) return Fail("truncated \\u escape");
    uint32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<uint32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<uint32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<uint32_t>(c - 'A' + 10);
      } else {
        --pos_;
        return Fail("invalid \\u escape");
      }
    }
    *out = value;
    return true;
  }

  static void AppendUtf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  bool ParseString(std::string* out) {
    if (!Expect('"', "a string")) return false;
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) return Fail("control character in string");
      if (c != '\\') {
        out->push_back(c);
        ++pos_;
        continue;
      }
      ++pos_;
      char escape = Peek();
      ++pos_;
      switch (escape) {
        case '"':
          out->push_back('"');
          break;
        case '\\':
          out->push_back('\\');
          break;
        case '/':
          out->push_back('/');
          break;
        case 'b':
          out->push_back('\b');
          break;
        case 'f':
          out->push_back('\f');
          break;
        case 'n':
          out->push_back('\n');
          break;
        case 'r':
          out->push_back('\r');
          break;
        case 't':
          out->push_back('\t');
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!ParseHex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {
            uint32_t low = 0;
            if (text_.substr(pos_, 2) != "\\u") return Fail("unpaired surrogate in \\u escape");
            pos_ += 2;
            if (!ParseHex4(&low)) return false;
            if (low < 0xDC00 || low > 0xDFFF) return Fail("unpaired surrogate in \\u escape");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp < 0xE000) {
            return Fail("unpaired surrogate in \\u escape");
          } else if (cp == 0) {
            return Fail("NUL character (\\u0000) in string");
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          --pos_;
          return Fail("invalid escape in string");
      }
    }
    return Fail("unterminated string");
  }

  std::string_view text_;
  size_t pos_ = 0;
  size_t error_offset_ = 0;
  std::string error_;
};

}  // namespace

bool ParseRecord(std::string_view text, Record* out, size_t* error_offset, std::string* error) {
  Parser parser(text);
  if (parser.ParseTopLevel(out)) return true;
  *error_offset = parser.error_offset();
  *error = parser.error();
  return false;
}

}  // namespace hearsay::json

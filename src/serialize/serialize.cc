#include "hearsay/serialize.h"

#include <serd/serd.h>
#include <sord/sord.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <vector>

#include "core/ascii.h"
namespace hearsay {
namespace {

struct EnvDeleter {
  void operator()(SerdEnv* env) const { serd_env_free(env); }
};
struct WriterDeleter {
  void operator()(SerdWriter* writer) const { serd_writer_free(writer); }
};
struct ReaderDeleter {
  void operator()(SerdReader* reader) const { serd_reader_free(reader); }
};
struct IterDeleter {
  void operator()(SordIter* iter) const { sord_iter_free(iter); }
};
using EnvPtr = std::unique_ptr<SerdEnv, EnvDeleter>;
using WriterPtr = std::unique_ptr<SerdWriter, WriterDeleter>;
using ReaderPtr = std::unique_ptr<SerdReader, ReaderDeleter>;

size_t AppendToString(const void* buf, size_t len, void* stream) {
  static_cast<std::string*>(stream)->append(static_cast<const char*>(buf), len);
  return len;
}

// Of a std::string or a term's characters, which are NUL-terminated (Graph::storage).
const uint8_t* Bytes(std::string_view text) {
  return reinterpret_cast<const uint8_t*>(text.data());
}

EnvPtr MakeEnv() {
  EnvPtr env(serd_env_new(nullptr));
  for (const Namespace& ns : OutputNamespaces()) {
    serd_env_set_prefix_from_strings(env.get(), reinterpret_cast<const uint8_t*>(ns.prefix),
                                     reinterpret_cast<const uint8_t*>(ns.iri));
  }
  return env;
}

// The environment is the same for every article: build it once.
SerdEnv* SharedEnv() {
  static EnvPtr env = MakeEnv();
  return env.get();
}

SerdSyntax SyntaxOf(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTurtle:
      return SERD_TURTLE;
    case OutputFormat::kNTriples:
      return SERD_NTRIPLES;
    case OutputFormat::kNQuads:
      return SERD_NQUADS;
    case OutputFormat::kJsonLd:
      break;
  }
  return SERD_TURTLE;
}

WriterPtr MakeWriter(OutputFormat format, std::string* out) {
  // Bulk: Serd buffers a page before calling the sink, instead of calling it per token.
  auto style =
      format == OutputFormat::kTurtle
          ? static_cast<SerdStyle>(SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED | SERD_STYLE_BULK)
          : static_cast<SerdStyle>(SERD_STYLE_BULK);
  return WriterPtr(
      serd_writer_new(SyntaxOf(format), style, SharedEnv(), nullptr, AppendToString, out));
}

// Serd 0.30 cannot read back a long ("""...""") string it wrote ending in two quotes, or with a
// quote before a backslash (it reads the escape after a quote wrongly); without the flags that
// ask for a long string it writes a short one with escapes, which it reads.
SerdNode Rereadable(SerdNode node) {
  if (node.type != SERD_LITERAL || !(node.flags & SERD_HAS_QUOTE)) return node;
  std::string_view text(reinterpret_cast<const char*>(node.buf), node.n_bytes);
  bool two_quotes_last = text.size() >= 2 && text.substr(text.size() - 2) == "\"\"";
  if (two_quotes_last || text.find("\"\\") != std::string_view::npos) node.flags = 0;
  return node;
}

// serd_node_from_string's flags without its count of characters, which the writer does not use
// and which costs as much as writing the node. Only Turtle reads a literal's flags (to write a
// long string), so the other syntaxes need none.
SerdNode NodeOf(SerdType type, std::string_view text, bool with_flags) {
  SerdNodeFlags flags = 0;
  if (type == SERD_LITERAL && with_flags) {
    for (char c : text) {
      if (c == '\n' || c == '\r') flags |= SERD_HAS_NEWLINE;
      if (c == '"') flags |= SERD_HAS_QUOTE;
    }
  }
  return Rereadable({Bytes(text), text.size(), text.size(), flags, type});
}

// The first output namespace `iri` starts with, as Serd looks for one; none of them starts
// another, so it is the only one.
const Namespace* NamespaceOf(std::string_view iri) {
  for (const Namespace& ns : OutputNamespaces()) {
    std::string_view base = ns.iri;
    // The namespace's last character first: it rules out most namespaces in one comparison.
    if (iri.size() >= base.size() && iri[base.size() - 1] == base.back() &&
        iri.compare(0, base.size(), base) == 0) {
      return &ns;
    }
  }
  return nullptr;
}

// The prefixed name Serd 0.30's Turtle writer makes of `iri`, appended to `names` with a NUL
// (Serd compares and copies nodes with their terminator); false where Serd writes <iri>, "a"
// or "()". Serd takes the first namespace the IRI starts with and abbreviates only when the
// local part is ASCII letters and digits. Handing it the name saves its search of the
// namespaces on every occurrence of the term.
bool AppendPrefixedName(std::string_view iri, std::string* names) {
  if (iri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#type" ||
      iri == "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil") {
    return false;
  }
  const Namespace* ns = NamespaceOf(iri);
  if (ns == nullptr) return false;
  std::string_view local = iri.substr(std::strlen(ns->iri));
  if (!std::all_of(local.begin(), local.end(), IsAsciiAlnum)) return false;
  names->append(ns->prefix).append(":").append(local).push_back('\0');
  return true;
}

// Literals Serd's Turtle writer writes bare (5, true) when their datatype is the full IRI.
bool WrittenBare(std::string_view datatype) {
  return datatype == "http://www.w3.org/2001/XMLSchema#integer" ||
         datatype == "http://www.w3.org/2001/XMLSchema#boolean" ||
         datatype == "http://www.w3.org/2001/XMLSchema#decimal";
}

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escape[8];
          std::snprintf(escape, sizeof escape, "\\u%04x", c);
          out->append(escape);
        } else {
          out->push_back(c);
        }
    }
  }
  out->push_back('"');
}

// prefix:local for IRIs in our namespaces (JSON-LD compacts any suffix), else the IRI.
std::string Compact(std::string_view iri) {
  const Namespace* ns = NamespaceOf(iri);
  size_t base_size = ns == nullptr ? 0 : std::strlen(ns->iri);
  if (ns == nullptr || iri.size() == base_size) return std::string(iri);
  return std::string(ns->prefix).append(":").append(iri.substr(base_size));
}

std::string JsonLdPrologue() {
  std::string out = "{\"@context\": {";
  for (const Namespace& ns : OutputNamespaces()) {
    AppendJsonString(ns.prefix, &out);
    out += ": ";
    AppendJsonString(ns.iri, &out);
    out += ", ";
  }
  // Readable names for the terms a ClaimReview consumer meets first.
  out +=
      "\"Claim\": \"schema:Claim\", \"NewsArticle\": \"schema:NewsArticle\", "
      "\"text\": \"schema:text\", \"author\": {\"@id\": \"schema:author\", \"@type\": "
      "\"@id\"}, \"appearance\": {\"@id\": \"schema:appearance\", \"@type\": \"@id\"}, "
      "\"dateCreated\": {\"@id\": \"schema:dateCreated\", \"@type\": \"xsd:date\"}},\n"
      "\"@graph\": [\n";
  return out;
}

// `compact` is the term's compact IRI, for IRIs.
void AppendJsonLdValue(const Term& term, const std::string& compact, std::string* out) {
  if (term.kind == Term::Kind::kIri) {
    *out += "{\"@id\": ";
    AppendJsonString(compact, out);
    *out += "}";
  } else if (term.datatype.empty()) {
    AppendJsonString(term.value, out);
  } else {
    *out += "{\"@value\": ";
    AppendJsonString(term.value, out);
    *out += ", \"@type\": ";
    AppendJsonString(Compact(term.datatype), out);
    *out += "}";
  }
}

// One node object per subject; values of a property in one array. Statements arrive sorted,
// so a subject's statements (rdf:type first) and a predicate's objects are adjacent.
std::string JsonLdNodes(const Graph& graph) {
  static const std::string kType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
  std::vector<std::string> compact;  // each IRI term's compact form, once
  compact.reserve(graph.terms.size());
  for (const Term& term : graph.terms) {
    compact.push_back(term.kind == Term::Kind::kIri ? Compact(term.value) : std::string());
  }
  std::string out;
  const auto& statements = graph.statements;
  for (size_t i = 0; i < statements.size();) {
    if (!out.empty()) out += ",\n";
    out += "{\"@id\": ";
    AppendJsonString(compact[statements[i].subject], &out);
    size_t subject_end = i;
    while (subject_end < statements.size() &&
           statements[subject_end].subject == statements[i].subject) {
      ++subject_end;
    }
    while (i < subject_end) {
      size_t predicate_end = i;
      while (predicate_end < subject_end &&
             statements[predicate_end].predicate == statements[i].predicate) {
        ++predicate_end;
      }
      bool is_type = graph.predicate(statements[i]).value == kType;
      out += ", ";
      AppendJsonString(is_type ? "@type" : compact[statements[i].predicate], &out);
      out += ": [";
      for (size_t k = i; k < predicate_end; ++k) {
        if (k > i) out += ", ";
        if (is_type) {
          AppendJsonString(compact[statements[k].object], &out);
        } else {
          AppendJsonLdValue(graph.object(statements[k]), compact[statements[k].object], &out);
        }
      }
      out += "]";
      i = predicate_end;
    }
    out += "}";
  }
  return out;
}

}  // namespace

bool ParseOutputFormat(std::string_view name, OutputFormat* out) {
  if (name == "turtle" || name == "ttl") {
    *out = OutputFormat::kTurtle;
  } else if (name == "ntriples" || name == "nt") {
    *out = OutputFormat::kNTriples;
  } else if (name == "nquads" || name == "nq") {
    *out = OutputFormat::kNQuads;
  } else if (name == "jsonld" || name == "json-ld") {
    *out = OutputFormat::kJsonLd;
  } else {
    return false;
  }
  return true;
}

std::string Prologue(OutputFormat format) {
  std::string out;
  if (format == OutputFormat::kJsonLd) return JsonLdPrologue();
  if (format != OutputFormat::kTurtle) return out;
  // A writer of its own: setting prefixes writes to the writer's environment, and the shared
  // one is read by other threads.
  EnvPtr env = MakeEnv();
  WriterPtr writer(
      serd_writer_new(SERD_TURTLE, SERD_STYLE_CURIED, env.get(), nullptr, AppendToString, &out));
  serd_env_foreach(env.get(), reinterpret_cast<SerdPrefixSink>(serd_writer_set_prefix),
                   writer.get());
  serd_writer_finish(writer.get());
  out.push_back('\n');
  return out;
}

std::string Epilogue(OutputFormat format) {
  return format == OutputFormat::kJsonLd ? "\n]}\n" : "";
}

std::string_view Separator(OutputFormat format) {
  return format == OutputFormat::kJsonLd ? ",\n" : "";
}

namespace {

// Every statement through the writer, in order: what Turtle's abbreviations need.
std::string WriteStatements(const Graph& graph, OutputFormat format) {
  // Serd nodes for each term once: measuring a node's string is as costly as writing it.
  const bool turtle = format == OutputFormat::kTurtle;
  std::vector<SerdNode> nodes;
  std::vector<SerdNode> datatypes;  // Turtle: of each literal term with a datatype
  nodes.reserve(graph.terms.size());
  // Turtle: "prefix:local\0" of the IRIs Serd abbreviates. Reserved for the longest possible
  // names, so that the nodes' pointers into it stay valid.
  std::string names;
  if (turtle) {
    datatypes.resize(graph.terms.size());
    size_t room = 0;
    for (const Term& term : graph.terms) room += term.value.size() + term.datatype.size() + 2;
    names.reserve(room);
  }
  auto prefixed = [&names](std::string_view iri, SerdNode* node) {
    size_t begin = names.size();
    if (!AppendPrefixedName(iri, &names)) return;
    size_t length = names.size() - 1 - begin;
    *node = {Bytes(names) + begin, length, length, 0, SERD_CURIE};
  };
  // An article's literals have a handful of datatypes (xsd:date, xsd:nonNegativeInteger ...).
  std::vector<std::pair<std::string_view, SerdNode>> datatypes_seen;
  auto node_of_datatype = [&](std::string_view datatype) {
    for (const auto& [iri, node] : datatypes_seen) {
      if (iri == datatype) return node;
    }
    SerdNode node = NodeOf(SERD_URI, datatype, false);
    if (!WrittenBare(datatype)) prefixed(datatype, &node);
    datatypes_seen.emplace_back(datatype, node);
    return node;
  };
  for (size_t i = 0; i < graph.terms.size(); ++i) {
    const Term& term = graph.terms[i];
    bool is_iri = term.kind == Term::Kind::kIri;
    nodes.push_back(NodeOf(is_iri ? SERD_URI : SERD_LITERAL, term.value, turtle));
    if (!turtle) continue;
    if (is_iri) prefixed(term.value, &nodes.back());
    if (!term.datatype.empty()) datatypes[i] = node_of_datatype(term.datatype);
  }
  // Room for the whole output at once, so that it is not copied as it grows: line syntaxes
  // write every term in full, Turtle about a third of that.
  auto length = [&graph](uint32_t term) {  // as N-Triples writes it, about
    return graph.terms[term].value.size() + graph.terms[term].datatype.size() + 6;
  };
  size_t room = 0;
  for (const Graph::Statement& s : graph.statements) {
    room += length(s.subject) + length(s.predicate) + length(s.object) + 4;
  }
  if (format == OutputFormat::kNQuads)
    room += graph.statements.size() * (graph.document_iri.size() + 3);
  std::string out;
  out.reserve(turtle ? room / 3 : room + room / 16);
  WriterPtr writer = MakeWriter(format, &out);
  SerdNode graph_name = serd_node_from_string(SERD_URI, Bytes(graph.document_iri));
  const SerdNode* graph_node = format == OutputFormat::kNQuads ? &graph_name : nullptr;
  for (const Graph::Statement& statement : graph.statements) {
    std::string_view datatype = graph.object(statement).datatype;
    SerdNode datatype_node =
        turtle ? datatypes[statement.object]
               : SerdNode{Bytes(datatype), datatype.size(), datatype.size(), 0, SERD_URI};
    serd_writer_write_statement(writer.get(), 0, graph_node, &nodes[statement.subject],
                                &nodes[statement.predicate], &nodes[statement.object],
                                datatype.empty() ? nullptr : &datatype_node, nullptr);
  }
  serd_writer_finish(writer.get());
  if (turtle && !out.empty()) out.push_back('\n');
  return out;
}

// Serd's N-Triples and N-Quads writer keeps nothing from one statement to the next: it writes
// a statement as its terms' texts, each alone, between spaces, and " .\n". So each distinct term
// goes through Serd once and the lines are put together from those texts: the same bytes as a
// statement at a time, with less than half the writing.
//
// The terms go through Serd three to a statement: an IRI may stand anywhere, a literal only as
// the object. Sets (*texts)[i] to terms[i]'s text, kept in `storage`; false if Serd refuses a
// term or writes a statement of another shape.
bool WriteEachTermText(const std::vector<Term>& terms, std::string* storage,
                       std::vector<std::string_view>* texts) {
  constexpr uint32_t kStub = kNone;  // "<x:>": a short IRI where no term is left to fill the place
  std::vector<uint32_t> iris, literals;
  for (uint32_t i = 0; i < terms.size(); ++i) {
    (terms[i].kind == Term::Kind::kIri ? iris : literals).push_back(i);
  }
  size_t next_iri = 0;
  auto take_iri = [&] { return next_iri < iris.size() ? iris[next_iri++] : kStub; };
  std::vector<std::array<uint32_t, 3>> statements;
  statements.reserve(literals.size() + iris.size() / 3 + 1);
  for (uint32_t literal : literals) statements.push_back({take_iri(), take_iri(), literal});
  while (next_iri < iris.size()) statements.push_back({take_iri(), take_iri(), take_iri()});

  size_t room = 0;
  for (const Term& term : terms) room += term.value.size() + term.datatype.size() + 8;
  storage->reserve(room + room / 8);
  std::string line;
  WriterPtr writer(
      serd_writer_new(SERD_NTRIPLES, SERD_STYLE_BULK, SharedEnv(), nullptr, AppendToString, &line));
  const SerdNode stub = serd_node_from_string(SERD_URI, Bytes("x:"));
  std::vector<std::pair<size_t, size_t>> pieces(terms.size());  // offset, size in storage
  for (const auto& statement : statements) {
    SerdNode nodes[3];
    SerdNode datatype = SERD_NODE_NULL;
    for (int field = 0; field < 3; ++field) {
      if (statement[field] == kStub) {
        nodes[field] = stub;
        continue;
      }
      const Term& term = terms[statement[field]];
      nodes[field] =
          NodeOf(term.kind == Term::Kind::kIri ? SERD_URI : SERD_LITERAL, term.value, false);
      if (field == 2 && !term.datatype.empty()) datatype = NodeOf(SERD_URI, term.datatype, false);
    }
    line.clear();
    if (serd_writer_write_statement(writer.get(), 0, nullptr, &nodes[0], &nodes[1], &nodes[2],
                                    datatype.buf == nullptr ? nullptr : &datatype,
                                    nullptr) != SERD_SUCCESS ||
        serd_writer_finish(writer.get()) != SERD_SUCCESS) {  // finish hands over the line
      return false;
    }
    // "<s> <p> o .\n": an IRI's text holds no '>' or space (Serd escapes them).
    std::string_view text = line;
    size_t subject_end = text.find('>') + 1;
    size_t predicate_end = text.find('>', subject_end) + 1;
    if (text.size() < 8 || text[0] != '<' || subject_end == 0 || predicate_end == 0 ||
        text.substr(subject_end, 2) != " <" || text.substr(predicate_end, 1) != " " ||
        text.substr(text.size() - 3) != " .\n") {
      return false;
    }
    const std::pair<size_t, size_t> spans[3] = {
        {0, subject_end},
        {subject_end + 1, predicate_end - subject_end - 1},
        {predicate_end + 1, text.size() - 3 - predicate_end - 1}};
    for (int field = 0; field < 3; ++field) {
      if (statement[field] == kStub) continue;
      pieces[statement[field]] = {storage->size(), spans[field].second};
      storage->append(text.substr(spans[field].first, spans[field].second));
    }
  }
  texts->clear();
  texts->reserve(terms.size());
  for (const auto& [offset, size] : pieces) {
    texts->push_back(std::string_view(*storage).substr(offset, size));
  }
  return true;
}

bool IsAscii(std::string_view text) {
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

// Joins the ASCII terms of a kind that do not hold it, for Serd to write as one: Serd writes it
// as it is in an IRI and in a literal, and none of its escapes holds it.
constexpr char kJoint = '~';

bool Joinable(std::string_view text) {
  return IsAscii(text) && text.find(kJoint) == std::string_view::npos;
}

// `text` cut at each kJoint into `count` pieces, or false.
bool Cut(std::string_view text, size_t count, std::vector<std::string_view>* pieces) {
  pieces->clear();
  pieces->reserve(count);
  for (;;) {
    const void* joint = std::memchr(text.data(), kJoint, text.size());
    size_t end = joint == nullptr ? text.size() : static_cast<const char*>(joint) - text.data();
    pieces->push_back(text.substr(0, end));
    if (joint == nullptr) break;
    text.remove_prefix(end + 1);
  }
  return pieces->size() == count;
}

// Copies `piece` to `at`; the end of the copy. (Appending to a std::string costs more than
// copying a short piece.)
char* Put(char* at, std::string_view piece) {
  std::memcpy(at, piece.data(), piece.size());
  return at + piece.size();
}

// Values joined by kJoint, NUL-terminated as Serd reads a node, in a buffer sized at once.
class Joined {
 public:
  Joined(std::string_view start, size_t room)
      : buffer_(new char[start.size() + room + 1]), end_(Put(buffer_.get(), start)) {}
  void Add(std::string_view value) {
    if (count_++ > 0) *end_++ = kJoint;
    end_ = Put(end_, value);
  }
  size_t count() const { return count_; }
  std::string_view text() {
    *end_ = '\0';
    return std::string_view(buffer_.get(), static_cast<size_t>(end_ - buffer_.get()));
  }

 private:
  std::unique_ptr<char[]> buffer_;
  char* end_;
  size_t count_ = 0;
};

// Where an IRI's stem ends: at its last '/' or '#', or 0 where there is none.
size_t StemSize(std::string_view iri) {
  for (size_t i = iri.size(); i > 0; --i) {
    if (iri[i - 1] == '/' || iri[i - 1] == '#') return i - 1;
  }
  return 0;
}

// WriteEachTermText, but with a statement or so per article rather than per three terms. Serd
// escapes a term a character at a time, so the text it writes of terms joined by kJoint is
// their texts joined by it: the joinable IRIs (and the literals' datatypes) go through Serd as
// one IRI, and the joinable literals' values as one literal, and their texts are cut apart. So too
// an IRI's text is its stem's and the rest's: IRIs sorted together share long stems (namespaces,
// the document's IRI), which Serd then reads once. A literal with a datatype is written
// "value"^^<datatype>, the datatype's text as an IRI's. The other terms go through
// WriteEachTermText.
bool WriteTermTexts(const std::vector<Term>& terms, std::unique_ptr<char[]>* storage,
                    std::vector<std::string_view>* texts) {
  size_t room = 0;
  for (const Term& term : terms) room += term.value.size() + term.datatype.size() + 1;
  Joined iris("x:", room), literals("", room);  // "x:": a scheme, as Serd asks of an IRI
  std::vector<uint32_t> iri_terms, literal_terms, other_terms;  // iri_terms: kNone for a stem
  std::vector<uint32_t> stem_of;            // by iri_terms entry: the entry of its stem, or kNone
  std::vector<std::string_view> datatypes;  // distinct, joined after the IRIs
  std::vector<uint32_t> datatype_of;        // by literal_terms entry: index in datatypes or kNone
  std::vector<Term> others;
  iri_terms.reserve(terms.size());
  stem_of.reserve(terms.size());
  literal_terms.reserve(terms.size());
  datatype_of.reserve(terms.size());
  std::string_view stem;  // the last one met, and its entry (kNone: not joined)
  uint32_t stem_entry = kNone;
  // Serd refuses an IRI without a scheme in N-Triples, which "x:" would hide: such an IRI goes
  // alone, refused as before. A scheme ends before any '/' or '#', so IRIs of a stem share it.
  auto join_iri = [&](uint32_t term) {
    std::string_view iri = terms[term].value;
    size_t stem_size = StemSize(iri);
    if (stem_size == 0) {
      if (!serd_uri_string_has_scheme(Bytes(iri))) return false;
    } else if (iri.substr(0, stem_size) != stem) {
      stem = iri.substr(0, stem_size);
      stem_entry = kNone;
      if (!serd_uri_string_has_scheme(Bytes(iri))) return false;
      iris.Add(stem);
      stem_entry = static_cast<uint32_t>(iri_terms.size());
      iri_terms.push_back(kNone);
      stem_of.push_back(kNone);
    } else if (stem_entry == kNone) {
      return false;
    }
    iris.Add(iri.substr(stem_size));
    iri_terms.push_back(term);
    stem_of.push_back(stem_size > 0 ? stem_entry : kNone);
    return true;
  };
  for (uint32_t i = 0; i < terms.size(); ++i) {
    const Term& term = terms[i];
    bool joinable = Joinable(term.value) && Joinable(term.datatype);
    if (joinable && term.kind == Term::Kind::kIri) {
      if (join_iri(i)) continue;
    } else if (joinable) {
      literals.Add(term.value);
      literal_terms.push_back(i);
      uint32_t datatype = kNone;
      if (!term.datatype.empty()) {
        datatype = static_cast<uint32_t>(
            std::find(datatypes.begin(), datatypes.end(), term.datatype) - datatypes.begin());
        if (datatype == datatypes.size()) datatypes.push_back(term.datatype);
      }
      datatype_of.push_back(datatype);
      continue;
    }
    other_terms.push_back(i);
    others.push_back(term);
  }
  for (std::string_view datatype : datatypes) iris.Add(datatype);

  // "<x:iris> <x:> \"literals\" .\n", or "... <x:> .\n" with no literals.
  std::string line;
  WriterPtr writer(
      serd_writer_new(SERD_NTRIPLES, SERD_STYLE_BULK, SharedEnv(), nullptr, AppendToString, &line));
  const SerdNode stub = serd_node_from_string(SERD_URI, Bytes("x:"));
  const SerdNode iri_node = NodeOf(SERD_URI, iris.text(), false);
  const SerdNode literal_node =
      literals.count() == 0 ? stub : NodeOf(SERD_LITERAL, literals.text(), false);
  if (serd_writer_write_statement(writer.get(), 0, nullptr, &iri_node, &stub, &literal_node,
                                  nullptr, nullptr) != SERD_SUCCESS ||
      serd_writer_finish(writer.get()) != SERD_SUCCESS) {
    return false;
  }
  std::string_view text = line;
  size_t iris_end = text.find('>');  // an IRI's text holds no '>' (Serd escapes it)
  constexpr std::string_view kMiddle = "> <x:> ";
  constexpr std::string_view kEnd = " .\n";
  if (text.substr(0, 3) != "<x:" || iris_end == std::string_view::npos ||
      text.substr(iris_end, kMiddle.size()) != kMiddle ||
      text.size() < iris_end + kMiddle.size() + kEnd.size() ||
      text.substr(text.size() - kEnd.size()) != kEnd) {
    return false;
  }
  std::string_view object =
      text.substr(iris_end + kMiddle.size(), text.size() - kEnd.size() - iris_end - kMiddle.size());
  std::vector<std::string_view> iri_texts, literal_texts;  // without <> or ""
  if (!Cut(text.substr(3, iris_end - 3), iris.count(), &iri_texts)) return false;
  if (literals.count() > 0 &&
      (object.size() < 2 || object.front() != '"' || object.back() != '"' ||
       !Cut(object.substr(1, object.size() - 2), literals.count(), &literal_texts))) {
    return false;
  }
  std::string other_storage;
  std::vector<std::string_view> other_texts;
  if (!others.empty() && !WriteEachTermText(others, &other_storage, &other_texts)) return false;

  const std::string_view* datatype_texts = iri_texts.data() + iri_terms.size();
  size_t size = other_storage.size();
  for (size_t k = 0; k < iri_terms.size(); ++k) {
    if (iri_terms[k] == kNone) continue;  // a stem
    size += iri_texts[k].size() + 2;
    if (stem_of[k] != kNone) size += iri_texts[stem_of[k]].size();
  }
  for (size_t k = 0; k < literal_terms.size(); ++k) {
    size += literal_texts[k].size() + 2;
    if (datatype_of[k] != kNone) size += datatype_texts[datatype_of[k]].size() + 4;
  }
  storage->reset(new char[size]);
  char* at = storage->get();
  texts->resize(terms.size());
  auto keep = [&at, texts](uint32_t term, const char* begin) {
    (*texts)[term] = std::string_view(begin, static_cast<size_t>(at - begin));
  };
  for (size_t k = 0; k < iri_terms.size(); ++k) {
    if (iri_terms[k] == kNone) continue;  // a stem
    char* begin = at;
    *at++ = '<';
    if (stem_of[k] != kNone) at = Put(at, iri_texts[stem_of[k]]);
    at = Put(at, iri_texts[k]);
    *at++ = '>';
    keep(iri_terms[k], begin);
  }
  for (size_t k = 0; k < literal_terms.size(); ++k) {
    char* begin = at;
    *at++ = '"';
    at = Put(at, literal_texts[k]);
    *at++ = '"';
    if (datatype_of[k] != kNone) {
      at = Put(at, "^^<");
      at = Put(at, datatype_texts[datatype_of[k]]);
      *at++ = '>';
    }
    keep(literal_terms[k], begin);
  }
  for (size_t k = 0; k < other_terms.size(); ++k) {
    char* begin = at;
    at = Put(at, other_texts[k]);
    keep(other_terms[k], begin);
  }
  return true;
}

// N-Triples or N-Quads, put together from each term's text as Serd writes it (WriteTermTexts).
std::string ComposeLines(const Graph& graph, OutputFormat format) {
  const bool quads = format == OutputFormat::kNQuads;
  std::vector<Term> terms_and_graph_name;  // N-Quads: the graph name, a term like the others
  if (quads) {
    terms_and_graph_name = graph.terms;
    terms_and_graph_name.push_back(Term::Iri(graph.document_iri));
  }
  std::unique_ptr<char[]> storage;
  std::vector<std::string_view> texts;
  if (!WriteTermTexts(quads ? terms_and_graph_name : graph.terms, &storage, &texts)) {
    return WriteStatements(graph, format);
  }
  const std::string_view graph_name = quads ? texts.back() : std::string_view();
  auto line_size = [&](const Graph::Statement& s) {
    return texts[s.subject].size() + texts[s.predicate].size() + texts[s.object].size() +
           (quads ? graph_name.size() + 1 : 0) + 5;
  };
  size_t size = 0;
  for (const Graph::Statement& s : graph.statements) size += line_size(s);
  std::string out;
  out.reserve(size);
  auto put_line = [&](const Graph::Statement& s, char* at) {
    at = Put(at, texts[s.subject]);
    *at++ = ' ';
    at = Put(at, texts[s.predicate]);
    *at++ = ' ';
    at = Put(at, texts[s.object]);
    if (quads) {
      *at++ = ' ';
      at = Put(at, graph_name);
    }
    return Put(at, " .\n");
  };
  // Lines are put together in a buffer on the stack and appended a buffer at a time: C++17's
  // std::string cannot grow without filling its new characters first, which costs as much as
  // composing them.
  char buffer[2048];
  size_t used = 0;
  for (const Graph::Statement& s : graph.statements) {
    size_t line = line_size(s);
    if (line > sizeof buffer - used) {
      out.append(buffer, used);
      used = 0;
    }
    if (line > sizeof buffer) {  // composed on the heap
      std::string long_line(line, '\0');
      put_line(s, long_line.data());
      out.append(long_line);
    } else {
      used = static_cast<size_t>(put_line(s, buffer + used) - buffer);
    }
  }
  out.append(buffer, used);
  return out;
}

}  // namespace

std::string Serialize(const Graph& graph, OutputFormat format) {
  switch (format) {
    case OutputFormat::kJsonLd:
      return JsonLdNodes(graph);
    case OutputFormat::kNTriples:
    case OutputFormat::kNQuads:
      return ComposeLines(graph, format);
    case OutputFormat::kTurtle:
      break;
  }
  return WriteStatements(graph, format);
}

struct MergedTurtle::Model {
  SordWorld* world = sord_world_new();
  SordModel* model = sord_new(world, SORD_SPO, false);

  ~Model() {
    sord_free(model);
    sord_world_free(world);
  }

  // Sord interns nodes; each sord_new_* reference is released after sord_add took its own.
  SordNode* Node(const Term& term) {
    if (term.kind == Term::Kind::kIri) return sord_new_uri(world, Bytes(term.value));
    SordNode* datatype =
        term.datatype.empty() ? nullptr : sord_new_uri(world, Bytes(term.datatype));
    SordNode* literal = sord_new_literal(world, datatype, Bytes(term.value), nullptr);
    if (datatype != nullptr) sord_node_free(world, datatype);
    return literal;
  }
};

MergedTurtle::MergedTurtle() : model_(std::make_unique<Model>()) {}
MergedTurtle::~MergedTurtle() = default;

void MergedTurtle::Add(const Graph& graph) {
  std::vector<SordNode*> nodes;
  nodes.reserve(graph.terms.size());
  for (const Term& term : graph.terms) nodes.push_back(model_->Node(term));
  for (const Graph::Statement& statement : graph.statements) {
    SordQuad quad = {nodes[statement.subject], nodes[statement.predicate], nodes[statement.object],
                     nullptr};
    sord_add(model_->model, quad);
  }
  for (SordNode* node : nodes) sord_node_free(model_->world, node);
}

size_t MergedTurtle::size() const { return sord_num_quads(model_->model); }

std::string MergedTurtle::Finish() {
  std::string out = Prologue(OutputFormat::kTurtle);
  WriterPtr writer = MakeWriter(OutputFormat::kTurtle, &out);
  // What sord_write does (the model's statements in subject order), with Rereadable literals.
  std::unique_ptr<SordIter, IterDeleter> it(sord_begin(model_->model));
  for (; !sord_iter_end(it.get()); sord_iter_next(it.get())) {
    SordQuad quad;
    sord_iter_get(it.get(), quad);
    const SordNode* datatype = sord_node_get_datatype(quad[SORD_OBJECT]);
    SerdNode object = Rereadable(*sord_node_to_serd_node(quad[SORD_OBJECT]));
    serd_writer_write_statement(
        writer.get(), 0, nullptr, sord_node_to_serd_node(quad[SORD_SUBJECT]),
        sord_node_to_serd_node(quad[SORD_PREDICATE]), &object,
        datatype == nullptr ? nullptr : sord_node_to_serd_node(datatype), nullptr);
  }
  serd_writer_finish(writer.get());
  return out;
}

Status ParseStrict(std::string_view text, OutputFormat format, size_t* statements) {
  struct State {
    size_t statements = 0;
    std::string error;
  } state;
  ReaderPtr reader(serd_reader_new(
      SyntaxOf(format), &state, nullptr, nullptr, nullptr,
      [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*, const SerdNode*,
         const SerdNode*, const SerdNode*, const SerdNode*) {
        ++static_cast<State*>(handle)->statements;
        return SERD_SUCCESS;
      },
      nullptr));
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(
      reader.get(),
      [](void* handle, const SerdError* error) {
        auto* parse_state = static_cast<State*>(handle);
        if (!parse_state->error.empty()) return SERD_SUCCESS;
        char message[512];
        vsnprintf(message, sizeof message, error->fmt, *error->args);
        parse_state->error = "line " + std::to_string(error->line) + ", column " +
                             std::to_string(error->col) + ": " + message;
        return SERD_SUCCESS;
      },
      &state);
  std::string copy(text);  // serd reads a NUL-terminated string
  SerdStatus status = serd_reader_read_string(reader.get(), Bytes(copy));
  if (statements != nullptr) *statements = state.statements;
  if (status != SERD_SUCCESS || !state.error.empty()) {
    return Status::Error(state.error.empty() ? std::string("parse failed") : state.error);
  }
  return Status::Ok();
}

}  // namespace hearsay

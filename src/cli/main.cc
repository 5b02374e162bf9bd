// hearsay: news articles in, an RDF knowledge graph of who said what happened out.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "cli/extract.h"
#include "hearsay/ingest.h"

namespace {

constexpr char kVersion[] = "hearsay 0.1.0";

constexpr char kUsage[] =
    "usage: hearsay extract [options] FILE...\n"
    "       hearsay render [options] FILE... [-o DIR]\n"
    "       hearsay --help | --version\n";

constexpr char kHelp[] =
    "hearsay reads news articles and writes an RDF knowledge graph of who said what happened,\n"
    "when, where, and through whom: claims with their source, cue and relay; events typed with\n"
    "CAMEO codes, with actors, place, time and factuality; normalized time expressions; every\n"
    "item grounded in character spans of the text (NIF, RFC 5147).\n"
    "\n"
    "usage: hearsay extract [options] FILE...\n"
    "\n"
    "FILE is a .txt article, an .html/.htm page, a .jsonl file (one article a line), a directory\n"
    "(recursed, sorted), or - for standard input (plain text unless --stdin says otherwise).\n"
    "\n"
    "Article metadata (the command line wins over what a file says):\n"
    "  --date YYYY-MM-DD     publication date; relative dates (\"said Thursday\") resolve\n"
    "                        against it. Default: JSONL field, HTML meta, or the text's dateline.\n"
    "  --publisher NAME      the outlet, e.g. \"The Moscow Times\"\n"
    "  --url URL             canonical URL (gives the article its IRI; one article only)\n"
    "  --title TEXT          headline (one article only)\n"
    "\n"
    "Output:\n"
    "  -f, --format FMT      turtle (default), ntriples, nquads (one graph per article) or\n"
    "                        jsonld (schema.org context: claims as schema:Claim)\n"
    "  -o, --output FILE     write there instead of standard output\n"
    "      --text            state each article's text (nif:isString), which mention offsets\n"
    "                        count code points of; always stated: its SHA-256 (hs:textSha256)\n"
    "      --merge           Turtle only: one deduplicated document for the whole batch, each\n"
    "                        entity and event described once (holds the graph in memory)\n"
    "\n"
    "Batches:\n"
    "  -j, --jobs N          worker threads (default: all cores); output is identical for any N\n"
    "  -q, --quiet           no progress line and no summary (errors are still reported)\n"
    "      --progress        a progress line even when standard error is not a terminal\n"
    "      --max-bytes N     largest article or JSONL record accepted (default 67108864)\n"
    "      --stdin FMT       read standard input (-) as text (default), html or jsonl: a map\n"
    "                        step of Hadoop Streaming or Spark pipe() hands its task JSONL lines\n"
    "      --ontology DIR    data files (lexicons, gazetteers, rules); default: the installed\n"
    "                        ones, or $HEARSAY_ONTOLOGY\n"
    "\n"
    "JSONL fields: url, title, text|maintext, date|date_publish, publisher|source_domain.\n"
    "Option values may also be attached: -j2, -fnt, --jobs=2, --format=nquads.\n"
    "\n"
    "hearsay render takes the same options and FILEs and writes, instead of RDF, one\n"
    "self-contained HTML page per article (to -o DIR, named after the input; a single article\n"
    "goes to standard output): claims, sources, cues, events and times highlighted in the text,\n"
    "and a panel listing each claim with its source, relay and date, and each event with its\n"
    "actors, place, time and factuality.\n"
    "\n"
    "Exit status: 0 when every input was extracted, 1 when some input failed (each failure is\n"
    "reported on standard error with its file, line and byte offset; the others are still\n"
    "processed), 2 on a usage error. The output is valid RDF in every case.\n"
    "\n"
    "Examples:\n"
    "  hearsay extract --date 2013-10-03 --publisher \"The Moscow Times\" article.txt\n"
    "  hearsay extract -f nquads -j 8 -o graph.nq crawl/*.jsonl\n"
    "  curl -s URL | hearsay extract --date 2019-01-07 -\n"
    "  zcat crawl.jsonl.gz | hearsay extract --stdin jsonl -f nquads - > graph.nq\n";

int UsageError(const std::string& message) {
  std::fprintf(stderr, "hearsay: %s\n%s(try 'hearsay --help')\n", message.c_str(), kUsage);
  return 2;
}

bool ParseCount(const char* text, uint64_t* out) {
  if (text == nullptr || *text == '\0') return false;
  char* end = nullptr;
  unsigned long long value = std::strtoull(text, &end, 10);
  if (*end != '\0' || text[0] == '-') return false;
  *out = value;
  return true;
}

int Extract(int argc, char** argv, bool render) {
  hearsay::cli::ExtractOptions options;
  options.render = render;
  options.progress = isatty(STDERR_FILENO) != 0;
  bool only_files = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view arg = argv[i];
    // GNU forms: "--jobs=2", and a short option's value attached ("-j2", "-ont.out").
    const char* attached = nullptr;
    if (!only_files && arg.rfind("--", 0) == 0 && arg.find('=') != std::string_view::npos) {
      attached = argv[i] + arg.find('=') + 1;
      arg = arg.substr(0, arg.find('='));
    } else if (!only_files && arg.size() > 2 && arg[0] == '-' &&
               std::string_view("jfo").find(arg[1]) != std::string_view::npos) {
      attached = argv[i] + 2;
      arg = arg.substr(0, 2);
    }
    auto value = [&](const char** out) {
      if (attached != nullptr) {
        *out = attached;
        attached = nullptr;
        return true;
      }
      if (i + 1 >= argc) return false;
      *out = argv[++i];
      return true;
    };
    const char* v = nullptr;
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      options.inputs.emplace_back(arg);
    } else if (arg == "--") {
      only_files = true;
    } else if (arg == "-h" || arg == "--help") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (arg == "--date") {
      if (!value(&v)) return UsageError("--date needs a value");
      if (std::strlen(v) != 10 || !hearsay::NormalizeDate(v, &options.meta.date)) {
        return UsageError(std::string("--date '") + v + "' is not a calendar date YYYY-MM-DD");
      }
    } else if (arg == "--publisher") {
      if (!value(&v)) return UsageError("--publisher needs a value");
      options.meta.publisher = v;
    } else if (arg == "--url") {
      if (!value(&v)) return UsageError("--url needs a value");
      options.meta.url = v;
    } else if (arg == "--title") {
      if (!value(&v)) return UsageError("--title needs a value");
      options.meta.title = v;
    } else if (arg == "-f" || arg == "--format") {
      if (!value(&v)) return UsageError("--format needs a value");
      if (!hearsay::ParseOutputFormat(v, &options.format)) {
        return UsageError(std::string("unknown format '") + v +
                          "' (turtle, ntriples, nquads, jsonld)");
      }
    } else if (arg == "-o" || arg == "--output") {
      if (!value(&v)) return UsageError("--output needs a file name");
      (render ? options.render_dir : options.output) = v;
    } else if (arg == "-j" || arg == "--jobs") {
      uint64_t jobs = 0;
      if (!value(&v) || !ParseCount(v, &jobs) || jobs == 0 || jobs > 1024) {
        return UsageError("--jobs needs a number from 1 to 1024");
      }
      options.jobs = static_cast<unsigned>(jobs);
    } else if (arg == "--text") {
      options.graph.text = true;
    } else if (arg == "--merge") {
      options.merge = true;
    } else if (arg == "-q" || arg == "--quiet") {
      options.quiet = true;
    } else if (arg == "--progress") {
      options.progress = true;
    } else if (arg == "--max-bytes") {
      if (!value(&v) || !ParseCount(v, &options.max_bytes) || options.max_bytes == 0) {
        return UsageError("--max-bytes needs a positive number");
      }
    } else if (arg == "--stdin") {
      if (!value(&v)) return UsageError("--stdin needs a format");
      std::string_view name = v;
      if (name == "text") {
        options.stdin_format = hearsay::InputFormat::kText;
      } else if (name == "html") {
        options.stdin_format = hearsay::InputFormat::kHtml;
      } else if (name == "jsonl") {
        options.stdin_format = hearsay::InputFormat::kJsonl;
      } else {
        return UsageError(std::string("unknown --stdin format '") + v + "' (text, html, jsonl)");
      }
    } else if (arg == "--ontology") {
      if (!value(&v)) return UsageError("--ontology needs a directory");
      options.ontology_dir = v;
    } else {
      return UsageError("unknown option " + std::string(arg));
    }
    if (attached != nullptr) return UsageError(std::string(arg) + " takes no value");
  }
  if (render && options.render_dir.empty() &&
      (options.inputs.size() != 1 ||
       hearsay::FormatFromPath(options.inputs[0]) == hearsay::InputFormat::kJsonl)) {
    return UsageError("render writes one page per article: give -o DIR for several articles");
  }
  if (options.merge && options.format != hearsay::OutputFormat::kTurtle) {
    return UsageError("--merge writes one Turtle document; for N-Triples/N-Quads use sort -u");
  }
  if (options.inputs.empty()) return UsageError("no input files (use - for standard input)");
  if ((!options.meta.url.empty() || !options.meta.title.empty()) && options.inputs.size() > 1) {
    return UsageError("--url and --title describe one article; give one FILE with them");
  }
  return hearsay::cli::RunExtract(options);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return UsageError("no command");
  std::string_view command = argv[1];
  if (command == "-h" || command == "--help" || command == "help") {
    std::fputs(kHelp, stdout);
    return 0;
  }
  if (command == "--version") {
    std::puts(kVersion);
    return 0;
  }
  if (command == "extract") return Extract(argc - 2, argv + 2, false);
  if (command == "render") return Extract(argc - 2, argv + 2, true);
  return UsageError("unknown command '" + std::string(command) + "'");
}

#!/usr/bin/env python3
"""Throughput benchmark: hearsay over a JSONL corpus, next to a JavaScript NLP baseline.

Builds a JSONL corpus of the requested size from the articles at hand (no network): the
shared corpus (shared/corpus/*/*.txt with the metadata of their .gold.json) and any plain-text
articles of the repository (examples/, tests/data/). Articles repeat in a fixed order until
the size is reached; each copy gets its own URL, so each is a separate document. With
--text novel the articles are instead new text made by a seeded random walk over the word
trigrams of the same articles: no article repeats, so the patterns meet new word sequences
throughout, as on a crawl, instead of text they have seen.

Then it runs, each under /usr/bin/time -v:
  hearsay extract -f ntriples|turtle -j 1|2 (and checks each run's summary line)
  node bench/baseline/baseline.js wink|compromise   (entity and date extraction)
and prints MB/s and articles/s of input text, peak memory, and hearsay's speed relative to
each baseline. The baselines are far slower, so they read only the first part of the same
corpus (--baseline-size); rates per MB are compared, not totals.

Usage: bench/bench.py [--size 50M] [--hearsay build/hearsay] [--work DIR] [--repeat 3]
                      [--text repeated|novel]
                      [--baseline wink,compromise|none] [--baseline-size 4M]
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASELINE_DIR = REPO / "bench" / "baseline"
# Default input per baseline library: about a minute each on one core.
BASELINE_DEFAULT_BYTES = {"wink": 8 << 20, "compromise": 512 << 10}


def parse_size(text):
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMG]?)B?", text.strip(), re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50M, 1G, 800K)")
    scale = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30}[match.group(2).upper()]
    return int(float(match.group(1)) * scale)


def find_shared(explicit):
    for candidate in [explicit, REPO.parent / "shared", Path("/work/shared")]:
        if candidate and (Path(candidate) / "corpus").is_dir():
            return Path(candidate)
    sys.exit("bench: cannot find shared/corpus (use --shared DIR)")


def load_articles(shared):
    """Articles as JSONL records, in a fixed order."""
    articles = []
    texts = sorted((shared / "corpus").glob("*/*.txt"))
    texts += sorted(p for d in ("examples", "tests/data") for p in (REPO / d).rglob("*.txt"))
    for path in texts:
        text = path.read_text(encoding="utf-8")
        if not text.strip():
            continue
        record = {"url": f"https://bench.invalid/{path.stem}", "title": "", "text": text}
        gold = path.with_suffix(".gold.json")
        if gold.exists():
            meta = json.loads(gold.read_text(encoding="utf-8")).get("meta", {})
            for field in ("url", "title", "date", "publisher"):
                if meta.get(field):
                    record[field] = meta[field]
        articles.append(record)
    if not articles:
        sys.exit("bench: no articles found")
    return articles


def build_corpus(articles, size, path):
    """Writes records until their text reaches `size` bytes; returns (articles, text bytes)."""
    count = text_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        while text_bytes < size:
            record = dict(articles[count % len(articles)])
            copy = count // len(articles)
            if copy:
                record["url"] = f"{record['url']}?copy={copy}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            text_bytes += len(record["text"].encode("utf-8"))
            count += 1
    return count, text_bytes


def build_novel_corpus(articles, size, path, seed=1):
    """Writes articles of 300 to 900 words, each a walk over the word trigrams of `articles`
    (paragraph breaks are words of the walk too), until their text reaches `size` bytes;
    returns (articles, text bytes). The same seed gives the same corpus."""
    paragraph_break = "\n\n"
    words = []
    for article in articles:
        for paragraph in re.split(r"\n\s*\n|\n", article["text"]):
            words += paragraph.split() + [paragraph_break]
    following = {}
    for first, second, third in zip(words, words[1:], words[2:]):
        following.setdefault((first, second), []).append(third)
    starts = list(following)
    walk = random.Random(seed)
    count = text_bytes = 0
    with open(path, "w", encoding="utf-8") as out:
        while text_bytes < size:
            length = walk.randint(300, 900)
            state = walk.choice(starts)
            text_words = []
            while len(text_words) < length:
                choices = following.get(state)
                if not choices or walk.random() < 0.02:  # a jump now and then: new sequences
                    state = walk.choice(starts)
                    continue
                word = walk.choice(choices)
                text_words.append(word)
                state = (state[1], word)
            text = re.sub(r"\s*\n\n\s*", paragraph_break, " ".join(text_words)).strip()
            source = articles[count % len(articles)]
            record = {"url": f"https://bench.invalid/novel/{count}", "title": "", "text": text}
            for field in ("date", "publisher"):
                if source.get(field):
                    record[field] = source[field]
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            text_bytes += len(text.encode("utf-8"))
            count += 1
    return count, text_bytes


def head_of_corpus(corpus, size, path):
    """The first records of `corpus` whose text reaches `size` bytes."""
    count = text_bytes = 0
    with open(corpus, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for line in src:
            if text_bytes >= size:
                break
            out.write(line)
            text_bytes += len(json.loads(line)["text"].encode("utf-8"))
            count += 1
    return count, text_bytes


def timed(command, stdout_path, work):
    """Runs `command` under /usr/bin/time -v; returns (wall s, CPU s, peak RSS bytes, stderr,
    system CPU s): the system time is mostly the kernel copying the output into the page cache."""
    time_file = work / "time.txt"
    # A run starts with the previous run's output gone and on disk, not written back during it.
    stdout_path.unlink(missing_ok=True)
    os.sync()
    with open(stdout_path, "wb") as out:
        start = time.monotonic()
        run = subprocess.run(["/usr/bin/time", "-v", "-o", str(time_file)] + command,
                             stdout=out, stderr=subprocess.PIPE)
        seconds = time.monotonic() - start
    stderr = run.stderr.decode("utf-8", "replace")
    if run.returncode not in (0, 1):  # hearsay: 1 = some input failed, still measured
        sys.exit(f"bench: {' '.join(command)} failed ({run.returncode}):\n{stderr[-2000:]}")
    report = time_file.read_text()

    def field(name):
        return float(re.search(re.escape(name) + r": ([0-9.]+)", report).group(1))

    system = field("System time (seconds)")
    cpu = field("User time (seconds)") + system
    return seconds, cpu, int(field("Maximum resident set size (kbytes)")) * 1024, stderr, system


def check_summary(stderr, count):
    """A note unless hearsay's summary line reports every article read and extracted."""
    summary = re.search(r"(\d+) articles read, (\d+) extracted, (\d+) failed", stderr)
    if not summary:
        return "  (no summary line!)"
    read, extracted, failed = (int(group) for group in summary.groups())
    if read == count and extracted == count and failed == 0:
        return ""
    return f"  (summary: {read} read, {extracted} extracted, {failed} failed of {count}!)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=parse_size, default=parse_size("50M"),
                        help="article text in the corpus (default 50M; e.g. 1G)")
    parser.add_argument("--text", choices=["repeated", "novel"], default="repeated",
                        help="repeated: the articles at hand, copied (default); novel: new text "
                        "from a random walk over their word trigrams")
    parser.add_argument("--hearsay", default=str(REPO / "build" / "hearsay"))
    parser.add_argument("--shared", help="the shared/ folder (default: ../shared or /work/shared)")
    parser.add_argument("--work", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                       "hearsay-bench"))
    parser.add_argument("--baseline", default="wink,compromise",
                        help="comma-separated: wink, compromise; or none")
    parser.add_argument("--baseline-size", type=parse_size,
                        help="text given to each baseline (default: wink 8M, compromise 512K)")
    parser.add_argument("--keep-output", action="store_true", help="keep the RDF outputs")
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs of each hearsay configuration; the median is reported")
    args = parser.parse_args()

    hearsay = Path(args.hearsay)
    if not os.access(hearsay, os.X_OK):
        sys.exit(f"bench: no hearsay binary at {hearsay} (build it, or pass --hearsay)")
    if not os.access("/usr/bin/time", os.X_OK):
        sys.exit("bench: /usr/bin/time is missing (apt-get install time)")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)

    articles = load_articles(find_shared(args.shared))
    if args.text == "novel":
        corpus = work / f"corpus-novel-{args.size}.jsonl"
        count, text_bytes = build_novel_corpus(articles, args.size, corpus)
        made_of = f"all new text, a trigram walk over {len(articles)} articles"
    else:
        corpus = work / f"corpus-{args.size}.jsonl"
        count, text_bytes = build_corpus(articles, args.size, corpus)
        made_of = f"{len(articles)} distinct"
    mb = text_bytes / 1e6
    print(f"corpus: {corpus} — {count} articles ({made_of}), {mb:.1f} MB of "
          f"article text, {corpus.stat().st_size / 1e6:.1f} MB of JSONL")
    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} cores, load average {load:.1f} at the start; "
          f"hearsay: {hearsay}")
    if load > (os.cpu_count() or 1):
        print("note: the machine is busy; wall-clock rates are low, the rates per CPU second "
              "(MB/cpu-s) hold")
    print()

    header = (f"{'run':44} {'wall s':>8} {'MB/s':>7} {'articles/s':>10} {'cpu s':>8} {'sys s':>6} "
              f"{'MB/cpu-s':>9} {'peak MB':>8} {'output MB':>10}")
    print(header)
    print("-" * len(header))
    rates = {}
    walls = {}
    configurations = [("hearsay -f ntriples -j 1", "ntriples", 1),
                      ("hearsay -f ntriples -j 2", "ntriples", 2),
                      ("hearsay -f turtle -j 1", "turtle", 1),
                      ("hearsay -f turtle -j 2", "turtle", 2)]
    # Round by round, each configuration once a round: a slow spell of the shared machine then
    # slows every configuration alike instead of all the runs of one.
    runs = {label: [] for label, _, _ in configurations}
    sizes = {}
    for round_number in range(1, args.repeat + 1):
        print(f"(round {round_number} of {args.repeat})", file=sys.stderr, flush=True)
        for label, fmt, jobs in configurations:
            output = work / f"out-{fmt}-j{jobs}.{'nt' if fmt == 'ntriples' else 'ttl'}"
            runs[label].append(timed([str(hearsay), "extract", "-f", fmt, "-j", str(jobs),
                                      str(corpus)], output, work))
            sizes[label] = output.stat().st_size / 1e6
            if not args.keep_output:
                output.unlink()
    for label, _, _ in configurations:
        # The median run by wall time: a shared machine's runs vary by several percent.
        seconds, cpu, peak, stderr, system = sorted(runs[label])[len(runs[label]) // 2]
        note = check_summary(stderr, count)
        rates[label] = mb / cpu
        walls[label] = seconds
        print(f"{label:44} {seconds:8.2f} {mb / seconds:7.2f} {count / seconds:10.1f} "
              f"{cpu:8.2f} {system:6.2f} {mb / cpu:9.3f} {peak / 1e6:8.1f} "
              f"{sizes[label]:10.1f}{note}",
              flush=True)

    for fmt in ["ntriples", "turtle"]:
        speedup = walls[f"hearsay -f {fmt} -j 1"] / walls[f"hearsay -f {fmt} -j 2"]
        print(f"-j 2 / -j 1 ({fmt}): {speedup:.2f}x")

    libraries = [] if args.baseline == "none" else args.baseline.split(",")
    if libraries and not (BASELINE_DIR / "node_modules").is_dir():
        if not shutil.which("npm"):
            sys.exit("bench: npm is missing: install Node.js, or pass --baseline none")
        print("(installing the baseline's npm packages)", flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=BASELINE_DIR,
                       check=True)
    for library in libraries:
        size = args.baseline_size or BASELINE_DEFAULT_BYTES[library]
        sample = work / f"sample-{library}-{size}.jsonl"
        sample_count, sample_bytes = head_of_corpus(corpus, size, sample)
        seconds, cpu, peak, _, system = timed(["node", str(BASELINE_DIR / "baseline.js"), library,
                                  str(sample)], work / "baseline.json", work)
        found = json.loads((work / "baseline.json").read_text())
        sample_mb = sample_bytes / 1e6
        label = f"{library} (node, 1 core) on {sample_mb:.1f} MB"
        rates[library] = sample_mb / cpu
        print(f"{label:44} {seconds:8.2f} {sample_mb / seconds:7.2f} "
              f"{sample_count / seconds:10.1f} {cpu:8.2f} {system:6.2f} {sample_mb / cpu:9.3f} "
              f"{peak / 1e6:8.1f} {'-':>10}  ({found['entities']} entities, "
              f"{found['dates']} dates, {found['failed']} articles failed)", flush=True)

    if libraries:
        print()
        for library in libraries:
            ratio = rates["hearsay -f ntriples -j 1"] / rates[library]
            print(f"hearsay (full pipeline, N-Triples) / {library} (entities and dates only): "
                  f"{ratio:.2f}x the MB of text per CPU second")


if __name__ == "__main__":
    main()

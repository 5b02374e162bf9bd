#!/usr/bin/python3
"""Runs hearsay as the map step of a Dask cluster: JSONL shards in, N-Quads shards out.

Extraction is a map from one article to its statements, and IRIs come from content, so the
union of the output shards is the graph a single run would write: merge them with
`sort -u out/part-*.nq` or a store's bulk loader.

Each input file is cut into shards of about --shard-size bytes at line boundaries (byte
ranges, nothing is copied up front); each shard is one task that reads its byte range, runs
`hearsay extract -q -j 1` on it and writes OUT/part-NNNNN.nq (written under a temporary name
and renamed, so a rerun or a retried task never leaves half a shard). Inputs, the hearsay
binary and OUT must be at the same paths on every worker (a shared or replicated file system).

  # on one machine: a local cluster of worker processes
  scripts/distributed.py --local-workers 2 --hearsay build/hearsay --out graph crawl/*.jsonl
  # on a cluster: `dask-scheduler` on one host, `dask-worker tcp://HOST:8786 --nthreads 1`
  # on each worker host, then
  scripts/distributed.py --scheduler tcp://HOST:8786 --hearsay /opt/hearsay/bin/hearsay \\
      --out /data/graph /data/crawl/*.jsonl

Needs Debian's python3-distributed (scripts/install-deps.sh installs it).
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# This file's name shadows the distributed package when its folder leads sys.path.
sys.path = [entry for entry in sys.path
            if Path(entry or ".").resolve() != Path(__file__).resolve().parent]

EXTENSIONS = {"nquads": "nq", "ntriples": "nt"}


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().rstrip("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def plan_shards(paths, shard_size):
    """(path, start, end) byte ranges of about shard_size bytes, each ending after a newline."""
    shards = []
    for path in paths:
        size = os.path.getsize(path)
        with open(path, "rb") as data:
            start = 0
            while start < size:
                end = min(start + shard_size, size)
                if end < size:
                    data.seek(end)
                    data.readline()  # run on to the end of the record under way
                    end = data.tell()
                shards.append((str(Path(path).resolve()), start, end))
                start = end
    return shards


def extract_shard(index, shard, hearsay, out_dir, output_format, ontology):
    """The map task: one shard through hearsay. Returns counts and hearsay's messages."""
    path, start, end = shard
    with open(path, "rb") as data:
        data.seek(start)
        records = data.read(end - start)
    part = Path(out_dir) / f"part-{index:05d}.{EXTENSIONS[output_format]}"
    partial = part.with_name(part.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="hearsay-shard-") as scratch:
        # Named after its source and offset, so that messages point back into the input.
        shard_file = Path(scratch) / f"{Path(path).stem}@{start}.jsonl"
        shard_file.write_bytes(records)
        command = [hearsay, "extract", "-q", "-j", "1", "-f", output_format,
                   "-o", str(partial), str(shard_file)]
        if ontology:
            command[2:2] = ["--ontology", ontology]
        run = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    messages = run.stderr.decode("utf-8", "replace").splitlines()
    # 0: all articles extracted; 1: some records were bad (reported, the rest extracted).
    if run.returncode not in (0, 1):
        raise RuntimeError(f"shard {index} ({path} bytes {start}-{end}): hearsay exited "
                           f"{run.returncode}: " + " | ".join(messages[-5:]))
    os.replace(partial, part)
    return {"shard": index, "bytes": end - start, "status": run.returncode,
            "messages": messages, "output": str(part)}


def connect(args):
    from distributed import Client, LocalCluster

    if args.scheduler:
        return Client(args.scheduler), None
    cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None)
    return Client(cluster), cluster


def main():
    parser = argparse.ArgumentParser(
        description="hearsay as the map step of Dask: JSONL shards in, N-Quads shards out.",
        epilog="Merge: sort -u OUT/part-*.nq > graph.nq (or load the parts into a store).")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running scheduler (tcp://HOST:8786)")
    where.add_argument("--local-workers", type=int, default=os.cpu_count() or 1,
                       help="worker processes of a local cluster (default: one per core)")
    parser.add_argument("--hearsay", required=True, help="the hearsay binary (same path on workers)")
    parser.add_argument("--ontology", help="hearsay's --ontology folder, if not the installed one")
    parser.add_argument("--out", required=True, help="folder for the output shards")
    parser.add_argument("--format", choices=sorted(EXTENSIONS), default="nquads")
    parser.add_argument("--shard-size", type=parse_size, default=parse_size("64M"),
                        help="bytes of JSONL per task (default 64M)")
    parser.add_argument("inputs", nargs="+", help="JSONL files")
    args = parser.parse_args()

    hearsay = str(Path(args.hearsay).resolve())
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob("part-*"):
        stale.unlink()
    shards = plan_shards(args.inputs, args.shard_size)
    if not shards:
        sys.exit("distributed: the inputs are empty")

    from distributed import as_completed

    client, cluster = connect(args)
    try:
        futures = [client.submit(extract_shard, index, shard, hearsay, str(out_dir), args.format,
                                 args.ontology, pure=False)
                   for index, shard in enumerate(shards)]
        failed_shards = 0
        for future in as_completed(futures):
            result = future.result()
            for message in result["messages"]:
                print(message, file=sys.stderr)
            failed_shards += result["status"] != 0
        print(f"distributed: {len(shards)} shards written to {out_dir}"
              + (f"; {failed_shards} had bad records" if failed_shards else ""), file=sys.stderr)
        return 1 if failed_shards else 0
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main())

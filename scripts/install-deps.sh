#!/usr/bin/env bash
# Installs what hearsay needs to build and test on Debian 12, and nothing twice.
# Works as root or through sudo.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libserd-dev libsord-dev libre2-dev libboost-date-time-dev libssl-dev libgumbo-dev
  doctest-dev
  serdi raptor2-utils python3-rdflib   # strict parsers for the tests; the scorer
  chromium                             # the rendered-page test reads the DOM back
  nodejs                               # tests/rdf: SHACL validation, SPARQL on Oxigraph
  rapidjson-dev                        # JSON-LD metadata of HTML pages
  python3-distributed time             # the Dask map step and its test; the benchmark's memory
  clang libclang-rt-14-dev             # the bounded libFuzzer run of the tests
  libgoogle-perftools-dev              # tcmalloc: a faster allocator for the programs
)

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm comes with NodeSource's nodejs; Debian's nodejs needs its own npm package.
if ! command -v npm >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends npm
fi

# The RDF tests' Node packages, pinned by tests/rdf/package-lock.json; installed again only
# when the lock file has changed since the last install (a copy of it marks the install).
rdf_tests="$(cd "$(dirname "$0")/.." && pwd)/tests/rdf"
installed_lock="$rdf_tests/node_modules/.installed-package-lock.json"
if ! cmp -s "$rdf_tests/package-lock.json" "$installed_lock"; then
  echo "installing the node packages of tests/rdf"
  (cd "$rdf_tests" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$rdf_tests/package-lock.json" "$installed_lock"
fi

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
  rapidjson-dev                        # JSON-LD metadata of HTML pages
  python3-distributed time             # the Dask map step and its test; the benchmark's memory
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done

if ((${#missing[@]})); then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

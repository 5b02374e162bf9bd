#!/usr/bin/env bash
# Runs one of the Node.js RDF tests: skipped (77) only when node itself is missing; a missing
# node_modules is a failure with the command that installs them.
set -u
here=$(cd "${0%/*}" && pwd)
if ! command -v node >/dev/null 2>&1; then
  echo "node not found: skipped"
  exit 77
fi
if [ ! -d "$here/node_modules/rdf-validate-shacl" ] || [ ! -d "$here/node_modules/oxigraph" ]; then
  echo "tests/rdf/node_modules is missing: run scripts/install-deps.sh (or npm ci in tests/rdf)"
  exit 1
fi
exec node "$here/$1" "${@:2}"

#!/usr/bin/env bash
# Called by web/pom.xml (the normal Maven build) with the installed Node:
#   maven.sh build OUT   dependencies (npm ci when the lock changed), API types, type check, production build into OUT
#   maven.sh check       lint, format check, unit tests
set -euo pipefail
cd "$(dirname "$0")/.."
command -v npm >/dev/null || { echo "web: npm not found; ./vf installs Node and npm from Debian (apt-get install nodejs npm)" >&2; exit 1; }

dependencies() {
  # npm ci wipes node_modules: only when the lock differs from what is installed.
  if ! [ node_modules/.vf-lock -nt package-lock.json ]; then
    echo "web: npm ci"
    npm ci --no-audit --no-fund --loglevel=error
    touch node_modules/.vf-lock
  fi
}

case "${1:-}" in
  build)
    dependencies
    npm run --silent generate
    npm run --silent typecheck
    rm -rf "$2"
    VF_WEB_OUT="$2" npm run --silent build
    ;;
  check)
    dependencies
    npm run --silent lint
    npm run --silent format:check
    npm run --silent test
    ;;
  *) echo "usage: maven.sh build OUT | check" >&2; exit 2 ;;
esac

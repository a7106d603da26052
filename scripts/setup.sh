#!/usr/bin/env bash
# Installs what the project needs on a fresh machine, and nothing when it is already there.
# Called by `npm test` and `npm run demo`, so a newcomer never runs it by hand.
set -euo pipefail
cd "$(dirname "$0")/.."

export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true

# npm ci when node_modules is missing or older than the lockfile.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)…" >&2
  npm ci --no-fund --no-audit
fi

# A real browser for the pages' browser tests, from Debian's packages.
if [ "${SETUP_BROWSER:-1}" = "1" ] && ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
    echo "setup: installing chromium from Debian's packages…" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "setup: could not install chromium; browser tests will say they skipped" >&2
  fi
fi

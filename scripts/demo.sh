#!/usr/bin/env bash
# `npm run demo`: installs what is missing, then plays the sample campaign end to end on the
# org emulator with the real sync service and a local SMTP server (see `--help` for the flags:
# --forever, --speed <factor>, --real-time, --org).
set -euo pipefail
cd "$(dirname "$0")/.."
# The demo needs no browser; do not install one for it.
SETUP_BROWSER="${SETUP_BROWSER:-0}" bash scripts/setup.sh
exec npx --no-install sync-service demo "$@"

#!/usr/bin/env bash
# The service's suites. The planning rules must not depend on the host's time zone, so the
# domain suite runs under two very different process TZ values.
set -euo pipefail
cd "$(dirname "$0")/.."
TZ=UTC npx --no-install vitest run
TZ=Pacific/Chatham npx --no-install vitest run test/domain

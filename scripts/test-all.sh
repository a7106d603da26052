#!/usr/bin/env bash
# `npm test`: every test of every part. Runs them all, then fails if any failed, so one run
# shows every problem.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true

passed=0
failed=0
failures=()
part() {
  local name=$1
  shift
  printf '\n=== %s: %s\n' "$name" "$*"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
  fi
}

part "typecheck" npm run --silent typecheck
part "metadata checks" npm run --silent test:metadata
part "lwc" npm run --silent test:lwc
part "org emulator" npm run --silent test:emulator
part "sync service" npm run --silent test:service

echo
if [ "$failed" -gt 0 ]; then
  echo "failed parts: ${failures[*]}"
fi
echo "parts: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

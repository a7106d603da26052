#!/usr/bin/env bash
# Runs the end-to-end suite against a real scratch org and a real SMTP server. Needs the org
# login the service uses (SF_LOGIN_URL and SF_USERNAME + SF_PASSWORD, or SF_JWT_KEY_FILE +
# SF_CLIENT_ID + SF_USERNAME; the package deployed and the integration permission set assigned)
# and SMTP_HOST (+ SMTP_PORT, SMTP_USER, SMTP_PASSWORD) with E2E_RECIPIENT, a mailbox you own.
# Without them it says so and exits 0: the emulator suite (npm test) is the one CI always runs.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -n "${SF_LOGIN_URL:-}" ] || missing+=(SF_LOGIN_URL)
if [ -z "${SF_JWT_KEY_FILE:-}" ] && { [ -z "${SF_USERNAME:-}" ] || [ -z "${SF_PASSWORD:-}" ]; }; then
  missing+=("SF_USERNAME+SF_PASSWORD (or SF_JWT_KEY_FILE+SF_CLIENT_ID+SF_USERNAME)")
fi
[ -n "${SMTP_HOST:-}" ] || missing+=(SMTP_HOST)
[ -n "${E2E_RECIPIENT:-}" ] || missing+=(E2E_RECIPIENT)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "org-e2e: SKIPPED — the real-org end-to-end run needs: ${missing[*]}."
  echo "org-e2e: nothing was run against a real org; 'npm test' runs the same paths on the org emulator."
  exit 0
fi

bash scripts/setup.sh
echo "org-e2e: running test/e2e/realOrg.test.ts against ${SF_LOGIN_URL} (mail to ${E2E_RECIPIENT} via ${SMTP_HOST})"
cd sync-service
E2E_REAL_ORG=1 exec npx --no-install vitest run test/e2e/realOrg.test.ts

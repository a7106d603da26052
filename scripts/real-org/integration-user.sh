#!/usr/bin/env bash
# The sync service's integration user: its own user, the Sales_Campaigns_Integration permission
# set and nothing else (no View All Data, no Modify All Data).
#   --scratch   creates the user in a scratch org from integration-user-def.json (unique username).
#   otherwise   assigns the permission set to an existing user you created in Setup
#               (Salesforce Integration user licence, "Minimum Access - API Only Integrations" profile).
#
# Usage: scripts/real-org/integration-user.sh --target-org ALIAS (--scratch | --username USER)
# Env:   SF_TARGET_ORG, SF_INTEGRATION_USERNAME.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/../.."
export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true

target_org=${SF_TARGET_ORG:-}
username=${SF_INTEGRATION_USERNAME:-}
scratch=0

while [ $# -gt 0 ]; do
  case $1 in
    --target-org) target_org=$2; shift 2 ;;
    --username) username=$2; shift 2 ;;
    --scratch) scratch=1; shift ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$self"; exit 0 ;;
    *) echo "integration-user: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[ -n "$target_org" ] || { echo "integration-user: --target-org (or SF_TARGET_ORG) is required" >&2; exit 2; }

if [ "$scratch" = "1" ]; then
  # The definition file assigns Sales_Campaigns_Integration itself.
  npx --no-install sf org create user --target-org "$target_org" \
    --definition-file scripts/real-org/integration-user-def.json --set-unique-username --set-alias sales-campaigns-sync
  exit 0
fi

[ -n "$username" ] || { echo "integration-user: --username (or SF_INTEGRATION_USERNAME) is required outside scratch orgs" >&2; exit 2; }
npx --no-install sf org assign permset --name Sales_Campaigns_Integration --on-behalf-of "$username" --target-org "$target_org"

#!/usr/bin/env bash
# Creates a scratch org with the whole package and its sample data, then opens the app:
# (delete old org) → create → deploy force-app → assign permission sets → import data → open.
# Needs a Dev Hub the CLI is logged in to (`npx --no-install sf org login web --set-default-dev-hub`).
#
# Usage: scripts/scratch-org.sh [--alias NAME] [--dev-hub ALIAS] [--days N] [--recreate]
#                               [--no-data] [--no-open] [--with-integration-user]
# Every flag has an environment variable: SCRATCH_ORG_ALIAS, SF_DEV_HUB, SCRATCH_ORG_DAYS,
# SCRATCH_ORG_RECREATE=1, SCRATCH_ORG_DATA=0, SCRATCH_ORG_OPEN=0, SCRATCH_ORG_INTEGRATION_USER=1.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."

export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true

alias_name=${SCRATCH_ORG_ALIAS:-sales-campaigns}
dev_hub=${SF_DEV_HUB:-}
days=${SCRATCH_ORG_DAYS:-7}
recreate=${SCRATCH_ORG_RECREATE:-0}
load_data=${SCRATCH_ORG_DATA:-1}
open_app=${SCRATCH_ORG_OPEN:-1}
integration_user=${SCRATCH_ORG_INTEGRATION_USER:-0}

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$self"; }

while [ $# -gt 0 ]; do
  case $1 in
    --alias) alias_name=$2; shift 2 ;;
    --dev-hub) dev_hub=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --recreate) recreate=1; shift ;;
    --no-data) load_data=0; shift ;;
    --no-open) open_app=0; shift ;;
    --with-integration-user) integration_user=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "scratch-org: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

sf() { npx --no-install sf "$@"; }
step() { printf '\n== %s\n' "$*" >&2; }

if [ "$recreate" = "1" ]; then
  step "Deleting scratch org '$alias_name' if it exists"
  sf org delete scratch --target-org "$alias_name" --no-prompt >/dev/null 2>&1 || true
fi

step "Creating scratch org '$alias_name' for $days days"
hub_flag=()
[ -n "$dev_hub" ] && hub_flag=(--target-dev-hub "$dev_hub")
sf org create scratch --definition-file config/project-scratch-def.json --alias "$alias_name" \
  --duration-days "$days" --set-default --wait 20 "${hub_flag[@]}"

step "Deploying force-app"
sf project deploy start --source-dir force-app --target-org "$alias_name" --wait 30

step "Assigning Sales_Campaigns_Admin and Sales_Campaigns_User to the admin user"
sf org assign permset --name Sales_Campaigns_Admin --name Sales_Campaigns_User --target-org "$alias_name"

if [ "$integration_user" = "1" ]; then
  step "Creating the integration user"
  bash scripts/real-org/integration-user.sh --target-org "$alias_name" --scratch
fi

if [ "$load_data" = "1" ]; then
  step "Importing sample data (data/sample-plan.json)"
  sf data import tree --plan data/sample-plan.json --target-org "$alias_name"
fi

if [ "$open_app" = "1" ]; then
  step "Opening the Sales Campaigns app"
  sf org open --target-org "$alias_name" --path lightning/app/c__Sales_Campaigns
fi

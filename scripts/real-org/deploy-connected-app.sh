#!/usr/bin/env bash
# Deploys a connected app for the sync service's JWT bearer flow, pre-authorized for the users
# who have the Sales_Campaigns_Integration permission set (admin-approved, no interactive consent).
# Orgs where creating connected apps is restricted need an External Client App made in Setup
# instead: see docs/salesforce-setup.md.
#
# Usage: scripts/real-org/deploy-connected-app.sh --target-org ALIAS --certificate server.crt
#          --contact-email admin@company.example [--consumer-key KEY] [--name API_NAME]
# Env:   SF_TARGET_ORG, JWT_CERT_FILE, CONNECTED_APP_CONTACT_EMAIL, SF_CLIENT_ID, CONNECTED_APP_NAME.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/../.."
export SF_DISABLE_AUTOUPDATE=true SF_SKIP_NEW_VERSION_CHECK=true

target_org=${SF_TARGET_ORG:-}
certificate=${JWT_CERT_FILE:-$HOME/.sales-campaigns/jwt/server.crt}
contact_email=${CONNECTED_APP_CONTACT_EMAIL:-}
consumer_key=${SF_CLIENT_ID:-}
app_name=${CONNECTED_APP_NAME:-Sales_Campaigns_Sync}

while [ $# -gt 0 ]; do
  case $1 in
    --target-org) target_org=$2; shift 2 ;;
    --certificate) certificate=$2; shift 2 ;;
    --contact-email) contact_email=$2; shift 2 ;;
    --consumer-key) consumer_key=$2; shift 2 ;;
    --name) app_name=$2; shift 2 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$self"; exit 0 ;;
    *) echo "deploy-connected-app: unknown option '$1'" >&2; exit 2 ;;
  esac
done

[ -n "$target_org" ] || { echo "deploy-connected-app: --target-org (or SF_TARGET_ORG) is required" >&2; exit 2; }
[ -n "$contact_email" ] || { echo "deploy-connected-app: --contact-email (or CONNECTED_APP_CONTACT_EMAIL) is required" >&2; exit 2; }
[ -r "$certificate" ] || { echo "deploy-connected-app: cannot read certificate '$certificate' (make one with make-jwt-certificate.sh)" >&2; exit 2; }
# A consumer key we choose, so the service can be configured before the deploy finishes.
[ -n "$consumer_key" ] || consumer_key="SalesCampaigns$(openssl rand -hex 24)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/connectedApps"
cat >"$work/package.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<Package xmlns="http://soap.sforce.com/2006/04/metadata">
    <types><members>$app_name</members><name>ConnectedApp</name></types>
    <version>62.0</version>
</Package>
XML
cat >"$work/connectedApps/$app_name.connectedApp" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">
    <contactEmail>$contact_email</contactEmail>
    <description>Sales Campaigns sync service (JWT bearer flow, integration user only).</description>
    <label>Sales Campaigns Sync</label>
    <oauthConfig>
        <callbackUrl>http://localhost:1717/OauthRedirect</callbackUrl>
        <certificate>$(cat "$certificate")</certificate>
        <consumerKey>$consumer_key</consumerKey>
        <isAdminApproved>true</isAdminApproved>
        <isConsumerSecretOptional>true</isConsumerSecretOptional>
        <scopes>Api</scopes>
        <scopes>RefreshToken</scopes>
    </oauthConfig>
    <oauthPolicy>
        <ipRelaxation>ENFORCE</ipRelaxation>
        <refreshTokenPolicy>infinite</refreshTokenPolicy>
    </oauthPolicy>
    <permissionSetName>Sales_Campaigns_Integration</permissionSetName>
</ConnectedApp>
XML

npx --no-install sf project deploy start --metadata-dir "$work" --target-org "$target_org" --wait 20
echo "connected app $app_name deployed; set SF_CLIENT_ID=$consumer_key for the sync service"

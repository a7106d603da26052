#!/usr/bin/env bash
# Makes the key pair for the sync service's JWT bearer flow: a private key the service keeps
# (SF_JWT_KEY_FILE) and a self-signed certificate you upload to the connected app (or external
# client app). The key never enters the repository: the default folder is outside it.
#
# Usage: scripts/real-org/make-jwt-certificate.sh [--out DIR] [--days N] [--subject "/CN=..."]
# Env:   JWT_CERT_DIR (default ~/.sales-campaigns/jwt), JWT_CERT_DAYS (default 730), JWT_CERT_SUBJECT.
set -euo pipefail
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"

out=${JWT_CERT_DIR:-$HOME/.sales-campaigns/jwt}
days=${JWT_CERT_DAYS:-730}
subject=${JWT_CERT_SUBJECT:-/CN=sales-campaigns-sync}

while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --days) days=$2; shift 2 ;;
    --subject) subject=$2; shift 2 ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$self"; exit 0 ;;
    *) echo "make-jwt-certificate: unknown option '$1'" >&2; exit 2 ;;
  esac
done

if [ -e "$out/server.key" ]; then
  echo "make-jwt-certificate: $out/server.key already exists; refusing to overwrite a key in use" >&2
  exit 1
fi
mkdir -p "$out"
chmod 700 "$out"
# RSA 2048 + SHA-256: what Salesforce accepts for JWT bearer certificates.
openssl req -x509 -newkey rsa:2048 -sha256 -nodes -days "$days" -subj "$subject" \
  -keyout "$out/server.key" -out "$out/server.crt"
chmod 600 "$out/server.key"
echo "private key (keep secret; the service reads it via SF_JWT_KEY_FILE): $out/server.key"
echo "certificate (upload to the connected app):                         $out/server.crt"

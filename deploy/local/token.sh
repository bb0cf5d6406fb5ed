#!/usr/bin/env bash
# Mints a development token signed with the local key (appsettings.Development.json).
# Usage: deploy/local/token.sh ROLE [PARTY] [USER_ID] [DISPLAY_NAME]
#   ROLE: handlaggare | samverkansledare | administrator | granskare
#   PARTY: AF | FK | VC | PSY | SOC | KAA | AME (omit for roles without a party)
# Example: deploy/local/token.sh handlaggare AF
set -euo pipefail
role="${1:?usage: token.sh ROLE [PARTY] [USER_ID] [DISPLAY_NAME]}"
party="${2:-}"
sub="${3:-${role}-${party:-forbund}-1}"
name="${4:-Utvecklare ${party:-Förbund} ($role)}"
key="${FINSAM_SIGNING_KEY:-finsam-local-development-signing-key-not-for-production}"
issuer="${FINSAM_TOKEN_ISSUER:-finsam-local}"
audience="${FINSAM_TOKEN_AUDIENCE:-finsam-api}"
hours="${FINSAM_TOKEN_HOURS:-8}"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header='{"alg":"HS256","typ":"JWT"}'
party_claim=""
if [ -n "$party" ]; then party_claim=",\"party\":\"$party\""; fi
payload="{\"sub\":\"$sub\",\"name\":\"$name\",\"role\":\"$role\"$party_claim,\"iss\":\"$issuer\",\"aud\":\"$audience\",\"iat\":$now,\"nbf\":$((now - 60)),\"exp\":$((now + hours * 3600))}"
unsigned="$(printf '%s' "$header" | b64url).$(printf '%s' "$payload" | b64url)"
signature="$(printf '%s' "$unsigned" | openssl dgst -sha256 -mac HMAC -macopt "key:$key" -binary | b64url)"
echo "$unsigned.$signature"

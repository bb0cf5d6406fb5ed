#!/usr/bin/env bash
# Rebuilds deploy/packages/patched.distributedlock.postgres.1.3.3.nupkg from its .nuspec.
# A .nupkg is a zip holding the .nuspec plus OPC bookkeeping files; nothing is compiled,
# so a zip tool is all it takes (no nuget.exe, no network).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here/src/Patched.DistributedLock.Postgres.nuspec" "$work/"
cat > "$work/[Content_Types].xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="nuspec" ContentType="application/octet" /></Types>
XML
mkdir -p "$work/_rels"
cat > "$work/_rels/.rels" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Type="http://schemas.microsoft.com/packaging/2010/07/manifest" Target="/Patched.DistributedLock.Postgres.nuspec" Id="R1" /></Relationships>
XML
out="$here/patched.distributedlock.postgres.1.3.3.nupkg"
rm -f "$out"
# Fixed timestamps keep the archive byte-identical between rebuilds.
find "$work" -exec touch -d '2026-01-01 00:00:00' {} +
(cd "$work" && zip -X -D -q -r "$out" "[Content_Types].xml" _rels Patched.DistributedLock.Postgres.nuspec)
echo "wrote $out"

#!/usr/bin/env bash
# CycloneDX SBOM of the production dependencies (what the image ships) into sbom/sbom.cdx.json.
# It describes the installed tree, so run it after `npm ci`; npm refuses a tree that does not
# match package-lock.json (missing, invalid or extraneous packages). sbom/ is build output: it
# is not committed. Usage: npm run sbom
set -euo pipefail
cd "$(dirname "$0")/.."

out_dir=sbom
out="$out_dir/sbom.cdx.json"
mkdir -p "$out_dir"
tmp=$(mktemp "$out_dir/.sbom.cdx.json.XXXXXX")
trap 'rm -f "$tmp"' EXIT

if ! npm sbom --sbom-format cyclonedx --sbom-type application --omit dev >"$tmp"; then
  echo "sbom: 'npm sbom' failed (see above); is node_modules installed with 'npm ci' and in sync with package-lock.json?" >&2
  exit 1
fi

# Check that npm wrote a CycloneDX document, and name the top component after package.json
# (npm uses the checkout folder's name, which differs between clones).
summary=$(node -e '
  const fs = require("node:fs");
  const [file, pkgFile] = process.argv.slice(1);
  const bom = JSON.parse(fs.readFileSync(file, "utf8"));
  if (bom.bomFormat !== "CycloneDX" || !Array.isArray(bom.components)) throw new Error("not a CycloneDX document with components");
  const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8"));
  if (bom.metadata && bom.metadata.component) bom.metadata.component.name = pkg.name;
  fs.writeFileSync(file, JSON.stringify(bom, null, 2) + "\n");
  console.log(`CycloneDX ${bom.specVersion}, ${bom.components.length} components, for ${pkg.name}@${pkg.version}`);
' "$tmp" package.json) || {
  echo "sbom: the output of 'npm sbom' is not a usable CycloneDX document" >&2
  exit 1
}

chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT
echo "sbom: wrote $out ($summary)"

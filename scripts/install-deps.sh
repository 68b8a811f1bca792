#!/usr/bin/env bash
# Installs the C libraries the package links against (libcurl, libxml2, SQLite, libcrypto, zlib,
# ISA-L) when they are missing.
# A fresh machine has libxml2-dev but not libcurl4-openssl-dev.
set -euo pipefail
missing=()
for package in libcurl4-openssl-dev libxml2-dev libsqlite3-dev libssl-dev zlib1g-dev libisal-dev pkg-config; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}. Install them as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 2
fi
echo "Installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null

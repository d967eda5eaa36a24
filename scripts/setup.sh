#!/usr/bin/env bash
# One command to set up a development machine (Debian/Ubuntu): the system packages Fieldbook's
# build and tests need, then the npm dependencies. CI runs this too, then `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium: browser tests and the harness; libsecret: keytar's build; gnome-keyring + D-Bus:
# the OS keychain tests in a private session.
packages=(chromium libsecret-1-dev gnome-keyring dbus dbus-x11)
missing=()
for pkg in "${packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y "${missing[@]}"
fi

# The Electron binary comes from GitHub, which build and CI machines cannot reach; everything but
# the Electron shell runs without it (see README). The project .npmrc silences npm: show warnings.
export ELECTRON_SKIP_BINARY_DOWNLOAD="${ELECTRON_SKIP_BINARY_DOWNLOAD:-1}"
npm ci --loglevel=warn

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

npm ci --loglevel=warn

# The Electron binary comes from GitHub, not npm, and npm's allowScripts blocks electron's own
# install script: fetch it explicitly. Skipped only when the CALLER sets
# ELECTRON_SKIP_BINARY_DOWNLOAD=1 (.ci/run does); where GitHub is unreachable this says so in one
# line and carries on — `npm start` then runs the app in the system Chromium (README).
electron_needs="$(node -p "require('./node_modules/electron/package.json').engines.node")"
electron_version="$(node -p "require('./node_modules/electron/package.json').version")"
if ! node -e "const [a,b]=process.versions.node.split('.').map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)"; then
  echo "Node $(node --version): Electron ${electron_version}'s tooling (its download, electron-builder's rebuild for npm run dist) declares node ${electron_needs}; development and tests run on this Node, use Node 22.12+ for npm run dist."
fi
if [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = "1" ]; then
  echo "Electron binary: not downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD=1); npm start will use the system Chromium."
elif timeout 300 node node_modules/electron/install.js >/dev/null 2>&1; then
  echo "Electron binary: installed (Electron ${electron_version}); npm start runs the desktop app."
else
  echo "Electron binary: could not be downloaded (github.com unreachable?); npm start will use the system Chromium."
fi

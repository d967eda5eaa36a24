#!/usr/bin/env bash
# Runs a command against a throw-away gnome-keyring inside a private D-Bus session, so keychain
# tests use a real Secret Service without touching the developer's own keyring.
set -euo pipefail

if [ -z "${FIELDBOOK_IN_PRIVATE_BUS:-}" ]; then
  export FIELDBOOK_IN_PRIVATE_BUS=1
  exec dbus-run-session -- bash "$0" "$@"
fi

keyring_home=$(mktemp -d)
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run" HOME_KEYRING_DIR="$keyring_home"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --unlock reads the password of a new login keyring from stdin (an empty one makes it prompt).
eval "$(printf 'fieldbook-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
daemon_pid=${GNOME_KEYRING_PID:-}
cleanup() {
  [ -n "$daemon_pid" ] && kill "$daemon_pid" 2>/dev/null || true
  rm -rf "$keyring_home"
}
trap cleanup EXIT

# The daemon returns before it owns org.freedesktop.secrets on the bus: wait until it does.
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done

"$@"

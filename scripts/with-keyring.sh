#!/usr/bin/env bash
# Runs a command against a throw-away gnome-keyring inside a private D-Bus session, so keychain
# tests use a real Secret Service without touching the developer's own keyring.
set -euo pipefail

if [ -z "${FIELDBOOK_IN_PRIVATE_BUS:-}" ]; then
  export FIELDBOOK_IN_PRIVATE_BUS=1
  exec dbus-run-session -- bash "$0" "$@"
fi

keyring_home=$(mktemp -d)
export XDG_DATA_HOME="$keyring_home/data" XDG_RUNTIME_DIR="$keyring_home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# --foreground keeps the daemon as our child, so we know its pid and can stop it ourselves.
# --unlock reads the password of the new login keyring from stdin (an empty one makes it prompt).
printf 'fieldbook-test-keyring' |
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$keyring_home/daemon.log" 2>&1 &
daemon_pid=$!
cleanup() {
  kill "$daemon_pid" 2>/dev/null || true
  wait "$daemon_pid" 2>/dev/null || true
  rm -rf "$keyring_home"
}
trap cleanup EXIT

# The daemon answers before it owns org.freedesktop.secrets on the bus: wait until it does.
owns_secrets() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 1 100); do
  owns_secrets && break
  sleep 0.1
done
if ! owns_secrets; then
  echo "with-keyring: gnome-keyring did not start a Secret Service within 10 s:" >&2
  cat "$keyring_home/daemon.log" >&2
  exit 1
fi

"$@"

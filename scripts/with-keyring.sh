#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a throwaway, unlocked GNOME keyring, so keytar talks to a real
# Secret Service without ever touching the user's own keyring. Where there is no dbus-run-session (macOS, Windows),
# the command runs as it is against the OS keychain.
set -euo pipefail
if [ "${DP_IN_KEYRING_SESSION:-}" = "1" ] || ! command -v dbus-run-session >/dev/null 2>&1 || ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  exec "$@"
fi
keyring_home=$(mktemp -d -t dp-keyring-XXXXXX)
trap 'rm -rf "$keyring_home"' EXIT
export DP_KEYRING_HOME="$keyring_home"
dbus-run-session -- bash -c '
  export XDG_DATA_HOME="$DP_KEYRING_HOME/data" XDG_CONFIG_HOME="$DP_KEYRING_HOME/config" XDG_RUNTIME_DIR="$DP_KEYRING_HOME/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
  eval "$(printf "throwaway" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export DP_IN_KEYRING_SESSION=1
  exec "$@"
' bash "$@"

#!/usr/bin/env bash
# Runs a command with a working Secret Service on a headless Linux machine (CI, a container, SSH):
# a private D-Bus session and a throwaway, unlocked GNOME Keyring whose files live in a temporary
# folder. On a desktop, where the keychain already runs, just run the command itself.
set -euo pipefail
if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-test-keyring.sh <command> [args...]" >&2
  exit 2
fi
keyring_home=$(mktemp -d)
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home"
dbus-run-session -- bash -c '
  printf "ledgerlight-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"
' bash "$@"

#!/bin/bash
# A serial console line: runs the CLI, and after the session ends (exit/quit) shows the
# idle banner and waits for RETURN before starting the next session, like a router's con0.
# Usage: console.sh HOSTNAME COMMAND [ARGS...]
set -u
hostname=$1
shift
while :; do
  "$@"
  printf '\n\n%s con0 is now available\n\n\n\n\n\nPress RETURN to get started.\n\n' "$hostname"
  IFS= read -r _ || exit 0
done

#!/bin/bash
# Cisco-IOS-like line login in front of a CLI, run by telnetd -E on the connection's pty.
# Usage: login.sh CREDENTIALS_FILE COMMAND [ARGS...]
#   CREDENTIALS_FILE holds the username on line 1 and the password on line 2.
# Like IOS: an empty username asks again, three wrong attempts end the session, and the
# password is never echoed. Output uses \n only: the pty (onlcr) turns it into CR LF.
set -u
credentials=$1
shift
{ IFS= read -r expected_user; IFS= read -r expected_password; } <"$credentials" || exit 1

# A pty whose client sent no window size has 0 columns; readline would then wrap at 80.
columns=$(stty size 2>/dev/null | cut -d' ' -f2)
if [ "${columns:-0}" = 0 ]; then stty cols 511 rows 0 2>/dev/null; fi

printf '\nUser Access Verification\n\n'
for attempt in 1 2 3; do
  user=
  while [ -z "$user" ]; do
    printf 'Username: '
    IFS= read -r user || exit 1
    user=${user%$'\r'}
  done
  stty -echo 2>/dev/null
  printf 'Password: '
  IFS= read -r password || exit 1
  stty echo 2>/dev/null
  printf '\n'
  password=${password%$'\r'}
  if [ "$user" = "$expected_user" ] && [ "$password" = "$expected_password" ]; then
    exec "$@"
  fi
  printf '%% Login invalid\n\n'
done
printf '%% Bad passwords\n'
exit 1

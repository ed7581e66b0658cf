#!/bin/bash
# PID 1 of the User-Mode Linux guest started by boot.sh. Mounts the basics, sources the guest
# library, runs the scenario, records its exit status in $UMLH_WORK/guest.rc and powers off.
# If PID 1 simply ended, the guest kernel would panic instead of exiting.
export PATH="$UMLH_WORK/bin:/usr/sbin:/usr/bin:/sbin:/bin"
export UMLH_WORK UMLH_UML UMLH_SCENARIO UMLH_MODROOT
exec >"$UMLH_WORK/guest.log" 2>&1
. "$UMLH_UML/lib/guest-lib.sh"
umlh_base_mounts
umlh_log "guest up: $(uname -r), scenario $UMLH_SCENARIO"
( set -o pipefail; . "$UMLH_SCENARIO" )
rc=$?
umlh_log "scenario finished with status $rc"
umlh_stop_background
echo "$rc" > "$UMLH_WORK/guest.rc"
sync
poweroff -f

#!/bin/bash
# Try [[inputs.ipvs]] without an IPVS host: boots a throw-away Linux kernel as an ordinary
# process (User-Mode Linux), builds a small IPVS table with live TCP and UDP traffic (IPv4 and
# IPv6) between network namespaces inside it, and runs the jtelegraf agent there, gathering IPVS
# every few seconds and printing the metrics here as line protocol. Nothing on this host changes:
# the table, the modules and the namespaces all live in the guest kernel.
#
# Usage: inputs-ipvs/uml/try-it.sh [-d SECONDS] [-i INTERVAL] [-w WORK_DIR]
#   -d SECONDS   how long the agent runs (default 60)
#   -i INTERVAL  gather interval in Telegraf's syntax (default 5s)
#   -w WORK_DIR  where the guest writes its files (default: a new folder under /tmp)
#
# Needs: the Debian packages user-mode-linux ipvsadm kmod iproute2 (installed when missing, as
# root), and the built agent (distribution/target/jtelegraf, or JTELEGRAF_HOME pointing at an
# unpacked distribution).
set -u

duration=60 interval=5s work=
while getopts "d:i:w:h" opt; do
    case $opt in
        d) duration=$OPTARG ;;
        i) interval=$OPTARG ;;
        w) work=$OPTARG ;;
        *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done
case $duration in ''|*[!0-9]*) echo "try-it.sh: -d needs a number of seconds" >&2; exit 2 ;; esac

uml_dir=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$uml_dir/../.." && pwd)
home=${JTELEGRAF_HOME:-$repo/distribution/target/jtelegraf}
if [ ! -x "$home/bin/jtelegraf" ]; then
    cat >&2 <<MSG
try-it.sh: the agent is not built yet ($home/bin/jtelegraf is missing).
Build it once from the repository root, then run this script again:

    cd $repo && mvn -B package -DskipTests

(or set JTELEGRAF_HOME to an unpacked jtelegraf distribution)
MSG
    exit 2
fi
# The guest kernel and the IPVS tools come from Debian's archive; install what is missing.
missing=
for package in user-mode-linux ipvsadm kmod iproute2; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "try-it.sh: missing Debian packages:$missing; install them as root (apt-get install$missing)" >&2
        exit 2
    fi
    echo "try-it: installing$missing"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq$missing >/dev/null || exit 2
fi
if [ -z "$work" ]; then
    work=$(mktemp -d /tmp/jtelegraf-try-it.XXXXXX) || exit 2
fi
mkdir -p "$work" && work=$(cd "$work" && pwd)

config=$work/try-it.conf
cat > "$config" <<CONF
# Written by try-it.sh: gather IPVS every $interval and print the metrics.
[agent]
  interval = "$interval"
  flush_interval = "$interval"

[[inputs.ipvs]]

[[outputs.file]]
  files = ["stdout"]
CONF

: > "$work/agent.out"
: > "$work/agent.err"
echo "try-it: booting the guest kernel (about 10 s), then the agent runs for ${duration}s; files in $work"
echo "try-it: agent config:"; sed 's/^/    /' "$config"
bash "$uml_dir/boot.sh" -w "$work" -s "$uml_dir/lib/try-it-guest.sh" -t $((duration + 300)) \
    TRY_AGENT="$home/bin/jtelegraf" TRY_CONFIG="$config" TRY_SECONDS="$duration" &
boot_pid=$!
# Stream the agent's output while the guest runs; tail ends by itself when the guest is gone.
tail -q -F -n +1 --pid="$boot_pid" "$work/agent.out" "$work/agent.err" 2>/dev/null
wait "$boot_pid"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "try-it: the guest failed (status $rc); its log is $work/guest.log:" >&2
    grep -v '^+' "$work/guest.log" | tail -n 20 >&2
    exit "$rc"
fi
echo "try-it: done. The IPVS table the agent saw, as ipvsadm listed it at the end: $work/ipvsadm-final.txt"

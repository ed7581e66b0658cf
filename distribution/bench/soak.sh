#!/bin/bash
# Soak: the built agent gathers an S x D IPVS table into a real InfluxDB for a long time, inside a
# User-Mode Linux guest (inputs-ipvs/uml/boot.sh), and the script checks that it stays flat.
#
# Usage: distribution/bench/soak.sh [-d DURATION] [-S SERVICES] [-D DESTS] [-w WORK_DIR]
#            [-x HEAP] [-P on|off] [-i MIN_INTERVAL_S] [-f FACTOR] [-s SAMPLE_S] [-m GUEST_MEM] [-b SHARED_BENCH] [-H JTELEGRAF_HOME]
#   -d DURATION      how long the agent runs: 30m (default), 120s, 2m, or plain seconds
#   -S / -D          services and real servers per service (default 2000 x 10)
#   -w WORK_DIR      where everything goes (default: a new folder under /tmp); results.txt there
#   -x HEAP          the agent's heap, fixed: -Xms = -Xmx = HEAP (default 128m)
#   -P on|off        -XX:+AlwaysPreTouch: the fixed heap is resident from the start (default on)
#   -i MIN_INTERVAL  the shortest gather interval in seconds (default 10: the guest has one CPU
#                    for the agent and InfluxDB both; at 5x the floor, 1-2 s, gathers overran)
#   -f FACTOR        the interval is at least FACTOR x the C floor's median (default 5, at least 5)
#   -s SAMPLE_S      seconds between samples of VmRSS and open descriptors (default 5)
#   -m GUEST_MEM     the guest's memory (default 2G: kernel, InfluxDB, agent)
#   -b SHARED_BENCH  folder holding nlfloor.c (default ../shared/bench from the repository root)
#   -H HOME          the agent (default distribution/target/jtelegraf, or $JTELEGRAF_HOME)
#
# In one guest boot: loads the table with `ipvsadm -R`, measures the C gather floor of that table
# with nlfloor (compiled here; the guest's root file system is this host's), chooses the
# interval = max(MIN_INTERVAL, FACTOR x the floor's median) rounded up to whole seconds, starts
# influxd on the guest's own loopback, runs bin/jtelegraf with [[inputs.ipvs]], [[inputs.internal]]
# and [[outputs.influxdb]] for DURATION while sampling /proc/PID/status and /proc/PID/fd, stops it
# with SIGTERM, measures the floor again and asks InfluxDB which gathers arrived.
#
# Figures (WORK_DIR/results.txt, key=value; raw data beside it):
#   gathers_expected / gathers_seen / gathers_missed / gathers_partial: interval buckets from
#     the first to the last gather; seen = distinct timestamps of one service's series; missed =
#     buckets without any point, partial = buckets with fewer points than the table has.
#   fd_min/fd_max after warm-up (the first third of the samples), rss_slope_mb_per_min: least
#     squares over the last two thirds of the samples.
#   samples.tsv: seconds since the agent started, VmRSS kB, open descriptors, threads.
# Exit status: 0 when every check held (no missed or partial gather, fds within 2 after warm-up,
# RSS slope under 1 MB/min, agent exit 0 on SIGTERM), 1 when one failed, 2 for set-up problems.
# Needs: gcc and linux-libc-dev (nlfloor), user-mode-linux ipvsadm kmod iproute2, influxdb, curl.
set -u

die() { echo "soak.sh: $*" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
duration=30m services=2000 dests=10 work= heap=128m pretouch=on min_interval=10 factor=5 sample=5 mem=2G
shared_bench=${SHARED_BENCH:-}
home=${JTELEGRAF_HOME:-$repo/distribution/target/jtelegraf}
while getopts "d:S:D:w:x:P:i:f:s:m:b:H:h" opt; do
    case $opt in
        d) duration=$OPTARG ;;
        S) services=$OPTARG ;;
        D) dests=$OPTARG ;;
        w) work=$OPTARG ;;
        x) heap=$OPTARG ;;
        P) pretouch=$OPTARG ;;
        i) min_interval=$OPTARG ;;
        f) factor=$OPTARG ;;
        s) sample=$OPTARG ;;
        m) mem=$OPTARG ;;
        b) shared_bench=$OPTARG ;;
        H) home=$OPTARG ;;
        *) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
    esac
done

case $duration in
    *[0-9]m) seconds=$(( ${duration%m} * 60 )) ;;
    *[0-9]s) seconds=${duration%s} ;;
    *) seconds=$duration ;;
esac
for n in "$seconds" "$services" "$dests" "$min_interval" "$factor" "$sample"; do
    case $n in ''|*[!0-9]*) die "-d, -S, -D, -i, -f and -s take whole numbers (DURATION may end in s or m): got '$n'" ;; esac
done
[ "$factor" -ge 5 ] || die "-f must be at least 5: the soak gathers at 5x the C floor or slower"
[ "$seconds" -ge 60 ] || die "-d must be at least 60 s: the first third of the samples is warm-up"
case $pretouch in on|off) ;; *) die "-P takes on or off, not '$pretouch'" ;; esac
case $heap in *[!0-9kmgKMG]*|'') die "-x takes a JVM size such as 128m, not '$heap'" ;; esac

# The shared reference programs sit beside the repository (CI checks shared/ out next to it).
[ -n "$shared_bench" ] || shared_bench=$repo/../shared/bench
[ -f "$shared_bench/nlfloor.c" ] || die "$shared_bench/nlfloor.c not found; pass -b FOLDER (or SHARED_BENCH) holding nlfloor.c"
[ -x "$home/bin/jtelegraf" ] || die "the agent is not built: $home/bin/jtelegraf is missing (mvn -B package -DskipTests, or -H HOME)"
command -v gcc >/dev/null || die "gcc is missing (Debian packages gcc linux-libc-dev)"
[ -x /usr/bin/influxd ] || die "/usr/bin/influxd is missing (Debian package influxdb)"
command -v curl >/dev/null || die "curl is missing (Debian package curl)"

if [ -z "$work" ]; then
    work=$(mktemp -d /tmp/jtelegraf-soak.XXXXXX) || die "cannot make a work folder"
fi
mkdir -p "$work" || die "cannot create $work"
work=$(cd "$work" && pwd)
home=$(cd "$home" && pwd)
rm -f "$work/results.txt" "$work/samples.tsv" "$work/host-load.tsv"

gcc -O2 -o "$work/nlfloor" "$shared_bench/nlfloor.c" || die "gcc could not build $shared_bench/nlfloor.c (needs linux-libc-dev)"

# The table: mostly IPv4 TCP services, every 10th IPv6 TCP, every 20th (from the 5th) UDP and
# every 100th a firewall mark; D NAT real servers each, all in documentation or private ranges
# that exist only in the guest.
awk -v S="$services" -v D="$dests" 'BEGIN {
    for (i = 0; i < S; i++) {
        if (i % 100 == 99)      { vs = "-f " (5000 + i); kind = "fw" }
        else if (i % 10 == 9)   { vs = sprintf("-t [2001:db8:5::%x]:80", i); kind = "v6" }
        else if (i % 20 == 4)   { vs = sprintf("-u 10.%d.%d.%d:53", 80 + int(i / 62500), int(i / 250) % 250, i % 250 + 1); kind = "v4" }
        else                    { vs = sprintf("-t 10.%d.%d.%d:80", 80 + int(i / 62500), int(i / 250) % 250, i % 250 + 1); kind = "v4" }
        print "-A " vs " -s rr"
        for (j = 0; j < D; j++) {
            k = i * D + j
            if (kind == "v6") rs = sprintf("[2001:db8:6::%x]:8080", k)
            else { rs = sprintf("172.%d.%d.%d", 16 + int(k / 62500), int(k / 250) % 250, k % 250 + 1); if (kind == "v4") rs = rs ":8080" }
            print "-a " vs " -r " rs " -m -w 1"
        }
    }
}' > "$work/table.rules"

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/^Mem:/ { print $2 " MB RAM" }'), $(java -version 2>&1 | sed -n 2p)"
echo "soak: ${services}x${dests} table, ${seconds}s, heap ${heap}, work folder $work"
echo "soak: machine: $machine; host load now: $(cut -d' ' -f1-3 /proc/loadavg)"

# The host's load beside the guest (other builds share the cores), one line a minute.
( while :; do echo "$(date +%s) $(cut -d' ' -f1-3 /proc/loadavg)" >> "$work/host-load.tsv"; sleep 60; done ) &
load_sampler=$!
trap 'kill "$load_sampler" 2>/dev/null' EXIT

bash "$repo/inputs-ipvs/uml/boot.sh" -w "$work" -s "$here/soak-guest.sh" -m "$mem" -t $((seconds + 1800)) \
    SOAK_RULES="$work/table.rules" SOAK_NLFLOOR="$work/nlfloor" SOAK_HOME="$home" SOAK_SECONDS="$seconds" \
    SOAK_HEAP="$heap" SOAK_PRETOUCH="$pretouch" SOAK_MIN_INTERVAL="$min_interval" SOAK_FACTOR="$factor" SOAK_SAMPLE="$sample" \
    SOAK_SERVICES="$services" SOAK_DESTS="$dests"
rc=$?
kill "$load_sampler" 2>/dev/null
{
    echo "machine=$machine"
    awk '{ n++; s += $2; if ($2 > m) m = $2 } END { if (n) printf "host_load1_mean=%.1f\nhost_load1_max=%.1f\n", s / n, m }' "$work/host-load.tsv"
    cat "$work/boot-timing.txt" 2>/dev/null
} >> "$work/results.txt"
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "soak.sh: the guest failed (status $rc); last lines of $work/guest.log:" >&2
    tail -n 30 "$work/guest.log" >&2
    exit 2
fi
echo "soak: results ($work/results.txt):"
sed 's/^/    /' "$work/results.txt"
exit "$rc"

#!/usr/bin/env bash
# Live gather benchmark (issue 7, target 1): the agent's steady-state inputs.ipvs gather against
# the C floor (shared/bench/nlfloor.c), side by side in one real-kernel (User-Mode Linux) boot.
#
#   inputs-ipvs/bench/live-gather.sh [-s SERVICES -d DESTS | -t SxD[,SxD...]] [-g GATHERS]
#                                    [-w WARMUP] [-n FLOOR_GATHERS] [-p PAIRED] [-i SECONDS] [-o gather|serialize]
#                                    [-j JVM_OPTIONS] [-x] [-k WORK_DIR]
#
#   -s, -d  one table of SERVICES virtual services with DESTS real servers each (1000 x 10)
#   -t      several table sizes, measured one after the other in the same boot, e.g.
#           -t 1000x10,2000x10,1000x100
#   -g      agent gathers measured per size, after the warm-up (default 21)
#   -w      agent gathers discarded first: JIT compilation and class loading (default 10)
#   -n      nlfloor gathers per phase; nlfloor runs before and after the agent (default 30)
#   -p      nlfloor gathers in the middle of every measured interval of the agent, between two
#           of its gathers (default 2; 0: none); these make the floor the ratio is taken to
#   -i      gather interval in seconds (default: by table size, 2 s for 1000x10 to 10 s for
#           10000x10, so that a gather takes well under half an interval and gathers never overlap)
#   -o      gather: only inputs.internal's lines reach an output (default; the ipvs metrics
#           pass the runtime's input pipeline and are then dropped by the output's namepass);
#           serialize: besides, every ipvs metric is written as line protocol to /dev/null at
#           each flush, as in production (the flush thread then shares the guest's one CPU with
#           the gathers, at a phase of its own)
#   -j      extra JVM options for the agent (JTELEGRAF_JAVA_OPTS), separated by "|" (the guest's
#           kernel command line carries them, which allows no spaces); %SIZE% and %WORK% are
#           replaced by the table size and the work folder, e.g.
#           -j '-Xlog:gc:file=%WORK%/gc-%SIZE%.log|-XX:StartFlightRecording=filename=%WORK%/agent-%SIZE%.jfr,settings=profile'
#   -x      after the measured gathers, count the system calls of the agent over three intervals
#           (strace -f -c, all threads) and of one nlfloor run (its set-up and one gather), into
#           strace-*.txt in the work folder (needs strace)
#   -k      work folder (default: a new one under /tmp); kept, with every raw result
#
# Environment: SHARED_BENCH (folder of nlfloor.c, default ../shared/bench relative to the
# repository root), JTELEGRAF_HOME (the agent's installation, default
# distribution/target/jtelegraf; build it with `mvn -B -o package -DskipTests`).
# Needs: gcc and linux-libc-dev (nlfloor), user-mode-linux, ipvsadm, kmod, iproute2 (the guest).
#
# What is compared: the median of the agent's inputs.internal gather_time_ns readings after the
# warm-up, and nlfloor's median gather between those gathers (-p; with -p 0, over its phases
# before and after the agent). gather_time_ns is the
# average of the gathers that ended since the previous reading; inputs.internal runs at the
# same interval as inputs.ipvs, offset by half an interval (collection_offset), so each reading
# falls between two gathers and covers exactly one (the report counts the readings whose
# metrics_gathered grew by exactly one gather's metrics).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared_bench=${SHARED_BENCH:-$root/../shared/bench}
home=${JTELEGRAF_HOME:-$root/distribution/target/jtelegraf}

usage() { sed -n '5,7p' "$0" | sed 's/^#//' >&2; exit 2; }

services=1000 dests=10 sizes= gathers=21 warmup=10 floor=30 interval= output=gather java_opts=none work= strace=off paired=2
while getopts "s:d:t:g:w:n:p:i:o:j:k:x" opt; do
    case $opt in
        s) services=$OPTARG ;;
        d) dests=$OPTARG ;;
        t) sizes=$OPTARG ;;
        g) gathers=$OPTARG ;;
        w) warmup=$OPTARG ;;
        n) floor=$OPTARG ;;
        p) paired=$OPTARG ;;
        i) interval=$OPTARG ;;
        o) output=$OPTARG ;;
        j) java_opts=$OPTARG ;;
        k) work=$OPTARG ;;
        x) strace=on ;;
        *) usage ;;
    esac
done
shift $((OPTIND - 1))
[ "$#" -eq 0 ] || usage
[[ $java_opts != *" "* ]] || { echo "live-gather.sh: separate the JVM options of -j with | instead of spaces" >&2; exit 2; }
[ -n "$sizes" ] || sizes=${services}x${dests}
case $output in gather|serialize) ;; *) echo "live-gather.sh: -o is gather or serialize, not $output" >&2; exit 2 ;; esac
for n in "$gathers" "$warmup" "$floor" "$paired" ${interval:+"$interval"}; do
    [[ $n =~ ^[0-9]+$ ]] || { echo "live-gather.sh: $n is not a whole number" >&2; exit 2; }
done
[ "$gathers" -gt 0 ] && [ "$floor" -gt 0 ] || { echo "live-gather.sh: -g and -n must be at least 1" >&2; exit 2; }

command -v gcc > /dev/null || { echo "live-gather.sh: gcc is needed to compile nlfloor.c" >&2; exit 2; }
[ -f "$shared_bench/nlfloor.c" ] ||
    { echo "live-gather.sh: $shared_bench/nlfloor.c not found; set SHARED_BENCH to the folder holding nlfloor.c" >&2; exit 2; }
[ -x "$home/bin/jtelegraf" ] ||
    { echo "live-gather.sh: no agent at $home/bin/jtelegraf; build it (mvn -B -o package -DskipTests) or set JTELEGRAF_HOME" >&2; exit 2; }
home=$(cd "$home" && pwd)

if [ -z "$work" ]; then work=$(mktemp -d /tmp/jtelegraf-live-gather.XXXXXX); fi
mkdir -p "$work"
work=$(cd "$work" && pwd)

echo "== compiling $shared_bench/nlfloor.c (gcc -O2)"
gcc -O2 -o "$work/nlfloor" "$shared_bench/nlfloor.c"

# Per size: the table, the agent's configuration and its interval.
guest_sizes=
total_seconds=0
for size in $(echo "$sizes" | tr , ' '); do
    [[ $size =~ ^([0-9]+)x([0-9]+)$ ]] || { echo "live-gather.sh: table size $size is not SERVICESxDESTS" >&2; exit 2; }
    s=${BASH_REMATCH[1]} d=${BASH_REMATCH[2]}
    metrics=$((s * (d + 1)))
    # 2 s for 1000x10, 3 s for 2000x10, 4 s for 1000x100, 10 s for 10000x10: the agent's gather
    # must end before inputs.internal reads at half the interval, also in a slow guest (it took
    # up to 1 s for 2000x10 and 2.9 s for 10000x10 on a loaded host).
    i=${interval:-$((2 + metrics / 40000 + s / 1500))}
    awk -v services="$s" -v dests="$d" -f "$here/ipvs-table.awk" > "$work/table-$size.rules"
    serialize=
    if [ "$output" = serialize ]; then
        serialize="
[[outputs.file]]
  files = [\"/dev/null\"]
  namepass = [\"ipvs_*\"]"
    fi
    # The buffer holds two gathers and a batch is larger than a gather, so a full batch never
    # triggers a write in the middle of a gather; writes happen on the flush timer only.
    cat > "$work/agent-$size.conf" <<CONF
[agent]
  interval = "${i}s"
  round_interval = true
  flush_interval = "${i}s"
  flush_jitter = "0s"
  collection_jitter = "0s"
  metric_batch_size = $((metrics * 2 + 100))
  metric_buffer_limit = $((metrics * 4 + 200))
  hostname = "bench"

[[inputs.ipvs]]

[[inputs.internal]]
  collect_memstats = false
  collection_offset = "$((i * 500))ms"

[[outputs.file]]
  files = ["$work/internal-$size.out"]
  namepass = ["internal_gather"]
$serialize
CONF
    guest_sizes=${guest_sizes:+$guest_sizes,}$size@$i
    total_seconds=$((total_seconds + 300 + (warmup + gathers) * i * 2 + s * (d + 1) / 200))
done

echo "$sizes" | tr , '\n' > "$work/sizes.txt"

machine() {
    echo "host: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
    echo "java: $(java -version 2>&1 | sed -n 2p)"
    echo "gcc: $(gcc --version | head -n 1)"
}
machine | tee "$work/machine.txt"
echo "== booting the guest: sizes $guest_sizes (SxD@interval), $warmup warm-up + $gathers measured agent gathers, $paired nlfloor gathers between every two measured ones, $floor nlfloor gathers before and after; work folder $work"

# The host's load average every 10 s while the guest runs (other builds share the machine).
( while :; do echo "$(date +%H:%M:%S) $(cut -d' ' -f1-3 /proc/loadavg)"; sleep 10; done ) > "$work/loadavg.txt" &
sampler=$!
trap 'kill "$sampler" 2>/dev/null || true' EXIT

guest_rc=0
"$root/inputs-ipvs/uml/boot.sh" -w "$work" -s "$here/live-gather-guest.sh" -m 1500M -t "$total_seconds" \
    LG_SIZES="$guest_sizes" LG_HOME="$home" LG_WARMUP="$warmup" LG_GATHERS="$gathers" \
    LG_FLOOR="$floor" LG_JAVA_OPTS="$java_opts" LG_STRACE="$strace" LG_PAIRED="$paired" || guest_rc=$?
kill "$sampler" 2>/dev/null || true
if [ "$guest_rc" -ne 0 ]; then
    echo "live-gather.sh: the guest scenario failed ($guest_rc); last lines of $work/guest.log:" >&2
    tail -n 15 "$work/guest.log" >&2
fi

"$here/live-gather-report.sh" "$work" "$warmup" | tee "$work/report.txt"
exit "$guest_rc"

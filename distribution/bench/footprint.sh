#!/bin/bash
# Usage: distribution/bench/footprint.sh idle [-s SECONDS] [JTELEGRAF_HOME] | ipvs [-S SERVICES] [-D DESTS] [-g GATHERS] [-o JAVA_OPTS,...] [JTELEGRAF_HOME]
#
# Resident memory of the running agent (VmRSS and its peak VmHWM from /proc/PID/status, split
# into anonymous and file-backed pages).
#   idle: on this host, agents gathering [[inputs.internal]] every 10 s for SECONDS (default 60),
#         side by side: the launcher's defaults with and without the class-data sharing archive,
#         and the JVM's own defaults (G1, no heap bound) for comparison.
#   ipvs: in a User-Mode Linux guest (inputs-ipvs/uml/boot.sh; packages user-mode-linux ipvsadm
#         kmod iproute2 python3) with an S x D IPVS table (default 10000 x 10) loaded by
#         `ipvsadm -R` from shared/fixtures/ipvs-bench/gen_table.py ($GEN_TABLE): one agent gathering
#         [[inputs.ipvs]] and [[inputs.internal]] every 10 s for GATHERS gathers (default 6) with
#         a buffer for a whole gather, writing line protocol to stdout (counted, not kept). The
#         guest has one CPU, so the JVM's ergonomics are a one-CPU machine's. -o adds JVM options
#         (comma-separated) through JTELEGRAF_JAVA_OPTS; the GC log is kept in the work folder.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
mode=${1:-}
[ -n "$mode" ] && shift || true

# status_line PID LABEL: one line of memory figures in MB.
status_line() {
    awk -v label="$2" '/^(VmRSS|VmHWM|RssAnon|RssFile):/ { v[$1] = $2 / 1024 }
        END { printf "%-34s VmRSS %6.1f  VmHWM %6.1f  RssAnon %6.1f  RssFile %6.1f MB\n", label,
              v["VmRSS:"], v["VmHWM:"], v["RssAnon:"], v["RssFile:"] }' "/proc/$1/status"
}

idle() {
    local seconds=60 opt
    while getopts "s:" opt; do
        case $opt in s) seconds=$OPTARG ;; *) exit 2 ;; esac
    done
    shift $((OPTIND - 1))
    local home jtelegraf
    home=$(cd "${1:-$here/../target/jtelegraf}" && pwd)
    jtelegraf=$home/bin/jtelegraf
    # Globals, not locals: the EXIT trap runs after this function has returned, and must still see
    # which agents to stop (with locals it saw none and waited for them forever).
    work=$(mktemp -d)
    pids=()
    trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
    cat > "$work/idle.conf" <<'CONF'
[agent]
  interval = "10s"
  flush_interval = "10s"
  hostname = "bench"
[[inputs.internal]]
[[outputs.file]]
  files = ["stdout"]
CONF
    JTELEGRAF_CDS_DIR=$work/cds "$jtelegraf" --version >/dev/null
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | sed -n 2p)"
    echo "idle agents ([[inputs.internal]] every 10 s), figures after $seconds s:"
    local labels=("launcher defaults, CDS" "launcher defaults, no CDS" "JVM defaults (G1, 1/4 RAM heap)")
    JTELEGRAF_CDS_DIR=$work/cds "$jtelegraf" --config "$work/idle.conf" >/dev/null 2>"$work/0.err" &
    pids+=($!)
    JTELEGRAF_CDS=off "$jtelegraf" --config "$work/idle.conf" >/dev/null 2>"$work/1.err" &
    pids+=($!)
    # The launcher's options minus its heap bound and collector: what plain `java -cp` would do.
    java -XX:+UseG1GC -Djtelegraf.home="$home" -Djffi.boot.library.path="$home/lib/native/x86_64-Linux" \
        -cp "$home/lib/*" io.jtelegraf.agent.cli.Main --config "$work/idle.conf" >/dev/null 2>"$work/2.err" &
    pids+=($!)
    sleep "$seconds"
    local i
    for i in "${!pids[@]}"; do
        status_line "${pids[$i]}" "${labels[$i]}"
    done
}

ipvs() {
    local services=10000 dests=10 gathers=6 options=none opt
    while getopts "S:D:g:o:" opt; do
        case $opt in S) services=$OPTARG ;; D) dests=$OPTARG ;; g) gathers=$OPTARG ;; o) options=$OPTARG ;; *) exit 2 ;; esac
    done
    shift $((OPTIND - 1))
    local home work
    home=$(cd "${1:-$here/../target/jtelegraf}" && pwd)
    work=$(mktemp -d /tmp/jtelegraf-footprint.XXXXXX)
    python3 "${GEN_TABLE:-/work/shared/fixtures/ipvs-bench/gen_table.py}" "$services" "$dests" > "$work/table.rules"
    cat > "$work/agent.conf" <<CONF
[agent]
  interval = "10s"
  flush_interval = "10s"
  hostname = "bench"
  metric_batch_size = 10000
  metric_buffer_limit = $(( (services * (dests + 1) + 100) * 2 ))
[[inputs.ipvs]]
[[inputs.internal]]
[[outputs.file]]
  files = ["stdout"]
CONF
    echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(java -version 2>&1 | sed -n 2p)"
    echo "guest: ${services}x${dests} table, $gathers gathers every 10 s, extra JVM options: $options; work folder $work"
    "$repo/inputs-ipvs/uml/boot.sh" -w "$work" -s "$here/footprint-guest.sh" -m 2G -t $((900 + gathers * 30)) \
        FP_HOME="$home" FP_GATHERS="$gathers" FP_CONF="$work/agent.conf" FP_RULES="$work/table.rules" FP_JAVA_OPTS="$options" || {
        echo "guest failed; see $work/guest.log" >&2
        tail -20 "$work/guest.log" >&2
        exit 1
    }
    cat "$work/footprint.txt"
}

case $mode in
    idle) idle "$@" ;;
    ipvs) ipvs "$@" ;;
    *) sed -n 2p "$0" >&2; exit 2 ;;
esac

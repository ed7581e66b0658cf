#!/usr/bin/env bash
# Replays IPVS gather captures through the C floor (shared/bench/replay.c) and through the
# plugin (JMH ReplayBenchmark) in one run, and prints the ratios side by side.
#
# replay.c decodes the legacy 32-bit STATS nests. The plugin must decode STATS64 when the kernel
# sends it (32-bit counters wrap), which is more attributes: a header and a pad per 64-bit value.
# So the script also builds replay.c with its two STATS case labels pointed at the STATS64 nests
# (in the build folder; the shared sources are not changed) and prints the ratios against that
# C replay doing the plugin's decoding work in a second table. The target is against replay.c.
#
#   inputs-ipvs/bench/run-replay.sh [CAPTURE.bin.gz ...]
#
# Paths are relative to the repository root. Environment:
#   SHARED_BENCH   folder with replay.c and nlfloor.c   (default ../shared/bench)
#   CAPTURES       used when no argument is given        (default: the 100x10 and 1000x10 captures
#                                                         in ../shared/fixtures/ipvs-bench)
#   C_ITERATIONS   replays per C run                     (default 200)
#   JMH_ARGS       more arguments for JMH                (default: the benchmark's annotations)
#   MAVEN_ARGS     more arguments for Maven              (e.g. -o for offline)
# Needs gcc, the Linux UAPI headers (linux-libc-dev), jq and Maven.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
shared_bench="${SHARED_BENCH:-../shared/bench}"
iterations="${C_ITERATIONS:-200}"
out="inputs-ipvs/target/bench"
mkdir -p "$out"

if [ "$#" -gt 0 ]; then
    captures=("$@")
else
    read -r -a captures <<< "${CAPTURES:-../shared/fixtures/ipvs-bench/capture-100x10.bin.gz ../shared/fixtures/ipvs-bench/capture-1000x10.bin.gz}"
fi

for tool in gcc jq mvn; do
    command -v "$tool" > /dev/null || { echo "run-replay.sh: $tool is needed but not installed" >&2; exit 2; }
done
if [ ! -f "$shared_bench/replay.c" ]; then
    echo "run-replay.sh: $shared_bench/replay.c not found; set SHARED_BENCH to the folder holding replay.c and nlfloor.c" >&2
    exit 2
fi

echo "== compiling $shared_bench/replay.c (gcc -O2), as it is and reading STATS64"
gcc -O2 -o "$out/replay" "$shared_bench/replay.c"
mkdir -p "$out/c-stats64"
cp "$shared_bench/replay.c" "$out/c-stats64/"
sed -e 's/case IPVS_SVC_ATTR_STATS:/case IPVS_SVC_ATTR_STATS64:/' \
    -e 's/case IPVS_DEST_ATTR_STATS:/case IPVS_DEST_ATTR_STATS64:/' \
    "$shared_bench/nlfloor.c" > "$out/c-stats64/nlfloor.c"
if [ "$(grep -c 'case IPVS_\(SVC\|DEST\)_ATTR_STATS64:' "$out/c-stats64/nlfloor.c")" != 2 ]; then
    echo "run-replay.sh: nlfloor.c no longer has the two STATS case labels this script points at STATS64" >&2
    exit 2
fi
gcc -O2 -o "$out/replay64" "$out/c-stats64/replay.c"

# replay.c reads an uncompressed capture.
declare -a plain=()
for capture in "${captures[@]}"; do
    [ -f "$capture" ] || { echo "run-replay.sh: capture $capture not found" >&2; exit 2; }
    name="$(basename "$capture" .gz)"
    case "$capture" in
        *.gz) gzip -dc "$capture" > "$out/$name" ;;
        *) cp "$capture" "$out/$name" ;;
    esac
    plain+=("$out/$name")
done

run_c() {
    local label="$1"
    for i in "${!captures[@]}"; do
        echo "== C replay ($label): ${captures[$i]}"
        "$out/replay" "${plain[$i]}" "$iterations" | tee "$out/c-$label-$i.txt"
        echo "== C replay reading STATS64 ($label): ${captures[$i]}"
        "$out/replay64" "${plain[$i]}" "$iterations" | tee "$out/c64-$label-$i.txt"
    done
}

# The mean of the medians a C run printed before and after JMH.
c_median() {
    local prefix="$1" i="$2" before after
    before="$(sed -n 's/.* med_us=\([0-9.]*\).*/\1/p' "$out/$prefix-before-$i.txt")"
    after="$(sed -n 's/.* med_us=\([0-9.]*\).*/\1/p' "$out/$prefix-after-$i.txt")"
    echo "$before $after" | awk '{printf "%.1f", ($1 + $2) / 2}'
}

run_c before

echo "== building the benchmarks (mvn -Pbenchmarks)"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -Pbenchmarks -pl inputs-ipvs test-compile

capture_list="$(IFS=,; echo "${captures[*]}")"
echo "== JMH ReplayBenchmark: $capture_list"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -Pbenchmarks -pl inputs-ipvs exec:exec \
    -Djmh.args="ReplayBenchmark.(parseOnly|replay|replayAndSerialize)\$ -prof gc -p capture=$capture_list -rf json -rff $root/$out/jmh-replay.json ${JMH_ARGS:-}" \
    | tee "$out/jmh-replay.log"

run_c after

echo
echo "== side by side: medians per gather in microseconds (C: mean of its medians before and after JMH;"
echo "   Java: JMH sample-time p50). parse = the plugin's client only, as replay.c; replay = parse and"
echo "   build the metrics; +lp = and write them as line protocol. alloc = bytes allocated per replay."
printf '%-24s %8s %9s %7s %9s %7s %9s %7s %10s %s\n' capture c_us parse_us ratio replay_us ratio +lp_us ratio alloc_B checksum
stats64_rows=()
for i in "${!captures[@]}"; do
    capture="${captures[$i]}"
    c_sum="$(sed -n 's/.* checksum=\([0-9]*\).*/\1/p' "$out/c-before-$i.txt")"
    c_us="$(c_median c "$i")"
    # replay.c adds its checksum up over all its gathers: the requested ones plus three warm-ups.
    c_per_gather=$((c_sum / (iterations + 3)))
    java_sum="$(grep -o "CAPTURE $capture .*c_checksum_per_gather=[0-9]*" "$out/jmh-replay.log" | head -1 | sed 's/.*=//')"
    median() {
        jq -r --arg b "io.jtelegraf.inputs.ipvs.ReplayBenchmark.$1" --arg c "$capture" \
            '.[] | select(.benchmark == $b and .params.capture == $c) | .primaryMetric.scorePercentiles["50.0"]' \
            "$out/jmh-replay.json"
    }
    ratio() {
        echo "$1 $2" | awk '{printf "%.2fx", $1 / $2}'
    }
    alloc="$(jq -r --arg c "$capture" '.[] | select(.benchmark == "io.jtelegraf.inputs.ipvs.ReplayBenchmark.replay" and .params.capture == $c)
        | .secondaryMetrics["gc.alloc.rate.norm"].score' "$out/jmh-replay.json")"
    parse_us="$(median parseOnly)"
    replay_us="$(median replay)"
    lp_us="$(median replayAndSerialize)"
    if [ "$java_sum" = "$c_per_gather" ]; then check="same ($c_per_gather)"; else check="DIFFERENT: C $c_per_gather, Java ${java_sum:-missing}"; fi
    printf '%-24s %8s %9.1f %7s %9.1f %7s %9.1f %7s %10.0f %s\n' "$(basename "$capture")" "$c_us" \
        "$parse_us" "$(ratio "$parse_us" "$c_us")" "$replay_us" "$(ratio "$replay_us" "$c_us")" \
        "$lp_us" "$(ratio "$lp_us" "$c_us")" "$alloc" "$check"
    c64_us="$(c_median c64 "$i")"
    c64_sum="$(sed -n 's/.* checksum=\([0-9]*\).*/\1/p' "$out/c64-before-$i.txt")"
    if [ "$c64_sum" = "$c_sum" ]; then c64_check=same; else c64_check="DIFFERENT: $c64_sum"; fi
    stats64_rows+=("$(printf '%-24s %8s %7s %7s %7s %s' "$(basename "$capture")" "$c64_us" \
        "$(ratio "$parse_us" "$c64_us")" "$(ratio "$replay_us" "$c64_us")" "$(ratio "$lp_us" "$c64_us")" "$c64_check")")
done
echo
echo "== the same medians against replay.c reading the STATS64 nests, as the plugin must"
printf '%-24s %8s %7s %7s %7s %s\n' capture c64_us parse replay +lp checksum
printf '%s\n' "${stats64_rows[@]}"
echo
echo "JMH results: $out/jmh-replay.json, log: $out/jmh-replay.log"

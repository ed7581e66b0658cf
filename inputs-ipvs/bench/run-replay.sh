#!/usr/bin/env bash
# Replays IPVS gather captures through the C floor (shared/bench/replay.c) and through the
# plugin (JMH ReplayBenchmark) in one run, and prints the ratios side by side.
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

echo "== compiling $shared_bench/replay.c (gcc -O2)"
gcc -O2 -o "$out/replay" "$shared_bench/replay.c"

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
    done
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
for i in "${!captures[@]}"; do
    capture="${captures[$i]}"
    c_before="$(sed -n 's/.* med_us=\([0-9.]*\).*/\1/p' "$out/c-before-$i.txt")"
    c_after="$(sed -n 's/.* med_us=\([0-9.]*\).*/\1/p' "$out/c-after-$i.txt")"
    c_sum="$(sed -n 's/.* checksum=\([0-9]*\).*/\1/p' "$out/c-before-$i.txt")"
    c_us="$(echo "$c_before $c_after" | awk '{printf "%.1f", ($1 + $2) / 2}')"
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
done
echo
echo "JMH results: $out/jmh-replay.json, log: $out/jmh-replay.log"

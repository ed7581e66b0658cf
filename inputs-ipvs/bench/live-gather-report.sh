#!/usr/bin/env bash
# Prints the table of live-gather.sh from the raw results in its work folder:
#
#   inputs-ipvs/bench/live-gather-report.sh WORK_DIR [WARMUP]
#
# Per table size: nlfloor's median between the agent's measured gathers, and over its phases
# before and after the agent (each phase's median in brackets); the median of the agent's
# gather_time_ns readings after the first WARMUP (default 10) readings that cover a gather; the
# ratio of the medians to the floor between gathers ("ratio", the one the target is about); the
# median of the per-interval ratios, each reading over the nlfloor batch right after it ("paired
# ratio"; with nothing to pair, nan); the ratio to the floor before and after ("ratio b/a"); the
# target and Telegraf's ratio from shared/bench/README.md.
# Readings of 0 (no gather ended since the previous reading) are left out; "single" counts the
# measured readings whose metrics_gathered grew by exactly one gather's metrics.
set -euo pipefail
work=${1:?usage: live-gather-report.sh WORK_DIR [WARMUP]}
warmup=${2:-10}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
floor_samples() { [ -f "$1" ] && awk '/^SAMPLES / { for (i = 4; i <= NF; i++) print $i }' "$1" || true; }
telegraf() {
    case $1 in 1000x10) echo 4.3x ;; 1000x100) echo 6.3x ;; 10000x10) echo 5.6x ;; *) echo "-" ;; esac
}

printf '%-9s %-8s %-20s %-28s %-27s %-7s %-16s %-11s %-7s %s\n' table metrics "nlfloor between ms" "nlfloor before / after ms" "agent median ms" ratio "paired ratio" "ratio b/a" target "Telegraf (Go)"
while read -r size; do
    [ -n "$size" ] || continue
    s=${size%x*} d=${size#*x}
    expected=$((s * (d + 1)))
    before=$(floor_samples "$work/nlfloor-$size-before.txt" | median)
    after=$(floor_samples "$work/nlfloor-$size-after.txt" | median)
    paired=$(floor_samples "$work/nlfloor-$size-paired.txt" | median)
    npaired=$(floor_samples "$work/nlfloor-$size-paired.txt" | wc -l)
    both=$( { floor_samples "$work/nlfloor-$size-before.txt"; floor_samples "$work/nlfloor-$size-after.txt"; } | median)
    # One line per reading: gather_time_ns and the growth of metrics_gathered since the last one.
    readings=$(awk '/^internal_gather,/ && /input=ipvs/ {
            t = 0; m = 0
            if (match($0, /gather_time_ns=[0-9]+i/)) t = substr($0, RSTART + 15, RLENGTH - 16)
            if (match($0, /metrics_gathered=[0-9]+i/)) m = substr($0, RSTART + 17, RLENGTH - 18)
            if (t > 0) print t, m - last
            last = m
        }' "$work/internal-$size.out" 2>/dev/null | tail -n +$((warmup + 1)) || true)
    count=$(printf '%s\n' "$readings" | awk 'NF { n++ } END { print n + 0 }')
    single=$(printf '%s\n' "$readings" | awk -v e="$expected" 'NF && $2 == e { n++ } END { print n + 0 }')
    agent=$(printf '%s\n' "$readings" | awk 'NF { print $1 / 1e6 }' | median)
    # Pairs: each nlfloor batch between gathers with the reading of the gather just before it
    # (the gather of tick floor(AT / interval) * interval, whose reading is stamped within that
    # interval); the median of the per-pair ratios cancels the guest's changes of speed.
    interval=$(sed -n 's/.*interval=\([0-9]*\).*/\1/p' "$work/phases-$size.txt" 2>/dev/null)
    pairs=$( { [ -n "$interval" ] && [ -f "$work/nlfloor-$size-paired.txt" ] && awk -v i="$interval" -v skip="$warmup" '
        FNR == NR { if (/^internal_gather,/ && /input=ipvs/ && match($0, /gather_time_ns=[0-9]+i/)) {
                        t = substr($0, RSTART + 15, RLENGTH - 16) + 0
                        if (t > 0 && ++seen > skip) agent[int(substr($NF, 1, 10) / i) * i] = t / 1e6 }
                    next }
        /^AT / { tick = int($2 / i) * i }
        /^SAMPLES / { n = 0; for (k = 4; k <= NF; k++) v[++n] = $k
                      # median of the batch (sorted by insertion, batches are small)
                      for (a = 2; a <= n; a++) { x = v[a]; for (b = a - 1; b >= 1 && v[b] > x; b--) v[b + 1] = v[b]; v[b + 1] = x }
                      m = n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
                      if (tick in agent) print agent[tick] / m }
        ' "$work/internal-$size.out" "$work/nlfloor-$size-paired.txt"; } || true)
    npairs=$(printf '%s\n' "$pairs" | awk 'NF { n++ } END { print n + 0 }')
    pair_ratio=$(printf '%s\n' "$pairs" | awk 'NF' | median)
    ratio() { awk -v a="$1" -v f="$2" 'BEGIN { if (a == "nan" || f == "nan" || f == 0) print "-"; else printf "%.2fx", a / f }'; }
    printf '%-9s %-8s %-20s %-28s %-27s %-7s %-16s %-11s %-7s %s\n' "$size" "$expected" \
        "$(printf '%.3f (n=%d)' "$paired" "$npaired" 2>/dev/null || echo "$paired")" \
        "$(printf '%.3f (%.3f / %.3f)' "$both" "$before" "$after" 2>/dev/null || echo "$both")" \
        "$(printf '%.3f (n=%d, single %d)' "$agent" "$count" "$single" 2>/dev/null || echo "$agent")" \
        "$(ratio "$agent" "$paired")" "$(printf '%.2fx (n=%d)' "$pair_ratio" "$npairs" 2>/dev/null || echo -)" \
        "$(ratio "$agent" "$both")" "1.5x" "$(telegraf "$size")"
done < "$work/sizes.txt"
[ -f "$work/loadavg.txt" ] && echo "host 1-minute load average during the boot, sampled every 10 s (min / median / max): $(awk '{ print $2 }' "$work/loadavg.txt" | sort -g | awk '{ v[NR] = $1 } END { if (NR) printf "%s / %s / %s", v[1], v[int((NR + 1) / 2)], v[NR] }')"
[ -f "$work/guest-facts.txt" ] && cat "$work/guest-facts.txt"
[ -f "$work/boot-timing.txt" ] && cat "$work/boot-timing.txt"
exit 0

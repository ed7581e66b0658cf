# Guest scenario of live-gather.sh (sourced by inputs-ipvs/uml/guest-init.sh, so the harness's
# umlh_* functions are at hand). Everything it needs was prepared by the host side in
# $UMLH_WORK: table-SxD.rules and agent-SxD.conf per table size, and the nlfloor binary.
#
# Per table size, in this order and in this one boot:
#   1. the table replaces the previous one (ipvsadm -C, then ipvsadm -R);
#   2. nlfloor runs LG_FLOOR gathers (phase "before");
#   3. the agent starts and runs until inputs.internal has reported LG_WARMUP + LG_GATHERS
#      gathers of inputs.ipvs, then stops; after the warm-up, nlfloor runs LG_PAIRED gathers in
#      the middle of every interval, between two of the agent's gathers;
#   4. nlfloor runs LG_FLOOR gathers again (phase "after"), so the floor brackets the agent and a
#      drift of the guest's speed during the run shows as a difference between the two phases.
# Results, per size, in $UMLH_WORK: nlfloor-SxD-{before,paired,after}.txt,
# internal-SxD.out (the agent's internal_gather lines), agent-SxD.err, phases-SxD.txt.

umlh_load_modules || exit 1
: > "$UMLH_WORK/guest-facts.txt"
echo "guest: $(nproc) CPU, kernel $(uname -r)" >> "$UMLH_WORK/guest-facts.txt"

# lg_count_ipvs_readings FILE: inputs.ipvs readings of inputs.internal so far that cover at least
# one gather (a reading taken before the first gather ended says 0).
lg_count_ipvs_readings() {
    [ -f "$1" ] || { echo 0; return; }
    awk '/^internal_gather,/ && /input=ipvs/ && match($0, /gather_time_ns=[0-9]+i/) && substr($0, RSTART + 15, RLENGTH - 16) + 0 > 0 { n++ } END { print n + 0 }' "$1"
}

lg_floor() {
    local size=$1 phase=$2
    "$UMLH_WORK/nlfloor" "$LG_FLOOR" "$size-$phase" > "$UMLH_WORK/nlfloor-$size-$phase.txt" 2>&1 ||
        { umlh_fail "nlfloor ($size, $phase): $(tail -n 3 "$UMLH_WORK/nlfloor-$size-$phase.txt")"; return 1; }
    umlh_log "nlfloor $size $phase: $(grep 'c_rawnl_gather n=' "$UMLH_WORK/nlfloor-$size-$phase.txt")"
}

# lg_floor_between_gathers SIZE INTERVAL: waits for the middle of the agent's interval (its
# gathers start on whole multiples of the interval, round_interval) and runs nlfloor for
# LG_PAIRED gathers there, so that floor and agent are measured in alternation, a second apart,
# and share whatever the host does to the guest's speed. nlfloor's own set-up and warm-up gather
# come first, unmeasured.
lg_floor_between_gathers() {
    local size=$1 interval=$2 now wait
    now=$(date +%s.%N)
    wait=$(awk -v t="$now" -v i="$interval" 'BEGIN { phase = t - int(t / i) * i; w = 0.55 * i - phase; if (w < 0) w += i; printf "%.3f", w }')
    sleep "$wait"
    # The start time tells the report which of the agent's gathers this batch follows.
    echo "AT $(date +%s.%N)" >> "$UMLH_WORK/nlfloor-$size-paired.txt"
    "$UMLH_WORK/nlfloor" "$LG_PAIRED" "$size-paired" >> "$UMLH_WORK/nlfloor-$size-paired.txt" 2>&1 ||
        umlh_fail "nlfloor ($size, between gathers): $(tail -n 3 "$UMLH_WORK/nlfloor-$size-paired.txt")"
}

lg_agent() {
    local size=$1 interval=$2 wanted=$((LG_WARMUP + LG_GATHERS))
    local out="$UMLH_WORK/internal-$size.out" options
    rm -f "$out" "$UMLH_WORK/nlfloor-$size-paired.txt"
    options=$(echo "$LG_JAVA_OPTS" | tr '|' ' ' | sed "s|%SIZE%|$size|g; s|%WORK%|$UMLH_WORK|g")
    [ "$LG_JAVA_OPTS" = none ] && options=
    # Class-data sharing only shortens the start, which is not measured here; off, so that no
    # training run shares the guest's CPU with the measured agent.
    JTELEGRAF_CDS=off JTELEGRAF_JAVA_OPTS=$options \
        "$LG_HOME/bin/jtelegraf" --config "$UMLH_WORK/agent-$size.conf" \
        > /dev/null 2> "$UMLH_WORK/agent-$size.err" &
    local agent=$!
    echo "agent_start=$(umlh_now)" >> "$UMLH_WORK/phases-$size.txt"
    umlh_log "agent $size started as $agent (interval ${interval}s, $wanted gathers, JVM options: ${options:-launcher defaults})"
    # Bounded: start-up plus every wanted gather, with room for a slow guest.
    local deadline=$(( $(date +%s) + 120 + wanted * interval * 2 )) seen=0
    while [ "$seen" -lt "$wanted" ]; do
        if ! kill -0 "$agent" 2>/dev/null; then
            umlh_fail "the agent ($size) stopped early: $(tail -n 5 "$UMLH_WORK/agent-$size.err")"
            return 1
        fi
        if [ "$(date +%s)" -ge "$deadline" ]; then
            umlh_fail "the agent ($size) reported $seen of $wanted gathers before the deadline"
            kill "$agent"; wait "$agent"
            return 1
        fi
        if [ "$seen" -ge "$LG_WARMUP" ] && [ "$LG_PAIRED" -gt 0 ]; then
            lg_floor_between_gathers "$size" "$interval"
        else
            sleep 1
        fi
        seen=$(lg_count_ipvs_readings "$out")
    done
    if [ "$LG_STRACE" = on ]; then
        # System calls of the agent (all threads) over three intervals; strace slows every call
        # down, so this comes after the measured gathers. Divide by the sendto count (one per
        # request) to compare with nlfloor.
        timeout -s INT $((interval * 3)) strace -f -c -o "$UMLH_WORK/strace-agent-$size.txt" -p "$agent" > /dev/null 2>&1
        strace -f -c -o "$UMLH_WORK/strace-nlfloor-$size.txt" "$UMLH_WORK/nlfloor" 0 strace > /dev/null 2>&1
    fi
    kill "$agent"
    wait "$agent"
    echo "agent_stop=$(umlh_now)" >> "$UMLH_WORK/phases-$size.txt"
    umlh_log "agent $size stopped after $seen readings"
}

rc=0
for spec in $(echo "$LG_SIZES" | tr , ' '); do
    size=${spec%@*}
    interval=${spec#*@}
    ipvsadm -C
    start=$(umlh_now)
    ipvsadm -R < "$UMLH_WORK/table-$size.rules" || { umlh_fail "ipvsadm -R ($size)"; rc=1; continue; }
    services=$(umlh_service_count)
    dests=$(ipvsadm -Ln | grep -c -- '->.*Masq')
    umlh_log "table $size loaded in $(awk -v a="$start" -v b="$(umlh_now)" 'BEGIN { print b - a }') s: $services services, $dests real servers"
    echo "services=$services dests=$dests interval=$interval" > "$UMLH_WORK/phases-$size.txt"
    lg_floor "$size" before || { rc=1; continue; }
    lg_agent "$size" "$interval" || rc=1
    lg_floor "$size" after || rc=1
done
ipvsadm -C
exit $rc

# The whole real-kernel test suite of inputs.ipvs in one guest boot (sourced by guest-init.sh,
# bash, root). The JUnit tests in io.jtelegraf.distribution.kernel only read what it writes.
#
# Variables from the kernel command line:
#   SUITE_OUT   host folder for the results (one sub-folder per run, see umlh_compare_run)
#   PROBE_ARGS  java argument file (-cp ...) for the in-guest probe, GuestProbeMain
#   JAVA_BIN    the java launcher to use
#   DIST_HOME   the built distribution (bin/jtelegraf), or "none"
#   BULK        number of extra services for multi-part dumps
OUT=${SUITE_OUT:?}
PROBE_MAIN=io.jtelegraf.distribution.kernel.GuestProbeMain
mkdir -p "$OUT"
: > "$OUT/timing.txt"
SUITE_T0=$(umlh_now)

# suite_phase NAME COMMAND... : runs COMMAND and appends "NAME=<seconds>" to timing.txt.
suite_phase() {
    local name=$1 t0 t1 rc
    shift
    umlh_log "phase $name"
    t0=$(umlh_now)
    "$@"
    rc=$?
    t1=$(umlh_now)
    awk -v n="$name" -v a="$t0" -v b="$t1" 'BEGIN { printf "%s=%.2f\n", n, b - a }' >> "$OUT/timing.txt"
    return $rc
}

probe() {
    # shellcheck disable=SC2046
    "$JAVA_BIN" $(umlh_jvm_options) "@$PROBE_ARGS" "$PROBE_MAIN" "$@"
}

setup() {
    umlh_load_modules && umlh_network_setup && umlh_table_showcase && umlh_table_bulk "${BULK:-300}" &&
        umlh_servers_start && umlh_hold_start 2 1
}

traffic() {
    umlh_traffic 5 5 "$OUT/traffic.txt"
}

harness_snapshot() {
    mkdir -p "$OUT/harness"
    umlh_service_count > "$OUT/harness/service-count"
    umlh_settle 15
    umlh_snapshot "$OUT/harness/snapshot"
}

write_agent_config() {   # FILE OUTPUT_FILE_OR_EMPTY INTERVAL
    {
        echo '[agent]'
        echo "  interval = \"$3\""
        echo "  flush_interval = \"$3\""
        echo '  hostname = "uml-guest"'
        echo '[[inputs.ipvs]]'
        if [ -n "$2" ]; then
            echo '[[outputs.file]]'
            echo "  files = [\"$2\"]"
        fi
    } > "$1"
}

agent_once() {   # CONFIG OUTPUT_FILE
    rm -f "$2"
    "$DIST_HOME/bin/jtelegraf" --once --config "$1"
    local rc=$?
    [ -f "$2" ] && cat "$2"
    return $rc
}

# Mode (d): IPVS goes away under a running collector and comes back with a new family id.
# ERROR_LOG and METRICS are the files the collector writes its errors and metrics to;
# ERROR_PATTERN and RECOVERED_PATTERN are extended regular expressions that show the error
# and the recovery (a service of the rebuilt table) in them.
module_reload() {   # DIR ERROR_LOG ERROR_PATTERN METRICS RECOVERED_PATTERN
    local dir=$1 error_log=$2 error_pattern=$3 metrics=$4 recovered_pattern=$5 loader
    local events="$dir/events.txt"
    echo "family_before=$(umlh_genl_family_id)" >> "$events"
    # Gathers may fail from the moment the removal starts, before it has finished.
    echo "unload_started_at_ms=$(date +%s%3N)" >> "$events"
    loader=$(umlh_ipvs_unload) || return 1
    echo "unloaded_at_ms=$(date +%s%3N)" >> "$events"
    echo "family_while_unloaded=$(umlh_genl_family_id)" >> "$events"
    umlh_wait_for 30 "the collector to report the missing module" grep -q -E "$error_pattern" "$error_log"
    echo "error_seen=$?" >> "$events"
    umlh_ipvs_reload "$loader" || return 1
    ipvsadm -A -t 10.77.0.9:80 -s rr && ipvsadm -a -t 10.77.0.9:80 -r 192.0.2.91:8080 -m -w 1 || return 1
    echo "reloaded_at_ms=$(date +%s%3N)" >> "$events"
    echo "family_after=$(umlh_genl_family_id)" >> "$events"
    umlh_wait_for 30 "the collector to recover" grep -q -E "$recovered_pattern" "$metrics"
    echo "recovered_seen=$?" >> "$events"
    ipvsadm -L -n --stats --exact > "$dir/after-reload.stats"
}

# probe_gathered_since MILLIS FILE: whether the looping probe's output in FILE has a gather
# header ("# gather n=N t=MILLIS ...") that started at or after MILLIS.
probe_gathered_since() {
    awk -v since="$1" '/^# gather / {
        for (i = 1; i <= NF; i++) if ($i ~ /^t=/ && substr($i, 3) + 0 >= since + 0) found = 1
    } END { exit !found }' "$2"
}

probe_module_reload() {
    local dir="$OUT/probe-reload"
    mkdir -p "$dir"
    rm -f "$UMLH_RUN/probe-reload.stop"
    umlh_bg probe_loop probe loop 1000 120 "$UMLH_RUN/probe-reload.stop" > "$dir/stdout" 2> "$dir/stderr"
    umlh_wait_for 60 "the first gather of the looping probe" grep -q 'status=ok' "$dir/stdout" || return 1
    module_reload "$dir" "$dir/stdout" 'status=error' "$dir/stdout" 'virtual_address=10\.77\.0\.9'
    local rc=$?
    # The test judges the first gather that started after reloaded_at_ms. A gather can start
    # between the last ipvsadm command and that time stamp and show the rebuilt table already,
    # so the recovery above can be seen before such a gather exists: keep the probe running
    # until one has started.
    if [ "$rc" -eq 0 ]; then
        umlh_wait_for 10 "a gather of the looping probe started after the reload" \
            probe_gathered_since "$(sed -n 's/^reloaded_at_ms=//p' "$dir/events.txt")" "$dir/stdout"
    fi
    touch "$UMLH_RUN/probe-reload.stop"
    umlh_wait_for 10 "the looping probe to stop" sh -c "! kill -0 $(cat "$UMLH_RUN/pids/probe_loop")"
    umlh_stop probe_loop
    return $rc
}

agent_module_reload() {
    local dir="$OUT/agent-reload"
    mkdir -p "$dir"
    write_agent_config "$dir/agent.conf" "$dir/metrics.lp" 1s
    # Start from a table without the service the reload creates, so only a recovery shows it.
    ipvsadm -C && ipvsadm -A -t 10.77.0.8:80 -s rr || return 1
    umlh_bg agent_loop "$DIST_HOME/bin/jtelegraf" --config "$dir/agent.conf" > "$dir/stdout" 2> "$dir/stderr"
    umlh_wait_for 60 "the agent's first metrics" grep -q 'ipvs_virtual_server' "$dir/metrics.lp" || { umlh_stop agent_loop; return 1; }
    module_reload "$dir" "$dir/stderr" 'not loaded' "$dir/metrics.lp" 'virtual_address=10\.77\.0\.9'
    local rc=$?
    umlh_stop agent_loop
    return $rc
}

cd "$UMLH_RUN" || exit 1
suite_phase setup setup || exit 1
suite_phase traffic traffic
suite_phase harness_snapshot harness_snapshot

# Mode (a): the plugin inside the guest, as root and as nobody with CAP_NET_ADMIN only.
suite_phase probe_root umlh_compare_run "$OUT/probe-root" 3 probe once
suite_phase probe_net_admin umlh_compare_run "$OUT/probe-net-admin" 3 umlh_as_nobody_with_net_admin \
    "$JAVA_BIN" $(umlh_jvm_options) "@$PROBE_ARGS" "$PROBE_MAIN" once

# Mode (b): the real agent, when the distribution has been built.
if [ -x "$DIST_HOME/bin/jtelegraf" ]; then
    mkdir -p "$OUT/agent-test" "$OUT/agent-once"
    write_agent_config "$OUT/agent-test.conf" "" 10s
    write_agent_config "$OUT/agent-once.conf" "$OUT/agent-once/metrics.out" 10s
    suite_phase agent_test umlh_compare_run "$OUT/agent-test" 3 "$DIST_HOME/bin/jtelegraf" --test --config "$OUT/agent-test.conf"
    suite_phase agent_once umlh_compare_run "$OUT/agent-once" 3 agent_once "$OUT/agent-once.conf" "$OUT/agent-once/metrics.out"
    export JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$UMLH_RUN/tmp"
    suite_phase agent_net_admin umlh_compare_run "$OUT/agent-net-admin" 3 umlh_as_nobody_with_net_admin \
        "$DIST_HOME/bin/jtelegraf" --test --config "$OUT/agent-test.conf"
    mkdir -p "$OUT/agent-no-caps"
    suite_phase agent_no_caps umlh_as_nobody "$DIST_HOME/bin/jtelegraf" --test --config "$OUT/agent-test.conf" \
        > "$OUT/agent-no-caps/stdout" 2> "$OUT/agent-no-caps/stderr"
    echo $? > "$OUT/agent-no-caps/rc"
    unset JAVA_TOOL_OPTIONS
fi

# Mode (c) without the capability: a clear error, no metrics.
mkdir -p "$OUT/probe-no-caps"
suite_phase probe_no_caps umlh_as_nobody "$JAVA_BIN" $(umlh_jvm_options) "@$PROBE_ARGS" "$PROBE_MAIN" once \
    > "$OUT/probe-no-caps/stdout" 2> "$OUT/probe-no-caps/stderr"
echo $? > "$OUT/probe-no-caps/rc"

# Mode (d): module removal and reload mid-run; it clears the table, so it comes last.
suite_phase probe_reload probe_module_reload
echo $? > "$OUT/probe-reload/rc"
if [ -x "$DIST_HOME/bin/jtelegraf" ]; then
    # The probe's phase left IPVS loaded with a one-service table: start from a clean state.
    suite_phase agent_reload agent_module_reload
    echo $? > "$OUT/agent-reload/rc"
fi

awk -v a="$SUITE_T0" -v b="$(umlh_now)" 'BEGIN { printf "suite_total=%.2f\n", b - a }' >> "$OUT/timing.txt"
exit 0

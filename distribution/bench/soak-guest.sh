# Guest scenario of soak.sh (sourced by inputs-ipvs/uml/guest-init.sh, bash, root). Everything is
# measured inside this one boot: UML system calls are slow, so only figures of the same boot
# compare. Writes $UMLH_WORK/results.txt (key=value), samples.tsv and the raw query answers.
# Exit status: 0 every check held, 1 a check failed, 3 the set-up failed.
#
# Variables from the kernel command line (see soak.sh): SOAK_RULES SOAK_NLFLOOR SOAK_HOME
# SOAK_SECONDS SOAK_HEAP SOAK_PRETOUCH SOAK_MIN_INTERVAL SOAK_FACTOR SOAK_SAMPLE SOAK_SERVICES SOAK_DESTS
W=$UMLH_WORK
RESULTS=$W/results.txt
INFLUX_DIR=$UMLH_RUN/influx
INFLUX=http://127.0.0.1:8086
DB=soak
: > "$RESULTS"
result() { echo "$1=$2" >> "$RESULTS"; }
now_ms() { date +%s%3N; }

# influx_csv STATEMENT: the answer as CSV (name,tags,time,columns...), times in ms.
influx_csv() {
    curl -sS --max-time 300 -H 'Accept: application/csv' --data-urlencode "q=$1" \
        --data-urlencode "db=$DB" --data-urlencode "epoch=ms" "$INFLUX/query"
}

# nlfloor_median LABEL: runs the C floor 15 times on the table and prints its median in ms.
nlfloor_median() {
    "$SOAK_NLFLOOR" 15 "$1" > "$W/nlfloor-$1.txt" 2>&1 || { umlh_fail "nlfloor: $(cat "$W/nlfloor-$1.txt")"; return 1; }
    sed -n 's/.*c_rawnl_gather n=.* med_ms=\([0-9.]*\) .*/\1/p' "$W/nlfloor-$1.txt"
}

setup_table() {
    modprobe ip_vs && modprobe ip_vs_rr || return 1
    local t0
    t0=$(umlh_now)
    ipvsadm -R < "$SOAK_RULES" || return 1
    result table_load_seconds "$(awk -v a="$t0" -v b="$(umlh_now)" 'BEGIN { printf "%.1f", b - a }')"
    result services "$(umlh_service_count)"
    result real_servers "$(ipvsadm -Ln | grep -c -E '^  -> [0-9[]')"
}

start_influxd() {
    mkdir -p "$INFLUX_DIR"
    # Data on the guest's tmpfs: private to this boot and without hostfs round trips.
    # Kept small on purpose: UML maps every guest page of a process into its host process
    # separately, so a guest process whose resident pages are scattered runs into the host's
    # vm.max_map_count (65530 by default, about 256 MB of scattered pages) and is killed
    # ("UML ran out of memory on the host side"). Small cache snapshots and a tight Go
    # collector (GOGC below) keep influxd well under that.
    cat > "$INFLUX_DIR/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:8088"
[meta]
  dir = "$INFLUX_DIR/meta"
[data]
  dir = "$INFLUX_DIR/data"
  wal-dir = "$INFLUX_DIR/wal"
  query-log-enabled = false
  cache-snapshot-memory-size = "8m"
  max-concurrent-compactions = 1
[http]
  bind-address = "127.0.0.1:8086"
  log-enabled = false
# influxd answers a write it has not finished within write-timeout (10 s by default) with
# "500 timeout". The first batches create every series of the table while the agent gathers on
# the guest's one CPU, and in a slow boot that took longer than 10 s: an error about influxd in
# this guest, not about the agent. 25 s stays below the agent's own 30 s timeout.
[coordinator]
  write-timeout = "25s"
[monitor]
  store-enabled = false
[continuous_queries]
  enabled = false
[subscriber]
  enabled = false
CONF
    local t0
    t0=$(umlh_now)
    umlh_bg influxd env GOGC=25 influxd -config "$INFLUX_DIR/influxdb.conf" > "$W/influxd.log" 2>&1
    umlh_wait_for 180 "influxd to answer /ping" sh -c "curl -s -o /dev/null -w '%{http_code}' $INFLUX/ping | grep -q 204" ||
        return 1
    result influxd_ready_seconds "$(awk -v a="$t0" -v b="$(umlh_now)" 'BEGIN { printf "%.1f", b - a }')"
}

write_config() {   # INTERVAL_S
    local per_gather=$(( SOAK_SERVICES * (SOAK_DESTS + 1) + 100 ))
    cat > "$W/agent.conf" <<CONF
# Written by soak.sh.
[agent]
  interval = "${1}s"
  flush_interval = "${1}s"
  round_interval = true
  hostname = "uml-guest"
  metric_batch_size = 5000
  # Room for several whole gathers, so a slow write never drops a metric.
  metric_buffer_limit = $(( per_gather * 4 ))
[[inputs.ipvs]]
[[inputs.internal]]
[[outputs.influxdb]]
  urls = ["$INFLUX"]
  database = "$DB"
  timeout = "30s"
CONF
}

# sample PID T0_US INFLUXD_PID: one line of samples.tsv: seconds since start, VmRSS kB, open fds, threads.
# Bash built-ins only (EPOCHREALTIME is microseconds since the epoch): forks are slow in the
# guest, and the sampler must not compete with the agent for the guest's one CPU.
sample() {
    local key value rest rss="" threads="" fds elapsed now
    while read -r key value rest; do
        case $key in
            VmRSS:) rss=$value ;;
            Threads:) threads=$value ;;
        esac
    done < "/proc/$1/status" || return 1
    [ -n "$rss" ] || return 1
    fds=("/proc/$1/fd/"*)
    now=${EPOCHREALTIME/./}
    elapsed=$(( (now - $2) / 100000 ))
    printf '%d.%d\t%s\t%d\t%s\n' $((elapsed / 10)) $((elapsed % 10)) "$rss" "${#fds[@]}" "$threads" >> "$W/samples.tsv"
    # influxd's RSS beside it (see start_influxd for why it matters in the guest).
    rss=""
    while read -r key value rest; do
        [ "$key" = VmRSS: ] && rss=$value
    done < "/proc/$3/status" 2>/dev/null
    printf '%d.%d\t%s\n' $((elapsed / 10)) $((elapsed % 10)) "${rss:-gone}" >> "$W/influxd-samples.tsv"
}

run_agent() {   # INTERVAL_S
    local pid t0 end stop_ms rc deadline influxd_pid
    : > "$W/samples.tsv"
    # No class-data sharing archive: its training run would only lengthen the start, and the
    # soak is about the steady state.
    # The heap is fixed (-Xms = -Xmx) and, with SOAK_PRETOUCH=on, resident from the start: a fixed
    # heap still enters RSS page by page as it is first used, which over a short run looks like
    # growth although nothing leaks. With it touched at start, RSS after warm-up moves only with
    # what lives outside the heap (threads, metaspace, code cache, native buffers, sockets); the
    # heap itself is watched through the GC log (occupancy after each collection).
    local pretouch=""
    [ "$SOAK_PRETOUCH" = on ] && pretouch=" -XX:+AlwaysPreTouch"
    export JTELEGRAF_JAVA_OPTS="-Xms$SOAK_HEAP -Xmx$SOAK_HEAP$pretouch -Xlog:gc:file=$W/gc.log"
    export JTELEGRAF_CDS=off
    result java_opts "$JTELEGRAF_JAVA_OPTS (after the launcher's defaults)"
    t0=${EPOCHREALTIME/./}
    umlh_bg agent "$SOAK_HOME/bin/jtelegraf" --config "$W/agent.conf" > "$W/agent.out" 2> "$W/agent.err"
    pid=$(cat "$UMLH_RUN/pids/agent")
    influxd_pid=$(cat "$UMLH_RUN/pids/influxd")
    : > "$W/influxd-samples.tsv"
    result agent_started_ms "$(( t0 / 1000 ))"
    end=$(( t0 + SOAK_SECONDS * 1000000 ))
    # The soak's length is the point, so a plain bounded loop with a sleep is right here.
    while [ "${EPOCHREALTIME/./}" -lt "$end" ]; do
        sample "$pid" "$t0" "$influxd_pid" || break
        sleep "$SOAK_SAMPLE"
    done
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid"
        result agent_exit "died-early:$?"
        rm -f "$UMLH_RUN/pids/agent"
        return 1
    fi
    result jvm_flags "$(tr '\0' ' ' < "/proc/$pid/cmdline" | grep -o -E -- '-Xm[sx][^ ]*|-XX:\+Use[A-Za-z]*GC|-XX:\+AlwaysPreTouch' | tr '\n' ' ')"
    stop_ms=$(now_ms)
    result agent_stopped_ms "$stop_ms"
    kill -TERM "$pid"
    deadline=$(( $(date +%s) + 120 ))
    while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid"
        result agent_exit "no-exit-within-120s"
    else
        wait "$pid"
        rc=$?
        result agent_exit "$rc"
    fi
    result agent_term_seconds "$(awk -v a="$stop_ms" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }')"
    result agent_error_lines "$(grep -c 'E!' "$W/agent.err")"
    result agent_warning_lines "$(grep -c 'W!' "$W/agent.err")"
    rm -f "$UMLH_RUN/pids/agent"
}

# What InfluxDB received: gathers per interval bucket and the agent's own counters.
query_results() {   # INTERVAL_S
    local interval=$1 first last
    # The first service of the table has one point per gather: its timestamps are the gathers.
    influx_csv "SELECT connections FROM ipvs_virtual_server WHERE address='10.80.0.1' AND port='80' AND protocol='tcp'" \
        > "$W/gather-times.csv"
    first=$(awk -F, 'NR == 2 { print $3 }' "$W/gather-times.csv")
    last=$(awk -F, 'NR > 1 && $3 != "" { t = $3 } END { print t }' "$W/gather-times.csv")
    [ -n "$first" ] && [ -n "$last" ] || { umlh_fail "no ipvs_virtual_server point in InfluxDB"; return 1; }
    result gathers_seen "$(awk -F, 'NR > 1 && $3 != "" { n++ } END { print n + 0 }' "$W/gather-times.csv")"
    result first_gather_ms "$first"
    result last_gather_ms "$last"
    # One bucket per tick, from the first gather's to the last's; each must hold the whole table.
    influx_csv "SELECT count(connections) FROM ipvs_virtual_server WHERE time >= ${first}ms AND time <= ${last}ms GROUP BY time(${interval}s) fill(0)" \
        > "$W/virtual-buckets.csv"
    influx_csv "SELECT count(connections) FROM ipvs_real_server WHERE time >= ${first}ms AND time <= ${last}ms GROUP BY time(${interval}s) fill(0)" \
        > "$W/real-buckets.csv"
    awk -F, -v want="$SOAK_SERVICES" 'NR > 1 && $3 != "" { n++; if ($4 == 0) m++; else if ($4 < want) p++; else if ($4 > want) d++ }
        END { printf "gathers_expected=%d\ngathers_missed=%d\ngathers_partial=%d\nbuckets_over_full=%d\n", n, m, p, d }' \
        "$W/virtual-buckets.csv" >> "$RESULTS"
    awk -F, -v want="$(( SOAK_SERVICES * SOAK_DESTS ))" 'NR > 1 && $3 != "" { if ($4 != want) bad++ }
        END { printf "real_server_buckets_not_full=%d\n", bad }' "$W/real-buckets.csv" >> "$RESULTS"
    influx_csv "SELECT count(gather_time_ns), mean(gather_time_ns), median(gather_time_ns), max(gather_time_ns), sum(gather_errors) FROM internal_gather WHERE input='ipvs'" \
        > "$W/internal-gather.csv"
    awk -F, 'NR == 2 { printf "internal_gather_samples=%d\ngather_time_ms_mean=%.1f\ngather_time_ms_median=%.1f\ngather_time_ms_max=%.1f\ngather_errors=%d\n", $4, $5 / 1e6, $6 / 1e6, $7 / 1e6, $8 }' \
        "$W/internal-gather.csv" >> "$RESULTS"
    influx_csv "SELECT max(metrics_dropped), max(errors), max(buffer_size), mean(write_time_ns) FROM internal_write WHERE output='influxdb'" \
        > "$W/internal-write.csv"
    awk -F, 'NR == 2 { printf "write_metrics_dropped=%d\nwrite_errors=%d\nbuffer_size_max=%d\nwrite_time_ms_mean=%.1f\n", $4, $5, $6, $7 / 1e6 }' \
        "$W/internal-write.csv" >> "$RESULTS"
}

# Flatness from samples.tsv: the first third is warm-up.
memory_figures() {
    awk -F'\t' '{ t[NR] = $1; r[NR] = $2 / 1024; f[NR] = $3; th[NR] = $4 }
        END {
            n = NR; w = int(n / 3); if (n < 6) { print "samples=" n; exit }
            fmin = 1e9; fmax = 0; thmin = 1e9; thmax = 0
            for (i = w + 1; i <= n; i++) {
                if (f[i] < fmin) fmin = f[i]; if (f[i] > fmax) fmax = f[i]
                if (th[i] < thmin) thmin = th[i]; if (th[i] > thmax) thmax = th[i]
                sx += t[i] / 60; sy += r[i]; sxx += (t[i] / 60) ^ 2; sxy += (t[i] / 60) * r[i]; k++
                if (r[i] < rmin || rmin == "") rmin = r[i]; if (r[i] > rmax) rmax = r[i]
            }
            slope = (k * sxy - sx * sy) / (k * sxx - sx * sx)
            printf "samples=%d\nwarmup_samples=%d\nwarmup_end_s=%.0f\n", n, w, t[w]
            printf "fd_after_warmup=%d\nfd_min=%d\nfd_max=%d\nthreads_min=%d\nthreads_max=%d\n", f[w + 1], fmin, fmax, thmin, thmax
            printf "rss_mb_first=%.1f\nrss_mb_at_warmup_end=%.1f\nrss_mb_last=%.1f\nrss_mb_min_after_warmup=%.1f\nrss_mb_max_after_warmup=%.1f\n", r[1], r[w], r[n], rmin, rmax
            printf "rss_slope_mb_per_min=%.3f\n", slope
        }' "$W/samples.tsv" >> "$RESULTS"
}

# Heap occupancy after collections, from the GC log ("... 116M->25M(123M) ..."). Young
# collections promote a little each time, so their after-values climb in a sawtooth until the
# next full collection; only what a full collection leaves is the live heap. Its trend over the
# last two thirds is the heap's leak signal (RSS cannot show one: the heap is resident anyway).
heap_figures() {
    [ -f "$W/gc.log" ] || return 0
    awk -v from="$(sed -n 's/^warmup_end_s=//p' "$RESULTS")" '
        match($0, /[0-9]+M->[0-9]+M\([0-9]+M\)/) {
            t = substr($1, 2) + 0; split(substr($0, RSTART, RLENGTH), a, /->|M|\(/)
            all++
            if ($0 !~ /Pause Full/) next
            full++
            if (t < from) next
            y = a[3] + 0; n++; sx += t / 60; sy += y; sxx += (t / 60) ^ 2; sxy += (t / 60) * y
            list = list (list == "" ? "" : " ") y
            if (min == "" || y < min) min = y; if (y > max) max = y
        }
        END {
            printf "gc_collections=%d\ngc_full_collections=%d\n", all, full
            if (n > 0) printf "heap_after_full_gc_mb=%s\nheap_after_full_gc_mb_min=%d\nheap_after_full_gc_mb_max=%d\n", list, min, max
            if (n > 1 && n * sxx != sx * sx) printf "heap_after_full_gc_slope_mb_per_min=%.3f\n", (n * sxy - sx * sy) / (n * sxx - sx * sx)
        }' "$W/gc.log" >> "$RESULTS"
}

verdict() {
    local failed=""
    get() { sed -n "s/^$1=//p" "$RESULTS" | tail -n 1; }
    [ "$(get gathers_missed)" = 0 ] && [ "$(get gathers_partial)" = 0 ] && [ "$(get real_server_buckets_not_full)" = 0 ] &&
        [ "$(get gathers_seen)" = "$(get gathers_expected)" ] || failed="$failed missed-or-partial-gathers"
    [ "$(get write_metrics_dropped)" = 0 ] || failed="$failed dropped-metrics"
    [ $(( $(get fd_max) - $(get fd_after_warmup) )) -le 2 ] && [ $(( $(get fd_after_warmup) - $(get fd_min) )) -le 2 ] ||
        failed="$failed fd-spread"
    awk -v s="$(get rss_slope_mb_per_min)" 'BEGIN { exit !(s < 1) }' || failed="$failed rss-slope"
    [ "$(get agent_exit)" = 0 ] || failed="$failed agent-exit"
    result verdict "${failed:-pass}"
    [ -z "$failed" ]
}

cd "$UMLH_RUN" || exit 3
result guest "$(nproc) CPU, $(uname -r), mem $(awk '/^MemTotal:/ { printf "%d MB", $2 / 1024 }' /proc/meminfo)"
setup_table || { umlh_fail "loading the IPVS table"; exit 3; }
floor=$(nlfloor_median before) && [ -n "$floor" ] || exit 3
result nlfloor_median_ms_before "$floor"
# At least FACTOR (5 or more) times the floor, whole seconds, never below the minimum.
interval=$(awk -v f="$floor" -v m="$SOAK_MIN_INTERVAL" -v k="$SOAK_FACTOR" 'BEGIN { s = f * k / 1000; i = int(s); if (i < s) i++; if (i < m) i = m; print i }')
result interval_s "$interval"
result interval_over_floor "$(awk -v f="$floor" -v i="$interval" 'BEGIN { printf "%.1f", i * 1000 / f }')"
start_influxd || exit 3
write_config "$interval"
umlh_log "soak: interval ${interval}s (floor ${floor} ms), agent runs ${SOAK_SECONDS}s"
run_agent "$interval"
query_results "$interval" || exit 3
floor_after=$(nlfloor_median after) && result nlfloor_median_ms_after "$floor_after"
umlh_stop influxd
memory_figures
heap_figures
verdict

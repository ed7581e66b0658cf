# Guest scenario of footprint.sh ipvs (sourced by inputs-ipvs/uml/guest-init.sh): loads the
# table, runs the agent for FP_GATHERS gathers and writes the memory figures, sampled every
# second, to $UMLH_WORK/footprint.txt.
umlh_load_modules || exit 1
start=$(umlh_now)
ipvsadm -R < "$FP_RULES" || { umlh_fail "ipvsadm -R"; exit 1; }
umlh_log "table loaded in $(awk -v a="$start" -v b="$(umlh_now)" 'BEGIN { print b - a }') s: $(ipvsadm -Ln | grep -c -E '^(TCP|UDP|FWM) ') services"

fifo=$UMLH_RUN/agent.fifo
mkfifo "$fifo"
# Line protocol counted per measurement; inputs.ipvs's gather times kept.
awk '{ split($1, m, ","); n[m[1]]++ }
     /^internal_gather,.*input=ipvs/ { match($0, /gather_time_ns=[0-9]+/); print "gather_time_ms", substr($0, RSTART + 15, RLENGTH - 15) / 1e6 }
     END { for (k in n) print "lines", k, n[k] }' < "$fifo" > "$UMLH_WORK/lines.txt" &
counter=$!
# The cache folder is the guest's own tmpfs: the archive is made by this first start.
options="-Xlog:gc:file=$UMLH_WORK/gc.log"
[ "$FP_JAVA_OPTS" = none ] || options="$options $(echo "$FP_JAVA_OPTS" | tr , ' ')"
JTELEGRAF_JAVA_OPTS=$options JTELEGRAF_CDS_DIR=$UMLH_RUN/cds "$FP_HOME/bin/jtelegraf" --config "$FP_CONF" > "$fifo" 2> "$UMLH_WORK/agent.err" &
agent=$!
umlh_log "agent started as $agent"
: > "$UMLH_WORK/samples.txt"
end=$(( $(date +%s) + 20 + FP_GATHERS * 10 ))
while [ "$(date +%s)" -lt "$end" ] && kill -0 "$agent" 2>/dev/null; do
    awk -v t="$(date +%s)" '/^(VmRSS|VmHWM):/ { printf "%s %s %d ", t, $1, $2 / 1024 } END { print "" }' "/proc/$agent/status" >> "$UMLH_WORK/samples.txt" 2>/dev/null
    sleep 1
done
{
    echo "guest: $(nproc) CPU, $(uname -r); table $(ipvsadm -Ln | grep -c -E '^(TCP|UDP|FWM) ') services"
    awk '/^(VmRSS|VmHWM|RssAnon|RssFile):/ { printf "%s %.1f MB  ", $1, $2 / 1024 } END { print "" }' "/proc/$agent/status"
    echo "VmRSS samples (MB, one a second): $(awk '{ printf "%s ", $3 }' "$UMLH_WORK/samples.txt")"
} > "$UMLH_WORK/footprint.txt"
kill "$agent"
wait "$agent" || true
wait "$counter" || true
cat "$UMLH_WORK/lines.txt" >> "$UMLH_WORK/footprint.txt"
exit 0

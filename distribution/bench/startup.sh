#!/bin/bash
# Usage: distribution/bench/startup.sh [-r RUNS] [JTELEGRAF_HOME]   (default: 30 runs of
# distribution/target/jtelegraf; needs a JDK for javac and GNU time in /usr/bin/time)
#
# Start-up of jtelegraf against a Java hello world, side by side in one run: the commands take
# turns (round robin), so machine noise hits all of them alike. For each command it reports the
# median (and quartiles) of the wall time to the process's end, the wall time to its first line
# on stdout, its CPU time (user + system) and its peak resident memory, and the ratio of the
# medians to the hello world's. The jtelegraf commands run without (JTELEGRAF_CDS=off) and with
# the class-data sharing archive the launcher makes (made once before the timed runs, in a
# temporary cache folder); `--version` alone maps no archive either way, so its CDS row shows the
# launcher's archive check only. The --test input is inputs.internal, which needs no kernel
# feature. The second hello world runs with the JVM options the launcher gives short commands.
set -euo pipefail

runs=30
while getopts "r:" opt; do
    case $opt in
        r) runs=$OPTARG ;;
        *) echo "usage: $0 [-r RUNS] [JTELEGRAF_HOME]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
here=$(cd "$(dirname "$0")" && pwd)
home=$(cd "${1:-$here/../target/jtelegraf}" && pwd)
jtelegraf=$home/bin/jtelegraf
[ -x "$jtelegraf" ] || { echo "no $jtelegraf: build with mvn -B package -DskipTests" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/Hello.java" <<'JAVA'
public class Hello {
    public static void main(String[] args) {
        System.out.println("hello, world");
    }
}
JAVA
javac -d "$work" "$work/Hello.java"
cat > "$work/internal.conf" <<'CONF'
[agent]
  hostname = "bench"
[[inputs.internal]]
CONF
cache=$work/cds

# name|command (run through env, so every command pays the same exec)
commands=(
    "hello|java -cp $work Hello"
    "hello (launcher's JVM flags)|java -XX:+UseG1GC -Xms16m -Xmx128m -Xss512k -XX:MaxMetaspaceSize=96m -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp $work Hello"
    "--version, no CDS|JTELEGRAF_CDS=off $jtelegraf --version"
    "--version, CDS|JTELEGRAF_CDS_DIR=$cache $jtelegraf --version"
    "--test internal, no CDS|JTELEGRAF_CDS=off $jtelegraf --test --config $work/internal.conf"
    "--test internal, CDS|JTELEGRAF_CDS_DIR=$cache $jtelegraf --test --config $work/internal.conf"
)

# The archive is made by the first start that finds none; that start is not timed.
JTELEGRAF_CDS_DIR=$cache "$jtelegraf" --version >/dev/null
ls "$cache"/jtelegraf-*.jsa >/dev/null 2>&1 || { echo "the launcher made no CDS archive in $cache" >&2; exit 1; }

# run_once COMMAND: appends "total_ms first_line_ms cpu_ms max_rss_kb" for one run to stdout.
run_once() {
    local command=$1 start first end line
    start=$EPOCHREALTIME
    exec 3< <(env -- $command 2>/dev/null)
    local pid=$!
    IFS= read -r line <&3 || true
    first=$EPOCHREALTIME
    cat <&3 >/dev/null
    exec 3<&-
    wait "$pid" 2>/dev/null || true
    end=$EPOCHREALTIME
    echo "$start $first $end"
}

# cpu_rss COMMAND: "cpu_ms max_rss_kb" of one run, measured by GNU time in a separate run so the
# wall times above carry no extra process.
cpu_rss() {
    /usr/bin/time -f '%U %S %M' -o "$work/time.txt" env -- $1 >/dev/null 2>&1 || true
    awk '{ printf "%.0f %d\n", ($1 + $2) * 1000, $3 }' "$work/time.txt"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | sed 's/^/  /'
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs per command, round robin"

for ((i = 0; i < ${#commands[@]}; i++)); do : > "$work/samples.$i"; done
for ((run = 0; run < runs; run++)); do
    for ((i = 0; i < ${#commands[@]}; i++)); do
        command=${commands[$i]#*|}
        read -r start first end < <(run_once "$command")
        read -r cpu rss < <(cpu_rss "$command")
        awk -v s="$start" -v f="$first" -v e="$end" -v c="$cpu" -v r="$rss" \
            'BEGIN { printf "%.1f %.1f %d %d\n", (e - s) * 1000, (f - s) * 1000, c, r }' >> "$work/samples.$i"
    done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

# quartiles COLUMN FILE: "p25 median p75" of one column.
quartiles() {
    sort -n -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c }
        END { printf "%.0f %.0f %.0f\n", v[int((NR + 3) / 4)], v[int((NR + 1) / 2)], v[int((3 * NR + 3) / 4)] }'
}

printf '\n%-30s %16s %7s %16s %7s %8s %9s\n' "command" "end ms (IQR)" "x hello" "1st line ms" "x hello" "cpu ms" "max RSS MB"
read -r _ hello_total _ < <(quartiles 1 "$work/samples.0")
read -r _ hello_first _ < <(quartiles 2 "$work/samples.0")
for ((i = 0; i < ${#commands[@]}; i++)); do
    read -r t25 t50 t75 < <(quartiles 1 "$work/samples.$i")
    read -r _ f50 _ < <(quartiles 2 "$work/samples.$i")
    read -r _ c50 _ < <(quartiles 3 "$work/samples.$i")
    read -r _ r50 _ < <(quartiles 4 "$work/samples.$i")
    awk -v n="${commands[$i]%%|*}" -v t25="$t25" -v t50="$t50" -v t75="$t75" -v f50="$f50" \
        -v c50="$c50" -v r50="$r50" -v ht="$hello_total" -v hf="$hello_first" \
        'BEGIN { printf "%-30s %5d (%4d-%4d) %7.2f %16d %7.2f %8d %9.1f\n", n, t50, t25, t75, t50 / ht, f50, f50 / hf, c50, r50 / 1024 }'
done

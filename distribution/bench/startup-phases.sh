#!/bin/bash
# Usage: distribution/bench/startup-phases.sh [-r RUNS] [NAME=JTELEGRAF_HOME ...]
#   (default: 15 runs of distribution/target/jtelegraf; needs python3)
#
# Where one `jtelegraf --test` of inputs.internal spends its time, phase by phase, with the
# launcher's class-data sharing archive (made once before the timed runs, in a temporary cache
# folder per installation). Each run logs the JVM's class loading with its uptime; a phase starts
# when the class that begins it is loaded (table below) and the last one ends when the JVM prints
# its heap at exit. Several installations take turns run by run, so machine noise hits them alike;
# the medians are printed side by side. The marks are classes only the main thread loads (the
# start-up warm-up thread loads Guice and the time-stamp format earlier, so they mark nothing);
# a phase whose library was warmed shows what the main thread still spent or waited there.
set -euo pipefail

runs=15
while getopts "r:" opt; do
    case $opt in
        r) runs=$OPTARG ;;
        *) echo "usage: $0 [-r RUNS] [NAME=JTELEGRAF_HOME ...]" >&2; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -eq 0 ]; then set -- "this=$here/../target/jtelegraf"; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/internal.conf" <<'CONF'
[agent]
  hostname = "bench"
[[inputs.internal]]
CONF

names=()
for pair in "$@"; do
    name=${pair%%=*}
    home=${pair#*=}
    [ -x "$home/bin/jtelegraf" ] || { echo "no $home/bin/jtelegraf" >&2; exit 2; }
    names+=("$name")
    # The archive is made by the first start that finds none; that start is not timed.
    JTELEGRAF_CDS_DIR=$work/cds-$name "$home/bin/jtelegraf" --version >/dev/null
done

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $runs runs each, taking turns"
for ((run = 1; run <= runs; run++)); do
    for pair in "$@"; do
        name=${pair%%=*}
        home=${pair#*=}
        JTELEGRAF_CDS_DIR=$work/cds-$name \
            JTELEGRAF_JAVA_OPTS="-Xlog:class+load,gc+heap+exit:file=$work/$name-$run.log:uptime,tags" \
            "$home/bin/jtelegraf" --test --config "$work/internal.conf" >/dev/null 2>&1
    done
done
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work" "$runs" "${names[@]}" <<'PY'
import re
import statistics
import sys

work, runs, names = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
EXIT = "exit"
# phase, the class whose loading starts it (None: the JVM's start), the mark that ends it
PHASES = [
    ("JVM start to Main", None, "io.jtelegraf.agent.cli.Main"),
    ("command line", "io.jtelegraf.agent.cli.Main", "io.jtelegraf.agent.cli.AgentRunner"),
    ("run options checked", "io.jtelegraf.agent.cli.AgentRunner", "io.jtelegraf.agent.cli.InstalledPlugins"),
    ("plugin discovery", "io.jtelegraf.agent.cli.InstalledPlugins", "io.jtelegraf.agent.config.ConfigLoader"),
    ("configuration (tomlj)", "io.jtelegraf.agent.config.ConfigLoader", "io.jtelegraf.agent.cli.ProcessLogging"),
    ("logging set-up", "io.jtelegraf.agent.cli.ProcessLogging", "io.jtelegraf.agent.cli.StartupBanner"),
    ("start-up banner", "io.jtelegraf.agent.cli.StartupBanner", "io.jtelegraf.agent.wiring.AgentAssembly"),
    ("Guice assembles the agent", "io.jtelegraf.agent.wiring.AgentAssembly",
     "io.jtelegraf.spi.lineprotocol.LineProtocolSerializer"),
    ("gather once, print, exit", "io.jtelegraf.spi.lineprotocol.LineProtocolSerializer", EXIT),
    ("total", None, EXIT),
]
LOADED = re.compile(r"\[(\d+\.\d+)s\]\[class,load\] (\S+) ")
EXITING = re.compile(r"\[(\d+\.\d+)s\]\[gc,heap,exit")

samples = {(name, phase[0]): [] for name in names for phase in PHASES}
for name in names:
    for run in range(1, runs + 1):
        marks = {}
        with open(f"{work}/{name}-{run}.log") as log:
            for line in log:
                found = LOADED.match(line) or EXITING.match(line)
                if found:
                    key = found.group(2) if found.re is LOADED else EXIT
                    marks.setdefault(key, float(found.group(1)) * 1000)
        for phase, start, end in PHASES:
            samples[(name, phase)].append(marks[end] - (marks[start] if start else 0))

print(f"\n{'phase (median ms)':28s}" + "".join(f"{name:>12s}" for name in names))
for phase, _, _ in PHASES:
    print(f"{phase:28s}" + "".join(f"{statistics.median(samples[(name, phase)]):12.0f}" for name in names))
PY

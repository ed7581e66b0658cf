# Guest-side library for the User-Mode Linux IPVS harness; sourced by guest-init.sh, so every
# scenario can use these functions. Runs as root inside the guest (bash).
#
# Layout of the guest network (all addresses are documentation ranges; nothing leaves the guest):
#   root namespace (the director): dummy interface "vips" holding the traffic VIPs
#       10.77.0.1/32 and 2001:db8:77::1/128; ip_forward on for IPv4 and IPv6.
#   namespace "client": 198.51.100.2/24, 2001:db8:1::2/64, default route via the director
#       (198.51.100.1, 2001:db8:1::1).
#   namespace "real": the real servers 192.0.2.11 and .12/24, 2001:db8:2::11 and ::12/64,
#       default route via the director (192.0.2.1, 2001:db8:2::1), so NAT (-m) replies return
#       through IPVS.

UMLH_RUN=/run/umlh            # guest tmpfs: pids, ready files, files unprivileged users write
UMLH_VIP4=10.77.0.1
UMLH_VIP6=2001:db8:77::1
UMLH_REAL4_A=192.0.2.11
UMLH_REAL4_B=192.0.2.12
UMLH_REAL6_A=2001:db8:2::11
UMLH_REAL6_B=2001:db8:2::12
UMLH_TCP_PORT=8080            # real servers' TCP port (the VIPs' port 80 maps to it)
UMLH_UDP_PORT=5353            # real servers' UDP port (the VIPs' port 53 maps to it)

umlh_log() {
    echo "[$(date +%H:%M:%S.%N | cut -c1-12)] $*"
}

umlh_fail() {
    umlh_log "FAILED: $*"
    return 1
}

# Seconds since the epoch with milliseconds, for timing records.
umlh_now() {
    date +%s.%N | cut -c1-14
}

umlh_base_mounts() {
    mount -t proc proc /proc
    mount -t sysfs sys /sys
    mount -t devtmpfs dev /dev 2>/dev/null
    # /run is a guest tmpfs: private to the guest and writable by unprivileged guest users.
    mount -t tmpfs -o mode=755 tmpfs /run
    mkdir -p "$UMLH_RUN/pids" "$UMLH_RUN/tmp"
    chmod 1777 "$UMLH_RUN/tmp"
    # The kernel's own module autoload (scheduler modules, the IPVS family lookup) must find
    # the UML modules too; the wrapper from boot.sh knows where they are.
    echo "$UMLH_WORK/bin/modprobe" > /proc/sys/kernel/modprobe
    ip link set lo up
}

# umlh_wait_for SECONDS DESCRIPTION COMMAND... : polls COMMAND until it succeeds, bounded.
umlh_wait_for() {
    local seconds=$1 what=$2
    shift 2
    local deadline=$(( $(date +%s) + seconds ))
    until "$@" >/dev/null 2>&1; do
        if [ "$(date +%s)" -ge "$deadline" ]; then
            umlh_fail "timed out after ${seconds}s waiting for $what"
            return 1
        fi
        sleep 0.1
    done
}

# umlh_bg NAME COMMAND... : starts COMMAND in the background and remembers its pid by NAME.
umlh_bg() {
    local name=$1
    shift
    "$@" &
    echo $! > "$UMLH_RUN/pids/$name"
}

# umlh_stop NAME : stops a background process started by umlh_bg.
umlh_stop() {
    local file="$UMLH_RUN/pids/$1"
    [ -f "$file" ] || return 0
    local pid
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    rm -f "$file"
}

umlh_stop_background() {
    local file
    for file in "$UMLH_RUN"/pids/*; do
        [ -f "$file" ] && umlh_stop "$(basename "$file")"
    done
}

# Loads IPVS, every scheduler the table builder uses, and the virtual network drivers.
umlh_load_modules() {
    local m
    for m in ip_vs ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc ip_vs_sh ip_vs_dh ip_vs_mh ip_vs_sed ip_vs_nq veth dummy; do
        modprobe "$m" || { umlh_fail "modprobe $m"; return 1; }
    done
}

# _umlh_ns NAME VETH_HOST VETH_NS ADDR4_HOST ADDR6_HOST: a namespace linked to the director.
_umlh_ns() {
    local ns=$1 host_if=$2 ns_if=$3 gw4=$4 gw6=$5
    ip netns add "$ns"
    ip link add "$host_if" type veth peer name "$ns_if"
    ip link set "$ns_if" netns "$ns"
    ip addr add "$gw4/24" dev "$host_if"
    ip -6 addr add "$gw6/64" dev "$host_if" nodad
    ip link set "$host_if" up
    ip netns exec "$ns" ip link set lo up
    ip netns exec "$ns" ip link set "$ns_if" up
}

umlh_network_setup() {
    sysctl -q -w net.ipv4.ip_forward=1
    sysctl -q -w net.ipv6.conf.all.forwarding=1
    ip link add vips type dummy
    ip link set vips up
    ip addr add "$UMLH_VIP4/32" dev vips
    ip -6 addr add "$UMLH_VIP6/128" dev vips nodad

    _umlh_ns client cl0 cl1 198.51.100.1 2001:db8:1::1
    ip netns exec client ip addr add 198.51.100.2/24 dev cl1
    ip netns exec client ip -6 addr add 2001:db8:1::2/64 dev cl1 nodad
    ip netns exec client ip route add default via 198.51.100.1
    ip netns exec client ip -6 route add default via 2001:db8:1::1

    _umlh_ns real rs0 rs1 192.0.2.1 2001:db8:2::1
    local a
    for a in "$UMLH_REAL4_A" "$UMLH_REAL4_B"; do ip netns exec real ip addr add "$a/24" dev rs1; done
    for a in "$UMLH_REAL6_A" "$UMLH_REAL6_B"; do ip netns exec real ip -6 addr add "$a/64" dev rs1 nodad; done
    ip netns exec real ip route add default via 192.0.2.1
    ip netns exec real ip -6 route add default via 2001:db8:2::1
}

# Real servers in namespace "real": TCP and UDP, IPv4 and IPv6 (see traffic.pl).
umlh_servers_start() {
    rm -f "$UMLH_RUN/servers.ready"
    umlh_bg servers ip netns exec real perl "$UMLH_UML/lib/traffic.pl" serve \
        "$UMLH_TCP_PORT" "$UMLH_UDP_PORT" "$UMLH_RUN/servers.ready" \
        "$UMLH_REAL4_A" "$UMLH_REAL4_B" "$UMLH_REAL6_A" "$UMLH_REAL6_B"
    umlh_wait_for 20 "the real servers to listen" test -f "$UMLH_RUN/servers.ready"
}

# The four traffic targets, one per protocol and family, all on the VIPs.
umlh_traffic_targets() {
    echo "tcp/$UMLH_VIP4/80 udp/$UMLH_VIP4/53 tcp/$UMLH_VIP6/80 udp/$UMLH_VIP6/53"
}

# umlh_traffic SECONDS RATE REPORT_FILE: RATE exchanges per second on every target, then stops.
umlh_traffic() {
    # shellcheck disable=SC2046
    ip netns exec client perl "$UMLH_UML/lib/traffic.pl" client "$1" "$2" $(umlh_traffic_targets) > "$3"
}

# umlh_hold_start COUNT4 COUNT6: long-lived TCP connections to the VIPs (non-zero ActiveConn).
umlh_hold_start() {
    local targets="" i
    for i in $(seq 1 "$1"); do targets="$targets tcp/$UMLH_VIP4/80"; done
    for i in $(seq 1 "$2"); do targets="$targets tcp/$UMLH_VIP6/80"; done
    rm -f "$UMLH_RUN/hold.ready"
    # shellcheck disable=SC2086
    umlh_bg hold ip netns exec client perl "$UMLH_UML/lib/traffic.pl" hold "$UMLH_RUN/hold.ready" $targets
    umlh_wait_for 20 "the long-lived connections" test -f "$UMLH_RUN/hold.ready"
}

# umlh_settle MAX_SECONDS: waits until the counters stand still (two equal readings one second
# apart), at most MAX_SECONDS. Late packets of the traffic that just stopped still count; and an
# ipvsadm listing is not atomic (services first, then each service's real servers), so a
# snapshot taken while anything moves can show real servers ahead of their service.
umlh_settle() {
    local left=$1 previous current
    previous=$(ipvsadm -L -n --stats --exact)
    while [ "$left" -gt 0 ]; do
        sleep 1
        current=$(ipvsadm -L -n --stats --exact)
        [ "$current" = "$previous" ] && return 0
        previous=$current
        left=$((left - 1))
    done
    umlh_log "the IPVS counters still moved after waiting $1 s"
}

# umlh_snapshot PREFIX: the three ipvsadm views the comparison uses.
umlh_snapshot() {
    ipvsadm -L -n --stats --exact > "$1.stats" &&
        ipvsadm -L -n --rate --exact > "$1.rate" &&
        ipvsadm -Ln > "$1.ln"
}

# umlh_compare_run DIR ATTEMPTS COMMAND... : runs COMMAND between two ipvsadm snapshots
# (DIR/before.*, DIR/after.*), with stdout in DIR/stdout, stderr in DIR/stderr and the exit
# status in DIR/rc. Counters only stand still when nothing moves, so the run is repeated (at
# most ATTEMPTS times) until the counters and connection counts of both snapshots are equal.
umlh_compare_run() {
    local dir=$1 attempts=$2 attempt=1 t0 t1
    shift 2
    mkdir -p "$dir"
    while :; do
        umlh_snapshot "$dir/before"
        t0=$(umlh_now)
        "$@" > "$dir/stdout" 2> "$dir/stderr"
        echo $? > "$dir/rc"
        t1=$(umlh_now)
        umlh_snapshot "$dir/after"
        echo "attempt=$attempt" > "$dir/attempts"
        echo "run_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')" >> "$dir/attempts"
        if cmp -s "$dir/before.stats" "$dir/after.stats" && cmp -s "$dir/before.ln" "$dir/after.ln"; then
            echo "stable=true" >> "$dir/attempts"
            return 0
        fi
        if [ "$attempt" -ge "$attempts" ]; then
            echo "stable=false" >> "$dir/attempts"
            umlh_log "counters kept moving during $dir after $attempt attempts"
            return 0
        fi
        attempt=$((attempt + 1))
    done
}


# umlh_jvm_options: the JVM options for every Java program in the guest. Startup dominates
# inside the guest (system calls are slow there), so the JIT stops at its first tier and the
# small serial collector is used; no perf-data file is written, and temporary files (jffi's
# native stub) go to the guest tmpfs, which any guest user may write.
umlh_jvm_options() {
    echo "-XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -XX:-UsePerfData -Djava.io.tmpdir=$UMLH_RUN/tmp"
}

# umlh_as_nobody_with_net_admin COMMAND... : runs COMMAND as uid/gid 65534 with CAP_NET_ADMIN
# as its only capability.
umlh_as_nobody_with_net_admin() {
    setpriv --reuid=65534 --regid=65534 --clear-groups \
        --inh-caps=-all,+net_admin --ambient-caps=+net_admin "$@"
}

# umlh_as_nobody COMMAND... : runs COMMAND as uid/gid 65534 without any capability.
umlh_as_nobody() {
    setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all "$@"
}

# umlh_genl_family_id: the generic netlink family id of IPVS right now ("none" if absent).
umlh_genl_family_id() {
    genl ctrl get name IPVS 2>/dev/null | awk '/ID:/ { print $2; found = 1 } END { if (!found) print "none" }'
}

# umlh_ipvs_unload: clears the table and removes IPVS with module autoload switched off, so the
# kernel cannot bring it back behind the test's back (since 5.16 the family lookup alone would
# load ip_vs again). Prints the previous module loader path, for umlh_ipvs_reload.
umlh_ipvs_unload() {
    local loader
    loader=$(cat /proc/sys/kernel/modprobe)
    ipvsadm -C || return 1
    echo /bin/false > /proc/sys/kernel/modprobe
    # Every service holds its scheduler module, hence the table is cleared first and the
    # schedulers go before ip_vs itself.
    local m
    for m in $(grep -o '^ip_vs_[a-z_]*' /proc/modules); do
        modprobe -r "$m" >&2 || { umlh_fail "modprobe -r $m" >&2; return 1; }
    done
    modprobe -r ip_vs >&2 || { umlh_fail "modprobe -r ip_vs" >&2; return 1; }
    if grep -q '^ip_vs ' /proc/modules; then umlh_fail "ip_vs is still loaded" >&2; return 1; fi
    echo "$loader"
}

# umlh_ipvs_reload LOADER: restores the module loader and loads IPVS again.
umlh_ipvs_reload() {
    echo "$1" > /proc/sys/kernel/modprobe
    modprobe ip_vs && modprobe ip_vs_rr
}

. "$UMLH_UML/lib/ipvs-table.sh"

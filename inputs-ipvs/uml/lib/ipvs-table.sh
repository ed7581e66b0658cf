# IPVS table builder for the User-Mode Linux harness (sourced by guest-lib.sh). Every function
# adds services to the current network namespace with ipvsadm.

# The showcase table: one service per kind the ipvs input must report. Services marked
# "traffic" are reachable from namespace "client" and get real packets (guest-lib.sh).
umlh_table_showcase() {
    local v4=$UMLH_VIP4 v6=$UMLH_VIP6
    # IPv4 TCP, weighted round robin, NAT real servers with different weights (traffic)
    ipvsadm -A -t "$v4:80" -s wrr &&
    ipvsadm -a -t "$v4:80" -r "$UMLH_REAL4_A:$UMLH_TCP_PORT" -m -w 3 &&
    ipvsadm -a -t "$v4:80" -r "$UMLH_REAL4_B:$UMLH_TCP_PORT" -m -w 1 &&
    # IPv4 UDP, round robin, NAT (traffic)
    ipvsadm -A -u "$v4:53" -s rr &&
    ipvsadm -a -u "$v4:53" -r "$UMLH_REAL4_A:$UMLH_UDP_PORT" -m &&
    ipvsadm -a -u "$v4:53" -r "$UMLH_REAL4_B:$UMLH_UDP_PORT" -m &&
    # IPv6 TCP, least connection, NAT (traffic)
    ipvsadm -A -t "[$v6]:80" -s lc &&
    ipvsadm -a -t "[$v6]:80" -r "[$UMLH_REAL6_A]:$UMLH_TCP_PORT" -m &&
    ipvsadm -a -t "[$v6]:80" -r "[$UMLH_REAL6_B]:$UMLH_TCP_PORT" -m &&
    # IPv6 UDP, weighted least connection, persistent with an IPv6 prefix of 96 (traffic)
    ipvsadm -A -u "[$v6]:53" -s wlc -p 300 -M 96 &&
    ipvsadm -a -u "[$v6]:53" -r "[$UMLH_REAL6_A]:$UMLH_UDP_PORT" -m -w 2 &&
    ipvsadm -a -u "[$v6]:53" -r "[$UMLH_REAL6_B]:$UMLH_UDP_PORT" -m -w 1 &&
    # IPv4 firewall mark, source hashing, direct routing and an IPIP tunnel
    ipvsadm -A -f 7 -s sh &&
    ipvsadm -a -f 7 -r 192.0.2.21 -g -w 2 &&
    ipvsadm -a -f 7 -r 192.0.2.22 -i -w 1 &&
    # IPv6 firewall mark, destination hashing, direct routing
    ipvsadm -A -f 8 -6 -s dh &&
    ipvsadm -a -f 8 -6 -r 2001:db8:2::21 -g &&
    # SCTP, shortest expected delay, NAT
    ipvsadm -A --sctp-service 10.77.0.2:3868 -s sed &&
    ipvsadm -a --sctp-service 10.77.0.2:3868 -r 192.0.2.31:3868 -m &&
    # IPv4 TCP, maglev hashing, persistent with a 255.255.255.0 netmask, DR and tunnel
    ipvsadm -A -t 10.77.0.3:443 -s mh -p 600 -M 255.255.255.0 &&
    ipvsadm -a -t 10.77.0.3:443 -r 192.0.2.41:443 -g &&
    ipvsadm -a -t 10.77.0.3:443 -r 192.0.2.42:443 -i -w 0 &&
    # IPv6 TCP, never queue, with an IPv4 real server behind a GRE tunnel (mixed families)
    ipvsadm -A -t "[2001:db8:77::3]:443" -s nq &&
    ipvsadm -a -t "[2001:db8:77::3]:443" -r "[2001:db8:2::51]:443" -g &&
    ipvsadm -a -t "[2001:db8:77::3]:443" -r 192.0.2.52:443 -i --tun-type gre &&
    # IPv4 TCP without any real server
    ipvsadm -A -t 10.77.0.4:8080 -s rr
}

# umlh_table_bulk COUNT: COUNT more IPv4 TCP services in one `ipvsadm -R`, enough for the
# service dump to span several netlink messages; every 25th has two NAT real servers.
umlh_table_bulk() {
    local count=$1 i addr rules="$UMLH_RUN/bulk.rules"
    : > "$rules"
    for i in $(seq 0 $((count - 1))); do
        addr="10.78.$((i / 250)).$((i % 250 + 1)):80"
        echo "-A -t $addr -s rr" >> "$rules"
        if [ $((i % 25)) -eq 0 ]; then
            echo "-a -t $addr -r 192.0.2.$((100 + i % 100)):8080 -m -w 1" >> "$rules"
            echo "-a -t $addr -r 192.0.2.$((101 + i % 100)):8080 -m -w 2" >> "$rules"
        fi
    done
    ipvsadm -R < "$rules"
}

# The number of services in the current namespace, from ipvsadm.
umlh_service_count() {
    ipvsadm -Ln | grep -c -E '^(TCP|UDP|SCTP|FWM) '
}

#!/usr/bin/awk -f
# Writes an IPVS table of S virtual services with D real servers each as `ipvsadm -R` input:
#
#   awk -v services=S -v dests=D -f inputs-ipvs/bench/ipvs-table.awk > table.rules
#
# The mix of the shared benchmark tables (shared/fixtures/ipvs-bench): service i (from 0) is an
# IPv4 firewall mark when i % 100 == 99, else IPv6 TCP when i % 20 == 19, else IPv4 UDP when
# i % 25 == 24, else IPv4 TCP; round robin; NAT real servers of weight 1. Real server k
# (i * D + j) gets an address of its own, so every line of the table is distinct.
BEGIN {
    if (services !~ /^[0-9]+$/ || dests !~ /^[0-9]+$/ || services < 1) {
        print "ipvs-table.awk: usage: awk -v services=S -v dests=D -f ipvs-table.awk" > "/dev/stderr"
        exit 2
    }
    for (i = 0; i < services; i++) {
        if (i % 100 == 99) {
            kind = "fwmark"; vs = sprintf("-f %d", 1000 + i)
        } else if (i % 20 == 19) {
            kind = "v6"; vs = sprintf("-t [fd00::%x:%x]:80", int(i / 65536), i % 65536)
        } else if (i % 25 == 24) {
            kind = "v4"; vs = sprintf("-u 10.%d.%d.%d:53", 64 + int(i / 65536), int(i / 256) % 256, i % 256)
        } else {
            kind = "v4"; vs = sprintf("-t 10.%d.%d.%d:80", 64 + int(i / 65536), int(i / 256) % 256, i % 256)
        }
        printf "-A %s -s rr\n", vs
        for (j = 0; j < dests; j++) {
            k = i * dests + j
            if (kind == "v6") {
                rs = sprintf("[fd01::%x:%x]:8080", int(k / 65536), k % 65536)
            } else if (kind == "fwmark") {
                # A firewall-mark service has no port, so neither have its real servers.
                rs = sprintf("10.%d.%d.%d", 200 + int(k / 65536), int(k / 256) % 256, k % 256)
            } else {
                rs = sprintf("10.%d.%d.%d:8080", 200 + int(k / 65536), int(k / 256) % 256, k % 256)
            }
            printf "-a %s -r %s -m -w 1\n", vs, rs
        }
    }
}

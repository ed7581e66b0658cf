#!/usr/bin/perl
# Tiny traffic tool for the User-Mode Linux IPVS harness. Uses only modules of perl-base, which
# every Debian system has (it is an Essential package), so the guest needs nothing extra.
#
#   traffic.pl serve TCP_PORT UDP_PORT READY_FILE ADDRESS...
#       A TCP server on every IPv4 and IPv6 address and a UDP server on each ADDRESS. A TCP
#       request gets 1000 bytes and the connection is closed, except a request starting with
#       HOLD, which gets "OK" and stays open until the client closes it. A UDP datagram gets a
#       200-byte answer. Writes READY_FILE once bound. UDP binds each address on its own so
#       that an answer leaves from the address the request went to: from a wildcard socket the
#       kernel may pick another source address, and IPVS would not recognise the reply.
#   traffic.pl client SECONDS RATE TARGET...
#       For SECONDS seconds, RATE exchanges per second with each TARGET (proto/address/port,
#       proto tcp or udp); prints one summary line per target.
#   traffic.pl hold READY_FILE TARGET...
#       Opens one long-lived TCP connection per TARGET, writes READY_FILE, and keeps them open
#       until it is killed.
use strict;
use warnings;
use IO::Socket::IP;
use IO::Select;
use Socket qw(IPPROTO_IPV6 IPV6_V6ONLY SOL_SOCKET SO_REUSEADDR);

my $REPLY_TCP = 'R' x 1000;
my $REPLY_UDP = 'U' x 200;
my $REQUEST_TCP = 'GET /ipvs-harness ' x 7 . "\n";   # 133 bytes
my $REQUEST_UDP = 'Q' x 100;

sub pause_seconds { select(undef, undef, undef, $_[0]); }

sub listener {
    my ($family_host, $port, $type) = @_;
    my $sock = IO::Socket::IP->new(
        LocalHost => $family_host, LocalPort => $port, Type => $type,
        ($type == SOCK_STREAM ? (Listen => 128, ReuseAddr => 1) : ()),
        ($family_host eq '::' ? (V6Only => 1) : ()),
    ) or die "cannot bind $family_host port $port: $@\n";
    return $sock;
}

sub serve {
    my ($tcp_port, $udp_port, $ready, @addresses) = @_;
    @addresses or die "serve needs at least one address for UDP\n";
    my @tcp = map { listener($_, $tcp_port, SOCK_STREAM) } ('0.0.0.0', '::');
    my @udp = map { listener($_, $udp_port, SOCK_DGRAM) } @addresses;
    my %is_tcp = map { $_ => 1 } @tcp;
    my %is_udp = map { $_ => 1 } @udp;
    my %held;
    my $select = IO::Select->new(@tcp, @udp);
    open(my $fh, '>', $ready) or die "cannot write $ready: $!\n";
    close($fh);
    while (1) {
        for my $sock ($select->can_read()) {
            if ($is_tcp{$sock}) {
                my $conn = $sock->accept() or next;
                $select->add($conn);
            } elsif ($is_udp{$sock}) {
                my $from = $sock->recv(my $data, 2048);
                $sock->send($REPLY_UDP, 0, $from) if defined $from;
            } else {
                my $n = sysread($sock, my $data, 4096);
                if (!$n) {
                    delete $held{$sock};
                    $select->remove($sock);
                    close($sock);
                } elsif ($data =~ /^HOLD/) {
                    $held{$sock} = 1;
                    syswrite($sock, 'OK');
                } elsif (!$held{$sock}) {
                    syswrite($sock, $REPLY_TCP);
                    $select->remove($sock);
                    close($sock);
                }
            }
        }
    }
}

sub parse_target {
    my ($target) = @_;
    my ($proto, $addr, $port) = $target =~ m{^(tcp|udp)/(.+)/(\d+)$}
        or die "bad target $target (expected tcp|udp/address/port)\n";
    return ($proto, $addr, $port);
}

sub tcp_exchange {
    my ($addr, $port) = @_;
    my $sock = IO::Socket::IP->new(PeerHost => $addr, PeerPort => $port, Type => SOCK_STREAM, Timeout => 3)
        or return 0;
    syswrite($sock, $REQUEST_TCP);
    my $got = 0;
    my $select = IO::Select->new($sock);
    while ($got < length($REPLY_TCP) && $select->can_read(3)) {
        my $n = sysread($sock, my $data, 4096);
        last unless $n;
        $got += $n;
    }
    close($sock);
    return $got == length($REPLY_TCP);
}

sub udp_exchange {
    my ($addr, $port) = @_;
    my $sock = IO::Socket::IP->new(PeerHost => $addr, PeerPort => $port, Type => SOCK_DGRAM)
        or return 0;
    $sock->send($REQUEST_UDP);
    my $ok = 0;
    if (IO::Select->new($sock)->can_read(2)) {
        my $data = '';
        $ok = defined $sock->recv($data, 2048) && length($data) == length($REPLY_UDP);
    }
    close($sock);
    return $ok;
}

sub client {
    my ($seconds, $rate, @targets) = @_;
    my (%ok, %failed);
    my $end = time() + $seconds;
    while (time() < $end) {
        my $second = time();
        for my $target (@targets) {
            my ($proto, $addr, $port) = parse_target($target);
            for (1 .. $rate) {
                my $ok = $proto eq 'tcp' ? tcp_exchange($addr, $port) : udp_exchange($addr, $port);
                $ok ? $ok{$target}++ : $failed{$target}++;
            }
        }
        # Pace to RATE per second: wait for the next whole second, in short bounded steps.
        for (1 .. 20) { last if time() != $second; pause_seconds(0.05); }
    }
    for my $target (@targets) {
        printf "%s ok=%d failed=%d\n", $target, $ok{$target} // 0, $failed{$target} // 0;
    }
}

sub hold {
    my ($ready, @targets) = @_;
    my @open;
    for my $target (@targets) {
        my ($proto, $addr, $port) = parse_target($target);
        my $sock = IO::Socket::IP->new(PeerHost => $addr, PeerPort => $port, Type => SOCK_STREAM, Timeout => 3)
            or die "cannot connect to $target: $@\n";
        syswrite($sock, 'HOLD');
        IO::Select->new($sock)->can_read(5) or die "no answer from $target\n";
        sysread($sock, my $ok, 2);
        push @open, $sock;
    }
    open(my $fh, '>', $ready) or die "cannot write $ready: $!\n";
    close($fh);
    # Keep the connections until killed; the loop wakes up rarely and is bounded by a day.
    for (1 .. 86400) { pause_seconds(1); }
}

my $mode = shift @ARGV // '';
if ($mode eq 'serve') { serve(@ARGV); }
elsif ($mode eq 'client') { client(@ARGV); }
elsif ($mode eq 'hold') { hold(@ARGV); }
else { die "usage: traffic.pl serve|client|hold ...\n"; }

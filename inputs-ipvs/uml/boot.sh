#!/bin/bash
# Boots a User-Mode Linux guest whose root file system is this host's own file system (hostfs)
# and runs one scenario script in it as root. The guest shares nothing with the host kernel: its
# IPVS table, modules and network namespaces are its own. Results travel back through files in
# the work folder, because the guest console mixes script output with kernel messages.
#
# Usage: boot.sh -w WORK_DIR -s SCENARIO [-m MEM] [-t TIMEOUT_SECONDS] [NAME=VALUE ...]
#
#   WORK_DIR  host folder for everything this boot writes (created; absolute or relative)
#   SCENARIO  bash script the guest sources after the base set-up (see guest-init.sh)
#   NAME=VALUE  extra variables for the scenario, passed on the kernel command line (the kernel
#             hands unknown NAME=value words to init as environment variables). Values must not
#             contain spaces; names must not contain dots (the kernel treats those as module
#             parameters).
#
# Environment overrides: UML_KERNEL (default: linux.uml on PATH), UML_MODULES_DIR (default:
# /usr/lib/uml/modules).
#
# Exit status: the scenario's own exit status, 124 when the guest ran past the timeout, 2 for
# a usage or prerequisite problem.
set -u

umlh_die() { echo "boot.sh: $*" >&2; exit 2; }

UMLH_UML=$(cd "$(dirname "$0")" && pwd)
work= scenario= mem=1G timeout_s=600
while getopts "w:s:m:t:" opt; do
    case $opt in
        w) work=$OPTARG ;;
        s) scenario=$OPTARG ;;
        m) mem=$OPTARG ;;
        t) timeout_s=$OPTARG ;;
        *) umlh_die "usage: boot.sh -w WORK_DIR -s SCENARIO [-m MEM] [-t TIMEOUT_SECONDS] [NAME=VALUE ...]" ;;
    esac
done
shift $((OPTIND - 1))
[ -n "$work" ] && [ -n "$scenario" ] || umlh_die "usage: boot.sh -w WORK_DIR -s SCENARIO [-m MEM] [-t TIMEOUT_SECONDS] [NAME=VALUE ...]"
[ -r "$scenario" ] || umlh_die "scenario $scenario is not readable"

kernel=${UML_KERNEL:-$(command -v linux.uml || true)}
[ -n "$kernel" ] && [ -x "$kernel" ] || umlh_die "no User-Mode Linux kernel: install the Debian package user-mode-linux (it provides /usr/bin/linux.uml) or set UML_KERNEL"
modules_dir=${UML_MODULES_DIR:-/usr/lib/uml/modules}
# The package names its module folder after the kernel release; read it, never assume it.
kver=$(ls "$modules_dir" 2>/dev/null | sort -V | tail -n 1)
[ -n "$kver" ] && [ -f "$modules_dir/$kver/modules.dep" ] || umlh_die "no UML kernel modules under $modules_dir (package user-mode-linux)"
command -v ipvsadm >/dev/null || umlh_die "ipvsadm is missing (Debian package ipvsadm)"
[ -x /usr/sbin/modprobe ] || [ -x /sbin/modprobe ] || umlh_die "modprobe is missing (Debian package kmod)"
command -v ip >/dev/null || umlh_die "ip is missing (Debian package iproute2)"

mkdir -p "$work" || umlh_die "cannot create $work"
work=$(cd "$work" && pwd)
scenario=$(cd "$(dirname "$scenario")" && pwd)/$(basename "$scenario")

# modprobe -d ROOT looks in ROOT/lib/modules/<release>; a private ROOT keeps the host's /lib clean.
modroot=$work/modroot
mkdir -p "$modroot/lib/modules"
ln -sfn "$modules_dir/$kver" "$modroot/lib/modules/$kver"
# A modprobe that knows ROOT, first on the guest's PATH and installed as the kernel's own
# module loader, so `modprobe ip_vs` and the kernel's autoload both work in the guest.
mkdir -p "$work/bin"
cat > "$work/bin/modprobe" <<WRAPPER
#!/bin/sh
exec /usr/sbin/modprobe -d "$modroot" "\$@"
WRAPPER
chmod 755 "$work/bin/modprobe"
# Copy init so that its executable bit never depends on how the sources were checked out.
cp "$UMLH_UML/guest-init.sh" "$work/init.sh" && chmod 755 "$work/init.sh"
rm -f "$work/guest.rc"
mkdir -p "$work/uml"

start=$(date +%s.%N)
timeout -k 10 "$timeout_s" "$kernel" mem="$mem" root=/dev/root rootfstype=hostfs rootflags=/ rw \
    uml_dir="$work/uml" con0=null,fd:1 con=none ssl=none \
    init="$work/init.sh" \
    UMLH_WORK="$work" UMLH_UML="$UMLH_UML" UMLH_SCENARIO="$scenario" UMLH_MODROOT="$modroot" \
    "$@" </dev/null >"$work/console.log" 2>&1
kernel_rc=$?
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN { printf "boot_seconds=%.1f\n", b - a }' > "$work/boot-timing.txt"

if [ "$kernel_rc" -eq 124 ] || [ "$kernel_rc" -eq 137 ]; then
    echo "boot.sh: the guest did not power off within ${timeout_s}s; see $work/console.log and $work/guest.log" >&2
    exit 124
fi
if [ ! -s "$work/guest.rc" ]; then
    echo "boot.sh: the guest stopped without a result (kernel exit $kernel_rc); last console lines:" >&2
    tail -n 30 "$work/console.log" >&2
    exit 2
fi
exit "$(cat "$work/guest.rc")"

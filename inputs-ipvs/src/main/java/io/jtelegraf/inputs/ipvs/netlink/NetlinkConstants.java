package io.jtelegraf.inputs.ipvs.netlink;

/**
 * Numbers of the Linux netlink, generic netlink and IPVS ABI used by this client. They are part
 * of the kernel's user-space ABI and identical on x86_64 and aarch64.
 */
final class NetlinkConstants {
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_GENERIC = 16;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    static final int MSG_TRUNC = 0x20;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final int SOCKADDR_NL_SIZE = 12;

    static final int NLMSG_HDRLEN = 16;
    static final int GENL_HDRLEN = 4;
    /** nlmsghdr plus genlmsghdr: where the attributes of a generic netlink message start. */
    static final int GENL_MSG_HDRLEN = NLMSG_HDRLEN + GENL_HDRLEN;
    static final int NLA_HDRLEN = 4;
    static final int NLA_TYPE_MASK = 0x3FFF;
    static final int NLA_F_NESTED = 0x8000;

    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;
    /** Types below this are netlink control messages, never a generic netlink family. */
    static final int NLMSG_MIN_TYPE = 0x10;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_DUMP = 0x300;

    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_NEWFAMILY = 1;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    static final int CTRL_VERSION = 1;

    static final String IPVS_FAMILY_NAME = "IPVS";
    static final int IPVS_GENL_VERSION = 1;
    static final int IPVS_CMD_NEW_SERVICE = 1;
    static final int IPVS_CMD_GET_SERVICE = 4;
    static final int IPVS_CMD_NEW_DEST = 5;
    static final int IPVS_CMD_GET_DEST = 8;

    static final int IPVS_CMD_ATTR_SERVICE = 1;
    static final int IPVS_CMD_ATTR_DEST = 2;

    static final int SVC_ATTR_AF = 1;
    static final int SVC_ATTR_PROTOCOL = 2;
    static final int SVC_ATTR_ADDR = 3;
    static final int SVC_ATTR_PORT = 4;
    static final int SVC_ATTR_FWMARK = 5;
    static final int SVC_ATTR_SCHED_NAME = 6;
    static final int SVC_ATTR_FLAGS = 7;
    static final int SVC_ATTR_TIMEOUT = 8;
    static final int SVC_ATTR_NETMASK = 9;
    static final int SVC_ATTR_STATS = 10;
    static final int SVC_ATTR_PE_NAME = 11;
    static final int SVC_ATTR_STATS64 = 12;

    static final int DEST_ATTR_ADDR = 1;
    static final int DEST_ATTR_PORT = 2;
    static final int DEST_ATTR_FWD_METHOD = 3;
    static final int DEST_ATTR_WEIGHT = 4;
    static final int DEST_ATTR_U_THRESH = 5;
    static final int DEST_ATTR_L_THRESH = 6;
    static final int DEST_ATTR_ACTIVE_CONNS = 7;
    static final int DEST_ATTR_INACT_CONNS = 8;
    static final int DEST_ATTR_PERSIST_CONNS = 9;
    static final int DEST_ATTR_STATS = 10;
    static final int DEST_ATTR_ADDR_FAMILY = 11;
    static final int DEST_ATTR_STATS64 = 12;
    static final int DEST_ATTR_TUN_TYPE = 13;
    static final int DEST_ATTR_TUN_PORT = 14;
    static final int DEST_ATTR_TUN_FLAGS = 15;

    static final int STATS_ATTR_CONNS = 1;
    static final int STATS_ATTR_INPKTS = 2;
    static final int STATS_ATTR_OUTPKTS = 3;
    static final int STATS_ATTR_INBYTES = 4;
    static final int STATS_ATTR_OUTBYTES = 5;
    static final int STATS_ATTR_CPS = 6;
    static final int STATS_ATTR_INPPS = 7;
    static final int STATS_ATTR_OUTPPS = 8;
    static final int STATS_ATTR_INBPS = 9;
    static final int STATS_ATTR_OUTBPS = 10;

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;

    private NetlinkConstants() {
    }

    /** Rounds a netlink length up to the 4-byte alignment of messages and attributes. */
    static int align4(int length) {
        return (length + 3) & ~3;
    }
}

package io.jtelegraf.inputs.ipvs.netlink;

/**
 * Linux errno numbers this client reacts to, and their texts for errors the kernel reports inside
 * netlink replies (where no libc call failed, so there is no strerror to ask). The texts are
 * glibc's with a lower-case first letter, which is how Telegraf (Go) prints them, so messages such
 * as "failed to list IPVS services: operation not permitted" read the same as Telegraf's.
 */
final class Errno {
    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int ESRCH = 3;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EBUSY = 16;
    static final int EINVAL = 22;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int ERANGE = 34;
    static final int EPROTONOSUPPORT = 93;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int ENOBUFS = 105;

    private Errno() {
    }

    /** The text of {@code errno}, or {@code "errno N"} for a number not listed here. */
    static String text(int errno) {
        return switch (errno) {
            case EPERM -> "operation not permitted";
            case ENOENT -> "no such file or directory";
            case ESRCH -> "no such process";
            case EINTR -> "interrupted system call";
            case EBADF -> "bad file descriptor";
            case EAGAIN -> "resource temporarily unavailable";
            case ENOMEM -> "cannot allocate memory";
            case EACCES -> "permission denied";
            case EBUSY -> "device or resource busy";
            case EINVAL -> "invalid argument";
            case ENFILE -> "too many open files in system";
            case EMFILE -> "too many open files";
            case ERANGE -> "numerical result out of range";
            case EPROTONOSUPPORT -> "protocol not supported";
            case EOPNOTSUPP -> "operation not supported";
            case EAFNOSUPPORT -> "address family not supported by protocol";
            case ENOBUFS -> "no buffer space available";
            default -> "errno " + errno;
        };
    }

    /** Go prints errno texts starting in lower case; glibc's strerror starts in upper case. */
    static String goStyle(String strerror) {
        if (strerror == null || strerror.isEmpty()) {
            return strerror;
        }
        return Character.toLowerCase(strerror.charAt(0)) + strerror.substring(1);
    }
}

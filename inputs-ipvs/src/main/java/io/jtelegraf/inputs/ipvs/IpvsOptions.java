package io.jtelegraf.inputs.ipvs;

import io.jtelegraf.spi.PluginConfig;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The options of one {@code [[inputs.ipvs]]} table. Telegraf's plugin has none; every option here
 * defaults to Telegraf's behaviour.
 *
 * @param netmaskTag how the virtual servers' {@code netmask} tag is written
 * @param extraFields whether to add the fields Telegraf leaves out (bps, weight, thresholds,
 *     persistent connections)
 * @param netns the network namespace file to read IPVS from, or null for the agent's own
 * @param timeout the longest wait for the complete answer to one netlink request
 */
record IpvsOptions(NetmaskTag netmaskTag, boolean extraFields, Path netns, Duration timeout) {
    static final String NETMASK_TAG = "netmask_tag";
    static final String EXTRA_FIELDS = "extra_fields";
    static final String NETNS = "netns";
    static final String TIMEOUT = "timeout";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    static IpvsOptions defaults() {
        return new IpvsOptions(NetmaskTag.POPCOUNT, false, null, DEFAULT_TIMEOUT);
    }

    /** Reads every option (so none is reported as unused) and validates it. */
    static IpvsOptions read(PluginConfig config) {
        String netmaskValue = config.getString(NETMASK_TAG, NetmaskTag.POPCOUNT.configValue());
        NetmaskTag netmaskTag = NetmaskTag.fromConfig(netmaskValue);
        if (netmaskTag == null) {
            throw config.invalid(NETMASK_TAG, "must be \"popcount\" (Telegraf's value) or \"prefix_length\", not \""
                    + netmaskValue + "\"");
        }
        boolean extraFields = config.getBoolean(EXTRA_FIELDS, false);
        Path netns = namespaceFile(config, config.getString(NETNS, ""));
        Duration timeout = config.getDuration(TIMEOUT, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw config.invalid(TIMEOUT, "must be longer than zero, not " + timeout);
        }
        return new IpvsOptions(netmaskTag, extraFields, netns, timeout);
    }

    private static Path namespaceFile(PluginConfig config, String value) {
        if (value.isEmpty()) {
            return null;
        }
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw config.invalid(NETNS, "\"" + value + "\" is not a valid path: " + e.getReason());
        }
        if (!Files.exists(path)) {
            throw config.invalid(NETNS, "file " + value + " does not exist; expected a network namespace file such as "
                    + "/run/netns/NAME or /proc/PID/ns/net");
        }
        return path;
    }
}

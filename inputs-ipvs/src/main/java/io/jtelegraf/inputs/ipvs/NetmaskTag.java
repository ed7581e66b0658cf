package io.jtelegraf.inputs.ipvs;

/** How the {@code netmask} tag of a virtual server is written (option {@code netmask_tag}). */
enum NetmaskTag {
    /**
     * Telegraf's value: the number of set bits in the kernel's netmask attribute. Right for IPv4,
     * where the attribute holds the mask; for IPv6 the attribute holds the prefix length, so /64
     * gives "1" and /96 gives "2". The default, so dashboards built on Telegraf keep working.
     */
    POPCOUNT("popcount"),
    /** The real prefix length for both families: "32" for 255.255.255.255, "64" for an IPv6 /64. */
    PREFIX_LENGTH("prefix_length");

    private final String configValue;

    NetmaskTag(String configValue) {
        this.configValue = configValue;
    }

    String configValue() {
        return configValue;
    }

    /** The constant for a configuration value, or null when there is none. */
    static NetmaskTag fromConfig(String value) {
        for (NetmaskTag tag : values()) {
            if (tag.configValue.equals(value)) {
                return tag;
            }
        }
        return null;
    }
}

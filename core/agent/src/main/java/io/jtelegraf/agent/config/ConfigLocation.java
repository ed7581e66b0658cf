package io.jtelegraf.agent.config;

import java.util.Objects;

/**
 * Where something was written: a config file (or another source name) and a 1-based line.
 * Printed as {@code /etc/jtelegraf/jtelegraf.conf:12}, the prefix of every config error.
 *
 * @param source the file path as given, or a descriptive name such as {@code <inputs.ipvs>}
 * @param line the 1-based line, 0 when the whole source is meant
 */
public record ConfigLocation(String source, int line) {

    public ConfigLocation {
        Objects.requireNonNull(source, "source");
    }

    /** The same source at another line. */
    public ConfigLocation atLine(int otherLine) {
        return new ConfigLocation(source, otherLine);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}

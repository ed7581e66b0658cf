package io.jtelegraf.agent.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Telegraf's duration and size syntax (spec 1.9). Every method throws
 * {@link IllegalArgumentException} with a message fit for a config error.
 *
 * <ul>
 *   <li>{@link #goDuration}: Go's {@code time.ParseDuration}, used for the common plugin options
 *       ({@code interval}, {@code flush_interval}...): units ns, us, µs, ms, s, m, h, combinable,
 *       signed; no {@code d}; a bare number other than {@code "0"} misses its unit.</li>
 *   <li>{@link #typedDuration}: Telegraf's duration type, used for {@code [agent]} and for plugin
 *       options read with {@code getDuration}: {@code ""} is 0, a numeric string is seconds,
 *       otherwise Go units plus {@code d} = 24h (fractions and repeats allowed).</li>
 *   <li>{@link #size}: a numeric string is bytes; otherwise strict byte units, decimal
 *       ({@code kB} = 1000) or binary ({@code KiB} = 1024).</li>
 * </ul>
 */
final class TelegrafUnits {
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MAX_LONG = BigDecimal.valueOf(Long.MAX_VALUE);

    private static final Map<String, BigDecimal> GO_DURATION_UNITS = durationUnits(false);
    private static final Map<String, BigDecimal> TELEGRAF_DURATION_UNITS = durationUnits(true);
    private static final Map<String, BigDecimal> SIZE_UNITS = sizeUnits();

    private TelegrafUnits() {
    }

    static Duration goDuration(String text) {
        return Duration.ofNanos(parseUnits(text, GO_DURATION_UNITS, "duration"));
    }

    static Duration typedDuration(String text) {
        if (text.isEmpty()) {
            return Duration.ZERO;
        }
        if (isNumber(text)) {
            return seconds(Double.parseDouble(text));
        }
        return Duration.ofNanos(parseUnits(text, TELEGRAF_DURATION_UNITS, "duration"));
    }

    /**
     * A duration option's TOML value, as the agent table and plugin tables read it: an integer or
     * float number of seconds, or a string with units ({@link #typedDuration}).
     *
     * @return {@code null} when the value is of another type, for the caller's type error
     * @throws IllegalArgumentException or {@link ArithmeticException} for a value out of range or
     *     a string that is no duration
     */
    static Duration durationValue(Object value) {
        if (value instanceof Long seconds) {
            return seconds(seconds.longValue());
        } else if (value instanceof Double seconds) {
            return seconds(seconds);
        } else if (value instanceof String text) {
            return typedDuration(text);
        }
        return null;
    }

    /**
     * Whole seconds as a duration. Like Telegraf's, a duration must fit 64-bit nanoseconds (about
     * 292 years); Go would wrap around silently, jtelegraf refuses.
     */
    static Duration seconds(long seconds) {
        long limit = Long.MAX_VALUE / NANOS_PER_SECOND.longValue();
        if (seconds > limit || seconds < -limit) {
            throw new IllegalArgumentException("duration of " + seconds + " seconds is out of range");
        }
        return Duration.ofSeconds(seconds);
    }

    /** Fractional seconds as a duration, truncated to whole nanoseconds. */
    static Duration seconds(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("invalid duration " + seconds);
        }
        BigDecimal nanos = new BigDecimal(seconds).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.DOWN);
        if (nanos.abs().compareTo(MAX_LONG) > 0) {
            throw new IllegalArgumentException("duration of " + seconds + " seconds is out of range");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    static long size(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return parseUnits(text, SIZE_UNITS, "size");
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    /** Go's grammar {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}, with a special case for "0". */
    private static long parseUnits(String original, Map<String, BigDecimal> units, String kind) {
        String s = original;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("invalid " + kind + " " + quote(original));
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            boolean digitsBefore = i > start;
            boolean digitsAfter = false;
            if (i < s.length() && s.charAt(i) == '.') {
                int fractionStart = ++i;
                while (i < s.length() && isDigit(s.charAt(i))) {
                    i++;
                }
                digitsAfter = i > fractionStart;
            }
            if (!digitsBefore && !digitsAfter) {
                throw new IllegalArgumentException("invalid " + kind + " " + quote(original));
            }
            String number = s.substring(start, i);
            int unitStart = i;
            while (i < s.length() && s.charAt(i) != '.' && !isDigit(s.charAt(i))) {
                i++;
            }
            String unit = s.substring(unitStart, i);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("missing unit in " + kind + " " + quote(original)
                        + " (write for example \"" + (kind.equals("size") ? number + "MB" : number + "s") + "\")");
            }
            BigDecimal factor = units.get(unit);
            if (factor == null) {
                throw new IllegalArgumentException("unknown unit " + quote(unit) + " in " + kind + " "
                        + quote(original) + " (valid units: " + String.join(", ", units.keySet()) + ")");
            }
            String plain = number.endsWith(".") ? number + "0" : number;
            total = total.add(new BigDecimal(plain.startsWith(".") ? "0" + plain : plain).multiply(factor));
        }
        BigDecimal whole = total.setScale(0, RoundingMode.DOWN);
        if (whole.compareTo(MAX_LONG) > 0) {
            throw new IllegalArgumentException("invalid " + kind + " " + quote(original) + ": out of range");
        }
        long value = whole.longValueExact();
        return negative ? -value : value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static Map<String, BigDecimal> durationUnits(boolean withDays) {
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        units.put("ns", BigDecimal.ONE);
        units.put("us", BigDecimal.valueOf(1_000L));
        units.put("\u00b5s", BigDecimal.valueOf(1_000L));
        units.put("\u03bcs", BigDecimal.valueOf(1_000L));
        units.put("ms", BigDecimal.valueOf(1_000_000L));
        units.put("s", NANOS_PER_SECOND);
        units.put("m", BigDecimal.valueOf(60_000_000_000L));
        units.put("h", BigDecimal.valueOf(3_600_000_000_000L));
        if (withDays) {
            units.put("d", BigDecimal.valueOf(86_400_000_000_000L));
        }
        return Collections.unmodifiableMap(units);
    }

    private static Map<String, BigDecimal> sizeUnits() {
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        units.put("B", BigDecimal.ONE);
        String[] prefixes = {"K", "M", "G", "T", "P", "E"};
        BigDecimal decimal = BigDecimal.ONE;
        BigDecimal binary = BigDecimal.ONE;
        for (String prefix : prefixes) {
            decimal = decimal.multiply(BigDecimal.valueOf(1000));
            binary = binary.multiply(BigDecimal.valueOf(1024));
            units.put(prefix + "B", decimal);
            if (prefix.equals("K")) {
                units.put("kB", decimal);
            }
            units.put(prefix + "iB", binary);
        }
        return Collections.unmodifiableMap(units);
    }
}

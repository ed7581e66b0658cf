package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.Metric;

/** The order of fields with {@code influx_sort_fields}: by key, compared as UTF-8 bytes like Go strings. */
final class FieldOrder {
    private FieldOrder() {
    }

    /**
     * {@code metric}'s field indices in ascending key order, in the first {@code fieldCount()}
     * slots of {@code reuse}, or of a new array when {@code reuse} is too short.
     */
    static int[] sorted(Metric metric, int[] reuse) {
        int fields = metric.fieldCount();
        int[] order = reuse.length >= fields ? reuse : new int[Math.max(fields, reuse.length * 2)];
        // Insertion sort: metrics have few fields, and it needs no boxing or comparator object.
        for (int i = 0; i < fields; i++) {
            String key = metric.fieldKey(i);
            int at = i;
            while (at > 0 && compareAsUtf8(metric.fieldKey(order[at - 1]), key) > 0) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
        return order;
    }

    /** Compares by code point, which is the order of the UTF-8 bytes. */
    static int compareAsUtf8(String left, String right) {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // Surrogates (U+D800..DFFF) encode code points above every BMP character.
                boolean surrogateA = Character.isSurrogate(a);
                boolean surrogateB = Character.isSurrogate(b);
                if (surrogateA != surrogateB) {
                    return surrogateA ? 1 : -1;
                }
                return a - b;
            }
        }
        return left.length() - right.length();
    }
}

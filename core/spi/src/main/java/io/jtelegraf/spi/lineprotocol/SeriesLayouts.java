package io.jtelegraf.spi.lineprotocol;

import io.jtelegraf.spi.Metric;

/**
 * The few {@link SeriesLayout}s a serializer currently uses. A layout is made when a metric shares
 * its keys with the metric written just before it (see {@link Metric#sharesKeysWith}), so metrics
 * whose keys are never shared (built one by one) cost a few reference comparisons and never a
 * layout. The table holds {@link #SLOTS} layouts and replaces them in turn: an input emits a few
 * kinds of metrics interleaved (a virtual server, then its real servers). The layouts keep their
 * example metric, and the table the last unmatched one, reachable until they are replaced.
 *
 * <p>Not thread-safe: one per serializer.
 */
final class SeriesLayouts {
    static final int SLOTS = 4;

    private final LineProtocolOptions options;
    private final EscapedTextCache values;
    private final SeriesLayout[] layouts = new SeriesLayout[SLOTS];
    private int nextSlot;
    /** The last metric that matched no layout: a layout is made when the next shares its keys. */
    private Metric previous;

    SeriesLayouts(LineProtocolOptions options, EscapedTextCache values) {
        this.options = options;
        this.values = values;
    }

    /** The usable layout for {@code metric}'s keys, or null when it takes the general path. */
    SeriesLayout find(Metric metric) {
        for (SeriesLayout layout : layouts) {
            if (layout != null && layout.example.sharesKeysWith(metric)) {
                return layout.usable ? layout : null;
            }
        }
        if (previous == null || !previous.sharesKeysWith(metric)) {
            previous = metric;
            return null;
        }
        previous = null;
        SeriesLayout layout = SeriesLayout.of(metric, options, fieldOrder(metric), values);
        layouts[nextSlot] = layout;
        nextSlot = (nextSlot + 1) % SLOTS;
        return layout.usable ? layout : null;
    }

    private int[] fieldOrder(Metric metric) {
        if (options.sortFields()) {
            return FieldOrder.sorted(metric, new int[metric.fieldCount()]);
        }
        int[] order = new int[metric.fieldCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        return order;
    }
}

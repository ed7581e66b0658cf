package io.jtelegraf.agent.internal;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JVM's counterpart of Go's {@code runtime.MemStats} for {@code internal_memstats}. The
 * mapping of each field, and the fields with no JVM counterpart (reported as 0), are documented
 * in {@code core/agent/README-internal.md}.
 */
class JvmMemStats {

    /** The memstats fields as unsigned values, like Go's uint64, in Telegraf's order. */
    Map<String, Object> fields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = memory.getHeapMemoryUsage();
        MemoryUsage nonHeap = memory.getNonHeapMemoryUsage();
        long heapUsed = heap.getUsed();
        long heapCommitted = heap.getCommitted();
        fields.put("alloc_bytes", unsigned(heapUsed));
        fields.put("total_alloc_bytes", unsigned(totalAllocatedBytes()));
        fields.put("sys_bytes", unsigned(heapCommitted + Math.max(0, nonHeap.getCommitted())));
        fields.put("pointer_lookups", unsigned(0));
        fields.put("mallocs", unsigned(0));
        fields.put("frees", unsigned(0));
        fields.put("heap_alloc_bytes", unsigned(heapUsed));
        fields.put("heap_sys_bytes", unsigned(heapCommitted));
        fields.put("heap_idle_bytes", unsigned(Math.max(0, heapCommitted - heapUsed)));
        fields.put("heap_in_use_bytes", unsigned(heapUsed));
        fields.put("heap_released_bytes", unsigned(0));
        fields.put("heap_objects", unsigned(0));
        fields.put("num_gc", unsigned(collections()));
        return fields;
    }

    private static BigInteger unsigned(long value) {
        return BigInteger.valueOf(Math.max(0, value));
    }

    /** Bytes allocated by the live threads (HotSpot's thread allocation counters), else 0. */
    private static long totalAllocatedBytes() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (threads instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemoryEnabled()) {
            long total = 0;
            for (long bytes : hotspot.getThreadAllocatedBytes(hotspot.getAllThreadIds())) {
                if (bytes > 0) {
                    total += bytes;
                }
            }
            return total;
        }
        return 0;
    }

    private static long collections() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, collector.getCollectionCount());
        }
        return total;
    }
}

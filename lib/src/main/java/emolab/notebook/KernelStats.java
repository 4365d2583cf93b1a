package emolab.notebook;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap use of the JVM this runs in (the notebook kernel), for the runner's index. The
 * runner calls {@link #watch()} in a hidden cell before a notebook's first cell and prints
 * {@link #json()} in a hidden cell after its last one.
 *
 * <p>Heap use peaks just before a garbage collection, so {@link #watch()} listens to every
 * collection and keeps the largest heap use before one (summed over the heap pools); the peak is
 * that or the heap use now, whichever is larger. Without {@code watch()} the peak is the sum of
 * the heap pools' own peaks, an upper bound (the pools need not peak together).
 */
public final class KernelStats {
    private KernelStats() {}

    private static final AtomicLong PEAK_BEFORE_GC = new AtomicLong();
    private static volatile boolean watching;

    /** Starts watching garbage collections (idempotent). */
    public static synchronized void watch() {
        if (watching) return;
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((n, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long before = 0;
                for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageBeforeGc().entrySet())
                    if (heapPools.contains(e.getKey())) before += e.getValue().getUsed();
                PEAK_BEFORE_GC.accumulateAndGet(before, Math::max);
            }, null, null);
        }
        watching = true;
    }

    /** Whether {@link #watch()} has run in this JVM. */
    public static boolean watching() {
        return watching;
    }

    /** Heap in use now, in bytes. */
    public static long heapUsedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The peak heap use in bytes (see the class comment for how it is measured). */
    public static long peakHeapBytes() {
        if (watching) return Math.max(PEAK_BEFORE_GC.get(), heapUsedNow());
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        return sum;
    }

    /** One JSON line: peak heap, maximum heap (-Xmx) and how the peak was measured. */
    public static String json() {
        return String.format(Locale.ROOT, "{\"peakHeapBytes\":%d,\"maxHeapBytes\":%d,\"method\":\"%s\"}",
                peakHeapBytes(), Runtime.getRuntime().maxMemory(), watching ? "before-gc" : "pool-peaks");
    }
}

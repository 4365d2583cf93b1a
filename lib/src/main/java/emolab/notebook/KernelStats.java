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

    private static volatile java.nio.file.Path mirror;

    /**
     * {@link #watch()}, and keeps {@code file} holding {@link #json()} whenever the peak grows
     * (written to a temp file and renamed): the runner reads it when the kernel can no longer answer,
     * e.g. after an {@link OutOfMemoryError} wedged it.
     */
    public static void watch(String file) {
        mirror = java.nio.file.Path.of(file);
        watch();
        writeMirror();
    }

    private static void writeMirror() {
        java.nio.file.Path f = mirror;
        if (f == null) return;
        try {
            java.nio.file.Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            java.nio.file.Files.writeString(tmp, json() + "\n");
            java.nio.file.Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable e) {
            // best effort: the file is only a fallback for a kernel that cannot answer
        }
    }

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
                long previous = PEAK_BEFORE_GC.getAndAccumulate(before, Math::max);
                if (before > previous) writeMirror();
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

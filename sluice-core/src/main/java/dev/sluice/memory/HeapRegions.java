package dev.sluice.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * How large a spill block and its codec buffers may be. Under G1 an array of half a heap region or more is a
 * humongous allocation: it takes whole regions of its own, and with a small heap ({@code -Xmx64m} has 1 MiB
 * regions) a few of them fragment the heap until an allocation fails with memory to spare (M5 failed so in 3 of
 * 4 runs). So under G1 blocks are cut to a quarter of a region (estimated), which keeps the buffers that hold
 * them, grown by doubling, below half a region; other collectors have no such cliff and blocks are not cut.
 */
public final class HeapRegions {
    /** Array header and the block header, kept below the threshold too. */
    private static final long SLACK = 256;

    /** The largest buffer that is not humongous here (Long.MAX_VALUE when G1 is not in use). */
    public static final long BUFFER_LIMIT = bufferLimit(g1InUse(), g1RegionSize());
    /** The largest block (estimated with {@link dev.sluice.vector.BatchSizes}) written as one. */
    public static final long BLOCK_LIMIT = blockLimit(BUFFER_LIMIT);

    private HeapRegions() {}

    /** Below half a region under G1, else unlimited. */
    static long bufferLimit(boolean g1, long regionSize) {
        if (!g1 || regionSize <= 0) return Long.MAX_VALUE;
        return regionSize / 2 - SLACK;
    }

    /** Half the buffer limit: a buffer grown by doubling past a block of this size still stays below the limit. */
    static long blockLimit(long bufferLimit) {
        return bufferLimit == Long.MAX_VALUE ? Long.MAX_VALUE : bufferLimit / 2;
    }

    /** A buffer's next capacity when it must hold {@code needed} bytes: doubled, but not past the limit when it fits. */
    static long grownCapacity(long current, long needed, long limit) {
        long doubled = Math.max(needed, current * 2);
        return needed <= limit ? Math.min(doubled, limit) : needed;
    }

    static boolean g1InUse() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1 ")) return true;
        }
        return false;
    }

    /** {@code G1HeapRegionSize} of this JVM in bytes, or 0 when it cannot be read. */
    static long g1RegionSize() {
        try {
            var diagnostic = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return diagnostic == null ? 0 : Long.parseLong(diagnostic.getVMOption("G1HeapRegionSize").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 0;   // not HotSpot, or the option is unknown: no cap
        }
    }
}

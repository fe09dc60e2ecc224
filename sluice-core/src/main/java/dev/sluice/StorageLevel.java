package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How {@link DataFrame#persist(StorageLevel)} keeps rows, with Spark's constants and text. Sluice keeps a cached
 * query's batches in the session's memory budget and writes them to its spill files when the pool needs the memory;
 * levels without disk (MEMORY_ONLY...) spill too rather than recompute evicted partitions as Spark does (the rows are
 * the same; see docs/sql.md), DISK_ONLY writes every batch to disk at once, and replication and off-heap have no
 * meaning in one process (kept for display).
 */
public final class StorageLevel {
    public static final StorageLevel NONE = new StorageLevel("NONE", false, false, false, false, 1);
    public static final StorageLevel DISK_ONLY = new StorageLevel("DISK_ONLY", true, false, false, false, 1);
    public static final StorageLevel DISK_ONLY_2 = new StorageLevel("DISK_ONLY_2", true, false, false, false, 2);
    public static final StorageLevel DISK_ONLY_3 = new StorageLevel("DISK_ONLY_3", true, false, false, false, 3);
    public static final StorageLevel MEMORY_ONLY = new StorageLevel("MEMORY_ONLY", false, true, false, true, 1);
    public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel("MEMORY_ONLY_2", false, true, false, true, 2);
    public static final StorageLevel MEMORY_ONLY_SER = new StorageLevel("MEMORY_ONLY_SER", false, true, false, false, 1);
    public static final StorageLevel MEMORY_ONLY_SER_2 = new StorageLevel("MEMORY_ONLY_SER_2", false, true, false, false, 2);
    public static final StorageLevel MEMORY_AND_DISK = new StorageLevel("MEMORY_AND_DISK", true, true, false, true, 1);
    public static final StorageLevel MEMORY_AND_DISK_2 = new StorageLevel("MEMORY_AND_DISK_2", true, true, false, true, 2);
    public static final StorageLevel MEMORY_AND_DISK_SER = new StorageLevel("MEMORY_AND_DISK_SER", true, true, false, false, 1);
    public static final StorageLevel MEMORY_AND_DISK_SER_2 = new StorageLevel("MEMORY_AND_DISK_SER_2", true, true, false, false, 2);
    public static final StorageLevel MEMORY_AND_DISK_DESER = new StorageLevel("MEMORY_AND_DISK_DESER", true, true, false, true, 1);
    public static final StorageLevel OFF_HEAP = new StorageLevel("OFF_HEAP", true, true, true, false, 1);

    private static final Map<String, StorageLevel> BY_NAME = new LinkedHashMap<>();

    static {
        for (StorageLevel l : new StorageLevel[] {NONE, DISK_ONLY, DISK_ONLY_2, DISK_ONLY_3, MEMORY_ONLY, MEMORY_ONLY_2, MEMORY_ONLY_SER,
                MEMORY_ONLY_SER_2, MEMORY_AND_DISK, MEMORY_AND_DISK_2, MEMORY_AND_DISK_SER, MEMORY_AND_DISK_SER_2, MEMORY_AND_DISK_DESER, OFF_HEAP}) {
            BY_NAME.put(l.name, l);
        }
    }

    private final String name;
    private final boolean useDisk;
    private final boolean useMemory;
    private final boolean useOffHeap;
    private final boolean deserialized;
    private final int replication;

    private StorageLevel(String name, boolean useDisk, boolean useMemory, boolean useOffHeap, boolean deserialized, int replication) {
        this.name = name;
        this.useDisk = useDisk;
        this.useMemory = useMemory;
        this.useOffHeap = useOffHeap;
        this.deserialized = deserialized;
        this.replication = replication;
    }

    /** A constant by its name, as Spark's {@code StorageLevel.fromString} ({@code CACHE TABLE ... OPTIONS ('storageLevel' ...)}). */
    public static StorageLevel fromString(String name) {
        StorageLevel l = BY_NAME.get(name.trim().toUpperCase(Locale.ROOT));
        if (l == null) {
            throw SluiceException.of(ErrorCode.INVALID_ARGUMENT).with("function", "StorageLevel.fromString")
                    .with("reason", "unknown storage level '" + name + "'; use one of " + String.join(", ", BY_NAME.keySet())).build();
        }
        return l;
    }

    /** The level with these flags (Spark Connect sends levels as flags), named after the constant that has them. */
    public static StorageLevel of(boolean useDisk, boolean useMemory, boolean useOffHeap, boolean deserialized, int replication) {
        for (StorageLevel l : BY_NAME.values()) {
            if (l.useDisk == useDisk && l.useMemory == useMemory && l.useOffHeap == useOffHeap && l.deserialized == deserialized
                    && l.replication == replication && !l.name.equals("MEMORY_AND_DISK_DESER")) return l;
        }
        return new StorageLevel("CUSTOM", useDisk, useMemory, useOffHeap, deserialized, replication);
    }

    public String name() { return name; }

    public boolean useDisk() { return useDisk; }

    public boolean useMemory() { return useMemory; }

    public boolean useOffHeap() { return useOffHeap; }

    public boolean deserialized() { return deserialized; }

    public int replication() { return replication; }

    /** Spark's text: {@code StorageLevel(disk, memory, deserialized, 1 replicas)}. */
    @Override public String toString() {
        StringBuilder sb = new StringBuilder("StorageLevel(");
        if (useDisk) sb.append("disk, ");
        if (useMemory) sb.append("memory, ");
        if (useOffHeap) sb.append("offheap, ");
        if (deserialized) sb.append("deserialized, ");
        return sb.append(replication).append(" replicas)").toString();
    }

    @Override public boolean equals(Object o) {
        return o instanceof StorageLevel l && l.useDisk == useDisk && l.useMemory == useMemory && l.useOffHeap == useOffHeap
                && l.deserialized == deserialized && l.replication == replication;
    }

    @Override public int hashCode() { return java.util.Objects.hash(useDisk, useMemory, useOffHeap, deserialized, replication); }
}

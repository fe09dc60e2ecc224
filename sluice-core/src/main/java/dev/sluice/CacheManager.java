package dev.sluice;

import dev.sluice.exec.CachedPartitions;
import dev.sluice.exec.CachedTable;
import dev.sluice.exec.ExecNode;
import dev.sluice.exec.PlannerContext;
import dev.sluice.plan.CachedRelation;
import dev.sluice.plan.LogicalPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cached queries of a session and the sessions made from it (Spark's {@code CacheManager}): {@code cache()} and
 * {@code CACHE TABLE} register an analyzed plan; when an action runs, every sub-plan equal to a registered one is
 * replaced by a {@link CachedRelation} reading its stored batches (the first action computes and stores them).
 */
final class CacheManager {
    private final List<Entry> entries = new ArrayList<>();
    /** Local checkpoints: stored like cached queries, read only through their own CachedRelation, never matched. */
    private final List<Entry> checkpoints = new ArrayList<>();

    /** Registers {@code plan} (nothing is computed yet); an equal plan already cached keeps its entry, as Spark. */
    synchronized Entry cache(LogicalPlan plan, StorageLevel level, String tableName, RuntimeConfig conf) {
        Optional<Entry> existing = lookup(plan);
        if (existing.isPresent()) return existing.get();
        Entry e = new Entry(plan, level, tableName, conf, tableName == null ? "cache" : "cache " + tableName);
        entries.add(e);
        return e;
    }

    /** A new checkpoint of {@code plan} ({@code localCheckpoint}): storage of its own, read only by its relation. */
    synchronized Entry checkpoint(LogicalPlan plan, StorageLevel level, RuntimeConfig conf) {
        Entry e = new Entry(plan, level, null, conf, "local checkpoint");
        checkpoints.add(e);
        return e;
    }

    /** Frees a checkpoint's memory and files; false when {@code data} is none of this session's checkpoints. */
    boolean releaseCheckpoint(dev.sluice.plan.CachedData data) {
        synchronized (this) {
            if (!checkpoints.remove(data)) return false;
        }
        ((Entry) data).storage.close();
        return true;
    }

    /** The entry of {@code plan}; {@code spark.table("t")} finds the entry of the view t (its plan under the alias). */
    synchronized Optional<Entry> lookup(LogicalPlan plan) {
        for (Entry e : entries) if (e.plan.equals(plan)) return Optional.of(e);
        if (plan instanceof dev.sluice.plan.SubqueryAlias a) return lookup(a.input());
        return Optional.empty();
    }

    /** Forgets the entry of {@code plan} and frees its memory and files; false when it was not cached. */
    boolean uncache(LogicalPlan plan) {
        Entry removed;
        synchronized (this) {
            removed = lookup(plan).orElse(null);
            if (removed != null) entries.remove(removed);
        }
        if (removed == null) return false;
        removed.storage.close();
        return true;
    }

    void clear() {
        List<Entry> all;
        synchronized (this) {
            all = new ArrayList<>(entries);
            all.addAll(checkpoints);
            entries.clear();
            checkpoints.clear();
        }
        for (Entry e : all) e.storage.close();
    }

    /** {@code plan} with every sub-plan equal to a cached one read from the cache (the biggest match wins). */
    LogicalPlan useCached(LogicalPlan plan) { return useCached(plan, null); }

    private LogicalPlan useCached(LogicalPlan plan, Entry exclude) {
        List<Entry> snapshot;
        synchronized (this) {
            if (entries.isEmpty()) return plan;
            snapshot = new ArrayList<>(entries);
        }
        return replace(plan, snapshot, exclude);
    }

    private static LogicalPlan replace(LogicalPlan plan, List<Entry> entries, Entry exclude) {
        for (Entry e : entries) if (e != exclude && e.plan.equals(plan)) return new CachedRelation(e);
        List<LogicalPlan> children = plan.children();
        if (children.isEmpty()) return plan;
        List<LogicalPlan> out = new ArrayList<>(children.size());
        boolean changed = false;
        for (LogicalPlan c : children) {
            LogicalPlan r = replace(c, entries, exclude);
            changed |= r != c;
            out.add(r);
        }
        return changed ? plan.withChildren(out) : plan;
    }

    /** One cached query: its plan, level and stored batches. */
    final class Entry implements CachedTable {
        private final LogicalPlan plan;
        private final StorageLevel level;
        private final String tableName;
        private final RuntimeConfig conf;
        private final CachedPartitions storage;

        Entry(LogicalPlan plan, StorageLevel level, String tableName, RuntimeConfig conf, String owner) {
            this.plan = plan;
            this.level = level;
            this.tableName = tableName;
            this.conf = conf;
            this.storage = new CachedPartitions(owner);
        }

        StorageLevel level() { return level; }

        @Override public LogicalPlan plan() { return plan; }

        @Override public String storageLevelText() { return level.toString(); }

        @Override public String storageLevelName() { return level.name(); }

        @Override public String tableName() { return tableName; }

        @Override public boolean isMaterialized() { return storage.isReady(); }

        @Override public CachedPartitions storage() { return storage; }

        @Override public boolean diskOnly() { return !level.useMemory(); }

        @Override public ExecNode computePlan(PlannerContext context) {
            return new QueryExecution(useCached(plan, this), conf.snapshot(), context).physical();
        }

        @Override public String toString() { return "CachedQuery(" + (tableName == null ? "" : tableName + ", ") + level + ")"; }
    }
}

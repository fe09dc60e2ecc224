package dev.sluice.exec;

import dev.sluice.plan.CachedData;

/** A cached query as the physical planner sees it: how to compute its rows, and where they are kept once computed. */
public interface CachedTable extends CachedData {
    /** The operators computing the rows (the session's other caches read as such), planned with this query's settings. */
    ExecNode computePlan(PlannerContext context);

    /** Where the computed rows are kept. */
    CachedPartitions storage();

    /** True when every batch goes to disk at once (DISK_ONLY): nothing is held in memory. */
    boolean diskOnly();
}

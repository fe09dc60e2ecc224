package dev.sluice.exec;

import dev.sluice.plan.ObservedMetrics;

/** An observer as the physical planner sees it: told about each planned run, whose values it reads once the action succeeded. */
public interface MetricsSink extends ObservedMetrics {
    void started(MetricsRun run);
}

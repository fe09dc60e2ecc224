package dev.sluice.plan;

/** Where {@link CollectMetrics} delivers its values (Spark's {@code Observation}); compared by identity. */
public interface ObservedMetrics {
    /** The name the metrics are reported under. */
    String name();
}

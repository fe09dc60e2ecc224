package dev.sluice.glue;

import java.util.List;
import java.util.function.Predicate;

/**
 * filter(f): keeps the records for which f returns true. The schema is unchanged (no pass). Unlike Glue's Python
 * wrapper, which silently drops a record when f raises KeyError, ValueError or TypeError, any exception here
 * makes an error record: no record is lost without one.
 */
final class FilterTransform {
    private FilterTransform() {}

    static DynamicFrame apply(DynamicFrame frame, Predicate<DynamicRecord> f, TransformOptions options) {
        return frame.derive("filter", options, null, stage -> {
            FramePlan in = frame.plan();
            return Records.applyEach(in, in.schema(), r -> f.test(r) ? List.of(r) : List.of(), stage);
        });
    }
}

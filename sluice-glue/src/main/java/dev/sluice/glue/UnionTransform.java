package dev.sluice.glue;

import java.util.List;

/**
 * union(other) (GLUE.md §3.11): every record of both frames, matched by field name (records self-describe), the
 * schemas merged with Glue's rules (a field typed differently on the two sides becomes a choice).
 */
final class UnionTransform {
    private UnionTransform() {}

    static DynamicFrame apply(DynamicFrame a, DynamicFrame b, TransformOptions options) {
        return a.derive("union", options, null, stage -> PlanAlignment.union(List.of(a.plan(), b.plan()), stage), b);
    }
}

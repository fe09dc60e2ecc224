package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.expr.Expression;
import dev.sluice.expr.PartitionScope;
import dev.sluice.expr.ScalarFunction;
import dev.sluice.expr.Signature;
import dev.sluice.vector.ColumnVector;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static dev.sluice.functions.call_function;

/**
 * Enforces stageThreshold / totalThreshold while an action computes a frame (not when it is defined): a
 * function over the error column, made for one action and carried by its call, counts error records by the stage that made them
 * and fails the action with GLUE_ERROR_THRESHOLD as soon as a stage has more than its threshold, or the stage
 * and its ancestors together more than its total threshold. 0 means no limit.
 */
final class ThresholdCheck implements ScalarFunction {
    private final Map<Stage, Set<Integer>> checked;   // a stage with thresholds -> its lineage's stage ids
    /**
     * Error counts by stage, per partition: each partition's entry is replaced by a fresh one when a task computes
     * that partition again (a second action on the same DataFrame, a retried task), so counts never add up
     * across actions. The sum over partitions is the count of the action running now.
     */
    private final Map<Integer, Map<Integer, AtomicLong>> byPartition = new ConcurrentHashMap<>();

    private ThresholdCheck(Map<Stage, Set<Integer>> checked) {
        this.checked = checked;
    }

    /** The frame's plan with the check in it (when any stage in its lineage has a threshold). */
    static ThresholdCheck forFrame(DynamicFrame frame) {
        Map<Stage, Set<Integer>> checked = new LinkedHashMap<>();
        for (DynamicFrame f : lineage(frame)) {
            if (f.stage().options().hasThresholds()) {
                Set<Integer> ids = new HashSet<>();
                for (DynamicFrame a : lineage(f)) ids.add(a.stage().id());
                checked.put(f.stage(), ids);
            }
        }
        return new ThresholdCheck(checked);
    }

    static List<DynamicFrame> lineage(DynamicFrame frame) {
        List<DynamicFrame> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        Deque<DynamicFrame> todo = new ArrayDeque<>(List.of(frame));
        while (!todo.isEmpty()) {
            DynamicFrame f = todo.pop();
            if (!seen.add(f.stage().id())) continue;
            out.add(f);
            todo.addAll(f.stage().parents());
        }
        return out;
    }

    DataFrame wrap(FramePlan plan) {
        if (checked.isEmpty()) return plan.data();
        return plan.data().withColumn(ErrorColumn.NAME, call_function(this, plan.error()));
    }

    @Override public String name() { return "glue_threshold_check"; }

    @Override public Signature bind(List<Expression> arguments) {
        return new Signature(List.of(ErrorColumn.TYPE), ErrorColumn.TYPE, true);
    }

    @Override public boolean deterministic() { return false; }

    @Override public ColumnVector evaluate(Signature signature, ColumnVector[] arguments, int rowCount) {
        ColumnVector errors = arguments[0];
        Map<Integer, Long> batch = new HashMap<>();
        for (int i = 0; i < rowCount; i++) {
            if (!errors.isNull(i)) batch.merge(errors.child(0).getInt(i), 1L, Long::sum);
        }
        if (!batch.isEmpty()) {
            PartitionScope scope = PartitionScope.current();
            Map<Integer, AtomicLong> counts = scope.state(this, () -> {
                Map<Integer, AtomicLong> fresh = new ConcurrentHashMap<>();
                byPartition.put(scope.partition(), fresh);
                return fresh;
            });
            batch.forEach((stage, n) -> counts.computeIfAbsent(stage, s -> new AtomicLong()).addAndGet(n));
            check();
        }
        return errors;
    }

    private void check() {
        for (Map.Entry<Stage, Set<Integer>> e : checked.entrySet()) {
            Stage s = e.getKey();
            long own = count(s.id());
            long total = 0;
            for (int id : e.getValue()) total += count(id);
            TransformOptions o = s.options();
            if (o.stageThreshold() > 0 && own > o.stageThreshold()) throw exceeded(s, own, total, "stageThreshold " + o.stageThreshold());
            if (o.totalThreshold() > 0 && total > o.totalThreshold()) throw exceeded(s, own, total, "totalThreshold " + o.totalThreshold());
        }
    }

    private long count(int stage) {
        long total = 0;
        for (Map<Integer, AtomicLong> counts : byPartition.values()) {
            AtomicLong n = counts.get(stage);
            if (n != null) total += n.get();
        }
        return total;
    }

    private static SluiceException exceeded(Stage s, long own, long total, String threshold) {
        return SluiceException.of(ErrorCode.GLUE_ERROR_THRESHOLD).with("transform", s.transform())
                .with("context", s.options().transformationContext()).with("stageErrors", own).with("totalErrors", total)
                .with("threshold", threshold).build();
    }
}

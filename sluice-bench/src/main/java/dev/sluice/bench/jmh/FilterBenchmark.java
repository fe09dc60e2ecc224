package dev.sluice.bench.jmh;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * A filter predicate: {@code status >= 400} evaluated over a 4096-row batch, then the batch narrowed to the rows
 * where it is true (what FilterExec does per batch).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class FilterBenchmark {
    private Batch batch;
    private Expression predicate;
    private int[] selection;

    @Setup
    public void setUp(WorkloadLines data) {
        batch = data.batch;
        int status = data.schema.fieldNames().indexOf("status");
        predicate = new Comparison(Comparison.Op.GE, new BoundColumn(status, "status", DataTypes.INT, true), Literal.of(400));
        selection = new int[batch.rowCount()];
    }

    @Benchmark
    public Batch filter() {
        ColumnVector keep = predicate.evaluate(batch);
        int n = 0;
        for (int i = 0; i < batch.rowCount(); i++) {
            if (!keep.isNull(i) && keep.getBoolean(i)) selection[n++] = i;
        }
        return batch.select(selection, n);
    }
}

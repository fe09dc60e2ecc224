package dev.sluice.connect;

import dev.sluice.types.DecimalType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.arrow.memory.BufferAllocator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Spark Connect's Arrow conversion of 4096 rows of a DECIMAL(12,2) column (values up to ±99,999.99, 5% nulls) and a
 * BIGINT column: a result batch encoded as an IPC stream ({@code ArrowBatches}) and a local relation decoded into
 * rows ({@code ArrowRows}). In the connect package of this module because both classes are package-private there.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ArrowDecimalBenchmark {
    private static final int ROWS = 4096;

    private BufferAllocator allocator;
    private StructType schema;
    private List<Row> rows;
    private byte[] ipc;

    @Setup(Level.Trial)
    public void setUp() {
        schema = new StructType(List.of(new StructField("amount", new DecimalType(12, 2), true),
                new StructField("id", dev.sluice.types.DataTypes.LONG, false)));
        SplittableRandom random = new SplittableRandom(42);
        rows = new ArrayList<>(ROWS);
        for (int i = 0; i < ROWS; i++) {
            BigDecimal amount = random.nextInt(20) == 0 ? null : BigDecimal.valueOf(random.nextLong(-9_999_999L, 10_000_000L), 2);
            rows.add(new Row(schema, new Object[] {amount, random.nextLong()}));
        }
        allocator = Allocators.root().newChildAllocator("bench", 0, Long.MAX_VALUE);
        ipc = ArrowBatches.encode(allocator, schema, rows);
    }

    @TearDown(Level.Trial)
    public void tearDown() { allocator.close(); }

    /** The rows as one Arrow IPC stream, as an ExecutePlan response carries them. */
    @Benchmark
    public byte[] encode() { return ArrowBatches.encode(allocator, schema, rows); }

    /** The IPC stream back into rows, as a LocalRelation arrives. */
    @Benchmark
    public Object decode() { return ArrowRows.decode(allocator, ipc, schema).rows(); }
}

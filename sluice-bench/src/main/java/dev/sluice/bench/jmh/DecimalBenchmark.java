package dev.sluice.bench.jmh;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.expr.Arithmetic;
import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.Cast;
import dev.sluice.expr.EvalMode;
import dev.sluice.expr.FunctionCall;
import dev.sluice.expr.FunctionRegistry;
import dev.sluice.expr.Comparison;
import dev.sluice.expr.Expression;
import dev.sluice.expr.Literal;
import dev.sluice.io.BatchReader;
import dev.sluice.io.DataSource;
import dev.sluice.io.Split;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DecimalType;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
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
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static dev.sluice.functions.avg;
import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.sum;

/**
 * Decimal kernels over a DECIMAL(12,2) column ({@code amount}, values up to ±99,999.99, 5% nulls): the predicate
 * {@code amount >= 500.00} over one 4096-row batch narrowed to its true rows (what FilterExec does per batch), and
 * {@code sum(amount), avg(amount)} and {@code count(*) where amount >= 500.00} over 64 such batches (262,144 rows)
 * through the engine on one worker. Projections over the batch with a DECIMAL(5,2) {@code rate} (±0.01 to ±999.99,
 * never zero): {@code amount / rate} (a decimal(20,8) quotient: wider than a long, written from one),
 * {@code amount % rate}, {@code round(amount, 1)}, {@code bround(amount, 1)} and {@code CAST(amount AS STRING)}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class DecimalBenchmark {
    private static final int ROWS = 4096;
    private static final int BATCHES = 64;
    private static final DecimalType AMOUNT = new DecimalType(12, 2);
    private static final BigDecimal THRESHOLD = new BigDecimal("500.00");

    private static final DecimalType RATE = new DecimalType(5, 2);

    private Batch batch;
    private Expression predicate;
    private Expression quotient;
    private Expression remainder;
    private Expression rounded;
    private Expression roundedHalfEven;
    private Expression text;
    private int[] selection;
    private Sluice sluice;
    private DataFrame sumQuery;
    private DataFrame filterQuery;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        FlatVector amount = Vectors.allocate(AMOUNT, ROWS);
        for (int i = 0; i < ROWS; i++) {
            if (random.nextInt(20) == 0) amount.appendNull();
            else amount.appendObject(BigDecimal.valueOf(random.nextLong(-9_999_999L, 10_000_000L), 2));
        }
        FlatVector rate = Vectors.allocate(RATE, ROWS);
        for (int i = 0; i < ROWS; i++) {
            long r = random.nextLong(1, 100_000);
            rate.appendObject(BigDecimal.valueOf(random.nextBoolean() ? r : -r, 2));
        }
        batch = new Batch(new ColumnVector[] {amount, rate}, ROWS);
        StructType schema = new StructType(List.of(new StructField("amount", AMOUNT, true), new StructField("rate", RATE, false)));
        Expression amountColumn = new BoundColumn(0, "amount", AMOUNT, true), rateColumn = new BoundColumn(1, "rate", RATE, false);
        predicate = new Comparison(Comparison.Op.GE, amountColumn, new Literal(THRESHOLD, AMOUNT));
        quotient = new Arithmetic(Arithmetic.Op.DIVIDE, amountColumn, rateColumn, EvalMode.ANSI);
        remainder = new Arithmetic(Arithmetic.Op.REMAINDER, amountColumn, rateColumn, EvalMode.ANSI);
        Literal one = new Literal(1, DataTypes.INT);
        rounded = call("round", amountColumn, one);
        roundedHalfEven = call("bround", amountColumn, one);
        text = new Cast(amountColumn, DataTypes.STRING, EvalMode.ANSI);
        selection = new int[ROWS];
        sluice = Sluice.builder().parallelism(1).build();
        DataFrame amounts = sluice.read(new CachedBatches(schema, batch));
        sumQuery = amounts.agg(sum(col("amount")), avg(col("amount")));
        filterQuery = amounts.filter(col("amount").geq(lit(THRESHOLD)));
    }

    /** A built-in function call bound to its arguments, as the analyzer leaves it. */
    private static Expression call(String name, Expression... args) {
        List<Expression> arguments = List.of(args);
        return new FunctionCall(name, arguments, FunctionRegistry.lookup(name).bind(arguments));
    }

    @TearDown(Level.Trial)
    public void tearDown() { sluice.close(); }

    /** The predicate over one batch, and the batch narrowed to the rows it keeps. */
    @Benchmark
    public Batch filterKernel() {
        ColumnVector keep = predicate.evaluate(batch);
        int n = 0;
        for (int i = 0; i < ROWS; i++) {
            if (!keep.isNull(i) && keep.getBoolean(i)) selection[n++] = i;
        }
        return batch.select(selection, n);
    }

    /** {@code amount / rate} over one batch. */
    @Benchmark
    public ColumnVector divideKernel() { return quotient.evaluate(batch); }

    /** {@code amount % rate} over one batch. */
    @Benchmark
    public ColumnVector remainderKernel() { return remainder.evaluate(batch); }

    /** {@code round(amount, 1)} over one batch. */
    @Benchmark
    public ColumnVector roundKernel() { return rounded.evaluate(batch); }

    /** {@code bround(amount, 1)} over one batch. */
    @Benchmark
    public ColumnVector broundKernel() { return roundedHalfEven.evaluate(batch); }

    /** {@code CAST(amount AS STRING)} over one batch. */
    @Benchmark
    public ColumnVector castToStringKernel() { return text.evaluate(batch); }

    /** {@code sum(amount), avg(amount)} over 262,144 rows. */
    @Benchmark
    public Object sumAndAverage() { return sumQuery.collect().get(0).get(0); }

    /** {@code count(*) where amount >= 500.00} over 262,144 rows. */
    @Benchmark
    public long filterCount() { return filterQuery.count(); }

    /** The same batch served {@link #BATCHES} times, as one split: no parsing in the measurement. */
    record CachedBatches(StructType schema, Batch batch) implements DataSource {
        @Override public String formatName() { return "cached"; }
        @Override public String description() { return BATCHES + " batches"; }
        @Override public List<Split> splits() {
            return List.of(new Split() {
                @Override public String description() { return "all"; }
                @Override public long sizeInBytes() { return 0; }
            });
        }
        @Override public BatchReader open(Split split, StructType projection, List<Expression> filters) {
            return new BatchReader() {
                int served;
                @Override public Batch next() { return served++ == BATCHES ? null : batch; }
                @Override public void close() { }
            };
        }
    }
}

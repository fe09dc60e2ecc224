package dev.sluice.spark;

import dev.sluice.Engine;
import dev.sluice.Sluice;
import dev.sluice.WriteRequest;
import dev.sluice.WriteResult;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.exec.CloseableIterator;
import dev.sluice.plan.Explain;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.types.DataType;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.SparkSession;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a Sluice session's actions on Apache Spark: the analyzed plan is translated into a Dataset (Spark optimizes
 * and runs it), rows come back as Sluice rows, and Spark's errors as Sluice's error codes.
 * <pre>
 * Sluice sluice = SparkEngine.of(spark);            // a Sluice session whose actions run on this SparkSession
 * sluice.read().schema(ddl).json(path).filter(...).write().json(out);
 * </pre>
 * Before each action the engine sets Spark's {@code spark.sql.ansi.enabled} to the Sluice session's setting and the
 * session time zone to the Sluice session's, so both engines compute the same values. The engine does not own the
 * SparkSession: closing the Sluice session leaves Spark running.
 */
public final class SparkEngine implements Engine {
    private final SparkSession spark;
    private final Sluice session;

    private SparkEngine(SparkSession spark, Sluice session) {
        this.spark = spark;
        this.session = session;
    }

    /** A Sluice session with default settings whose actions run on {@code spark}. */
    public static Sluice of(SparkSession spark) { return of(spark, Sluice.builder()); }

    /** A Sluice session with the builder's settings (ANSI, rules, storage) whose actions run on {@code spark}. */
    public static Sluice of(SparkSession spark, Sluice.Builder builder) {
        return builder.engine(s -> new SparkEngine(spark, s)).build();
    }

    /** The SparkSession this engine runs on. */
    public SparkSession spark() { return spark; }

    @Override public String name() { return "spark"; }

    /** The Spark Dataset computing {@code plan} (for callers who want to continue in Spark). */
    public Dataset<org.apache.spark.sql.Row> toDataset(LogicalPlan plan) { return translated(plan).dataset(); }

    /** A plan as Spark runs it, with the observations an action on it fills in. */
    private record Translated(Dataset<org.apache.spark.sql.Row> dataset, List<PlanTranslator.Observed> observed) {
        /** After a successful action: Spark's metrics go to the Sluice observations (Spark sets them as the action ends). */
        void deliver() {
            for (PlanTranslator.Observed o : observed) {
                if (!(o.sluice() instanceof dev.sluice.Observation target)) continue;
                scala.Option<org.apache.spark.sql.Row> row = o.spark().getRowOrEmpty();
                if (row.isDefined()) target.completeWith(SparkValues.fromSpark(row.get(), o.schema()));
            }
        }
    }

    private Translated translated(LogicalPlan plan) {
        return run(() -> {
            PlanTranslator translator = new PlanTranslator(spark, session.conf().ansi());
            Dataset<org.apache.spark.sql.Row> ds = translator.translate(plan);
            checkSchema(plan.schema(), ds);
            return new Translated(ds, translator.observed());
        });
    }

    @Override public long count(LogicalPlan plan) {
        Translated t = translated(plan);
        long n = run(t.dataset()::count);
        t.deliver();
        return n;
    }

    /**
     * Runs {@code function} on Spark's executors, once per partition, with the partition's rows as Sluice rows. The
     * schema travels as its DDL text (Sluice's types are not serializable); an exception of the function fails the
     * job with FAILED_EXECUTE_UDF, as on the embedded engine.
     */
    @Override public void foreachPartition(LogicalPlan plan, dev.sluice.ForeachPartitionFunction function) {
        Translated t = translated(plan);
        String schemaText = plan.schema().simpleString();
        org.apache.spark.api.java.function.ForeachPartitionFunction<org.apache.spark.sql.Row> onExecutor =
                rows -> PartitionCall.run(function, rows, schemaText);
        run(() -> {
            t.dataset().foreachPartition(onExecutor);
            return null;
        });
        t.deliver();
    }

    @Override public List<Row> collect(LogicalPlan plan) {
        Translated t = translated(plan);
        List<org.apache.spark.sql.Row> rows = run(t.dataset()::collectAsList);
        t.deliver();
        StructType schema = plan.schema();
        List<Row> out = new ArrayList<>(rows.size());
        for (org.apache.spark.sql.Row r : rows) out.add(SparkValues.fromSpark(r, schema));
        return out;
    }

    @Override public CloseableIterator<Row> toLocalIterator(LogicalPlan plan) {
        Dataset<org.apache.spark.sql.Row> ds = toDataset(plan);
        Iterator<org.apache.spark.sql.Row> rows = run(ds::toLocalIterator);
        StructType schema = plan.schema();
        return new CloseableIterator<>() {
            @Override public boolean hasNext() { return run(rows::hasNext); }

            @Override public Row next() { return SparkValues.fromSpark(run(rows::next), schema); }

            /** Spark's local iterator fetches one partition at a time; dropping it stops fetching. */
            @Override public void close() { }
        };
    }

    @Override public WriteResult write(LogicalPlan plan, WriteRequest request) {
        Translated t = translated(plan);
        WriteResult result = run(() -> SparkWrites.write(t.dataset(), request, session.storage()));
        t.deliver();
        return result;
    }

    @Override public String explain(LogicalPlan plan, boolean extended) {
        Dataset<org.apache.spark.sql.Row> ds = toDataset(plan);
        StringBuilder sb = new StringBuilder();
        if (extended) sb.append("== Analyzed Logical Plan (Sluice) ==\n").append(Explain.tree(plan)).append('\n');
        sb.append("== Spark Plan ==\n");
        if (ds instanceof org.apache.spark.sql.classic.Dataset<?> classic) {
            sb.append(classic.queryExecution().explainString(
                    org.apache.spark.sql.execution.ExplainMode.fromString(extended ? "extended" : "simple")));
        } else {
            sb.append("(Spark's plan text is not available from a ").append(ds.getClass().getSimpleName()).append(")\n");
        }
        return sb.toString();
    }

    /** Spark's own explain modes (simple, extended, codegen, cost, formatted); Sluice's analyze is the embedded engine's. */
    @Override public String explain(LogicalPlan plan, String mode) {
        String m = mode == null ? "" : mode.trim().toLowerCase(java.util.Locale.ROOT);
        if (m.equals("simple") || m.equals("extended")) return explain(plan, m.equals("extended"));
        if (!m.equals("codegen") && !m.equals("cost") && !m.equals("formatted")) return Engine.super.explain(plan, mode);
        Dataset<org.apache.spark.sql.Row> ds = toDataset(plan);
        if (!(ds instanceof org.apache.spark.sql.classic.Dataset<?> classic)) return Engine.super.explain(plan, mode);
        return run(() -> classic.queryExecution().explainString(org.apache.spark.sql.execution.ExplainMode.fromString(m)));
    }

    @Override public void cancelAll() { spark.interruptAll(); }

    @Override public void close() { }

    /** Runs Spark work with the session's settings in force, turning Spark's errors into Sluice's. */
    private <T> T run(Supplier<T> work) {
        spark.conf().set("spark.sql.ansi.enabled", String.valueOf(session.conf().ansi()));
        spark.conf().set("spark.sql.session.timeZone", session.conf().sessionTimeZone().getId());
        try {
            return work.get();
        } catch (SluiceException e) {
            throw e;
        } catch (Exception e) {   // Scala code throws checked AnalysisException without declaring it
            throw SparkErrors.translate(e);
        }
    }

    /** Spark must compute the columns Sluice planned: same names, same types (nullability may differ). */
    private static void checkSchema(StructType planned, Dataset<org.apache.spark.sql.Row> ds) {
        DataType actual = SparkTypes.fromSpark(ds.schema());
        if (!SparkTypes.sameIgnoringNullability(planned, actual)) {
            List<String> p = new ArrayList<>();
            for (StructField f : planned.fields()) p.add(f.name() + ":" + f.dataType().simpleString());
            throw SluiceException.of(ErrorCode.INTERNAL_ERROR)
                    .with("reason", "Spark computes " + actual.simpleString() + " where Sluice planned struct<" + String.join(",", p) + ">")
                    .build();
        }
    }
}

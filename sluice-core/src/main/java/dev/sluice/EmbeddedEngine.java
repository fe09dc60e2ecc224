package dev.sluice;

import dev.sluice.exec.CloseableIterator;
import dev.sluice.exec.ExecNode;
import dev.sluice.exec.JobListener;
import dev.sluice.exec.PlannerContext;
import dev.sluice.exec.Scheduler;
import dev.sluice.memory.MemoryPool;
import dev.sluice.io.DataSink;
import dev.sluice.io.FileFormats;
import dev.sluice.io.FileSink;
import dev.sluice.io.FileSinkOptions;
import dev.sluice.io.RecordFormat;
import dev.sluice.io.Storage;
import dev.sluice.plan.LogicalPlan;
import dev.sluice.plan.Project;
import dev.sluice.types.Row;
import dev.sluice.types.SessionZone;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLongArray;

/** The in-process engine: optimizes the plan, plans operators, runs partitions on a fixed pool of workers. */
final class EmbeddedEngine implements Engine {
    private final RuntimeConfig conf;
    private final Storage storage;
    private final Scheduler scheduler;
    private final PlannerContext planner;

    EmbeddedEngine(RuntimeConfig conf, Storage storage, List<JobListener> listeners) {
        this(conf, storage, new Scheduler(conf.parallelism(), listeners),
                new PlannerContext(poolFor(conf), conf.batchSize(), conf.shufflePartitions(), conf.broadcastThreshold(),
                        conf.maxSplitBytes()));
    }

    private static MemoryPool poolFor(RuntimeConfig conf) {
        MemoryPool pool = new MemoryPool(conf.memoryBudget());
        pool.taskSlots(conf.parallelism());   // the scheduler's workers: how many tasks reserve at once
        return pool;
    }

    private EmbeddedEngine(RuntimeConfig conf, Storage storage, Scheduler scheduler, PlannerContext planner) {
        this.conf = conf;
        this.storage = storage;
        this.scheduler = scheduler;
        this.planner = planner;
    }

    /** The same workers, memory pool and storage, with another session's runtime settings. */
    @Override public Engine forSession(RuntimeConfig sessionConf) { return new EmbeddedEngine(sessionConf, storage, scheduler, planner); }

    /** Runs an action in the session's time zone: the scheduler hands it to every task of the action's jobs. */
    private SessionZone sessionZone() { return SessionZone.enter(conf.sessionTimeZone(), conf.lastWinMapKeys()); }

    Scheduler scheduler() { return scheduler; }

    @Override public String name() { return "embedded"; }

    /** A job's execution with the settings in force when it starts (runtime settings may have changed since). */
    private QueryExecution execution(LogicalPlan plan) {
        SluiceConf now = conf.snapshot();
        PlannerContext context = now.shufflePartitions() == planner.shufflePartitions() && now.broadcastThreshold() == planner.broadcastThreshold()
                ? planner : new PlannerContext(planner.memoryPool(), planner.batchSize(), now.shufflePartitions(), now.broadcastThreshold(),
                        planner.maxSplitBytes());
        return new QueryExecution(plan, now, context);
    }

    /** The memory pool of blocking operators (its peak goes to the job report). */
    MemoryPool memoryPool() { return planner.memoryPool(); }

    @Override public long count(LogicalPlan plan) {
        try (SessionZone zone = sessionZone()) {
            return countInZone(plan);
        }
    }

    private long countInZone(LogicalPlan plan) {
        ExecNode root = execution(new Project(plan, List.of())).physical();
        AtomicLongArray counts = new AtomicLongArray(Math.max(1, root.partitionCount()));
        scheduler.run(root, "count", 0, (partition, stream, ctx) -> {
            long n = 0;
            for (Batch b = stream.next(); b != null; b = stream.next()) n += b.rowCount();
            counts.set(partition, n);
        });
        long total = 0;
        for (int i = 0; i < counts.length(); i++) total += counts.get(i);
        return total;
    }

    @Override public List<Row> collect(LogicalPlan plan) {
        try (SessionZone zone = sessionZone()) {
            return collectInZone(plan);
        }
    }

    private List<Row> collectInZone(LogicalPlan plan) {
        ExecNode root = execution(plan).physical();
        StructType schema = plan.schema();
        List<List<Row>> parts = new ArrayList<>();
        for (int i = 0; i < root.partitionCount(); i++) parts.add(null);
        long limit = conf.maxResultSize();
        java.util.concurrent.atomic.AtomicLong resultBytes = new java.util.concurrent.atomic.AtomicLong();
        scheduler.run(root, "collect", 0, (partition, stream, ctx) -> {
            List<Row> rows = new ArrayList<>();
            for (Batch b = stream.next(); b != null; b = stream.next()) {
                long total = resultBytes.addAndGet(dev.sluice.vector.BatchSizes.estimate(b));
                if (limit > 0 && total > limit) throw RuntimeConfig.resultTooLarge("The result of collect()", total, limit);
                Rows.appendTo(rows, schema, b);
            }
            synchronized (parts) {
                parts.set(partition, rows);
            }
        });
        List<Row> all = new ArrayList<>();
        for (List<Row> p : parts) if (p != null) all.addAll(p);
        return all;
    }

    @Override public CloseableIterator<Batch> toLocalBatches(LogicalPlan plan) {
        try (SessionZone zone = sessionZone()) {
            return scheduler.streamInOrder(execution(plan).physical(), "toLocalIterator");
        }
    }

    @Override public CloseableIterator<Row> toLocalIterator(LogicalPlan plan) {
        CloseableIterator<Batch> batches = toLocalBatches(plan);
        StructType schema = plan.schema();
        return new CloseableIterator<>() {
            Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!batches.hasNext()) return false;
                    List<Row> rows = new ArrayList<>();
                    Rows.appendTo(rows, schema, batches.next());
                    current = rows.iterator();
                }
                return true;
            }

            @Override public Row next() {
                if (!hasNext()) throw new NoSuchElementException();
                return current.next();
            }

            @Override public void close() { batches.close(); }
        };
    }

    @Override public WriteResult write(LogicalPlan plan, WriteRequest request) {
        RecordFormat format = FileFormats.lookup(request.format()).writer(request.options());
        DataSink sink = new FileSink(storage, request.path(), request.mode(), format, FileSinkOptions.parse(request.options(), format).withBucketFileNames(request.bucketFileNames()))
                .partitionBy(request.partitionBy());
        LogicalPlan toWrite = plan;
        if (!request.partitionBy().isEmpty()) {
            // as Spark: each task's rows sorted (stably, spilling if need be) by the partition columns, so its writer
            // keeps one file open at a time however many directories it writes
            List<dev.sluice.expr.SortOrder> orders = new ArrayList<>();
            for (String column : request.partitionBy()) orders.add(dev.sluice.expr.SortOrder.asc(functions.col(column).expr()));
            toWrite = new dev.sluice.plan.Analyzer(conf.ansi()).analyze(new dev.sluice.plan.Sort(plan, orders, false));
        }
        try (SessionZone zone = sessionZone()) {
            return Writes.run(execution(toWrite).physical(), plan.schema(), sink, scheduler, memoryPool());
        }
    }

    @Override public String explain(LogicalPlan plan, boolean extended) {
        try (SessionZone zone = sessionZone()) {
            return execution(plan).explain(extended);
        }
    }

    @Override public String explain(LogicalPlan plan, String mode) {
        String m = ExplainModes.parse(mode);
        try (SessionZone zone = sessionZone()) {
            return switch (m) {
                case "simple" -> execution(plan).explain(false);
                case "extended" -> execution(plan).explain(true);
                case "cost" -> execution(plan).explainCost();
                case "formatted" -> execution(plan).explainFormatted();
                case "analyze" -> explainAnalyzed(plan);
                default -> throw ExplainModes.unsupported(mode, name());
            };
        }
    }

    /** Runs the query (its rows are counted, not kept), then shows each operator's metrics from that run. */
    private String explainAnalyzed(LogicalPlan plan) {
        ExecNode root = execution(plan).physical();
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        long start = System.nanoTime();
        scheduler.run(root, "explain analyze", 0, (partition, stream, ctx) -> {
            for (Batch b = stream.next(); b != null; b = stream.next()) rows.addAndGet(b.rowCount());
        });
        double millis = (System.nanoTime() - start) / 1e6;
        return String.format(java.util.Locale.ROOT, "== Physical Plan (analyzed: %d rows in %.1f ms) ==%n", rows.get(), millis)
                + dev.sluice.exec.FormattedExplain.analyzed(root);
    }

    /** One task per partition on the workers; the first failure cancels the others and fails the job. */
    @Override public void foreachPartition(LogicalPlan plan, ForeachPartitionFunction function) {
        try (SessionZone zone = sessionZone()) {
            ExecNode root = execution(plan).physical();
            StructType schema = plan.schema();
            scheduler.run(root, "foreachPartition", 0, (partition, stream, ctx) -> {
                Iterator<Row> rows = new Iterator<>() {
                    Iterator<Row> current = java.util.Collections.emptyIterator();
                    boolean done;

                    @Override public boolean hasNext() {
                        while (!current.hasNext() && !done) {
                            ctx.checkCancelled();
                            Batch b = stream.next();
                            if (b == null) {
                                done = true;
                            } else {
                                List<Row> batchRows = new ArrayList<>(b.rowCount());
                                Rows.appendTo(batchRows, schema, b);
                                current = batchRows.iterator();
                            }
                        }
                        return current.hasNext();
                    }

                    @Override public Row next() {
                        if (!hasNext()) throw new NoSuchElementException();
                        return current.next();
                    }
                };
                try {
                    function.call(rows);
                } catch (dev.sluice.error.SluiceException e) {
                    throw e;
                } catch (Exception e) {
                    throw UserFunctions.failed("foreachPartition", e);
                }
            });
        }
    }

    @Override public void cancelAll() { scheduler.cancelAll(); }

    @Override public void close() {
        scheduler.close();
        planner.memoryPool().close();   // the session's spill directory goes with it
    }
}

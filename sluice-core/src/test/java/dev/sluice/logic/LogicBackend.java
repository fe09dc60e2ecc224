package dev.sluice.logic;

import dev.sluice.Sluice;

import java.util.List;

/** Where logic tests run: a way to make a Sluice session whose actions run on one engine, per variant. */
public interface LogicBackend extends AutoCloseable {
    /** The name {@code skip NAME:} and {@code ---- NAME:} lines use: {@code embedded}, {@code spark}. */
    String name();

    /** A session for the variant (the backend applies what it can of it); the runner closes it after the file. */
    Sluice session(Variant variant);

    /** The variants this backend runs in verification mode, the base one first. */
    List<Variant> variants();

    @Override default void close() { }

    /** The result of a SQL record: the columns and the rows. */
    record SqlResult(dev.sluice.types.StructType schema, List<dev.sluice.types.Row> rows) {}

    /**
     * Runs a SQL record ({@code query ... sql}) with the file's tables as temporary views. The embedded backend
     * runs it through {@code Sluice.sql}; the Spark backend through Spark's own {@code spark.sql}, an oracle that
     * does not depend on Sluice's parser or plan translation.
     */
    default SqlResult sql(Sluice session, String query, java.util.Map<String, dev.sluice.DataFrame> tables) {
        for (var t : tables.entrySet()) t.getValue().createOrReplaceTempView(t.getKey());
        dev.sluice.DataFrame df = session.sql(query);
        return new SqlResult(df.schema(), df.collect());
    }

    /**
     * One way of running the same queries: the optimizer on or off, the parallelism, the batch size (also the
     * in-memory rows per split) and the file split size. Results must not change between variants.
     */
    record Variant(String name, boolean optimizer, int parallelism, int batchSize, long maxSplitBytes) {
        public static final Variant BASE = new Variant("base", true, 2, 4096, 32L << 20);
        public static final Variant NO_OPTIMIZER = new Variant("optimizer-off", false, 2, 4096, 32L << 20);
        public static final Variant ONE_PARTITION = new Variant("1-partition", true, 1, 4096, 32L << 20);
        public static final Variant SEVEN_PARTITIONS = new Variant("7-partitions", true, 7, 2, 1024);

        public static final List<Variant> ALL = List.of(BASE, NO_OPTIMIZER, ONE_PARTITION, SEVEN_PARTITIONS);
    }
}

package dev.sluice;

import dev.sluice.exec.JobListener;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.MemorySource;
import dev.sluice.io.SchemeStorage;
import dev.sluice.io.Storage;
import dev.sluice.io.StorageProvider;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.plan.Scan;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Sluice session: the embedded engine (in-process, a fixed pool of worker threads) and its settings.
 * Entry point of the DataFrame API: {@code Sluice.local().read().schema(...).json("logs/")}.
 */
public final class Sluice implements AutoCloseable {
    private final RuntimeConfig conf;
    private final Storage storage;
    private final Engine engine;
    private final List<JobListener> listeners;
    private final Catalog catalog;
    private final UDFRegistration udf = new UDFRegistration();
    private final boolean ownsEngine;
    private final CacheManager cacheManager;

    private Sluice(SluiceConf conf, List<JobListener> listeners, Storage storage, EngineFactory engineFactory, String warehouse) {
        this.ownsEngine = true;
        this.cacheManager = new CacheManager();
        this.catalog = new Catalog(this, new CatalogStore(warehouse));
        this.udf.attach(catalog);
        this.conf = new RuntimeConfig(conf);
        this.storage = storage;
        this.listeners = new java.util.concurrent.CopyOnWriteArrayList<>(listeners);
        this.engine = engineFactory == null ? new EmbeddedEngine(this.conf, storage, this.listeners) : engineFactory.create(this);
    }

    /** Makes the engine a session runs its actions on (the embedded one unless a builder says otherwise). */
    @FunctionalInterface
    public interface EngineFactory {
        Engine create(Sluice session);
    }

    /** The engine this session's actions run on. */
    public Engine engine() { return engine; }

    /** The listeners registered with this session (engines report job progress to them). */
    public List<JobListener> listeners() { return listeners; }

    /** An embedded session on all cores with default settings. */
    public static Sluice local() { return builder().build(); }

    public static Builder builder() { return new Builder(); }

    /** The session's settings; Spark's runtime keys can be changed: {@code conf().set("spark.sql.shuffle.partitions", "8")}. */
    public RuntimeConfig conf() { return conf; }

    public DataFrameReader read() { return new DataFrameReader(this); }

    /** A DataFrame over any {@link dev.sluice.io.DataSource} (the SPI for sources Sluice does not ship). */
    public DataFrame read(dev.sluice.io.DataSource source) { return new DataFrame(this, Scan.of(source)); }

    /** A DataFrame over rows held in memory (values per {@link Row}'s Java mapping). */
    public DataFrame createDataFrame(List<Row> rows, StructType schema) {
        return new DataFrame(this, Scan.of(new MemorySource(schema, rows, conf.batchSize())));
    }

    public void addListener(JobListener listener) { listeners.add(listener); }

    public void removeListener(JobListener listener) { listeners.remove(listener); }

    /** Cancels every running job of this session; each stops within a batch and closes its files. */
    public void cancelAllJobs() { engine.cancelAll(); }

    /**
     * Where files are read and written: a {@link SchemeStorage} that sends plain paths to the local file system
     * (unless the builder set another storage) and {@code s3://...} paths to the storage of their scheme.
     */
    public Storage storage() { return storage; }

    /** The cached queries of this session and those made from it ({@code df.cache()}, {@code CACHE TABLE}). */
    CacheManager cacheManager() { return cacheManager; }

    /** Closes the engine; a session made by {@link #newSession} leaves its parent's engine running. */
    @Override public void close() {
        if (!ownsEngine) return;
        try {
            cacheManager.clear();   // cached batches give their memory back and their spill files go
            engine.close();
        } finally {
            if (storage instanceof SchemeStorage s) s.close();
        }
    }

    /**
     * A session on the same engine, storage and listeners with its own catalog of temporary views and its own
     * runtime settings (Spark's {@code newSession}); the Spark Connect server gives each client session one.
     */
    public Sluice newSession() { return new Sluice(this); }

    private Sluice(Sluice parent) {
        this.ownsEngine = false;
        this.cacheManager = parent.cacheManager;   // as Spark: cached data is shared by the sessions of one engine
        this.catalog = new Catalog(this, parent.catalog.store());
        this.udf.attach(catalog);
        this.conf = new RuntimeConfig(parent.conf.snapshot());   // its own settings from here on, as Spark's newSession
        this.storage = parent.storage;
        this.listeners = parent.listeners;
        this.engine = parent.engine.forSession(this.conf);
    }

    // ---- SQL and the session catalog ----

    /** The session catalog: temporary views ({@code df.createOrReplaceTempView}) and global temporary views. */
    public Catalog catalog() { return catalog; }

    /** A Spark SQL query over this session's views, as a lazy DataFrame: nothing is read until an action runs. */
    public DataFrame sql(String query) {
        // in the session zone: TIMESTAMP '...' literals are read in it, as Spark reads them
        try (dev.sluice.types.SessionZone zone = dev.sluice.types.SessionZone.enter(conf().sessionTimeZone())) {
            return udf.visibleTo(() -> dev.sluice.sql.SqlParser.parseQuery(this, query));
        }
    }

    /** This session's user-defined functions by name (Spark's {@code spark.udf}): {@code udf().register("f", fn, INT)}. */
    public UDFRegistration udf() { return udf; }

    /** The view {@code name} ({@code v} or {@code global_temp.v}) as a DataFrame; TABLE_OR_VIEW_NOT_FOUND if none. */
    public DataFrame table(String name) {
        java.util.List<String> parts = dev.sluice.expr.UnresolvedColumn.parse(name).nameParts();
        return new DataFrame(this, new dev.sluice.plan.SubqueryAlias(catalog.resolve(parts), parts.get(parts.size() - 1)));
    }

    /** The numbers {@code 0 .. end-1} in a bigint column {@code id} (Spark's {@code spark.range(end)}). */
    public DataFrame range(long end) { return range(0, end); }

    /** The numbers {@code start .. end-1} in a bigint column {@code id}. */
    public DataFrame range(long start, long end) { return range(start, end, 1); }

    /** {@code start, start + step, ...} before {@code end}, in the session's parallelism's number of partitions. */
    public DataFrame range(long start, long end, long step) { return range(start, end, step, conf.parallelism()); }

    /** {@code start, start + step, ...} before {@code end}, in {@code partitions} partitions (INVALID_ARGUMENT for step 0). */
    public DataFrame range(long start, long end, long step, int partitions) {
        return read(new dev.sluice.io.RangeSource(start, end, step, partitions, conf.batchSize()));
    }

    /** A DataFrame over a logical plan, analyzed now (front ends such as SQL and Spark Connect build plans directly). */
    public DataFrame dataFrame(dev.sluice.plan.LogicalPlan plan) { return new DataFrame(this, plan); }

    /** Settings for a new session. */
    public static final class Builder {
        private final SluiceConf defaults = SluiceConf.defaults();
        private int parallelism = defaults.parallelism();
        private Integer shufflePartitions;
        private int batchSize = defaults.batchSize();
        private boolean ansi = defaults.ansi();
        private java.time.ZoneId sessionTimeZone = defaults.sessionTimeZone();
        private long maxSplitBytes = defaults.maxSplitBytes();
        private int inferenceSampleSize = defaults.inferenceSampleSize();
        private long memoryBudget = defaults.memoryBudget();
        private long broadcastThreshold = defaults.broadcastThreshold();
        private final Set<String> disabledRules = new HashSet<>();
        private final List<JobListener> listeners = new java.util.ArrayList<>();
        private Storage storage = new LocalStorage();
        private final Map<String, Storage> schemeStorages = new HashMap<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private EngineFactory engineFactory;

        /** Worker threads (default: available processors). */
        public Builder parallelism(int n) {
            this.parallelism = n;
            return this;
        }

        /** Partitions an exchange (group by, join) produces (default: max(2, parallelism)). */
        public Builder shufflePartitions(int n) {
            this.shufflePartitions = n;
            return this;
        }

        public Builder batchSize(int rows) {
            this.batchSize = rows;
            return this;
        }

        /** Spark 4's ANSI mode (default true); false gives Spark 3.5's non-ANSI results. */
        public Builder ansi(boolean enabled) {
            this.ansi = enabled;
            return this;
        }

        /**
         * The session time zone (Spark's {@code spark.sql.session.timeZone}; default the JVM's zone, as Spark): the
         * zone of date/time functions, casts between strings, dates and timestamps, show() and file formats.
         */
        public Builder timeZone(java.time.ZoneId zone) {
            this.sessionTimeZone = java.util.Objects.requireNonNull(zone, "zone");
            return this;
        }

        public Builder maxSplitBytes(long bytes) {
            this.maxSplitBytes = bytes;
            return this;
        }

        /** Records read by JSON schema inference; 0 reads every record. */
        public Builder inferenceSampleSize(int records) {
            this.inferenceSampleSize = records;
            return this;
        }

        /** Bytes that blocking operators may hold together (default: 60% of the maximum heap). */
        public Builder memoryBudget(long bytes) {
            this.memoryBudget = bytes;
            return this;
        }

        /** Estimated size under which a join side is broadcast (default 10 MiB; 0 or less turns it off). */
        public Builder broadcastThreshold(long bytes) {
            this.broadcastThreshold = bytes;
            return this;
        }

        /** Turns off an optimizer rule by name (as explain and the rule's {@code name()} spell it). */
        public Builder disableRule(String ruleName) {
            disabledRules.add(ruleName);
            return this;
        }

        public Builder listener(JobListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Reads and writes plain paths and {@code file:} URIs through {@code storage} (tests count opens and bytes
         * with a CountingStorage); paths with another scheme go to that scheme's storage.
         */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** Reads and writes {@code scheme://...} paths through {@code storage} instead of the installed provider's. */
        public Builder storage(String scheme, Storage storage) {
            schemeStorages.put(scheme.toLowerCase(java.util.Locale.ROOT), java.util.Objects.requireNonNull(storage, "storage"));
            return this;
        }

        /**
         * A setting for the storages ({@code sluice.s3.endpoint}, {@code spark.hadoop.fs.s3a.endpoint}, ...). A key
         * that no installed storage claims is refused when the session is built (INVALID_OPTION).
         */
        public Builder config(String key, String value) {
            settings.put(java.util.Objects.requireNonNull(key, "key"), java.util.Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Runs actions on another engine (sluice-spark's SparkEngine uses this). */
        public Builder engine(EngineFactory factory) {
            this.engineFactory = factory;
            return this;
        }

        public SluiceConf conf() {
            return new SluiceConf(parallelism, batchSize, ansi, maxSplitBytes, inferenceSampleSize, disabledRules,
                    memoryBudget, shufflePartitions != null ? shufflePartitions : Math.max(2, parallelism), broadcastThreshold,
                    sessionTimeZone);
        }

        public Sluice build() { return new Sluice(conf(), listeners, storages(), engineFactory, settings.get(CatalogStore.WAREHOUSE_KEY)); }

        private SchemeStorage storages() {
            Map<String, StorageProvider> providers = SchemeStorage.installedProviders();
            for (String key : settings.keySet()) {
                if (key.equals(CatalogStore.WAREHOUSE_KEY)) continue;   // the catalog's, not a storage's
                boolean claimed = false;
                for (StorageProvider p : providers.values()) claimed |= p.claims(key);
                if (!claimed) {
                    throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", "(not shown)")
                            .with("reason", "no installed component uses this setting" + (providers.isEmpty() ? ""
                                    : " (storages installed for: " + String.join(", ", providers.keySet()) + ")"))
                            .build();
                }
            }
            for (StorageProvider p : new java.util.LinkedHashSet<>(providers.values())) p.check(settings);
            return new SchemeStorage(storage, schemeStorages, providers, settings);
        }
    }
}

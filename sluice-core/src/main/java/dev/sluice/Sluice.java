package dev.sluice;

import dev.sluice.exec.JobListener;
import dev.sluice.io.LocalStorage;
import dev.sluice.io.MemorySource;
import dev.sluice.io.Storage;
import dev.sluice.plan.Scan;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Sluice session: the embedded engine (in-process, a fixed pool of worker threads) and its settings.
 * Entry point of the DataFrame API: {@code Sluice.local().read().schema(...).json("logs/")}.
 */
public final class Sluice implements AutoCloseable {
    private final SluiceConf conf;
    private final Storage storage;
    private final Engine engine;
    private final List<JobListener> listeners;

    private Sluice(SluiceConf conf, List<JobListener> listeners, Storage storage, EngineFactory engineFactory) {
        this.conf = conf;
        this.storage = storage;
        this.listeners = new java.util.concurrent.CopyOnWriteArrayList<>(listeners);
        this.engine = engineFactory == null ? new EmbeddedEngine(conf, storage, this.listeners) : engineFactory.create(this);
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

    public SluiceConf conf() { return conf; }

    public DataFrameReader read() { return new DataFrameReader(this); }

    /** A DataFrame over rows held in memory (values per {@link Row}'s Java mapping). */
    public DataFrame createDataFrame(List<Row> rows, StructType schema) {
        return new DataFrame(this, Scan.of(new MemorySource(schema, rows, conf.batchSize())));
    }

    public void addListener(JobListener listener) { listeners.add(listener); }

    public void removeListener(JobListener listener) { listeners.remove(listener); }

    /** Cancels every running job of this session; each stops within a batch and closes its files. */
    public void cancelAllJobs() { engine.cancelAll(); }

    /** Where files are read and written (the local file system unless the builder set another). */
    public Storage storage() { return storage; }

    @Override public void close() { engine.close(); }

    /** Settings for a new session. */
    public static final class Builder {
        private SluiceConf conf = SluiceConf.defaults();
        private final List<JobListener> listeners = new java.util.ArrayList<>();
        private final Set<String> disabledRules = new HashSet<>();
        private Storage storage = new LocalStorage();
        private EngineFactory engineFactory;

        public Builder parallelism(int n) {
            conf = new SluiceConf(n, conf.batchSize(), conf.ansi(), conf.maxSplitBytes(), conf.inferenceSampleSize(), conf.disabledRules());
            return this;
        }

        public Builder batchSize(int rows) {
            conf = new SluiceConf(conf.parallelism(), rows, conf.ansi(), conf.maxSplitBytes(), conf.inferenceSampleSize(), conf.disabledRules());
            return this;
        }

        /** Spark 4's ANSI mode (default true); false gives Spark 3.5's non-ANSI results. */
        public Builder ansi(boolean enabled) {
            conf = new SluiceConf(conf.parallelism(), conf.batchSize(), enabled, conf.maxSplitBytes(), conf.inferenceSampleSize(), conf.disabledRules());
            return this;
        }

        public Builder maxSplitBytes(long bytes) {
            conf = new SluiceConf(conf.parallelism(), conf.batchSize(), conf.ansi(), bytes, conf.inferenceSampleSize(), conf.disabledRules());
            return this;
        }

        /** Records read by JSON schema inference; 0 reads every record. */
        public Builder inferenceSampleSize(int records) {
            conf = new SluiceConf(conf.parallelism(), conf.batchSize(), conf.ansi(), conf.maxSplitBytes(), records, conf.disabledRules());
            return this;
        }

        /** Turns off an optimizer rule by name (as explain and the rule's {@code name()} spell it). */
        public Builder disableRule(String ruleName) {
            disabledRules.add(ruleName);
            conf = new SluiceConf(conf.parallelism(), conf.batchSize(), conf.ansi(), conf.maxSplitBytes(), conf.inferenceSampleSize(), disabledRules);
            return this;
        }

        public Builder listener(JobListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Reads and writes through {@code storage} (tests count opens and bytes with a CountingStorage). */
        public Builder storage(Storage storage) {
            this.storage = storage;
            return this;
        }

        /** Runs actions on another engine (sluice-spark's SparkEngine uses this). */
        public Builder engine(EngineFactory factory) {
            this.engineFactory = factory;
            return this;
        }

        public Sluice build() { return new Sluice(conf, listeners, storage, engineFactory); }
    }
}

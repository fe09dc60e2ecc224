package dev.sluice.io.orc;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.io.WriteMemory;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static dev.sluice.functions.md5;
import static dev.sluice.functions.repeat;
import static org.assertj.core.api.Assertions.assertThat;

/** ORC's writer holds a stripe in the heap, so the stripe is reserved from the memory budget and sized to it. */
class OrcWriterMemoryTest {
    @TempDir Path dir;

    /** A budget of {@code limit} bytes that records what is held. */
    static final class Budget implements WriteMemory {
        final long limit;
        long held;
        long peak;

        Budget(long limit) { this.limit = limit; }

        @Override public boolean tryReserve(long bytes) {
            if (held + bytes > limit) return false;
            add(bytes);
            return true;
        }

        @Override public void reserve(long bytes) {
            add(bytes);
        }

        @Override public void release(long bytes) {
            assertThat(bytes).isLessThanOrEqualTo(held);
            held -= bytes;
        }

        private void add(long bytes) {
            held += bytes;
            peak = Math.max(peak, held);
        }
    }

    /**
     * 60,000 rows of about 1 KB of distinct text written under an 8 MiB budget: the writer reserves its stripe
     * (before, it reserved nothing and held one 64 MiB stripe), cuts the file into stripes of what the budget
     * grants, and gives everything back on close.
     */
    @Test void writerReservesItsStripeAndCutsStripesToTheBudget() throws IOException {
        StructType schema = DdlParser.parseSchema("id BIGINT, body STRING");
        Budget budget = new Budget(8L << 20);
        Path file = dir.resolve("wide.orc");
        try (OutputStream out = Files.newOutputStream(file)) {
            var encoder = new OrcFileFormat().writer(Map.of("compression", "none")).open(out, schema, budget);
            for (int start = 0; start < 60_000; start += Batch.DEFAULT_SIZE) {
                int n = Math.min(Batch.DEFAULT_SIZE, 60_000 - start);
                FlatVector ids = Vectors.allocate(schema.field(0).dataType(), n);
                FlatVector bodies = Vectors.allocate(schema.field(1).dataType(), n);
                for (int i = start; i < start + n; i++) {
                    ids.appendObject((long) i);
                    bodies.appendObject(Long.toHexString(i * 0x9E3779B97F4A7C15L).repeat(64));
                }
                encoder.write(new Batch(new dev.sluice.vector.ColumnVector[] {ids, bodies}, n));
                assertThat(budget.held).isPositive();
            }
            encoder.close();
        }
        assertThat(budget.held).isZero();
        assertThat(budget.peak).isBetween(2L << 20, 12L << 20);
        try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(file.toUri()), OrcFile.readerOptions(new Configuration(false)))) {
            assertThat(reader.getNumberOfRows()).isEqualTo(60_000);
            assertThat(reader.getStripes()).hasSizeGreaterThan(10);   // ~60 MB of text in stripes of at most 4 MiB
            for (StripeInformation s : reader.getStripes()) assertThat(s.getLength()).isLessThan(6L << 20);
        }
    }

    /** A sort written as ORC under a 4 MiB session budget: several stripes per file, the rows come back in order. */
    @Test void sortedWriteUnderATinyBudgetCutsStripesToTheBudget() throws IOException {
        Path out = dir.resolve("sorted");
        try (Sluice sluice = Sluice.builder().parallelism(1).memoryBudget(4L << 20).build()) {
            DataFrame df = sluice.range(100_000).select(col("id"), repeat(md5(col("id").cast("string")), 8).as("h"));
            df.orderBy(col("h")).write().option("compression", "none").format("orc").save(out.toString());
            int files = 0, stripes = 0;
            for (Path f : dataFiles(out)) {
                files++;
                try (Reader reader = OrcFile.createReader(new org.apache.hadoop.fs.Path(f.toUri()), OrcFile.readerOptions(new Configuration(false)))) {
                    stripes += reader.getStripes().size();
                }
            }
            assertThat(stripes).isGreaterThan(files);   // with ORC's 64 MiB stripe, one per file
            List<Row> back = sluice.read().format("orc").load(out.toString()).orderBy(col("h")).collect();
            assertThat(back).isEqualTo(df.orderBy(col("h")).collect());
        }
    }

    /**
     * The bug: in a 64 MiB heap, a write of wide rows ran out of heap (ORC's JVM-wide memory manager lets its
     * writers hold half the heap beside Sluice's budget). A child JVM with {@code -Xmx64m} writes 400,000 rows of
     * ~1 KB through two tasks and must finish. The child runs with the collector {@code ./sluice} chooses on a
     * two-core machine (JvmFlags.memory: serial, as the heap is sized): under G1 on Java 17 a 64 MiB heap has 1 MiB
     * regions, the 2 MiB string buffers of a batch are humongous, and while another worker sits in zstd-jni's JNI
     * critical region G1 gives up after two retries with an OutOfMemoryError that has nothing to do with the
     * budget (seen once in CI: "Retried waiting for GCLocker too often allocating 262146 words").
     */
    @Test void wideWriteFinishesInA64MiBHeap() throws Exception {
        Path out = dir.resolve("wide");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), WideOrcWrite.class.getName(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String log = Files.readString(dir.resolve("child.log"));
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).contains("rows 400000");
    }

    /** The child JVM of {@link #wideWriteFinishesInA64MiBHeap}. */
    static final class WideOrcWrite {
        public static void main(String[] args) {
            try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
                sluice.range(400_000).repartition(2)
                        .select(col("id"), repeat(md5(col("id").cast("string")), 16).as("a"), repeat(md5(col("id").plus(1).cast("string")), 16).as("b"))
                        .write().format("orc").save(args[0]);
                System.out.println("rows " + sluice.read().format("orc").load(args[0]).count());
            }
        }
    }

    static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            files.filter(p -> p.getFileName().toString().endsWith(".orc")).sorted().forEach(out::add);
            return out;
        }
    }
}

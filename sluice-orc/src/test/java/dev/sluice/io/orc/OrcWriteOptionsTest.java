package dev.sluice.io.orc;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.types.Row;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.OrcFile;
import org.apache.orc.OrcProto;
import org.apache.orc.Reader;
import org.apache.orc.StripeInformation;
import org.apache.orc.TypeDescription;
import org.apache.orc.impl.RecordReaderImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.sluice.functions.col;
import static dev.sluice.functions.concat;
import static dev.sluice.functions.lit;
import static dev.sluice.functions.md5;
import static org.assertj.core.api.Assertions.assertThat;

/** The orc.* options Spark hands to ORC's writer: each accepted one changes the file as ORC documents it. */
class OrcWriteOptionsTest {
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(1).build(); }

    @AfterAll static void stop() { sluice.close(); }

    /** 30,000 rows: a low-cardinality string (ORC would dictionary-encode it) and a distinct one. */
    static DataFrame data() {
        return sluice.range(30_000).select(col("id"), concat(lit("k"), col("id").mod(10).cast("string")).as("kind"),
                md5(col("id").cast("string")).as("h"));
    }

    static Path write(String name, Map<String, String> options) {
        Path out = dir.resolve(name);
        data().repartition(1).write().options(options).format("orc").save(out.toString());
        List<Row> back = sluice.read().format("orc").load(out.toString()).orderBy(col("id")).collect();
        assertThat(back).isEqualTo(data().orderBy(col("id")).collect());
        return out;
    }

    static Reader reader(Path out) throws IOException {
        return OrcFile.createReader(new org.apache.hadoop.fs.Path(OrcWriterMemoryTest.dataFiles(out).get(0).toUri()),
                OrcFile.readerOptions(new Configuration(false)));
    }

    static OrcProto.StripeFooter firstStripeFooter(Reader reader) throws IOException {
        try (RecordReaderImpl rows = (RecordReaderImpl) reader.rows()) {
            return rows.readStripeFooter(reader.getStripes().get(0));
        }
    }

    static int columnId(Reader reader, String name) {
        TypeDescription schema = reader.getSchema();
        return schema.getChildren().get(schema.getFieldNames().indexOf(name)).getId();
    }

    @Test void bloomFiltersAreWrittenForTheNamedColumns() throws IOException {
        Path out = write("bloom", Map.of("orc.bloom.filter.columns", "h", "orc.bloom.filter.fpp", "0.02"));
        try (Reader reader = reader(out)) {
            Set<Integer> bloomColumns = new HashSet<>();
            for (OrcProto.Stream s : firstStripeFooter(reader).getStreamsList()) {
                if (s.getKind() == OrcProto.Stream.Kind.BLOOM_FILTER_UTF8) bloomColumns.add(s.getColumn());
            }
            assertThat(bloomColumns).containsExactly(columnId(reader, "h"));
        }
        try (Reader reader = reader(write("no-bloom", Map.of()))) {
            assertThat(firstStripeFooter(reader).getStreamsList()).noneMatch(s -> s.getKind() == OrcProto.Stream.Kind.BLOOM_FILTER_UTF8);
        }
    }

    @Test void directEncodingAndDictionaryThresholdChooseTheStringEncoding() throws IOException {
        try (Reader reader = reader(write("dict", Map.of()))) {
            assertThat(firstStripeFooter(reader).getColumns(columnId(reader, "kind")).getKind()).isEqualTo(OrcProto.ColumnEncoding.Kind.DICTIONARY_V2);
        }
        try (Reader reader = reader(write("direct", Map.of("orc.column.encoding.direct", "kind")))) {
            assertThat(firstStripeFooter(reader).getColumns(columnId(reader, "kind")).getKind()).isEqualTo(OrcProto.ColumnEncoding.Kind.DIRECT_V2);
        }
        try (Reader reader = reader(write("threshold", Map.of("orc.dictionary.key.threshold", "0")))) {
            assertThat(firstStripeFooter(reader).getColumns(columnId(reader, "kind")).getKind()).isEqualTo(OrcProto.ColumnEncoding.Kind.DIRECT_V2);
        }
    }

    @Test void stripeSizeRowIndexStrideAndOrcCompress() throws IOException {
        Path out = write("small-stripes", Map.of("orc.stripe.size", "65536", "orc.row.index.stride", "1000", "orc.compress", "SNAPPY"));
        assertThat(OrcWriterMemoryTest.dataFiles(out).get(0).getFileName().toString()).endsWith(".snappy.orc");
        try (Reader reader = reader(out)) {
            assertThat(reader.getCompressionKind()).isEqualTo(org.apache.orc.CompressionKind.SNAPPY);
            assertThat(reader.getRowIndexStride()).isEqualTo(1000);
            assertThat(reader.getStripes()).hasSizeGreaterThan(3);
            for (StripeInformation s : reader.getStripes()) assertThat(s.getLength()).isLessThan(256 << 10);
        }
        // compression wins over orc.compress, as in Spark
        Path both = write("both", Map.of("orc.compress", "SNAPPY", "compression", "zlib"));
        try (Reader reader = reader(both)) {
            assertThat(reader.getCompressionKind()).isEqualTo(org.apache.orc.CompressionKind.ZLIB);
        }
    }

    @Test void refusesSettingsItDoesNotHonourAndBadValues() {
        DataFrame df = data();
        for (Map<String, String> bad : List.of(Map.of("orc.block.padding", "true"), Map.of("orc.encrypt", "k:h"),
                Map.of("orc.bloom.filter.columns", "nosuch"), Map.of("orc.bloom.filter.fpp", "1.5"),
                Map.of("orc.stripe.size", "big"), Map.of("orc.row.index.stride", "10"), Map.of("orc.compress", "LZO"),
                Map.of("orc.column.encoding.direct", "H"))) {
            assertThat(OrcFormatTest.code(() -> df.write().options(bad).format("orc").save(dir.resolve("bad").toString())))
                    .as(bad.toString()).isEqualTo(ErrorCode.INVALID_OPTION);
        }
    }
}

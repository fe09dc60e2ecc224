package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/** Collated strings and Parquet: the collation travels in Spark's schema metadata of the footer, as Spark 4.1 writes it. */
class CollatedParquetTest {
    @TempDir Path dir;

    static final StructType SCHEMA = DdlParser.parseSchema("k STRING COLLATE UTF8_LCASE, x INT, "
            + "tags ARRAY<STRING COLLATE UNICODE_CI>, m MAP<STRING COLLATE de_CI_AI, STRING>, s STRUCT<c: STRING COLLATE UTF8_LCASE_RTRIM, d: STRING>");

    @Test void aCollatedColumnRoundTripsWithItsCollation() {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            StructType inner = (StructType) SCHEMA.field(4).dataType();
            var df = sluice.createDataFrame(List.of(Row.of(SCHEMA, "Ab", 1, List.of("x"), Map.of("a", "b"), Row.of(inner, "c ", "d")),
                    Row.of(SCHEMA, "aB", 2, List.of(), Map.of(), null)), SCHEMA);
            Path out = dir.resolve("collated");
            df.write().parquet(out.toString());
            var back = sluice.read().parquet(out.toString());
            assertThat(back.schema()).isEqualTo(SCHEMA);
            assertThat(back.filter(col("k").equalTo("AB")).count()).isEqualTo(2);
        }
    }

    @Test void theFooterHoldsSparksSchemaWithCollationsOnlyWhenCollated() throws IOException {
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            StructType plain = DdlParser.parseSchema("k STRING, x INT");
            sluice.createDataFrame(List.of(Row.of(plain, "a", 1)), plain).write().parquet(dir.resolve("plain").toString());
            StructType lcase = DdlParser.parseSchema("k STRING COLLATE UTF8_LCASE, x INT");
            sluice.createDataFrame(List.of(Row.of(lcase, "a", 1)), lcase).write().parquet(dir.resolve("lcase").toString());
        }
        assertThat(footer(dir.resolve("plain"))).doesNotContainKey(SparkRowMetadata.KEY);
        assertThat(footer(dir.resolve("lcase")).get(SparkRowMetadata.KEY)).isEqualTo("{\"type\":\"struct\",\"fields\":["
                + "{\"name\":\"k\",\"type\":\"string\",\"nullable\":true,\"metadata\":{\"__COLLATIONS\":{\"k\":\"spark.UTF8_LCASE\"}}},"
                + "{\"name\":\"x\",\"type\":\"integer\",\"nullable\":true,\"metadata\":{}}]}");
    }

    private static Map<String, String> footer(Path table) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(table)) {
            file = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file), Footers.OPTIONS)) {
            return r.getFooter().getFileMetaData().getKeyValueMetaData();
        }
    }
}

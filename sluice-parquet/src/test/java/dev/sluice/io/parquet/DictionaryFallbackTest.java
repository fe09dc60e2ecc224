package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.types.Row;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dictionary filtering where the dictionary fell back to plain pages part-way through a chunk (a small
 * dictionary page size, as writers do when a column has too many distinct values): a value found only in the
 * plain pages must not be ruled out by the dictionary, and such a chunk is never skipped by it.
 */
class DictionaryFallbackTest {
    @TempDir Path dir;

    @Test void aChunkWithPlainPagesIsNotSkippedForAValueMissingFromItsDictionary() throws IOException {
        Path file = dir.resolve("fallback.parquet");
        RandomLayoutWriter.write(file, MessageTypeParser.parseMessageType(
                "message m { required int32 id; optional binary s (STRING); optional group l (LIST) { repeated group list {"
                        + " optional binary element (STRING); } } }"), 4_000, 7, ParquetProperties.WriterVersion.PARQUET_1_0, 12 * 1024);
        BlockMetaData first = ParquetRoundTripTest.footer(file).getBlocks().get(0);
        ColumnChunkMetaData s = first.getColumns().get(1);
        // the chunk starts dictionary-encoded and falls back to plain pages
        assertThat(s.getEncodingStats().hasDictionaryEncodedPages()).isTrue();
        assertThat(s.getEncodingStats().hasNonDictionaryEncodedPages()).isTrue();
        assertThat(s.getEncodings()).contains(Encoding.PLAIN);
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            List<Row> all = ParquetRoundTripTest.sorted(sluice.read().parquet(file.toString()).collect());
            // a value of the first row group written after the fallback: in a plain page, not in the dictionary
            long firstRows = first.getRowCount();
            Row late = all.stream().filter(r -> (int) r.get(0) < firstRows && r.get(1) != null && ((String) r.get(1)).startsWith("s"))
                    .reduce((a, b) -> b).orElseThrow();
            List<Row> got = sluice.read().parquet(file.toString()).filter(col("s").equalTo(late.get(1))).collect();
            assertThat(got).containsExactly(late);
            List<Row> in = sluice.read().parquet(file.toString()).filter(col("s").isin(late.get(1), "absent")).collect();
            assertThat(in).containsExactly(late);
        }
    }
}

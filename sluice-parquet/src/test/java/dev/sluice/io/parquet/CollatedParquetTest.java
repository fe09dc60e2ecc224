package dev.sluice.io.parquet;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.collate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collated strings and Parquet: the collation is not silently dropped; collating to UTF8_BINARY writes the values. */
class CollatedParquetTest {
    @TempDir Path dir;

    @Test void aCollatedColumnIsRefusedAndItsBinaryFormRoundTrips() {
        StructType schema = DdlParser.parseSchema("k STRING COLLATE UTF8_LCASE, x INT");
        try (Sluice sluice = Sluice.builder().parallelism(1).build()) {
            var df = sluice.createDataFrame(List.of(Row.of(schema, "Ab", 1), Row.of(schema, "aB", 2)), schema);
            Path refused = dir.resolve("refused");
            assertThatThrownBy(() -> df.write().parquet(refused.toString()))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
            assertThat(Files.exists(refused.resolve("_SUCCESS"))).isFalse();
            Path out = dir.resolve("binary");
            df.select(collate(col("k"), "UTF8_BINARY").as("k"), col("x")).write().parquet(out.toString());
            var back = sluice.read().parquet(out.toString()).select(collate(col("k"), "UTF8_LCASE").as("k"), col("x"));
            assertThat(back.filter(col("k").equalTo("AB")).count()).isEqualTo(2);
        }
    }
}

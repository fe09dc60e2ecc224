package dev.sluice;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Metadata;
import org.junit.jupiter.api.Test;

import static dev.sluice.functions.col;
import static dev.sluice.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Column metadata: withMetadata and as(name, metadata) set it; a column passed on keeps it, a computed one has none. */
class ColumnMetadataTest {
    private static final Sluice SLUICE = Sluice.builder().parallelism(2).build();

    private static String metadata(DataFrame df, String column) { return df.schema().field(df.schema().indexOf(column)).metadata(); }

    @Test void withMetadataSetsItAndSelectionsKeepIt() {
        DataFrame df = SLUICE.range(3).withColumn("age", col("id").plus(lit(1)));
        DataFrame meta = df.withMetadata("age", Metadata.fromJson("{\"foo\": \"bar\"}"));
        assertThat(metadata(meta, "age")).isEqualTo("{\"foo\": \"bar\"}");
        assertThat(metadata(meta, "id")).isEmpty();
        assertThat(metadata(meta.select(col("age")), "age")).isEqualTo("{\"foo\": \"bar\"}");
        assertThat(metadata(meta.filter(col("age").gt(1)).select(col("*")), "age")).isEqualTo("{\"foo\": \"bar\"}");
        assertThat(metadata(meta.withColumnRenamed("age", "years"), "years")).isEqualTo("{\"foo\": \"bar\"}");
        assertThat(metadata(meta.select(col("age").plus(lit(1)).alias("next")), "next")).isEmpty();
        assertThat(meta.count()).isEqualTo(3);
    }

    @Test void aliasWithMetadata() {
        DataFrame df = SLUICE.range(2);
        DataFrame out = df.select(col("id").as("id3", Metadata.fromJson("{\"max\": 99}")));
        assertThat(metadata(out, "id3")).isEqualTo("{\"max\": 99}");
        assertThat(metadata(df.withColumn("x", col("id").as("ignored", Metadata.fromJson("{\"a\":1}"))), "x")).isEqualTo("{\"a\":1}");
        // metadata does not change equality of schemas
        assertThat(out.schema()).isEqualTo(df.select(col("id").alias("id3")).schema());
    }

    @Test void badMetadataOrColumnIsRefused() {
        DataFrame df = SLUICE.range(2);
        assertThatThrownBy(() -> df.withMetadata("id", Metadata.fromJson("[1]")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> df.withMetadata("id", Metadata.fromJson("{\"a\": ")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> df.withMetadata("nope", Metadata.fromJson("{}")))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.COLUMN_NOT_FOUND));
    }
}

package dev.sluice.badinput;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.types.TypeDepth;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sluice.functions.col;
import static dev.sluice.functions.from_json;
import static dev.sluice.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JSON nested 5,000 levels: the inferred schema overflowed the stack in hashCode/equals, printSchema, DDL parsing,
 * collect, show, to_json, writing and from_json. Types now nest at most {@link TypeDepth#max()} levels: inference reads
 * what lies deeper as a STRING holding its JSON text (nothing lost), a deeper given schema is LIMIT_EXCEEDED naming
 * the limit, and type equality no longer recurses.
 */
class DeepNestingTest {
    static final int LEVELS = 5_000;
    @TempDir static Path dir;
    static Path file;
    static Sluice sluice;

    @BeforeAll static void start() throws IOException {
        file = dir.resolve("deep.jsonl");
        Files.writeString(file, LimitsTest.nested(LEVELS) + "\n{\"id\":2}\n");
        sluice = Sluice.builder().parallelism(2).build();
    }

    @AfterAll static void stop() { sluice.close(); }

    static StructType nestedType(int levels, DataType leaf) {
        DataType t = leaf;
        for (int i = 0; i < levels; i++) t = new StructType(List.of(StructField.of("a", t)));
        return (StructType) t;
    }

    static void assertTooDeep(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
            assertThat(e.fact("limit")).contains(TypeDepth.MAX_PROPERTY);
        });
    }

    @Test void inferenceReadsWhatIsDeeperThanTheLimitAsItsJsonText() {
        DataFrame df = sluice.read().json(file.toString());
        StructType schema = df.schema();
        assertThat(TypeDepth.depth(schema)).isEqualTo(TypeDepth.max());
        // everything that walked the schema recursively
        assertThat(schema).isEqualTo(sluice.read().json(file.toString()).schema()).hasSameHashCodeAs(sluice.read().json(file.toString()).schema());
        assertThat(schema.treeString()).startsWith("root\n");
        assertThat(DdlParser.parseSchema(schema.toDDL())).isEqualTo(schema);
        List<Row> rows = df.collect();
        assertThat(rows).hasSize(2);
        Object value = rows.get(0).get(0);   // deep, then a, a, a... down to the STRING at the limit
        int levels = 0;
        while (value instanceof Row r) {
            value = r.get(0);
            levels++;
        }
        String rest = (String) value;
        int restLevels = LEVELS - (levels - 1);
        assertThat(rest).isEqualTo("{\"a\":".repeat(restLevels - 1) + "1" + "}".repeat(restLevels - 1));
        // and the rest of the API over it
        df.show();
        assertThat(df.select(col("deep.a")).count()).isEqualTo(2);
        assertThat(df.select(to_json(col("deep"))).collect()).hasSize(2);
        Path out = dir.resolve("out");
        df.write().json(out.toString());
        assertThat(sluice.read().schema(schema).json(out.toString()).count()).isEqualTo(2);
        assertThat(sluice.read().text(file.toString()).select(from_json(col("value"), schema)).collect()).hasSize(2);
    }

    @Test void aGivenSchemaDeeperThanTheLimitIsLimitExceededNamingIt() {
        StructType tooDeep = new StructType(List.of(StructField.of("id", DataTypes.INT), StructField.of("deep", nestedType(LEVELS, DataTypes.INT))));
        assertTooDeep(() -> sluice.read().schema(tooDeep));
        assertTooDeep(() -> sluice.read().schema("id INT, deep " + "STRUCT<a: ".repeat(LEVELS) + "INT" + ">".repeat(LEVELS)));
        assertTooDeep(() -> DdlParser.parseType("struct<a:".repeat(LEVELS) + "int" + ">".repeat(LEVELS)));
        assertTooDeep(() -> sluice.read().text(file.toString()).select(from_json(col("value"), tooDeep)));
        // one level inside the limit is read, with the deeper data as the text of the STRING leaf
        StructType within = new StructType(List.of(StructField.of("id", DataTypes.INT),
                StructField.of("deep", nestedType(TypeDepth.max() - 2, DataTypes.STRING))));
        assertThat(sluice.read().schema(within).json(file.toString()).collect()).extracting(r -> r.get(0)).containsExactly(1, 2);
        assertThat(DdlParser.parseType("struct<a:".repeat(TypeDepth.max()) + "int" + ">".repeat(TypeDepth.max()))).isNotNull();
    }

    @Test void typeEqualityAndHashingDoNotRecurse() {
        StructType a = nestedType(100_000, DataTypes.INT), b = nestedType(100_000, DataTypes.INT);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(nestedType(100_000, DataTypes.LONG)).isNotEqualTo(nestedType(99_999, DataTypes.INT));
        assertThat(TypeDepth.depth(a)).isEqualTo(100_000);
        assertThat(TypeDepth.depth(TypeDepth.capAsString(a, 10))).isEqualTo(10);
        assertThat(TypeDepth.capAsString(nestedType(3, DataTypes.INT), 10)).isEqualTo(nestedType(3, DataTypes.INT));
        assertThat(TypeDepth.capAsString(nestedType(3, DataTypes.INT), 2)).isEqualTo(nestedType(2, DataTypes.STRING));
    }
}

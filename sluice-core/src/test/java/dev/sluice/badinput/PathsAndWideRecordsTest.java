package dev.sluice.badinput;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.sluice.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Paths with spaces, colons, glob characters and non-ASCII names written and read back (plain and partitioned, where
 * partition values carry the same characters), errors naming such a file, and records 10,000 fields wide in JSON.
 */
class PathsAndWideRecordsTest {
    static final String WEIRD = "we ird:[x]{y}*?é漢";
    @TempDir static Path dir;
    static Sluice sluice;

    @BeforeAll static void start() { sluice = Sluice.builder().parallelism(2).build(); }

    @AfterAll static void stop() { sluice.close(); }

    /** A literal path as a reader's path: glob characters escaped with a backslash, as in Spark. */
    static String escaped(Path p) {
        return p.toString().replace("[", "\\[").replace("{", "\\{").replace("*", "\\*").replace("?", "\\?");
    }

    static final StructType SCHEMA = new StructType(List.of(StructField.of("id", DataTypes.INT), StructField.of("k", DataTypes.STRING)));
    static final String[] VALUES = {"a b", "c:d", "e/f", "é漢", "x=y", "100%", "*?[", "."};

    static DataFrame data() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < VALUES.length; i++) rows.add(Row.of(SCHEMA, i, VALUES[i]));
        return sluice.createDataFrame(rows, SCHEMA);
    }

    @Test void writesToAndReadsBackFromAWeirdPathInEveryTextFormat() {
        Path base = dir.resolve(WEIRD);
        for (String format : List.of("json", "csv")) {
            Path out = base.resolve(format + " out");
            data().write().format(format).save(out.toString());
            DataFrame back = sluice.read().schema(SCHEMA).format(format).load(escaped(out));
            assertThat(back.orderBy(col("id")).collect()).extracting(r -> r.get(1)).containsExactly((Object[]) VALUES);
        }
        Path text = base.resolve("text out");
        data().select(col("k")).write().text(text.toString());
        assertThat(sluice.read().text(escaped(text)).count()).isEqualTo(VALUES.length);
    }

    @Test void partitionValuesWithTheseCharactersRoundTrip() {
        Path out = dir.resolve(WEIRD).resolve("parts");
        data().write().partitionBy("k").json(out.toString());
        List<Row> back = sluice.read().schema("id INT, k STRING").json(escaped(out)).orderBy(col("id")).collect();
        assertThat(back).extracting(r -> r.get(1)).containsExactly((Object[]) VALUES);
    }

    @Test void anErrorNamesTheWeirdFile() throws IOException {
        Path d = Files.createDirectories(dir.resolve(WEIRD).resolve("bad ü"));
        Files.writeString(d.resolve("f: 1 é.json"), "{\"id\":1}\n{\"id\":oops}\n");
        assertThatThrownBy(() -> sluice.read().schema("id INT").option("mode", "FAILFAST").json(escaped(d)).collect())
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD);
                    assertThat(e.fact("location")).endsWith(WEIRD + "/bad ü/f: 1 é.json:2");
                });
    }

    @Test void tenThousandFieldJsonRecordsAreInferredReadAndPruned() throws IOException {
        int n = 10_000;
        StringBuilder line = new StringBuilder("{");
        for (int i = 0; i < n; i++) line.append(i == 0 ? "" : ",").append("\"c").append(String.format("%05d", i)).append("\":").append(i);
        line.append("}\n");
        Path p = dir.resolve("wide.jsonl");
        Files.writeString(p, line.toString().repeat(3));
        DataFrame df = sluice.read().json(p.toString());
        assertThat(df.schema().size()).isEqualTo(n);
        assertThat(df.select(col("c09999")).collect()).extracting(r -> r.get(0)).containsExactly(9999L, 9999L, 9999L);
        assertThat(df.collect()).hasSize(3).allSatisfy(r -> assertThat(r.get(n - 1)).isEqualTo((long) n - 1));
    }
}

package dev.sluice.io.text;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.Compression;
import dev.sluice.types.Row;
import dev.sluice.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** format("text") in and out; expectations observed on Spark 4.1.1. */
class TextFormatTest {
    @TempDir static Path dir;
    static Sluice sluice;
    static String file;

    @BeforeAll static void setUp() throws IOException {
        sluice = Sluice.builder().parallelism(2).build();
        file = dir.resolve("t.txt").toString();
        Files.writeString(Path.of(file), "line one\r\n\nline,three\n  \nlast");
    }

    @AfterAll static void tearDown() { sluice.close(); }

    static List<Object> values(DataFrame df) {
        List<Object> out = new ArrayList<>();
        for (Row r : df.collect()) out.add(r.get(0));
        return out;
    }

    @Test void readsOneRowPerLineKeepingEmptyLines() {
        DataFrame df = sluice.read().text(file);
        assertThat(df.schema().simpleString()).isEqualTo("struct<value:string>");
        assertThat(values(df)).containsExactly("line one", "", "line,three", "  ", "last");
        assertThat(df.count()).isEqualTo(5);
        assertThat(values(sluice.read().schema("x STRING").text(file))).hasSize(5);
    }

    @Test void wholetextAndLineSep() {
        assertThat(values(sluice.read().option("wholetext", "true").text(file)))
                .containsExactly("line one\r\n\nline,three\n  \nlast");
        assertThat(sluice.read().option("wholetext", "true").text(file).count()).isEqualTo(1);
        assertThat(values(sluice.read().option("lineSep", ",").text(file)))
                .containsExactly("line one\r\n\nline", "three\n  \nlast");
    }

    @Test void sameLinesForAnySplitSize() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) sb.append("line ").append(i).append(i % 7 == 0 ? "\r\n" : "\n");
        Path p = dir.resolve("many.txt");
        Files.writeString(p, sb.toString());
        try (Sluice s = Sluice.builder().maxSplitBytes(1024).parallelism(3).build()) {
            List<Object> got = values(s.read().text(p.toString()));
            assertThat(got).hasSize(2000);
            assertThat(got.get(1999)).isEqualTo("line 1999");
            assertThat(got.get(7)).isEqualTo("line 7");
        }
    }

    @Test void readsGzipAndZstd() throws IOException {
        for (Compression c : List.of(Compression.GZIP, Compression.ZSTD)) {
            Path p = dir.resolve("c.txt" + c.extension());
            try (OutputStream out = c.compress(Files.newOutputStream(p))) {
                out.write("a\nb\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(values(sluice.read().text(p.toString()))).containsExactly("a", "b");
        }
    }

    @Test void writesOneLinePerRowWithNullAsAnEmptyLine() throws IOException {
        StructType schema = StructType.fromDDL("v STRING");
        DataFrame df = sluice.createDataFrame(List.of(Row.of(schema, "a"), Row.of(schema, (Object) null),
                Row.of(schema, ""), Row.of(schema, "b\nc")), schema);
        Path out = dir.resolve("out");
        df.write().text(out.toString());
        assertThat(content(out, ".txt")).isEqualTo("a\n\n\nb\nc\n");
        Path sep = dir.resolve("outsep");
        df.write().option("lineSep", "|").option("compression", "zstd").text(sep.toString());
        assertThat(content(sep, ".txt.zst")).isEqualTo("a|||b\nc|");
    }

    private static String content(Path out, String ext) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(out)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList()) {
                assertThat(p.getFileName().toString()).endsWith(ext);
                try (InputStream in = Compression.forPath(p.toString()).decompress(Files.newInputStream(p))) {
                    sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }

    @Test void writingAnythingButOneStringColumnFails() {
        StructType two = StructType.fromDDL("a STRING, b STRING");
        StructType num = StructType.fromDDL("a INT");
        for (DataFrame df : Arrays.asList(sluice.createDataFrame(List.of(Row.of(two, "x", "y")), two),
                sluice.createDataFrame(List.of(Row.of(num, 1)), num))) {
            assertThatThrownBy(() -> df.write().text(dir.resolve("bad" + df.schema().size()).toString()))
                    .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
        assertThatThrownBy(() -> sluice.read().schema("a INT").text(file))
                .satisfies(e -> assertThat(((SluiceException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }
}

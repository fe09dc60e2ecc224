package dev.sluice.json;

import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static dev.sluice.json.JsonTestSupport.opts;
import static dev.sluice.json.JsonTestSupport.schema;
import static dev.sluice.json.JsonTestSupport.utf8;
import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordWriterTest {
    static Batch batch(StructType s, String... lines) {
        JsonBatchBuilder b = new JsonBatchBuilder(s, JsonOptions.DEFAULT);
        for (String l : lines) {
            byte[] bytes = utf8(l);
            b.append(bytes, 0, bytes.length);
        }
        return b.finish();
    }

    static String write(StructType s, JsonOptions options, Batch batch) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonRecordWriter w = new JsonRecordWriter(out, s, options)) {
            w.writeAll(batch);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void writesOneObjectPerLineOmittingNullFields() throws IOException {
        StructType s = schema("a INT, b STRING, ts TIMESTAMP, n ARRAY<STRUCT<x: INT, y: DOUBLE>>");
        Batch b = batch(s, "{\"a\":1,\"b\":\"x\",\"ts\":\"2026-10-01 00:00:00\",\"n\":[{\"x\":1},null]}", "{\"b\":\"only\"}", "{}");
        assertThat(write(s, JsonOptions.DEFAULT, b)).isEqualTo(
                "{\"a\":1,\"b\":\"x\",\"ts\":\"2026-10-01T00:00:00.000Z\",\"n\":[{\"x\":1},null]}\n{\"b\":\"only\"}\n{}\n");
    }

    @Test void ignoreNullFieldsFalseWritesNullsAndLineSepIsAnOption() throws IOException {
        StructType s = schema("a INT, b STRING");
        Batch b = batch(s, "{\"a\":1}", "{\"b\":\"y\"}");
        assertThat(write(s, opts("ignoreNullFields", "false", "lineSep", "\r\n"), b))
                .isEqualTo("{\"a\":1,\"b\":null}\r\n{\"a\":null,\"b\":\"y\"}\r\n");
    }

    @Test void writtenLinesReadBackToTheSameRows() throws IOException {
        StructType s = schema("a BIGINT, d DECIMAL(10,2), m MAP<STRING, DATE>, bin BINARY, f FLOAT");
        Batch b = batch(s, "{\"a\":9007199254740993,\"d\":\"3.14\",\"m\":{\"k\":\"2026-10-01\"},\"bin\":\"AQID\",\"f\":0.1}");
        String text = write(s, JsonOptions.DEFAULT, b);
        Batch again = batch(s, text.split("\n"));
        assertThat(JsonTestSupport.rows(again)).isEqualTo(JsonTestSupport.rows(b));
        assertThat(text).isEqualTo("{\"a\":9007199254740993,\"d\":3.14,\"m\":{\"k\":\"2026-10-01\"},\"bin\":\"AQID\",\"f\":0.1}\n");
    }

    @Test void writesSingleRowsOfABatch() throws IOException {
        StructType s = schema("a INT");
        Batch b = batch(s, "{\"a\":1}", "{\"a\":2}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonRecordWriter w = new JsonRecordWriter(out, s, JsonOptions.DEFAULT)) {
            w.write(b, 1);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"a\":2}\n");
    }
}

package dev.sluice.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.io.Compression;
import dev.sluice.io.CorruptCompressedInput;
import dev.sluice.io.csv.CsvOptions;
import dev.sluice.io.csv.CsvSource;
import dev.sluice.io.json.JsonInference;
import dev.sluice.io.json.JsonLinesSource;
import dev.sluice.io.json.MultiLineJsonSource;
import dev.sluice.io.text.TextSource;
import dev.sluice.json.FromJsonEvaluator;
import dev.sluice.json.JsonOptions;
import dev.sluice.types.DataTypes;
import dev.sluice.types.DdlParser;
import dev.sluice.types.StructType;
import dev.sluice.vector.BytesVector;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes every reader of untrusted bytes: only coded Sluice errors may come out (no other exception, no hang,
 * no OutOfMemoryError). Seeds live in {@code src/test/resources/dev/sluice/fuzz/ReaderFuzzTestInputs/<method>/}.
 */
class ReaderFuzzTest {
    static final StructType JSON_SCHEMA = DdlParser.parseSchema(
            "id BIGINT, name STRING, amount DECIMAL(10,2), ok BOOLEAN, ts TIMESTAMP, d DATE, tags ARRAY<STRING>, "
                    + "m MAP<STRING,INT>, s STRUCT<a:INT,b:ARRAY<STRUCT<c:DOUBLE>>>, _corrupt_record STRING");
    static final StructType CSV_SCHEMA = DdlParser.parseSchema(
            "id INT, name STRING, amount DECIMAL(10,2), ok BOOLEAN, ts TIMESTAMP, d DATE, x DOUBLE, _corrupt_record STRING");
    static final String[] MODES = {"PERMISSIVE", "DROPMALFORMED", "FAILFAST"};

    static byte[] cut(byte[] data) { return data.length <= Fuzzing.MAX_INPUT ? data : java.util.Arrays.copyOf(data, Fuzzing.MAX_INPUT); }

    @FuzzTest void jsonLines(FuzzedDataProvider in) {
        String mode = in.pickValue(MODES);
        boolean comments = in.consumeBoolean();
        byte[] data = cut(in.consumeRemainingAsBytes());
        JsonOptions options = JsonOptions.of(Map.of("mode", mode, "allowComments", String.valueOf(comments)));
        MemoryFiles files = MemoryFiles.of("f.json", data);
        Fuzzing.expectOnlyCodedErrors(() -> Fuzzing.drain(new JsonLinesSource(files, List.of("/m"), JSON_SCHEMA, options, 1024)));
        Fuzzing.expectOnlyCodedErrors(() -> JsonInference.infer(files, List.of("/m"), options, 0));
    }

    @FuzzTest void jsonMultiLine(byte[] data) {
        MemoryFiles files = MemoryFiles.of("f.json", cut(data));
        JsonOptions options = JsonOptions.of(Map.of("multiLine", "true"));
        Fuzzing.expectOnlyCodedErrors(() -> Fuzzing.drain(new MultiLineJsonSource(files, List.of("/m"), JSON_SCHEMA, options)));
        Fuzzing.expectOnlyCodedErrors(() -> MultiLineJsonSource.infer(files, List.of("/m"), options, 0));
    }

    @FuzzTest void fromJson(FuzzedDataProvider in) {
        String type = in.pickValue(new String[] {"struct<a:int,b:array<string>,c:map<string,double>>", "array<struct<x:bigint>>",
                "map<string,struct<y:decimal(5,1)>>", "struct<t:timestamp,d:date,s:string>"});
        byte[] data = cut(in.consumeRemainingAsBytes());
        BytesVector input = new BytesVector(DataTypes.STRING, 1);
        input.append(data);
        Fuzzing.expectOnlyCodedErrors(() -> FromJsonEvaluator.evaluate(input, DdlParser.parseType(type), JsonOptions.DEFAULT).getObject(0));
    }

    @FuzzTest void csv(FuzzedDataProvider in) {
        boolean header = in.consumeBoolean();
        boolean multiLine = in.consumeBoolean();
        String mode = in.pickValue(MODES);
        String sep = in.pickValue(new String[] {",", ";", "\t", "||"});
        byte[] data = cut(in.consumeRemainingAsBytes());
        CsvOptions options = CsvOptions.forReading(Map.of("header", String.valueOf(header), "multiLine", String.valueOf(multiLine),
                "mode", mode, "sep", sep, "enforceSchema", String.valueOf(!header)));
        MemoryFiles files = MemoryFiles.of("f.csv", data);
        Fuzzing.expectOnlyCodedErrors(() -> Fuzzing.drain(new CsvSource(files, List.of("/m"), CSV_SCHEMA, options, 1024)));
    }

    @FuzzTest void text(FuzzedDataProvider in) {
        String sep = in.pickValue(new String[] {"", "\n", "||", "\r"});
        boolean whole = in.consumeBoolean();
        byte[] data = cut(in.consumeRemainingAsBytes());
        Map<String, String> options = sep.isEmpty() ? Map.of("wholetext", String.valueOf(whole)) : Map.of("lineSep", sep);
        MemoryFiles files = MemoryFiles.of("f.txt", data);
        Fuzzing.expectOnlyCodedErrors(() -> Fuzzing.drain(new TextSource(files, List.of("/m"), TextSource.defaultSchema(), options, 1024)));
    }

    /** Decompressors: every byte string decompresses or fails with CorruptCompressedInput naming an offset. */
    @FuzzTest void decompressors(FuzzedDataProvider in) {
        Compression c = in.consumeBoolean() ? Compression.GZIP : Compression.ZSTD;
        byte[] data = cut(in.consumeRemainingAsBytes());
        try (InputStream s = c.decompress(new ByteArrayInputStream(data))) {
            byte[] buf = new byte[8192];
            long total = 0;
            for (int n; (n = s.read(buf)) >= 0; ) {
                total += n;
                if (total > 64L * 1024 * 1024) break;   // a bomb is fine to read in a stream; stop the harness early
            }
        } catch (CorruptCompressedInput e) {
            if (e.offset() < 0 || e.offset() > data.length) throw new AssertionError("offset " + e.offset() + " outside the input", e);
        } catch (IOException e) {
            throw new AssertionError("a decompression failure without an offset", e);
        }
        // and through the line reader, as a .gz / .zst file
        MemoryFiles files = MemoryFiles.of(c == Compression.GZIP ? "f.txt.gz" : "f.txt.zst", data);
        Fuzzing.expectOnlyCodedErrors(() -> Fuzzing.drain(new TextSource(files, List.of("/m"), TextSource.defaultSchema(), Map.of(), 1024)));
    }

    static final dev.sluice.Sluice SQL_SESSION = dev.sluice.Sluice.builder().parallelism(1).build();

    /** The Spark SQL front end: expressions, types and whole queries (against a session without tables). */
    @FuzzTest void sql(FuzzedDataProvider in) {
        String text = in.consumeRemainingAsString();
        Fuzzing.expectOnlyCodedErrors(() -> dev.sluice.sql.SqlParser.parseExpression(text));
        Fuzzing.expectOnlyCodedErrors(() -> dev.sluice.sql.SqlParser.parseDataType(text));
        Fuzzing.expectOnlyCodedErrors(() -> dev.sluice.sql.SqlParser.parseQuery(SQL_SESSION, text));
    }

    @FuzzTest void ddl(FuzzedDataProvider in) {
        String text = in.consumeRemainingAsString();
        Fuzzing.expectOnlyCodedErrors(() -> DdlParser.parseSchema(text));
        Fuzzing.expectOnlyCodedErrors(() -> DdlParser.parseType(text));
    }
}

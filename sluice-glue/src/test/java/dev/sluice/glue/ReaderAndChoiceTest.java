package dev.sluice.glue;

import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.types.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON reader's Glue typing, choices, error records and the printSchema/show/toDF formats. */
class ReaderAndChoiceTest {
    @TempDir Path dir;
    Sluice sluice;
    GlueContext glue;

    @BeforeEach void open() {
        sluice = Sluice.builder().parallelism(2).build();
        glue = GlueContext.builder(sluice).bookmarks(dir.resolve("bookmarks")).build();
    }

    @AfterEach void close() { sluice.close(); }

    DynamicFrame read(String... lines) throws IOException {
        Path f = dir.resolve("in.json");
        Files.write(f, List.of(lines));
        return glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json");
    }

    @Test void smallIntegersAreIntAndDifferentTypesMakeAChoice() throws IOException {
        DynamicFrame f = read("{\"id\": 1, \"provider id\": 10001, \"name\": \"a\"}",
                "{\"id\": 2, \"provider id\": \"x10\", \"big\": 17235550101}", "{\"id\": 3, \"empty\": null}");
        assertThat(f.schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- provider id: choice
                |    |-- int
                |    |-- string
                |-- name: string
                |-- big: long
                |-- empty: null
                """);
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.schema().field("provider id").orElseThrow().type()).isEqualTo(ChoiceType.of(GlueScalar.INT, GlueScalar.STRING));
        List<Row> rows = f.toDF().orderBy("id").collect();
        assertThat(rows.get(0).getStruct(1).get(0)).isEqualTo(10001);
        assertThat(rows.get(1).getStruct(1).get(1)).isEqualTo("x10");
    }

    @Test void malformedLinesBecomeErrorRecordsAndNothingIsLost() throws IOException {
        DynamicFrame f = read("{\"id\": 1, \"name\": \"george\"}", "{\"id\": 2, \"name\": \"benjamin\"",
                "{\"id\": 3, \"name\": \"thomas\"}", "{\"id\": 4, \"name\": \"abraham\"}");
        assertThat(f.count()).isEqualTo(3);
        assertThat(f.errorsCount()).isEqualTo(1);
        assertThat(f.stageErrorsCount()).isEqualTo(1);
        DynamicFrame errors = f.errorsAsDynamicFrame();
        List<DynamicRecord> e = errors.collect();
        assertThat(e).hasSize(1);
        assertThat((String) e.get(0).getField("error.msg")).startsWith("error in jackson reader");
        assertThat(e.get(0).getField("error.input")).isEqualTo("{\"id\": 2, \"name\": \"benjamin\"");
        assertThat(errors.schemaString()).startsWith("root\n|-- error: struct\n|    |-- callsite: struct\n");
    }

    @Test void showPrintsPrettyJsonRecords() throws IOException {
        DynamicFrame f = read("{\"name\": \"Sally\", \"age\": 23, \"friends\": [{\"name\": \"x\"}], \"tags\": []}");
        assertThat(f.showString(5)).isEqualTo("""
                {
                    "name": "Sally",
                    "age": 23,
                    "friends": [
                        {
                            "name": "x"
                        }
                    ],
                    "tags": []
                }
                """);
    }

    @Test void resolveChoiceActions() throws IOException {
        DynamicFrame f = read("{\"id\": 1, \"p\": 10001}", "{\"id\": 2, \"p\": \"abc\"}", "{\"id\": 3, \"p\": \"12\"}");
        assertThat(f.resolveChoice(List.of(ResolveChoiceSpec.of("p", "cast:long"))).toDF().orderBy("id").collect())
                .extracting(r -> r.get(1)).containsExactly(10001L, null, 12L);
        assertThat(f.resolveChoice(List.of(ResolveChoiceSpec.of("p", "project:int"))).toDF().orderBy("id").collect())
                .extracting(r -> r.get(1)).containsExactly(10001, null, null);
        DynamicFrame cols = f.resolveChoice("make_cols");
        assertThat(cols.schemaString()).isEqualTo("root\n|-- id: int\n|-- p_int: int\n|-- p_string: string\n");
        DynamicFrame struct = f.resolveChoice("make_struct");
        assertThat(struct.schemaString()).isEqualTo("root\n|-- id: int\n|-- p: struct\n|    |-- int: int\n|    |-- string: string\n");
        assertThatThrownBy(() -> f.resolveChoice(List.of(), "", TransformOptions.DEFAULT))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
    }

    @Test void resolveChoiceCastInsideArrays() throws IOException {
        DynamicFrame f = read("{\"myList\": [{\"price\": 100.0}, {\"price\": \"$100.00\"}, {\"price\": \"7.5\"}]}");
        DynamicFrame r = f.resolveChoice(List.of(ResolveChoiceSpec.of("myList[].price", "cast:double")));
        assertThat(r.schemaString()).isEqualTo("root\n|-- myList: array\n|    |-- element: struct\n|    |    |-- price: double\n");
        assertThat(r.collect().get(0).toJson()).isEqualTo("{\"myList\":[{\"price\":100.0},{},{\"price\":7.5}]}");
    }

    @Test void framesFromRecordsMergeTheirTypesIntoChoices() {
        DynamicFrame f = glue.createDynamicFrameFromRecords(List.of(
                new DynamicRecord().put("id", 1).put("v", 1L).put("d", java.time.LocalDate.of(2024, 1, 2)),
                new DynamicRecord().put("id", 2).put("v", "x").setField("s.t", true)), "mem");
        assertThat(f.schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- v: choice
                |    |-- long
                |    |-- string
                |-- d: date
                |-- s: struct
                |    |-- t: boolean
                """);
        assertThat(f.collect()).extracting(DynamicRecord::toJson)
                .containsExactly("{\"id\":1,\"v\":1,\"d\":\"2024-01-02\"}", "{\"id\":2,\"v\":\"x\",\"s\":{\"t\":true}}");
        assertThat(f.name()).isEqualTo("mem");
    }

    @Test void isFailFastFailsTheReadOnAMalformedRecordOnBothReaderPaths() throws IOException {
        Path f = dir.resolve("ff.json");
        Files.write(f, List.of("{\"id\": 1}", "{broken", "{\"id\": \"x\"}"));
        for (GlueContext g : List.of(glue, GlueContext.builder(sluice).bookmarks(dir.resolve("b2")).build().recordAtATimeJson())) {
            DynamicFrame d = g.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString()), "isFailFast", "true"), "json");
            assertThatThrownBy(d::count).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_RECORD));
        }
        Path g2 = dir.resolve("ff2.json");
        Files.write(g2, List.of("{\"id\": 1}", "{broken"));
        DynamicFrame columnar = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(g2.toString()), "isFailFast", "true"), "json");
        assertThatThrownBy(columnar::count).isInstanceOf(SluiceException.class);
    }

    @Test void typeSignaturesRoundTrip() {
        var t = new dev.sluice.glue.types.GlueStruct(List.of(
                new dev.sluice.glue.types.GlueField("a`b.c", ChoiceType.of(GlueScalar.INT, GlueScalar.STRING)),
                new dev.sluice.glue.types.GlueField("m", new dev.sluice.glue.types.GlueMap(new dev.sluice.glue.types.GlueArray(GlueScalar.decimal(12, 3)))),
                new dev.sluice.glue.types.GlueField("n", dev.sluice.glue.types.GlueNull.INSTANCE),
                new dev.sluice.glue.types.GlueField("s", dev.sluice.glue.types.GlueStruct.EMPTY)));
        assertThat(TypeSignature.parse(TypeSignature.of(t))).isEqualTo(t);
    }
}

package dev.sluice.glue;

import dev.sluice.DataFrame;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.ChoiceType;
import dev.sluice.glue.types.GlueScalar;
import dev.sluice.types.DataTypes;
import dev.sluice.types.Row;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sluice's tinyint, smallint and timestamp_ntz inside a DynamicFrame as Glue's byte, short and timestampntz
 * (printSchema, show, records, merge rules, casts, toDF round trips); types Glue has none for are refused.
 */
class NewerTypesTest extends GlueTestBase {
    private DataFrame typed() {
        return sluice.sql("SELECT CAST(id AS TINYINT) AS b, CAST(id * 1000 AS SMALLINT) AS s,"
                + " CAST(CONCAT('2024-01-0', CAST(id + 1 AS STRING), ' 10:20:30') AS TIMESTAMP_NTZ) AS t, id FROM range(2)");
    }

    @Test void fromDFCarriesByteShortAndTimestampNtzWithGluesNames() {
        DynamicFrame f = DynamicFrame.fromDF(typed(), glue, "typed");
        assertThat(f.schemaString()).isEqualTo("root\n|-- b: byte\n|-- s: short\n|-- t: timestampntz\n|-- id: long\n");
        assertThat(f.count()).isEqualTo(2);
        List<DynamicRecord> records = f.collect();
        DynamicRecord second = records.stream().filter(r -> ((Long) r.get("id")) == 1L).findFirst().orElseThrow();
        assertThat(second.get("b")).isEqualTo((byte) 1);
        assertThat(second.get("s")).isEqualTo((short) 1000);
        assertThat(second.get("t")).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 20, 30));
        assertThat(second.toJson()).isEqualTo("{\"b\":1,\"s\":1000,\"t\":\"2024-01-02 10:20:30\",\"id\":1}");
        assertThat(f.filter(r -> ((Long) r.get("id")) == 1L).showString(20)).isEqualTo("""
                {
                    "b": 1,
                    "s": 1000,
                    "t": "2024-01-02 10:20:30",
                    "id": 1
                }
                """);
        // toDF gives the same Sluice types back
        assertThat(f.toDF().schema().simpleString()).isEqualTo("struct<b:tinyint,s:smallint,t:timestamp_ntz,id:bigint>");
    }

    @Test void recordFunctionsKeepTheTypes() {
        DynamicFrame mapped = DynamicFrame.fromDF(typed(), glue, "typed").map(r -> r);
        assertThat(mapped.schemaString()).isEqualTo("root\n|-- b: byte\n|-- s: short\n|-- t: timestampntz\n|-- id: long\n");
        Row row = mapped.toDF().orderBy("id").collect().get(1);
        assertThat(row.get(0)).isEqualTo((byte) 1);
        assertThat(row.get(1)).isEqualTo((short) 1000);
        assertThat(row.get(2)).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 20, 30));
    }

    @Test void differentIntegerWidthsMakeChoicesInTypeNameOrder() {
        DynamicFrame shorts = DynamicFrame.fromDF(sluice.sql("SELECT CAST(7 AS SMALLINT) AS v"), glue, "a");
        DynamicFrame bytes = DynamicFrame.fromDF(sluice.sql("SELECT CAST(8 AS TINYINT) AS v"), glue, "b");
        DynamicFrame ints = json("{\"v\": 9}");
        DynamicFrame all = shorts.union(bytes).union(ints);
        assertThat(all.schemaString()).isEqualTo("root\n|-- v: choice\n|    |-- byte\n|    |-- int\n|    |-- short\n");
        assertThat(all.schema().field("v").orElseThrow().type()).isEqualTo(ChoiceType.of(GlueScalar.BYTE, GlueScalar.INT, GlueScalar.SHORT));
        assertThat(jsonOf(all)).containsExactly("{\"v\":7}", "{\"v\":8}", "{\"v\":9}");
        DynamicFrame resolved = all.resolveChoice(List.of(ResolveChoiceSpec.of("v", "cast:short")));
        assertThat(resolved.schemaString()).isEqualTo("root\n|-- v: short\n");
        assertThat(resolved.toDF().schema().field(0).dataType()).isEqualTo(DataTypes.SHORT);
    }

    @Test void mappingsCastToByteShortAndTimestampNtzAndOverflowIsNull() {
        DynamicFrame f = json("{\"n\": \"12\", \"big\": \"300\", \"at\": \"2024-05-06 07:08:09\"}");
        DynamicFrame mapped = f.applyMapping(List.of(Mapping.of("n", "string", "n", "byte"), Mapping.of("big", "string", "big", "tinyint"),
                Mapping.of("n", "string", "s", "smallint"), Mapping.of("at", "string", "at", "timestamp_ntz")));
        assertThat(mapped.schemaString()).isEqualTo("root\n|-- n: byte\n|-- big: byte\n|-- s: short\n|-- at: timestampntz\n");
        assertThat(jsonOf(mapped)).containsExactly("{\"n\":12,\"s\":12,\"at\":\"2024-05-06 07:08:09\"}");
    }

    @Test void mapKeysOfOtherTypesBecomeTheirText() {
        DynamicFrame f = DynamicFrame.fromDF(sluice.sql("SELECT map(1, 'one', 2, 'two') AS m"), glue, "m");
        assertThat(f.schemaString()).isEqualTo("root\n|-- m: map\n|    |-- key: string\n|    |-- value: string\n");
        assertThat(jsonOf(f)).containsExactly("{\"m\":{\"1\":\"one\",\"2\":\"two\"}}");
    }

    @Test void typesGlueHasNoneForAreRefused() {
        for (String sql : List.of("SELECT INTERVAL '3' DAY AS d", "SELECT INTERVAL '2' YEAR AS y", "SELECT parse_json('{\"a\":1}') AS v")) {
            DynamicFrame f = DynamicFrame.fromDF(sluice.sql(sql), glue, "x");   // lazy: refused when computed
            assertThatThrownBy(f::count).as(sql).isInstanceOfSatisfying(SluiceException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
    }
}

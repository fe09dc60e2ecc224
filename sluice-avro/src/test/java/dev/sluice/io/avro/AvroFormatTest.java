package dev.sluice.io.avro;

import dev.sluice.DataFrame;
import dev.sluice.Sluice;
import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.Row;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** format("avro"): files written by Avro itself read with Spark's type mapping; Sluice's own files round-trip. */
class AvroFormatTest {
    @TempDir Path dir;

    @Test void readsAvroFilesWithSparksTypeMapping() throws Exception {
        Schema color = SchemaBuilder.enumeration("Color").symbols("RED", "GREEN");
        Schema date = LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        Schema schema = SchemaBuilder.record("Item").fields()
                .requiredLong("id")
                .optionalString("name")
                .name("color").type(color).noDefault()
                .name("born").type(date).noDefault()
                .name("tags").type().array().items().stringType().noDefault()
                .name("attrs").type().map().values().intType().noDefault()
                .name("either").type().unionOf().intType().and().stringType().endUnion().noDefault()
                .name("blob").type().bytesType().noDefault()
                .endRecord();
        File f = dir.resolve("items.avro").toFile();
        try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            w.create(schema, f);
            GenericRecord r = new GenericData.Record(schema);
            r.put("id", 7L);
            r.put("name", "seven");
            r.put("color", new GenericData.EnumSymbol(color, "GREEN"));
            r.put("born", 19000);
            r.put("tags", List.of("a", "b"));
            r.put("attrs", Map.of("k", 1));
            r.put("either", "text");
            r.put("blob", ByteBuffer.wrap(new byte[] {1, 2}));
            w.append(r);
        }
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = sluice.read().format("avro").load(f.getPath());
            assertThat(df.schema().simpleString()).isEqualTo("struct<id:bigint,name:string,color:string,born:date,tags:array<string>,"
                    + "attrs:map<string,int>,either:struct<member0:int,member1:string>,blob:binary>");
            Row row = df.collectAsList().get(0);
            assertThat(row.get(0)).isEqualTo(7L);
            assertThat(row.get(1)).isEqualTo("seven");
            assertThat(row.get(2)).isEqualTo("GREEN");
            assertThat(row.get(3)).isEqualTo(java.time.LocalDate.ofEpochDay(19000));
            assertThat(row.get(4)).isEqualTo(List.of("a", "b"));
            assertThat(row.get(5)).isEqualTo(Map.of("k", 1));
            assertThat(((Row) row.get(6)).get(1)).isEqualTo("text");
            assertThat((byte[]) row.get(7)).containsExactly(1, 2);
            assertThat(df.select("name").collectAsList()).extracting(r -> r.get(0)).containsExactly("seven");
        }
    }

    @Test void sluiceFilesRoundTripWithEveryCodec() {
        try (Sluice sluice = Sluice.builder().parallelism(2).build()) {
            DataFrame df = sluice.sql("SELECT id, CAST(id AS STRING) AS s, CAST(id AS DECIMAL(10,2)) / 4 AS d, DATE '2024-01-02' AS day,"
                    + " TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, ARRAY(id, NULL) AS xs, NAMED_STRUCT('a', id, 'b', 'x') AS st,"
                    + " MAP('k', id) AS m, IF(id = 2, NULL, id * 1.5D) AS maybe FROM VALUES (1), (2), (3) AS t(id)");
            for (String codec : List.of("snappy", "uncompressed", "deflate", "zstandard")) {
                String out = dir.resolve("out-" + codec).toString();
                df.write().format("avro").option("compression", codec).save(out);
                DataFrame back = sluice.read().format("avro").load(out);
                assertThat(back.schema().simpleString()).isEqualTo(df.schema().simpleString());
                assertThat(back.orderBy("id").collectAsList()).isEqualTo(df.orderBy("id").collectAsList());
            }
            assertThatThrownBy(() -> df.write().format("avro").option("compression", "lz4").save(dir.resolve("bad").toString()))
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        }
    }
}

package dev.sluice.glue;

import dev.sluice.glue.transforms.FlatMap;
import dev.sluice.glue.transforms.SelectFromCollection;
import dev.sluice.glue.transforms.SplitFields;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan-expression (vectorized) transforms against a simple record-at-a-time reference written here over
 * DynamicRecords, on random records with missing fields, nulls, nested structs and choices.
 */
class VectorizedVsRecordPropertyTest extends GlueTestBase {
    static String[] randomRecords(long seed, int n) {
        Random r = new Random(seed);
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder("{\"id\": ").append(i);
            if (r.nextInt(4) > 0) sb.append(", \"a\": ").append(r.nextInt(1000) - 500);
            int c = r.nextInt(3);
            if (c == 0) sb.append(", \"c\": ").append(r.nextInt(100));
            if (c == 1) sb.append(", \"c\": \"").append(r.nextBoolean() ? "" + r.nextInt(100) : "t" + r.nextInt(9)).append('"');
            if (r.nextInt(5) > 0) {
                sb.append(", \"s\": {");
                if (r.nextBoolean()) sb.append("\"x\": ").append(r.nextInt(50)).append(", ");
                sb.append("\"y\": \"v").append(r.nextInt(20)).append("\"}");
            }
            lines[i] = sb.append('}').toString();
        }
        return lines;
    }

    List<String> reference(DynamicFrame input, UnaryOperator<DynamicRecord> f) {
        List<String> out = new ArrayList<>();
        for (DynamicRecord r : input.collect()) out.add(f.apply(r.copy()).toJson());
        out.sort(null);
        return out;
    }

    @Test void transformsAgreeWithTheReference() {
        for (long seed : new long[] {1, 2, 3}) {
            DynamicFrame in = json(randomRecords(seed, 300));
            assertThat(jsonOf(in.selectFields("s", "id"))).as("selectFields seed %d", seed).isEqualTo(reference(in, r -> {
                DynamicRecord o = new DynamicRecord();
                o.put("s", r.get("s"));
                o.put("id", r.get("id"));
                return o;
            }));
            assertThat(jsonOf(in.dropFields("s.x"))).as("dropFields seed %d", seed).isEqualTo(reference(in, r -> {
                r.dropField("s.x");
                return r;
            }));
            assertThat(jsonOf(in.renameField("s.y", "s.why"))).as("renameField seed %d", seed).isEqualTo(reference(in, r -> {
                if (r.get("s") instanceof DynamicRecord s && s.get("y") != null) {
                    DynamicRecord n = new DynamicRecord();
                    s.asMap().forEach((k, v) -> n.put(k.equals("y") ? "why" : k, v));
                    r.put("s", n);
                }
                return r;
            }));
            assertThat(jsonOf(in.unnest())).as("unnest seed %d", seed).isEqualTo(reference(in, r -> {
                DynamicRecord o = new DynamicRecord();
                r.asMap().forEach((k, v) -> {
                    if (v instanceof DynamicRecord s) s.asMap().forEach((k2, v2) -> o.put(k + "." + k2, v2));
                    else o.put(k, v);
                });
                return o;
            }));
            assertThat(jsonOf(in.resolveChoice(List.of(ResolveChoiceSpec.of("c", "cast:int")))))
                    .as("resolveChoice seed %d", seed).isEqualTo(reference(in, r -> {
                        Object c = r.get("c");
                        if (c instanceof String s) r.put("c", s.matches("-?\\d+") ? Integer.parseInt(s) : null);
                        return r;
                    }));
            assertThat(jsonOf(in.applyMapping(List.of(Mapping.of("id", "int", "id", "long"), Mapping.of("s.y", "string", "t.y", "string"),
                    Mapping.of("a", "int", "t.a", "string"))))).as("applyMapping seed %d", seed).isEqualTo(reference(in, r -> {
                        DynamicRecord o = new DynamicRecord().put("id", ((Integer) r.get("id")).longValue());
                        DynamicRecord t = new DynamicRecord();
                        t.put("y", r.getField("s.y"));
                        t.put("a", r.get("a") == null ? null : String.valueOf(r.get("a")));
                        if (t.size() > 0) o.put("t", t);
                        return o;
                    }));
        }
    }

    @Test void flatMapAppliesATransformToEveryFrameOfACollection() {
        DynamicFrame in = json("{\"name\": \"a\", \"phone\": 17235550101, \"n\": 1}", "{\"name\": \"b\", \"phone\": 17235550102, \"n\": \"2\"}");
        DynamicFrameCollection split = SplitFields.apply(in, List.of("name", "phone"));
        DynamicFrameCollection cast = FlatMap.apply(split, f -> f.resolveChoice("cast:string"));
        assertThat(cast.keys()).containsExactly("frame1", "frame2");
        assertThat(SelectFromCollection.apply(cast, "frame1").schemaString()).isEqualTo("root\n|-- name: string\n|-- phone: long\n");
        assertThat(SelectFromCollection.apply(cast, "frame2").schemaString()).isEqualTo("root\n|-- n: string\n");
        assertThat(jsonOf(SelectFromCollection.apply(cast, "frame2"))).containsExactly("{\"n\":\"1\"}", "{\"n\":\"2\"}");
        assertThat(split.map((f, ctx) -> f.withName(ctx), "ctx").values()).extracting(DynamicFrame::name).containsExactly("ctx:frame1", "ctx:frame2");
    }

    @Test void theColumnarJsonReaderGivesTheRecordReadersRecordsAndErrors() throws Exception {
        Random r = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            switch (r.nextInt(12)) {
                case 0 -> lines.add("{\"id\": " + i + ", \"broken\": ");
                case 1 -> lines.add("");
                case 2 -> lines.add("{\"id\": " + i + "} trailing");
                default -> lines.add("{\"id\": " + i + (r.nextBoolean() ? ", \"big\": " + (5_000_000_000L + i) : "")
                        + (r.nextBoolean() ? ", \"d\": " + (i / 7.0) : "") + ", \"s\": {\"t\": \"v" + r.nextInt(5) + "\""
                        + (r.nextBoolean() ? ", \"ok\": true" : "") + "}, \"arr\": [" + r.nextInt(3) + ", 4]}");
            }
        }
        java.nio.file.Path f = dir.resolve("mixed.json");
        java.nio.file.Files.write(f, lines);
        Map<String, Object> options = Map.of("paths", List.of(f.toString()));
        DynamicFrame columnar = glue.createDynamicFrame().fromOptions("file", options, "json");
        GlueContext recordGlue = GlueContext.builder(sluice).bookmarks(dir.resolve("bm2")).build().recordAtATimeJson();
        DynamicFrame records = recordGlue.createDynamicFrame().fromOptions("file", options, "json");
        assertThat(columnar.schemaString()).isEqualTo(records.schemaString());
        assertThat(jsonOf(columnar)).isEqualTo(jsonOf(records));
        assertThat(columnar.errorsCount()).isEqualTo(records.errorsCount()).isPositive();
        List<Object> columnarInputs = new ArrayList<>(), recordInputs = new ArrayList<>();
        for (DynamicRecord e : columnar.errorsAsDynamicFrame().collect()) columnarInputs.add(e.getField("error.input"));
        for (DynamicRecord e : records.errorsAsDynamicFrame().collect()) recordInputs.add(e.getField("error.input"));
        assertThat(columnarInputs).containsExactlyInAnyOrderElementsOf(recordInputs);
    }
}

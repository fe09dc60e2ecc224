package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.glue.types.GlueScalar;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GlueContext sources and sinks: CSV options, JSON options, S3 options, the local catalog, s3:// mapping. */
class ContextIoTest extends GlueTestBase {
    @Test void csvReadsEveryColumnAsStringWithGlueOptions() throws Exception {
        Path f = dir.resolve("medicare.csv");
        Files.write(f, List.of("DRG;Provider Id;Name", "039;10001;'SOUTH; EAST'", "039;X;plain"));
        DynamicFrame d = glue.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of(f.toString())), "csv",
                Map.of("separator", ";", "quoteChar", "'", "withHeader", "true", "optimizePerformance", "true"), "");
        assertThat(d.schemaString()).isEqualTo("root\n|-- DRG: string\n|-- Provider Id: string\n|-- Name: string\n");
        assertThat(jsonOf(d)).containsExactly("{\"DRG\":\"039\",\"Provider Id\":\"10001\",\"Name\":\"SOUTH; EAST\"}",
                "{\"DRG\":\"039\",\"Provider Id\":\"X\",\"Name\":\"plain\"}");
        DynamicFrame noHeader = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "csv",
                Map.of("separator", ";", "quoteChar", "'", "skipFirst", "true"), "");
        assertThat(noHeader.schema().names()).containsExactly("col0", "col1", "col2");
        assertThat(noHeader.count()).isEqualTo(2);
    }

    @Test void jsonMultilineAndJsonPath() throws Exception {
        Path f = dir.resolve("nested.json");
        Files.writeString(f, "{\"data\": [\n {\"id\": 1},\n {\"id\": 2}\n]}\n");
        DynamicFrame d = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "json",
                Map.of("jsonPath", "$.data[*]"), "");
        assertThat(jsonOf(d)).containsExactly("{\"id\":1}", "{\"id\":2}");
        Path arr = dir.resolve("array.json");
        Files.writeString(arr, "[{\"id\": 1},\n{\"id\": 2},\n{\"id\": 3}]\n");
        DynamicFrame a = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(arr.toString())), "json",
                Map.of("multiline", "true"), "");
        assertThat(a.count()).isEqualTo(3);   // Glue loses the first record of a top-level array; Sluice does not
    }

    @Test void recurseAndExclusions() throws Exception {
        Files.createDirectories(dir.resolve("in/sub"));
        Files.writeString(dir.resolve("in/a.json"), "{\"id\": 1}\n");
        Files.writeString(dir.resolve("in/sub/b.json"), "{\"id\": 2}\n");
        Files.writeString(dir.resolve("in/sub/c.pdf"), "not json\n");
        String in = dir.resolve("in").toString();
        assertThat(glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(in)), "json").count()).isEqualTo(1);
        DynamicFrame all = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(in), "recurse", "true",
                "exclusions", "[\"**.pdf\"]"), "json");
        assertThat(all.count()).isEqualTo(2);
        assertThat(all.errorsCount()).isZero();
    }

    @Test void unknownOrUnsupportedOptionsAreRefused() {
        Map<String, Object> paths = Map.of("paths", List.of("x"));
        for (Runnable r : List.<Runnable>of(
                () -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of("x"), "nope", "1"), "json"),
                () -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of("x"), "compressionType", "bzip2"), "json"),
                () -> glue.createDynamicFrame().fromOptions("file", paths, "json", Map.of("withSchema", "x"), ""),
                () -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of("x"), "boundedFiles", "1", "boundedSize", "9"), "json"))) {
            assertThatThrownBy(r::run).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
        }
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("jdbc", paths, "json"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void s3PathsMapToTheLocalRootOrFailClearly() throws Exception {
        Files.createDirectories(dir.resolve("s3root/bucket/logs"));
        Files.writeString(dir.resolve("s3root/bucket/logs/a.json"), "{\"id\": 1}\n");
        GlueContext local = GlueContext.builder(sluice).s3LocalRoot(dir.resolve("s3root")).build();
        assertThat(local.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of("s3://bucket/logs/")), "json").count()).isEqualTo(1);
        GlueContext none = GlueContext.builder(sluice).s3LocalRoot(null).build();
        DynamicFrame f = none.createDynamicFrame().fromOptions("s3", Map.of("paths", List.of("s3://bucket/logs/")), "json");
        assertThatThrownBy(f::count).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void writerAppendsJsonWithPartitionKeysAndChoicesAsValues() throws Exception {
        DynamicFrame f = json("{\"id\": 1, \"year\": \"2024\", \"v\": 10}", "{\"id\": 2, \"year\": \"2025\", \"v\": \"ten\"}", "{broken");
        String out = dir.resolve("out").toString();
        glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", out, "partitionKeys", List.of("year")), "json");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".json")).sorted().toList()) {
                lines.add(dir.resolve("out").relativize(p.getParent()) + " " + Files.readString(p).trim());
            }
        }
        assertThat(lines).containsExactly("year=2024 {\"id\":1,\"v\":10}", "year=2025 {\"id\":2,\"v\":\"ten\"}");
        DynamicFrame back = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(out), "recurse", "true"), "json");
        assertThat(back.count()).isEqualTo(2);
    }

    @Test void catalogTablesPartitionPruningAndMatchCatalog() throws Exception {
        Path table = dir.resolve("warehouse/events");
        Files.createDirectories(table.resolve("year=2023"));
        Files.createDirectories(table.resolve("year=2024"));
        Files.writeString(table.resolve("year=2023/a.json"), "{\"id\": 1, \"amount\": \"12\"}\n");
        Files.writeString(table.resolve("year=2024/b.json"), "{\"id\": 2, \"amount\": 7}\n{\"id\": 3, \"amount\": \"x\"}\n");
        Files.createDirectories(dir.resolve("catalog/sales"));
        Files.writeString(dir.resolve("catalog/sales/events.json"), "{\"location\": \"" + table.toString().replace("\\", "/") + "\", \"format\": \"json\","
                + " \"columns\": [{\"name\": \"id\", \"type\": \"int\"}, {\"name\": \"amount\", \"type\": \"bigint\"}],"
                + " \"partitionKeys\": [{\"name\": \"year\", \"type\": \"string\"}]}");
        DynamicFrame all = glue.createDynamicFrame().fromCatalog("sales", "events");
        assertThat(all.schemaString()).isEqualTo("root\n|-- id: int\n|-- amount: choice\n|    |-- int\n|    |-- string\n|-- year: string\n");
        DynamicFrame pruned = glue.createDynamicFrame().fromCatalog("sales", "events", "", "year >= '2024'", Map.of());
        assertThat(jsonOf(pruned.selectFields("id", "year"))).containsExactly("{\"id\":2,\"year\":\"2024\"}", "{\"id\":3,\"year\":\"2024\"}");
        DynamicFrame matched = all.resolveChoiceMatchCatalog("sales", "events", TransformOptions.DEFAULT);
        assertThat(matched.schema().field("amount").orElseThrow().type()).isEqualTo(GlueScalar.LONG);
        assertThat(jsonOf(matched.selectFields("id", "amount"))).containsExactly("{\"id\":1,\"amount\":12}", "{\"id\":2,\"amount\":7}", "{\"id\":3}");
        // write_dynamic_frame.from_catalog appends at the table's location, partitioned by its keys
        glue.writeDynamicFrame().fromCatalog(json("{\"id\": 4, \"amount\": 5, \"year\": \"2025\"}"), "sales", "events");
        assertThat(Files.isDirectory(table.resolve("year=2025"))).isTrue();
        assertThat(jsonOf(glue.createDynamicFrame().fromCatalog("sales", "events", "", "year = '2025'", Map.of()).selectFields("id", "year")))
                .containsExactly("{\"id\":4,\"year\":\"2025\"}");
        assertThatThrownBy(() -> glue.createDynamicFrame().fromCatalog("sales", "nope"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GLUE_CATALOG_ENTITY_NOT_FOUND));
    }

    @Test void toDfWithResolveSpecsAndFromDfRoundTrip() {
        DynamicFrame f = json("{\"id\": 1, \"p\": 5}", "{\"id\": 2, \"p\": \"6\"}");
        assertThat(f.toDF(List.of(ResolveSpec.cast("p", "long"))).orderBy("id").collect()).extracting(r -> r.get(1)).containsExactly(5L, 6L);
        assertThat(f.toDF(List.of(ResolveSpec.project("p", "string"))).orderBy("id").collect()).extracting(r -> r.get(1)).containsExactly(null, "6");
        assertThat(f.toDF(List.of(ResolveSpec.keepAsStruct("p"))).schema().toDDL()).contains("p STRUCT<int: INT, string: STRING>");
        assertThatThrownBy(() -> f.toDF(List.of(new ResolveSpec("p", "Project", null))))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        DynamicFrame back = DynamicFrame.fromDF(f.toDF(List.of(ResolveSpec.cast("p", "long"))), glue, "back");
        assertThat(back.schemaString()).isEqualTo("root\n|-- id: int\n|-- p: long\n");
        assertThat(back.name()).isEqualTo("back");
    }

    @Test void groupFilesPacksSmallFilesIntoPartitionsOfGroupSize() throws Exception {
        Path in = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 12; i++) Files.writeString(in.resolve("f" + i + ".json"), "{\"id\": " + i + "}\n");
        Map<String, Object> plain = Map.of("paths", List.of(in.toString()));
        Map<String, Object> grouped = Map.of("paths", List.of(in.toString()), "groupFiles", "inPartition", "groupSize", "1048576");
        Map<String, Object> tiny = Map.of("paths", List.of(in.toString()), "groupFiles", "inPartition", "groupSize", "40");
        long plainParts = partitions(glue.createDynamicFrame().fromOptions("file", plain, "json"));
        assertThat(plainParts).isGreaterThan(1);
        assertThat(partitions(glue.createDynamicFrame().fromOptions("file", grouped, "json"))).isEqualTo(1);
        long tinyParts = partitions(glue.createDynamicFrame().fromOptions("file", tiny, "json"));   // 12 x 11 bytes in groups of 40
        assertThat(tinyParts).isGreaterThan(1).isLessThan(plainParts + 1).isLessThanOrEqualTo(4);
        assertThat(glue.createDynamicFrame().fromOptions("file", grouped, "json").count()).isEqualTo(12);
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(in.toString()), "groupFiles", "all"), "json"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    private static long partitions(DynamicFrame f) {
        return f.toDF().select(dev.sluice.functions.spark_partition_id()).distinct().count();
    }

    @Test void connectionsThatNeedAServiceAreRefusedWithTheirReason() {
        for (String type : List.of("kinesis", "kafka", "dynamodb", "mongodb", "documentdb", "opensearch")) {
            assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions(type, Map.of(), "json")).as(type)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
            assertThatThrownBy(() -> glue.getSinkWithFormat(type, Map.of(), "json", Map.of(), "")).as(type)
                    .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
        }
        assertThatThrownBy(() -> glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(dir.toString())), "orc"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void glueparquetOptionsAreHonouredOrRefused() {
        DynamicFrame f = json("{\"id\": 1}", "{\"id\": 2}");
        String out = dir.resolve("pq-options").toString();
        glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", out), "parquet",
                Map.of("useGlueParquetWriter", "true", "blockSize", "1048576", "compression", "uncompressed"), "");
        assertThat(glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(out)), "parquet").count()).isEqualTo(2);
        assertThatThrownBy(() -> glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", dir.resolve("pq2").toString()), "glueparquet",
                Map.of("pageSize", "1048576"), "")).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void parquetSinkAndSourceRoundTripChoicesAsStructs() {
        DynamicFrame f = json("{\"id\": 1, \"p\": 5, \"s\": {\"a\": \"x\"}}", "{\"id\": 2, \"p\": \"six\"}");
        String out = dir.resolve("pq").toString();
        glue.writeDynamicFrame().fromOptions(f, "file", Map.of("path", out), "glueparquet", Map.of("compression", "snappy"), "");
        DynamicFrame back = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(out)), "parquet");
        assertThat(back.schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- p: struct
                |    |-- int: int
                |    |-- string: string
                |-- s: struct
                |    |-- a: string
                """);
        assertThat(jsonOf(back)).containsExactly("{\"id\":1,\"p\":{\"int\":5},\"s\":{\"a\":\"x\"}}", "{\"id\":2,\"p\":{\"string\":\"six\"}}");
    }

    @Test void gzipInputWithCompressionType() throws Exception {
        Path gz = dir.resolve("in.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"id\": 1}\n{\"id\": 2}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(gz.toString()), "compressionType", "gzip"), "json").count())
                .isEqualTo(2);
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, "{\"id\": 1}\n");
        DynamicFrame wrong = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(plain.toString()), "compressionType", "gzip"), "json");
        assertThatThrownBy(wrong::count).isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    @Test void aMalformedCsvRecordBecomesAnErrorRecord() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.write(f, List.of("a,b", "1,2", "3,4,5", "6,7"));
        DynamicFrame d = glue.createDynamicFrame().fromOptions("file", Map.of("paths", List.of(f.toString())), "csv",
                Map.of("withHeader", "true"), "csv_src");
        assertThat(jsonOf(d)).containsExactly("{\"a\":\"1\",\"b\":\"2\"}", "{\"a\":\"6\",\"b\":\"7\"}");
        List<DynamicRecord> errors = d.errorsAsDynamicFrame().collect();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getField("error.input")).isEqualTo("3,4,5");
        assertThat((String) errors.get(0).getField("error.callsite.site")).contains("csv_src");
    }
}

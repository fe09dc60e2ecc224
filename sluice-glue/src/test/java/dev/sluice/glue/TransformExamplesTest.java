package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The AWS developer guide's transform examples (GLUE.md §3), reproduced on small inputs with the documented results. */
class TransformExamplesTest extends GlueTestBase {
    static final String[] PERSONS = {
            "{\"family_name\": \"Collins\", \"given_name\": \"Michael\", \"birth_date\": \"1944-10-15\", \"gender\": \"male\"}",
            "{\"family_name\": \"Collins\", \"given_name\": \"Susan\", \"birth_date\": \"1952-12-07\"}"};

    @Test void applyMappingKeepsOnlyMappedFieldsInMappingOrderAndCasts() {
        DynamicFrame f = json(PERSONS).applyMapping(List.of(
                Mapping.of("family_name", "string", "last_name", "string"),
                Mapping.of("given_name", "string", "first_name", "string"),
                Mapping.of("birth_date", "string", "date_of_birth", "date")));
        assertThat(f.schemaString()).isEqualTo("root\n|-- last_name: string\n|-- first_name: string\n|-- date_of_birth: date\n");
        assertThat(jsonOf(f)).containsExactly(
                "{\"last_name\":\"Collins\",\"first_name\":\"Michael\",\"date_of_birth\":\"1944-10-15\"}",
                "{\"last_name\":\"Collins\",\"first_name\":\"Susan\",\"date_of_birth\":\"1952-12-07\"}");
    }

    @Test void applyMappingBuildsStructsFromDottedTargetsAndReadsNestedSources() {
        DynamicFrame f = json("{\"drg\": \"039\", \"pid\": \"10001\", \"pname\": \"SOUTHEAST\", \"addr\": {\"state\": \"AL\"}, \"`odd`\": 1}")
                .applyMapping(List.of(Mapping.of("drg", "string", "drg", "string"),
                        Mapping.of("pid", "string", "provider.id", "long"),
                        Mapping.of("pname", "string", "provider.name", "string"),
                        Mapping.of("addr.state", "string", "state", "string"),
                        Mapping.of("missing", "string", "gone", "string")));
        assertThat(f.schemaString()).isEqualTo("""
                root
                |-- drg: string
                |-- provider: struct
                |    |-- id: long
                |    |-- name: string
                |-- state: string
                |-- gone: string
                """);
        assertThat(jsonOf(f)).containsExactly("{\"drg\":\"039\",\"provider\":{\"id\":10001,\"name\":\"SOUTHEAST\"},\"state\":\"AL\"}");
    }

    @Test void applyMappingCaseInsensitiveAndBacktickNames() {
        DynamicFrame f = json("{\"this.old.name\": \"x\", \"Upper\": 1}")
                .applyMapping(List.of(Mapping.of("`this.old.name`", "string", "thisNewName", "string"),
                        Mapping.of("upper", "int", "upper", "int")), false);
        assertThat(jsonOf(f)).containsExactly("{\"thisNewName\":\"x\",\"upper\":1}");
    }

    @Test void dropFieldsNestedThroughArraysAndRemovesEmptiedStructs() {
        DynamicFrame f = json(
                "{\"name\": \"Sally\", \"age\": 23, \"location\": {\"state\": \"WY\", \"county\": \"Fremont\"}, \"friends\": []}",
                "{\"name\": \"Varun\", \"age\": 34, \"location\": {\"state\": \"NE\", \"county\": \"Douglas\"}, "
                        + "\"friends\": [{\"name\": \"Arjun\", \"age\": 3}]}");
        DynamicFrame dropped = f.dropFields("location.county", "friends.age");
        assertThat(dropped.schemaString()).isEqualTo("""
                root
                |-- name: string
                |-- age: int
                |-- location: struct
                |    |-- state: string
                |-- friends: array
                |    |-- element: struct
                |    |    |-- name: string
                """);
        assertThat(jsonOf(dropped)).containsExactly(
                "{\"name\":\"Sally\",\"age\":23,\"location\":{\"state\":\"WY\"},\"friends\":[]}",
                "{\"name\":\"Varun\",\"age\":34,\"location\":{\"state\":\"NE\"},\"friends\":[{\"name\":\"Arjun\"}]}");
        assertThat(f.dropFields("location.state", "location.county").schemaString()).doesNotContain("location");
        assertThat(f.dropFields("no.such.path").schemaString()).isEqualTo(f.schemaString());
    }

    @Test void dropNullFieldsDropsFieldsWithoutAnyValue() {
        DynamicFrame f = json("{\"name\": \"a\", \"empty_column\": null}", "{\"name\": \"b\", \"empty_column\": null}");
        assertThat(f.schemaString()).isEqualTo("root\n|-- name: string\n|-- empty_column: null\n");
        assertThat(f.dropNullFields().schemaString()).isEqualTo("root\n|-- name: string\n");
        assertThat(DropNullFieldsTransform.nullFields(f.schema())).containsExactly("empty_column");
    }

    @Test void selectFieldsTopLevelAndRenameNestedAndDotted() {
        DynamicFrame f = json("{\"a\": 1, \"address\": {\"state\": \"WA\", \"zip\": \"98101\"}, \"customers.val.address\": \"x\"}");
        assertThat(f.selectFields("address", "a").schemaString()).isEqualTo(
                "root\n|-- address: struct\n|    |-- state: string\n|    |-- zip: string\n|-- a: int\n");
        assertThat(jsonOf(f.renameField("address.state", "address.state_code").renameField("`customers.val.address`", "address2")))
                .containsExactly("{\"a\":1,\"address\":{\"state_code\":\"WA\",\"zip\":\"98101\"},\"address2\":\"x\"}");
        assertThatThrownBy(() -> f.renameField("address.state", "state"))
                .isInstanceOfSatisfying(SluiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION));
    }

    @Test void unnestFlattensStructsWithRawDottedNamesAndKeepsArrays() {
        DynamicFrame f = json("{\"id\": 1, \"Address\": {\"Street\": \"x\", \"Zip.Code\": \"98101\", \"Array\": [\"a\", \"b\"]}, \"tail\": true}");
        assertThat(f.unnest().schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- Address.Street: string
                |-- Address.Zip.Code: string
                |-- Address.Array: array
                |    |-- element: string
                |-- tail: boolean
                """);
    }

    @Test void unboxParsesAJsonStringInPlace() {
        DynamicFrame f = json("{\"id\": 1, \"AddressString\": \"{\\\"Street\\\": \\\"123 Main\\\", \\\"City\\\": \\\"Anytown\\\", \\\"Zip.Code\\\": \\\"98101\\\"}\", \"z\": 0}",
                "{\"id\": 2, \"AddressString\": \"not json\", \"z\": 0}");
        DynamicFrame u = f.unbox("AddressString", "json");
        assertThat(u.schemaString()).isEqualTo("""
                root
                |-- id: int
                |-- AddressString: struct
                |    |-- Street: string
                |    |-- City: string
                |    |-- Zip.Code: string
                |-- z: int
                """);
        assertThat(u.count()).isEqualTo(1);
        assertThat(u.errorsCount()).isEqualTo(1);
        assertThat(u.stageErrorsCount()).isEqualTo(1);
    }

    @Test void splitFieldsAndSplitRows() {
        DynamicFrame f = json("{\"name\": \"a\", \"age\": 5, \"data\": {\"x\": 1, \"y\": 2}}", "{\"name\": \"b\", \"age\": 15}",
                "{\"name\": \"c\", \"age\": 25}", "{\"name\": \"d\"}");
        DynamicFrameCollection fields = f.splitFields(List.of("name", "data.x"), "left", "right");
        assertThat(fields.keys()).containsExactly("left", "right");
        assertThat(fields.select("left").schemaString()).isEqualTo("root\n|-- name: string\n|-- data: struct\n|    |-- x: int\n");
        assertThat(fields.select("right").schemaString()).isEqualTo("root\n|-- age: int\n|-- data: struct\n|    |-- y: int\n");
        DynamicFrameCollection rows = f.splitRows(Map.of("age", Map.of(">", 10, "<", "20")), "teens", "others");
        assertThat(jsonOf(rows.select("teens").selectFields("name"))).containsExactly("{\"name\":\"b\"}");
        assertThat(jsonOf(rows.select("others").selectFields("name"))).containsExactly("{\"name\":\"a\"}", "{\"name\":\"c\"}", "{\"name\":\"d\"}");
        assertThat(rows.select("missing").count()).isZero();
    }

    @Test void joinKeepsBothKeysAndDotsTheClashingName() {
        DynamicFrame customers = json("{\"customers\": \"ann\", \"zip\": \"98101\"}", "{\"customers\": \"bob\", \"zip\": \"10001\"}");
        DynamicFrame zips = json("{\"zip\": \"98101\", \"city\": \"Seattle\"}", "{\"city\": \"nowhere\"}");
        DynamicFrame j = customers.join(List.of("zip"), List.of("zip"), zips);
        assertThat(j.schema().names()).containsExactly("customers", "zip", ".zip", "city");
        assertThat(jsonOf(j)).containsExactly("{\"customers\":\"ann\",\"zip\":\"98101\",\".zip\":\"98101\",\"city\":\"Seattle\"}");
        assertThat(jsonOf(j.dropFields("`.zip`"))).containsExactly("{\"customers\":\"ann\",\"zip\":\"98101\",\"city\":\"Seattle\"}");
    }

    @Test void mergeReplacesMatchedKeysKeepsTheRestAndAddsStagingOnlyRecords() {
        DynamicFrame source = json("{\"id\": 1, \"v\": \"old\"}", "{\"id\": 1, \"v\": \"old2\"}", "{\"id\": 2, \"v\": \"keep\"}", "{\"v\": \"nokey\"}");
        DynamicFrame staging = json("{\"id\": 1, \"v\": \"new\"}", "{\"id\": 3, \"v\": \"added\", \"extra\": true}");
        DynamicFrame merged = source.mergeDynamicFrame(staging, List.of("id"));
        assertThat(jsonOf(merged)).containsExactly("{\"id\":1,\"v\":\"new\"}", "{\"id\":2,\"v\":\"keep\"}",
                "{\"id\":3,\"v\":\"added\",\"extra\":true}", "{\"v\":\"nokey\"}");
    }

    @Test void unionMergesSchemasIntoChoices() {
        DynamicFrame u = json("{\"a\": 1}").union(json("{\"a\": \"x\", \"b\": 2}"));
        assertThat(u.schemaString()).isEqualTo("root\n|-- a: choice\n|    |-- int\n|    |-- string\n|-- b: int\n");
        assertThat(jsonOf(u)).containsExactly("{\"a\":\"x\",\"b\":2}", "{\"a\":1}");
    }

    @Test void relationalizePivotsArraysIntoTablesWithGlueNaming() {
        DynamicFrame f = json("{\"customers\": [{\"id\": 1, \"address\": \"a1\"}, {\"id\": 2, \"address\": \"a2\"}], \"tags\": [\"x\"], \"s\": {\"k\": 1}}",
                "{\"customers\": [{\"id\": 3, \"address\": \"a3\"}], \"tags\": [], \"s\": {\"k\": 2}}");
        DynamicFrameCollection c = f.relationalize("root", dir.resolve("staging").toString());
        assertThat(c.keys()).containsExactly("root", "root_customers", "root_tags");
        assertThat(c.select("root").schemaString()).isEqualTo("root\n|-- customers: long\n|-- tags: long\n|-- s.k: int\n");
        assertThat(c.select("root_customers").schemaString()).isEqualTo(
                "root\n|-- id: long\n|-- index: int\n|-- customers.val.id: int\n|-- customers.val.address: string\n");
        assertThat(jsonOf(c.select("root"))).containsExactly("{\"customers\":1,\"tags\":1,\"s.k\":1}", "{\"customers\":2,\"tags\":2,\"s.k\":2}");
        assertThat(jsonOf(c.select("root_customers"))).containsExactly(
                "{\"id\":1,\"index\":0,\"customers.val.id\":1,\"customers.val.address\":\"a1\"}",
                "{\"id\":1,\"index\":1,\"customers.val.id\":2,\"customers.val.address\":\"a2\"}",
                "{\"id\":2,\"index\":0,\"customers.val.id\":3,\"customers.val.address\":\"a3\"}");
        assertThat(jsonOf(c.select("root_tags"))).containsExactly("{\"id\":1,\"index\":0,\"tags.val\":\"x\"}");
    }

    @Test void spigotWritesTheFirstRecordsAsCompactJsonLines() throws Exception {
        DynamicFrame f = json(PERSONS).selectFields("family_name", "given_name", "birth_date").coalesce(1)
                .spigot(dir.resolve("spigot").toString(), Map.of("topk", "1"));
        assertThat(f.count()).isEqualTo(2);
        assertThat(java.nio.file.Files.readAllLines(dir.resolve("spigot/part-00000.json"))).containsExactly(
                "{\"family_name\":\"Collins\",\"given_name\":\"Michael\",\"birth_date\":\"1944-10-15\"}");
    }

    @Test void mapAndFilterRunUserFunctionsAndFailuresBecomeErrorRecords() {
        DynamicFrame f = json("{\"id\": 1, \"Address\": {\"City\": \"x\"}}", "{\"id\": 2}", "{\"id\": 3}");
        DynamicFrame mapped = f.map(r -> {
            if ((Integer) r.get("id") == 3) return null;
            r.setField("Address.Array", List.of("a", "b"));
            r.put("id", ((Integer) r.get("id")).longValue() * 10);
            return r;
        });
        assertThat(mapped.schemaString()).isEqualTo(
                "root\n|-- id: long\n|-- Address: struct\n|    |-- City: string\n|    |-- Array: array\n|    |    |-- element: string\n");
        assertThat(mapped.count()).isEqualTo(2);
        assertThat(mapped.errorsCount()).isEqualTo(1);
        assertThat(mapped.errorsAsDynamicFrame().collect().get(0).getField("error.msg"))
                .isEqualTo("User-specified function returned None instead of DynamicRecord");
        DynamicFrame filtered = f.filter(r -> ((Integer) r.get("id")) > 1 / ((Integer) r.get("id") - 2));
        assertThat(jsonOf(filtered.selectFields("id"))).containsExactly("{\"id\":1}", "{\"id\":3}");
        assertThat(filtered.errorsCount()).isEqualTo(1);
    }

    @Test void ddbJsonHelpers() {
        DynamicFrame f = json("{\"Item\": {\"ColA\": {\"S\": \"a\"}, \"ColC\": {\"N\": \"12\"}, \"ColM\": {\"M\": {\"x\": {\"BOOL\": true}}}}}");
        assertThat(f.unnestDDBJson().schemaString()).isEqualTo(
                "root\n|-- ColA: string\n|-- ColC: string\n|-- ColM: struct\n|    |-- x: struct\n|    |    |-- BOOL: boolean\n");
        assertThat(jsonOf(f.simplifyDDBJson())).containsExactly("{\"ColA\":\"a\",\"ColC\":\"12\",\"ColM\":{\"x\":true}}");
    }

    @Test void relationalizeNestedArraysGetTablesOfTheirOwnAndNullArraysNoRows() {
        DynamicFrame f = json("{\"k\": 1, \"a\": [{\"b\": [10, 20]}, {\"b\": []}]}", "{\"k\": 2, \"a\": null}");
        DynamicFrameCollection c = f.relationalize("root", null);
        assertThat(c.keys()).containsExactly("root", "root_a", "root_a.val.b");
        assertThat(jsonOf(c.select("root"))).containsExactly("{\"k\":1,\"a\":1}", "{\"k\":2}");
        assertThat(jsonOf(c.select("root_a"))).containsExactly("{\"id\":1,\"index\":0,\"a.val.b\":1}", "{\"id\":1,\"index\":1,\"a.val.b\":2}");
        assertThat(jsonOf(c.select("root_a.val.b"))).containsExactly("{\"id\":1,\"index\":0,\"a.val.b.val\":10}",
                "{\"id\":1,\"index\":1,\"a.val.b.val\":20}");
    }

    @Test void unboxCsvNamesFieldsByPosition() {
        DynamicFrame f = json("{\"id\": 1, \"row\": \"a|\\\"b|c\\\"|d\"}");
        DynamicFrame u = f.unbox("row", "csv", Map.of("separator", "|"));
        assertThat(jsonOf(u)).containsExactly("{\"id\":1,\"row\":{\"col0\":\"a\",\"col1\":\"b|c\",\"col2\":\"d\"}}");
    }
}

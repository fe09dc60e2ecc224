package dev.sluice.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.types.ArrayType;
import dev.sluice.types.StructType;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StructParser#appendRangeTo} copies each field once over the whole range and marks the struct's nulls in bulk;
 * its vectors must be exactly what appending the rows one by one ({@link StructParser#appendTo}) builds, down to the
 * children's slots under a null struct and the placeholders under nulls.
 */
class StructParserRangeTest {
    private static final StructType TYPE = (StructType) JsonTestSupport.type(
            "struct<a: struct<x: int, y: string, z: struct<p: bigint, q: string>>, "
                    + "b: array<struct<s: string, d: double>>, c: bigint, e: struct<code: string, message: string>>");

    @Test void bulkCopyEqualsRowByRowCopyOnRandomDocumentsWithNullAndMismatchedStructs() throws Exception {
        Random rnd = new Random(42);
        JsonFactory factory = JsonFactories.forOptions(JsonOptions.DEFAULT);
        for (int round = 0; round < 40; round++) {
            StructParser parser = new StructParser(TYPE, JsonOptions.DEFAULT, 16, null);
            ReadContext ctx = new ReadContext(factory);
            int rows = 1 + rnd.nextInt(300);
            for (int r = 0; r < rows; r++) {
                if (rnd.nextInt(10) == 0) {
                    parser.appendNull();   // a null row of the struct itself (a placeholder, as FusedFromJson pads)
                    continue;
                }
                ctx.reset();
                try (JsonParser p = factory.createParser(document(rnd))) {
                    JsonToken t = p.nextToken();
                    parser.readObject(p, ctx);
                    assertThat(t).isEqualTo(JsonToken.START_OBJECT);
                }
            }
            FlatVector rowByRow = Vectors.allocate(TYPE, 4);
            for (int r = 0; r < parser.size(); r++) parser.appendTo(rowByRow, r);
            int from = rnd.nextInt(parser.size()), to = from + rnd.nextInt(parser.size() - from + 1);
            FlatVector bulk = Vectors.allocate(TYPE, 4);
            parser.appendRangeTo(bulk, 0, from);
            parser.appendRangeTo(bulk, from, to);
            parser.appendRangeTo(bulk, to, parser.size());
            assertSameSlots(bulk, rowByRow, "round " + round);
            assertSameSlots(parser.toVector(), rowByRow, "round " + round + " toVector");
        }
    }

    /**
     * {@link StructParser#takeVector} hands the parsers' arrays over instead of copying them: each batch it gives must be
     * the row-by-row copy, placeholders under nulls included (a row dropped after its values were appended, then null,
     * as a malformed record leaves it), and the parser must start the next batch empty, on arrays of its own.
     */
    @Test void takenVectorsEqualTheRowByRowCopyBatchAfterBatch() throws Exception {
        Random rnd = new Random(43);
        JsonFactory factory = JsonFactories.forOptions(JsonOptions.DEFAULT);
        StructParser parser = new StructParser(TYPE, JsonOptions.DEFAULT, 16, null);
        ReadContext ctx = new ReadContext(factory);
        FlatVector previous = null, previousCopy = null;
        for (int batch = 0; batch < 30; batch++) {
            int rows = rnd.nextInt(200);
            for (int r = 0; r < rows; r++) {
                int before = parser.size();
                if (rnd.nextInt(10) == 0) {
                    parser.appendNull();
                    continue;
                }
                ctx.reset();
                try (JsonParser p = factory.createParser(document(rnd))) {
                    p.nextToken();
                    parser.readObject(p, ctx);
                }
                if (rnd.nextInt(6) == 0) {   // dropped after its values were appended, then a null row in their slots
                    parser.truncate(before);
                    parser.appendNull();
                }
            }
            FlatVector rowByRow = Vectors.allocate(TYPE, 4);
            for (int r = 0; r < parser.size(); r++) parser.appendTo(rowByRow, r);
            FlatVector taken = parser.takeVector();
            assertThat(parser.size()).isZero();
            assertSameSlots(taken, rowByRow, "batch " + batch);
            if (previous != null) assertSameSlots(previous, previousCopy, "batch " + (batch - 1) + " after the next batch");
            previous = taken;
            previousCopy = rowByRow;
        }
    }

    /** A document of TYPE's shape: fields missing, null, of the wrong type (a partial result), or present. */
    private static String document(Random rnd) {
        StringBuilder sb = new StringBuilder("{");
        String[] fields = {
                "\"a\":" + pick(rnd, "null", "{\"x\":" + pick(rnd, "1", "-7", "\"no\"", "null") + ",\"y\":" + pick(rnd, "\"yy\"", "null", "3")
                        + ",\"z\":" + pick(rnd, "null", "{\"p\":9,\"q\":\"qq\"}", "{\"q\":\"only\"}", "[1]") + "}", "[]"),
                "\"b\":" + pick(rnd, "null", "[]", "[{\"s\":\"s1\",\"d\":1.5},null,{\"d\":2}]", "[{\"s\":null}]"),
                "\"c\":" + pick(rnd, "null", "12345678901", "\"x\""),
                "\"e\":" + pick(rnd, "null", "null", "null", "{\"code\":\"E42\",\"message\":\"boom\"}", "{\"code\":\"E1\"}")};
        boolean first = true;
        for (String f : fields) {
            if (rnd.nextInt(6) == 0) continue;   // a missing key
            if (!first) sb.append(',');
            sb.append(f);
            first = false;
        }
        return sb.append('}').toString();
    }

    private static String pick(Random rnd, String... options) { return options[rnd.nextInt(options.length)]; }

    /** Every slot of both vectors, null or not, children of null structs included, and the values under nulls. */
    private static void assertSameSlots(ColumnVector actual, ColumnVector expected, String where) {
        assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.isNull(r)).as(where + " null at " + r).isEqualTo(expected.isNull(r));
        }
        if (expected.type() instanceof StructType st) {
            for (int f = 0; f < st.size(); f++) assertSameSlots(actual.child(f), expected.child(f), where + "." + st.field(f).name());
            return;
        }
        if (expected.type() instanceof ArrayType) {
            for (int r = 0; r < expected.size(); r++) {
                assertThat(actual.arrayOffset(r)).as(where + " offset at " + r).isEqualTo(expected.arrayOffset(r));
                assertThat(actual.arrayLength(r)).as(where + " length at " + r).isEqualTo(expected.arrayLength(r));
            }
            assertSameSlots(actual.elements(), expected.elements(), where + "[]");
            return;
        }
        for (int r = 0; r < expected.size(); r++) {
            String at = where + " value at " + r;
            dev.sluice.types.DataType t = expected.type();
            if (t instanceof dev.sluice.types.IntegerType) {
                assertThat(actual.getInt(r)).as(at).isEqualTo(expected.getInt(r));
            } else if (t instanceof dev.sluice.types.LongType) {
                assertThat(actual.getLong(r)).as(at).isEqualTo(expected.getLong(r));
            } else if (t instanceof dev.sluice.types.DoubleType) {
                assertThat(Double.doubleToRawLongBits(actual.getDouble(r))).as(at).isEqualTo(Double.doubleToRawLongBits(expected.getDouble(r)));
            } else {
                assertThat(actual.bytesLength(r)).as(at).isEqualTo(expected.bytesLength(r));
                if (!expected.isNull(r)) assertThat(actual.getBytes(r)).as(at).isEqualTo(expected.getBytes(r));
            }
        }
    }
}

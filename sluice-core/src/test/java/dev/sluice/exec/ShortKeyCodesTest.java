package dev.sluice.exec;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short keys' codes in front of the group table: a table with them gives exactly the group ids and stored keys
 * of the table without them (the generic path), on keys of every length around the 8- and 16-byte words, empty
 * strings, NULLs, non-ASCII bytes, values equal but for trailing zero bytes, behind every kind of view and in runs;
 * the per-column codes are exact; the codes stop when they do not pay, and their memory is counted.
 */
class ShortKeyCodesTest {
    /** Values whose words collide unless the length is compared: "", "\0", "a", "a\0", 8 and 16 bytes with a zero more. */
    private static final List<String> EDGES = List.of("", "\0", "\0\0", "a", "a\0", "abcdefg", "abcdefgh", "abcdefgh\0",
            "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnop\0", "abcdefghijklmnopq", "é", "日本",
            "ü\0", "🙂🙂🙂🙂", "ES", "US", "billing", "users", "a much longer key of more than two words");

    private static List<String> pool(Random r, int distinct) {
        List<String> pool = new ArrayList<>(EDGES);
        while (pool.size() < distinct) {
            int length = r.nextInt(20);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) b.append(r.nextInt(8) == 0 ? (char) (0xe0 + r.nextInt(20)) : (char) ('a' + r.nextInt(3)));
            pool.add(b.toString());
        }
        return pool;
    }

    private static FlatVector column(DataType type, Random r, List<String> pool, int n, int nullPercent) {
        BytesVector v = new BytesVector(type, n);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(100) < nullPercent) v.appendNull();
            else v.append(pool.get(r.nextInt(pool.size())).getBytes(StandardCharsets.UTF_8));
        }
        return v;
    }

    private static final List<DataType[]> SHAPES = List.of(
            new DataType[] {DataTypes.STRING},
            new DataType[] {DataTypes.BINARY},
            new DataType[] {DataTypes.STRING, DataTypes.STRING},
            new DataType[] {DataTypes.STRING, DataTypes.BINARY, DataTypes.STRING},
            new DataType[] {DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING});

    @Test void codedTablesGroupAsTheGenericTable() {
        RandomVectors random = new RandomVectors(17);
        Random r = random.random();
        for (DataType[] types : SHAPES) {
            for (int distinct : new int[] {EDGES.size(), 60, 3000}) {
                for (int round = 0; round < 12; round++) {
                    List<String> pool = pool(r, distinct);
                    GroupTable coded = new GroupTable(types, true);
                    GroupTable generic = new GroupTable(types, false);
                    for (int batch = 0; batch < 6; batch++) {
                        int n = 1 + r.nextInt(1500);
                        boolean runs = r.nextBoolean();
                        int[] shared = runs(r, n);
                        ColumnVector[] keys = new ColumnVector[types.length];
                        for (int k = 0; k < types.length; k++) {
                            FlatVector flat = column(types[k], r, pool, n, r.nextInt(3) * 10);
                            keys[k] = runs ? flat.select(shared, n) : random.view(r.nextInt(RandomVectors.VIEW_KINDS), flat, n);
                        }
                        int[] codedIds = new int[n], genericIds = new int[n];
                        coded.findOrInsert(keys, n, codedIds);
                        generic.findOrInsert(keys, n, genericIds);
                        assertThat(codedIds).as("group ids of %s, %d distinct", List.of(types), distinct).containsExactly(genericIds);
                        if (r.nextInt(6) == 0) {   // an emptied table (a grace partition's) forgets its codes too
                            coded.clear();
                            generic.clear();
                        }
                    }
                    assertThat(coded.groupCount()).isEqualTo(generic.groupCount());
                    for (int k = 0; k < types.length; k++) {
                        for (int g = 0; g < coded.groupCount(); g++) {
                            assertThat(coded.keyColumns()[k].getObject(g)).isEqualTo(generic.keyColumns()[k].getObject(g));
                        }
                    }
                }
            }
        }
    }

    /** Row ids in [0, n) in runs of 1 to 4 equal ids, as an explode repeats a parent row once per element. */
    private static int[] runs(Random r, int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; ) {
            int id = r.nextInt(n), length = 1 + r.nextInt(4);
            for (int j = 0; j < length && i < n; j++) ids[i++] = id;
        }
        return ids;
    }

    @Test void columnCodesAreEqualExactlyForEqualBytes() {
        Random r = new Random(5);
        ShortKeyCodes.ColumnCodes codes = new ShortKeyCodes.ColumnCodes();
        Map<String, Integer> seen = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (String s : pool(r, 2000)) if (s.getBytes(StandardCharsets.UTF_8).length <= ShortKeyCodes.MAX_LENGTH) values.add(s);
        for (int pass = 0; pass < 3; pass++) {
            for (String s : values) {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                // the value at the start of a buffer with garbage after it (words read past its end and masked), and at
                // the very end of a buffer (read byte by byte)
                byte[] padded = new byte[bytes.length + 20];
                java.util.Arrays.fill(padded, (byte) r.nextInt(256));
                System.arraycopy(bytes, 0, padded, 3, bytes.length);
                byte[] atEnd = new byte[bytes.length + 5];
                System.arraycopy(bytes, 0, atEnd, 5, bytes.length);
                int code = codes.code(padded, 3, bytes.length);
                assertThat(codes.code(atEnd, 5, bytes.length)).as("%s at the end of a buffer", s).isEqualTo(code);
                Integer before = seen.putIfAbsent(s, code);
                if (before != null) assertThat(code).as(s).isEqualTo(before);
            }
        }
        Map<Integer, String> byCode = new HashMap<>();
        for (Map.Entry<String, Integer> e : seen.entrySet()) {
            String other = byCode.put(e.getValue(), e.getKey());
            assertThat(other).as("the code of %s and of %s", e.getKey(), other).isNull();
        }
        assertThat(seen.values()).doesNotContain(0, -1);
        assertThat(seen).containsKeys("", "\0", "a\0", "abcdefgh\0", "abcdefghijklmnop", "🙂🙂🙂🙂");
    }

    @Test void aColumnCodesAtMostMaxCodesValuesAndKeepsThoseItHas() {
        ShortKeyCodes.ColumnCodes codes = new ShortKeyCodes.ColumnCodes();
        for (int i = 1; i < ShortKeyCodes.MAX_CODES; i++) {
            byte[] b = ("v" + i).getBytes(StandardCharsets.UTF_8);
            assertThat(codes.code(b, 0, b.length)).isEqualTo(i);
        }
        byte[] extra = "one more".getBytes(StandardCharsets.UTF_8);
        assertThat(codes.code(extra, 0, extra.length)).isEqualTo(-1);
        byte[] known = "v77".getBytes(StandardCharsets.UTF_8);
        assertThat(codes.code(known, 0, known.length)).isEqualTo(77);
    }

    @Test void longerValuesAndNullsInEncode() {
        BytesVector v = new BytesVector(DataTypes.STRING, 4);
        v.append("abcdefghijklmnopq");   // 17 bytes: no code
        v.appendNull();
        v.append("abcdefghijklmnop");    // 16 bytes
        v.append("");
        GroupKeyColumn key = GroupKeyColumn.of(DataTypes.STRING, true);
        key.bind(v);
        int[] out = new int[4];
        assertThat(new ShortKeyCodes.ColumnCodes().encode(key, null, 4, out)).isTrue();
        assertThat(out[0]).isEqualTo(-1);
        assertThat(out[1]).isZero();
        assertThat(out[2]).isPositive();
        assertThat(out[3]).isPositive().isNotEqualTo(out[2]);
    }

    @Test void codesAnswerRepeatedKeysAndStopWhenMostRowsMiss() {
        DataType[] types = {DataTypes.STRING, DataTypes.STRING};
        GroupKeyColumn[] columns = {GroupKeyColumn.of(DataTypes.STRING, true), GroupKeyColumn.of(DataTypes.STRING, true)};

        ShortKeyCodes few = ShortKeyCodes.forKeys(types);
        Random r = new Random(3);
        List<String> pool = List.of("billing", "users", "ES", "US", "");
        int n = 4096;
        columns[0].bind(column(DataTypes.STRING, r, pool, n, 5));
        columns[1].bind(column(DataTypes.STRING, r, pool, n, 5));
        int[] found = few.lookup(columns, null, n);
        int misses = 0;
        for (int j = 0; j < n; j++) {
            if (found[j] < 0) few.remember(j, misses++);
        }
        few.judge();
        assertThat(few.active()).as("%d misses of %d rows", misses, n).isTrue();
        assertThat(few.lookup(columns, null, n)).as("every pair is known now").doesNotContain(-1);

        ShortKeyCodes many = ShortKeyCodes.forKeys(types);
        BytesVector distinct = new BytesVector(DataTypes.STRING, n);
        for (int i = 0; i < n; i++) distinct.append("k" + i);
        columns[0].bind(distinct);
        int[] none = many.lookup(columns, null, n);
        for (int j = 0; j < n; j++) {
            assertThat(none[j]).isEqualTo(-1);
            many.remember(j, j);
        }
        assertThat(many.active()).as("judged after the batch").isTrue();
        many.judge();
        assertThat(many.active()).as("every row of the first batch missed").isFalse();
        many.clear();
        assertThat(many.active()).as("a verdict for the table's input, kept for its next grace partition").isFalse();

        ShortKeyCodes longKeys = ShortKeyCodes.forKeys(types);
        BytesVector ids = new BytesVector(DataTypes.STRING, n);
        for (int i = 0; i < n; i++) ids.append("9f7b5baa92ef6816ec256e2bc1948bc" + (i % 10));   // 32 bytes, as M2's request ids
        columns[0].bind(ids);
        assertThat(longKeys.lookup(columns, null, n)).as("the batch is left to the hashed path").isNull();
        assertThat(longKeys.active()).isFalse();

        assertThat(ShortKeyCodes.forKeys(new DataType[] {DataTypes.STRING, DataTypes.INT})).isNull();
        assertThat(ShortKeyCodes.forKeys(new DataType[] {DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING, DataTypes.STRING})).isNull();
    }

    @Test void theCodesAreCountedInTheTablesBytes() {
        DataType[] types = {DataTypes.STRING, DataTypes.STRING};
        Random r = new Random(9);
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 200; i++) pool.add("v" + i);   // all short: the codes keep answering
        int n = 4000;
        ColumnVector[] keys = {column(DataTypes.STRING, r, pool, n, 0), column(DataTypes.STRING, r, List.of("a", "b"), n, 0)};
        GroupTable coded = new GroupTable(types, true), generic = new GroupTable(types, false);
        int[] ids = new int[n];
        coded.findOrInsert(keys, n, ids);
        generic.findOrInsert(keys, n, ids);
        assertThat(coded.bytes()).isGreaterThan(generic.bytes() + 200 * 20L);
    }
}

package dev.sluice.exec;

import dev.sluice.expr.ValueHasher;
import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group table's typed key loops against its generic per-row path, on random keys (nulls, NaN in two bit
 * patterns, -0.0 and 0.0, extreme integers, empty and multi-byte strings) behind every kind of view: the same
 * group ids, the same stored keys, and the hashes of {@link ValueHasher}.
 */
class GroupTableTypedKeysTest {
    private static final List<DataType[]> SHAPES = List.of(
            new DataType[] {DataTypes.INT},
            new DataType[] {DataTypes.LONG},
            new DataType[] {DataTypes.DOUBLE},
            new DataType[] {DataTypes.STRING},
            new DataType[] {DataTypes.BINARY},
            new DataType[] {DataTypes.STRING, DataTypes.STRING},
            new DataType[] {DataTypes.INT, DataTypes.DOUBLE},
            new DataType[] {DataTypes.LONG, DataTypes.STRING, DataTypes.FLOAT},
            new DataType[] {DataTypes.BOOLEAN, DataTypes.DOUBLE});

    @Test void typedKeysGroupAsTheGenericPathDoes() {
        RandomVectors random = new RandomVectors(42);
        for (DataType[] types : SHAPES) {
            for (int round = 0; round < 20; round++) {
                GroupTable typed = new GroupTable(types, true);
                GroupTable generic = new GroupTable(types, false);
                for (int batch = 0; batch < 4; batch++) {
                    int n = 1 + random.random().nextInt(300);
                    ColumnVector[] keys = new ColumnVector[types.length];
                    for (int k = 0; k < types.length; k++) {
                        FlatVector flat = random.flat(types[k], n, 15);
                        keys[k] = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), flat, n);
                    }
                    int[] typedIds = new int[n], genericIds = new int[n];
                    typed.findOrInsert(keys, n, typedIds);
                    generic.findOrInsert(keys, n, genericIds);
                    assertThat(typedIds).as("group ids of %s", List.of(types)).containsExactly(genericIds);
                }
                assertThat(typed.groupCount()).isEqualTo(generic.groupCount());
                for (int k = 0; k < types.length; k++) {
                    for (int g = 0; g < typed.groupCount(); g++) {
                        assertThat(typed.keyColumns()[k].getObject(g)).isEqualTo(generic.keyColumns()[k].getObject(g));
                    }
                }
            }
        }
    }

    /**
     * Rows that read the same stored row as the row before them in every key column (an explode's repeated parent
     * rows) take the previous row's group without a probe; here each column repeats its rows in runs of its own, so
     * a row often repeats in one column and not in another, and must then be probed.
     */
    @Test void repeatedRowsGroupAsTheGenericPathDoes() {
        RandomVectors random = new RandomVectors(11);
        java.util.Random r = random.random();
        for (DataType[] types : SHAPES) {
            for (int round = 0; round < 20; round++) {
                GroupTable typed = new GroupTable(types, true);
                GroupTable generic = new GroupTable(types, false);
                for (int batch = 0; batch < 4; batch++) {
                    int n = 1 + r.nextInt(300);
                    boolean sharedRuns = r.nextBoolean();
                    int[] shared = runs(r, n);
                    ColumnVector[] keys = new ColumnVector[types.length];
                    for (int k = 0; k < types.length; k++) {
                        FlatVector flat = random.flat(types[k], n, 15);
                        keys[k] = flat.select(sharedRuns ? shared : runs(r, n), n);
                    }
                    int[] typedIds = new int[n], genericIds = new int[n];
                    typed.findOrInsert(keys, n, typedIds);
                    generic.findOrInsert(keys, n, genericIds);
                    assertThat(typedIds).as("group ids of %s", List.of(types)).containsExactly(genericIds);
                }
                assertThat(typed.groupCount()).isEqualTo(generic.groupCount());
            }
        }
    }

    /**
     * Against a map kept beside the table (not the table's other path, which shares the probe and the insert): group
     * ids in order of first appearance when most keys are new, so that the table grows many times inside one batch
     * and every new key is inserted at the empty slot its probe ended at; with runs and without, in typed and generic.
     */
    @Test void groupIdsAreOrderOfFirstAppearanceWhileTheTableGrowsInsideABatch() {
        RandomVectors random = new RandomVectors(5);
        java.util.Random r = random.random();
        List<DataType[]> shapes = List.of(new DataType[] {DataTypes.LONG}, new DataType[] {DataTypes.STRING, DataTypes.INT});
        for (DataType[] types : shapes) {
            for (boolean typedPath : new boolean[] {true, false}) {
                GroupTable table = new GroupTable(types, typedPath);
                java.util.Map<List<Object>, Integer> firstSeen = new java.util.HashMap<>();
                for (int batch = 0; batch < 6; batch++) {
                    int n = 1 + r.nextInt(5000);
                    int[] stored = r.nextBoolean() ? runs(r, n) : null;
                    ColumnVector[] keys = new ColumnVector[types.length];
                    for (int k = 0; k < types.length; k++) {
                        FlatVector flat = mostlyNew(types[k], n, r);
                        keys[k] = stored == null ? flat : flat.select(stored, n);
                    }
                    int[] ids = new int[n];
                    table.findOrInsert(keys, n, ids);
                    for (int row = 0; row < n; row++) {
                        List<Object> key = new java.util.ArrayList<>();
                        for (ColumnVector v : keys) key.add(v.getObject(row));
                        int expected = firstSeen.computeIfAbsent(key, x -> firstSeen.size());
                        assertThat(ids[row]).as("row %d of batch %d, %s", row, batch, List.of(types)).isEqualTo(expected);
                    }
                }
                assertThat(table.groupCount()).isEqualTo(firstSeen.size()).isGreaterThan(2048);
                for (var e : firstSeen.entrySet()) {
                    for (int k = 0; k < types.length; k++) {
                        assertThat(table.keyColumns()[k].getObject(e.getValue())).isEqualTo(e.getKey().get(k));
                    }
                }
            }
        }
    }

    /** Keys most of which are new to the table: random longs and strings, with a few nulls and small repeats. */
    private static FlatVector mostlyNew(DataType type, int n, java.util.Random r) {
        FlatVector v = dev.sluice.vector.Vectors.allocate(type, n);
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(20);
            if (pick == 0) v.appendNull();
            else if (type.equals(DataTypes.LONG)) v.appendObject(pick < 4 ? (long) pick : r.nextLong());
            else if (type.equals(DataTypes.STRING)) v.appendObject(pick < 4 ? "" + pick : Long.toString(r.nextLong(), 36));
            else v.appendObject(r.nextInt(3));
        }
        return v;
    }

    /** Row ids in [0, n) in runs of 1 to 4 equal ids, as an explode repeats a parent row once per element. */
    private static int[] runs(java.util.Random r, int n) {
        int[] ids = new int[n];
        for (int i = 0; i < n; ) {
            int id = r.nextInt(n), length = 1 + r.nextInt(4);
            for (int j = 0; j < length && i < n; j++) ids[i++] = id;
        }
        return ids;
    }

    @Test void typedHashesAreValueHasherHashes() {
        RandomVectors random = new RandomVectors(3);
        for (DataType type : List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.STRING, DataTypes.DATE, DataTypes.TIMESTAMP)) {
            for (int kind = 0; kind < RandomVectors.VIEW_KINDS; kind++) {
                int n = 200;
                DataType valueType = type == DataTypes.DATE ? DataTypes.INT : type == DataTypes.TIMESTAMP ? DataTypes.LONG : type;
                FlatVector values = random.flat(valueType, n, 10);
                FlatVector flat = dev.sluice.vector.Vectors.allocate(type, n);
                for (int i = 0; i < n; i++) {
                    if (values.isNull(i)) flat.appendNull();
                    else if (type == DataTypes.DATE) ((dev.sluice.vector.IntVector) flat).append(values.getInt(i));
                    else if (type == DataTypes.TIMESTAMP) ((dev.sluice.vector.LongVector) flat).append(values.getLong(i));
                    else flat.appendFrom(values, i);
                }
                ColumnVector v = random.view(kind, flat, n);
                GroupKeyColumn column = GroupKeyColumn.of(type, true);
                assertThat(column).isNotInstanceOf(GroupKeyColumn.Generic.class);
                column.bind(v);
                long[] hashes = new long[n];
                column.hash(hashes, n);
                for (int r = 0; r < n; r++) assertThat(hashes[r]).isEqualTo(ValueHasher.hash(type, v, r));
            }
        }
    }

    @Test void minusZeroAndNaNsAreOneGroupEachAndNullIsItsOwn() {
        FlatVector v = dev.sluice.vector.Vectors.of(DataTypes.DOUBLE,
                java.util.Arrays.asList(0.0, -0.0, Double.NaN, Double.longBitsToDouble(0x7ff8000000000123L), null, null, 1.5));
        GroupTable table = new GroupTable(new DataType[] {DataTypes.DOUBLE});
        int[] ids = new int[7];
        table.findOrInsert(new ColumnVector[] {v}, 7, ids);
        assertThat(ids).containsExactly(0, 0, 1, 1, 2, 2, 3);
        assertThat(Double.doubleToRawLongBits(table.keyColumns()[0].getDouble(0))).isZero();   // stored as 0.0
    }

    /** Equality on its own (in the table a 64-bit hash match comes first and would hide a wrong comparison). */
    @Test void typedEqualityIsTheGenericEquality() {
        RandomVectors random = new RandomVectors(5);
        for (DataType type : List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.STRING, DataTypes.BINARY)) {
            for (int kind = 0; kind < RandomVectors.VIEW_KINDS; kind++) {
                FlatVector stored = random.flat(type, 40, 10);
                ColumnVector v = random.view(kind, random.flat(type, 40, 10), 40);
                GroupKeyColumn typed = GroupKeyColumn.of(type, true), generic = GroupKeyColumn.of(type, false);
                typed.bind(v);
                generic.bind(v);
                for (int g = 0; g < 40; g++) {
                    for (int r = 0; r < 40; r++) {
                        assertThat(typed.same(stored, g, r)).as("%s %s vs %s", type, stored.getObject(g), v.getObject(r))
                                .isEqualTo(generic.same(stored, g, r));
                    }
                }
            }
        }
    }
    /**
     * Short keys compared a word or two at a time: keys of every length 0-20 against keys equal to them or differing in
     * one byte (each position), each at its buffer's start (compared a byte at a time when short) and after a random
     * value of 0-19 bytes (the bytes before a key must not count), then followed by random bytes.
     */
    @Test void shortKeysCompareAsTheGenericPathAtEveryLengthAndDifferingByte() {
        java.util.Random random = new java.util.Random(9);
        for (int round = 0; round < 4; round++) {
            for (int length = 0; length <= 20; length++) {
                for (int differ = -1; differ < length; differ++) {   // -1: equal keys
                    byte[] key = new byte[length];
                    random.nextBytes(key);
                    byte[] other = key.clone();
                    if (differ >= 0) other[differ] ^= (byte) (1 << random.nextInt(8));
                    FlatVector stored = keysAmongNoise(key, random), row = keysAmongNoise(other, random);
                    GroupKeyColumn typed = GroupKeyColumn.of(DataTypes.BINARY, true), generic = GroupKeyColumn.of(DataTypes.BINARY, false);
                    typed.bind(row);
                    generic.bind(row);
                    for (int g = 0; g < stored.size(); g++) {
                        for (int r = 0; r < row.size(); r++) {
                            assertThat(typed.same(stored, g, r)).as("length %d, differing at %d, %d vs %d", length, differ, g, r)
                                    .isEqualTo(generic.same(stored, g, r));
                        }
                    }
                }
            }
        }
    }

    /** A vector of {@code key} (at the buffer's start), a random value, {@code key} again, and a random value. */
    private static FlatVector keysAmongNoise(byte[] key, java.util.Random random) {
        FlatVector v = dev.sluice.vector.Vectors.allocate(DataTypes.BINARY, 4);
        for (int i = 0; i < 4; i++) {
            byte[] noise = new byte[random.nextInt(20)];
            random.nextBytes(noise);
            v.appendObject(i % 2 == 0 ? key : noise);
        }
        return v;
    }
}

package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code appendRows} (a spill partition gathering its share of a batch) appends what {@code appendFrom} of each row
 * does, for strings and binaries (their bulk copy) and other types, behind every kind of view, with and without nulls,
 * into an empty vector and behind rows already there.
 */
class AppendRowsTest {
    @Test void gatheredRowsEqualThoseAppendedOneByOne() {
        RandomVectors random = new RandomVectors(41);
        for (DataType type : List.of(DataTypes.STRING, DataTypes.BINARY, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.INT)) {
            for (int round = 0; round < 200; round++) {
                int n = 1 + random.random().nextInt(300);
                FlatVector flat = random.flat(type, n, round % 3 == 0 ? 10 : 0);
                ColumnVector source = random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), flat, n);
                int[] rows = new int[n];
                for (int i = 0; i < n; i++) rows[i] = random.random().nextInt(n);
                int from = random.random().nextInt(n), to = from + random.random().nextInt(n - from + 1);

                FlatVector gathered = Vectors.allocate(type, 4), oneByOne = Vectors.allocate(type, 4);
                int before = random.random().nextInt(3);
                for (int i = 0; i < before; i++) {
                    gathered.appendFrom(flat, i % n);
                    oneByOne.appendFrom(flat, i % n);
                }
                gathered.appendRows(source, rows, from, to);
                for (int i = from; i < to; i++) oneByOne.appendFrom(source, rows[i]);
                assertThat(values(gathered)).as("%s, round %d", type, round).isEqualTo(values(oneByOne));
                gathered.appendFrom(flat, 0);   // appending goes on from where the gathered rows end
                oneByOne.appendFrom(flat, 0);
                assertThat(values(gathered)).isEqualTo(values(oneByOne));
            }
        }
    }

    private static List<Object> values(FlatVector v) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            Object o = v.isNull(i) ? null : v.getObject(i);
            out.add(o instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : o);
        }
        return out;
    }
}

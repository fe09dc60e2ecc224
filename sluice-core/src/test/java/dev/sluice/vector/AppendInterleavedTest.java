package dev.sluice.vector;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code appendInterleaved} (a k-way merge gathering its batch from several runs' blocks) appends what
 * {@code appendFrom} of each picked row does: the typed copies from flat sources without nulls, and the per-row
 * path when a source has nulls or is a view; into an empty vector and behind rows already there.
 */
class AppendInterleavedTest {
    @Test void interleavedRowsEqualThoseAppendedOneByOne() {
        RandomVectors random = new RandomVectors(43);
        for (DataType type : List.of(DataTypes.STRING, DataTypes.BINARY, DataTypes.LONG, DataTypes.DOUBLE, DataTypes.INT)) {
            for (int round = 0; round < 200; round++) {
                int sourceCount = 1 + random.random().nextInt(6);
                ColumnVector[] sources = new ColumnVector[sourceCount];
                for (int s = 0; s < sourceCount; s++) {
                    int size = 1 + random.random().nextInt(200);
                    FlatVector flat = random.flat(type, size, round % 3 == 0 ? 10 : 0);
                    sources[s] = round % 5 == 1 ? random.view(random.random().nextInt(RandomVectors.VIEW_KINDS), flat, size) : flat;
                }
                int n = random.random().nextInt(400);
                int[] which = new int[n], rows = new int[n];
                for (int i = 0; i < n; i++) {
                    which[i] = random.random().nextInt(sourceCount);
                    rows[i] = random.random().nextInt(sources[which[i]].size());
                }

                FlatVector gathered = Vectors.allocate(type, 4), oneByOne = Vectors.allocate(type, 4);
                int before = random.random().nextInt(3);
                for (int i = 0; i < before; i++) {
                    gathered.appendFrom(sources[0], 0);
                    oneByOne.appendFrom(sources[0], 0);
                }
                gathered.appendInterleaved(sources, which, rows, n);
                for (int i = 0; i < n; i++) oneByOne.appendFrom(sources[which[i]], rows[i]);
                assertThat(values(gathered)).as("%s, round %d", type, round).isEqualTo(values(oneByOne));
                gathered.appendFrom(sources[0], 0);   // appending goes on from where the gathered rows end
                oneByOne.appendFrom(sources[0], 0);
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

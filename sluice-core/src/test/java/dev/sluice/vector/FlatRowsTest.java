package dev.sluice.vector;

import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A stack of views resolves to its flat base and, for every row, the base row it reads. */
class FlatRowsTest {
    @Test void everyKindOfViewResolvesToTheRowsItReads() {
        RandomVectors random = new RandomVectors(7);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.random().nextInt(40);
            FlatVector flat = random.flat(DataTypes.STRING, n, 20);
            for (int kind = 0; kind < RandomVectors.VIEW_KINDS; kind++) {
                ColumnVector view = random.view(kind, flat, n);
                FlatRows rows = FlatRows.of(view);
                assertThat(rows).isNotNull();
                assertThat(rows.size()).isEqualTo(n);
                int[] array = rows.rowArray();
                for (int i = 0; i < n; i++) {
                    assertThat(rows.row(i)).isEqualTo(array[i]);
                    assertThat(rows.isNull(i)).isEqualTo(view.isNull(i));
                    assertThat(rows.base().getObject(rows.row(i))).isEqualTo(view.getObject(i));
                }
            }
        }
    }

    @Test void aSliceOfASliceAddsTheOffsets() {
        FlatVector flat = Vectors.of(DataTypes.INT, java.util.List.of(0, 1, 2, 3, 4, 5, 6, 7));
        FlatRows rows = FlatRows.of(flat.slice(2, 6).select(new int[] {1, 3, 5}, 3).slice(1, 2));
        assertThat(rows.base()).isSameAs(flat);
        assertThat(new int[] {rows.row(0), rows.row(1)}).containsExactly(5, 7);
    }
}

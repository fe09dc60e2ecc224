package dev.sluice.vector;

import dev.sluice.types.DataTypes;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Batch#gather}: any rows any number of times, as views; columns behind one shared selection (a filter's)
 * share one composed selection, other columns are selected on their own, and every value is the row asked for.
 */
class BatchGatherTest {
    @Test void gathersRepeatedRowsThroughSharedAndOwnSelections() {
        FlatVector a = Vectors.of(DataTypes.INT, Arrays.asList(10, 11, null, 13, 14, 15));
        FlatVector b = Vectors.of(DataTypes.STRING, Arrays.asList("a", "b", "c", "d", "e", "f"));
        FlatVector c = Vectors.of(DataTypes.LONG, Arrays.asList(100L, 101L, 102L, 103L));
        int[] filter = {1, 2, 4, 5};   // a filter's selection, shared by a and b
        Batch filtered = new Batch(new ColumnVector[] {
                a.select(filter, 4), b.select(filter, 4), c, c.select(new int[] {3, 2, 1, 0}, 4), ConstantVector.repeat(b, 3, 4)}, 4);
        int[] rows = {0, 0, 0, 2, 3, 3};
        Batch out = filtered.gather(rows, rows.length);

        assertThat(out.rowCount()).isEqualTo(6);
        for (int i = 0; i < rows.length; i++) {
            for (int col = 0; col < out.columnCount(); col++) {
                assertThat(out.column(col).getObject(i)).as("column %d row %d", col, i)
                        .isEqualTo(filtered.column(col).getObject(rows[i]));
            }
        }
        DictionaryVector first = (DictionaryVector) out.column(0), second = (DictionaryVector) out.column(1);
        assertThat(first.ids()).isSameAs(second.ids());   // composed once for the shared selection
        assertThat(Arrays.copyOf(first.ids(), 6)).containsExactly(1, 1, 1, 4, 5, 5);
        assertThat(Arrays.copyOf(((DictionaryVector) out.column(3)).ids(), 6)).containsExactly(3, 3, 3, 1, 0, 0);
    }

    @Test void selectOfEveryRowIsTheBatchItselfButGatherIsNot() {
        FlatVector a = Vectors.of(DataTypes.INT, Arrays.asList(1, 2, 3));
        Batch batch = new Batch(new ColumnVector[] {a}, 3);
        assertThat(batch.select(new int[] {0, 1, 2}, 3)).isSameAs(batch);
        Batch repeated = batch.gather(new int[] {2, 2, 0}, 3);
        assertThat(repeated.column(0).getObject(0)).isEqualTo(3);
        assertThat(repeated.column(0).getObject(1)).isEqualTo(3);
        assertThat(repeated.column(0).getObject(2)).isEqualTo(1);
    }

    @Test void throughTheSharedSelectionIsWhatGatherReturns() {
        FlatVector a = Vectors.of(DataTypes.INT, Arrays.asList(10, 11, null, 13, 14, 15));
        FlatVector b = Vectors.of(DataTypes.STRING, Arrays.asList("a", "b", "c", "d", "e", "f"));
        int[] filter = {1, 2, 4, 5};
        Batch filtered = new Batch(new ColumnVector[] {a.select(filter, 4), b.select(filter, 4)}, 4);
        assertThat(filtered.sharedSelection()).isSameAs(filter);
        int[] rows = {0, 0, 1, 3, 3, 3};
        int[] baseRows = new int[rows.length];
        for (int i = 0; i < rows.length; i++) baseRows[i] = filter[rows[i]];
        Batch through = filtered.throughSelection(baseRows, rows.length), gathered = filtered.gather(rows, rows.length);
        for (int i = 0; i < rows.length; i++) {
            for (int col = 0; col < 2; col++) {
                assertThat(through.column(col).getObject(i)).as("column %d row %d", col, i).isEqualTo(gathered.column(col).getObject(i));
            }
        }
        assertThat(((DictionaryVector) through.column(0)).ids()).isSameAs(baseRows);
    }

    @Test void noSharedSelectionWhenAColumnIsFlatOrHasItsOwn() {
        FlatVector a = Vectors.of(DataTypes.INT, Arrays.asList(1, 2, 3));
        int[] one = {0, 2}, other = {0, 2};
        assertThat(new Batch(new ColumnVector[] {a.select(one, 2), a.select(other, 2)}, 2).sharedSelection()).isNull();
        assertThat(new Batch(new ColumnVector[] {a.select(one, 2), a.slice(0, 2)}, 2).sharedSelection()).isNull();
        assertThat(new Batch(new ColumnVector[] {a}, 3).sharedSelection()).isNull();
        assertThat(Batch.ofRowCount(3).sharedSelection()).isNull();
    }
}

package dev.sluice.exec;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.ColumnVector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A table emptied for the next grace partition behaves as a new one and still counts the memory it kept. */
class GroupTableClearTest {
    private static BytesVector keys(String prefix, int n) {
        BytesVector v = new BytesVector(DataTypes.STRING, n);
        for (int i = 0; i < n; i++) v.append(prefix + i);
        return v;
    }

    @Test void aClearedTableNumbersGroupsAfreshAndKeepsItsMemoryCounted() {
        GroupTable table = new GroupTable(new DataType[] {DataTypes.STRING});
        int[] ids = new int[5000];
        table.findOrInsert(new ColumnVector[] {keys("a", 5000)}, 5000, ids);
        assertThat(table.groupCount()).isEqualTo(5000);
        long full = table.bytes();
        int slots = table.slotCount();

        table.clear();
        assertThat(table.groupCount()).isZero();
        assertThat(table.slotCount()).isEqualTo(slots);
        assertThat(table.bytes()).as("the kept arrays and key capacity stay counted").isEqualTo(full);

        BytesVector again = keys("b", 10);
        table.findOrInsert(new ColumnVector[] {again}, 10, ids);
        assertThat(table.groupCount()).isEqualTo(10);
        for (int i = 0; i < 10; i++) {
            assertThat(ids[i]).isEqualTo(i);
            assertThat(table.keyColumns()[0].getString(i)).isEqualTo("b" + i);
        }
        // a key of the first input is a new group now
        table.findOrInsert(new ColumnVector[] {keys("a", 1)}, 1, ids);
        assertThat(ids[0]).isEqualTo(10);
        assertThat(table.bytes()).isEqualTo(full);
    }
}

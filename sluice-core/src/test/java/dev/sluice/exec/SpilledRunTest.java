package dev.sluice.exec;

import dev.sluice.expr.BoundColumn;
import dev.sluice.expr.SortOrder;
import dev.sluice.memory.HeapRegions;
import dev.sluice.memory.SpillFile;
import dev.sluice.memory.SpillListener;
import dev.sluice.memory.SpillManager;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sorted run keeps one first key per block the file wrote, also when the file cut a large block (under G1). */
class SpilledRunTest {
    @TempDir Path base;

    @Test void firstKeysFollowTheBlocksTheFileWrote() {
        StructType schema = StructType.fromDDL("k INT, s STRING");
        int rows = 3_000;
        List<Object> keys = new ArrayList<>();
        List<Object> strings = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            keys.add(rows - r);   // sorted by the order below: ascending keys
            strings.add("x".repeat(400));
        }
        ColumnVector k = Vectors.of(DataTypes.INT, keys);
        ColumnVector s = Vectors.of(DataTypes.STRING, strings);
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = rows - 1 - i;
        List<SortOrder> orders = List.of(SortOrder.asc(new BoundColumn(0, "k", DataTypes.INT, false)));
        try (SpillManager manager = new SpillManager(base)) {
            SpillFile file = manager.newFile("run", SpillListener.NONE);
            SpilledRun run = SpilledRun.write(file, schema, new ColumnVector[] {k, s}, new ColumnVector[] {k}, orders, order, rows, Long.MAX_VALUE, true);
            // blocks of 1,024 rows of about 400 KB: cut in two or more under G1's 1 MiB regions
            if (HeapRegions.BLOCK_LIMIT < 400_000) assertThat(run.blocks()).isGreaterThan(3);
            for (int b = 0; b < run.blocks(); b++) {
                try (SpillFile.Reader reader = file.reader(schema, b)) {
                    Batch first = reader.next();
                    assertThat(first.column(0).getObject(0)).isEqualTo(run.firstKeys[0].getObject(b));
                }
            }
            assertThat(run.rows).isEqualTo(rows);
            file.delete();
        }
    }
}

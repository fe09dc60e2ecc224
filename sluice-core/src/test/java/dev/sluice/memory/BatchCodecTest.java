package dev.sluice.memory;

import dev.sluice.types.DataType;
import dev.sluice.types.DataTypes;
import dev.sluice.types.StructField;
import dev.sluice.types.StructType;
import dev.sluice.vector.Batch;
import dev.sluice.vector.ColumnVector;
import dev.sluice.vector.RandomVectors;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The codec's bulk path (flat columns without nulls, behind any view) writes exactly the bytes of the per-row path. */
class BatchCodecTest {
    private static final List<DataType> TYPES = List.of(DataTypes.INT, DataTypes.LONG, DataTypes.DOUBLE,
            DataTypes.STRING, DataTypes.BINARY, DataTypes.FLOAT, DataTypes.BOOLEAN, new dev.sluice.types.DecimalType(10, 2));

    @Test
    void bulkPathWritesTheBytesOfThePerRowPath() {
        RandomVectors random = new RandomVectors(17);
        for (int nullPercent : new int[] {0, 20}) {
            for (int n : new int[] {1, 7, 300}) {
                for (int kind = 0; kind < RandomVectors.VIEW_KINDS; kind++) {
                    List<ColumnVector> views = new ArrayList<>();
                    List<ColumnVector> opaque = new ArrayList<>();
                    List<StructField> fields = new ArrayList<>();
                    for (DataType type : TYPES) {
                        var flat = random.flat(type, Math.max(n, 1), nullPercent);
                        ColumnVector view = random.view(kind, flat, n);
                        views.add(view);
                        opaque.add(RandomVectors.opaque(view));
                        fields.add(new StructField("c" + fields.size(), type, true));
                    }
                    String what = "nulls " + nullPercent + "%, " + n + " rows, view " + kind;
                    byte[] bulk = BatchCodec.encode(new Batch(views.toArray(new ColumnVector[0]), n));
                    byte[] perRow = BatchCodec.encode(new Batch(opaque.toArray(new ColumnVector[0]), n));
                    assertThat(bulk).as(what).isEqualTo(perRow);
                    Batch decoded = BatchCodec.decode(new StructType(fields), bulk, n);
                    assertThat(BatchCodec.encode(decoded)).as(what + ": decoded in bulk, encoded again").isEqualTo(bulk);
                    for (int c = 0; c < views.size(); c++) {
                        for (int i = 0; i < n; i++) {
                            Object expected = views.get(c).getObject(i), actual = decoded.column(c).getObject(i);
                            if (expected instanceof byte[] b) assertThat((byte[]) actual).as(what).isEqualTo(b);
                            else assertThat(actual).as(what + ", column " + c + ", row " + i).isEqualTo(expected);
                        }
                    }
                }
            }
        }
    }
}

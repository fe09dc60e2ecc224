package dev.sluice.json;

import dev.sluice.types.DataTypes;
import dev.sluice.vector.BytesVector;
import dev.sluice.vector.FlatVector;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ColumnParser#nextSlot}, whose growth is a call of its own (so that C1 inlines the slot): values and nulls
 * appended across many doublings from the smallest capacity, with truncations over rows that held nulls (a slot
 * reused after a null must read as a value), come out as appended; and strings' bytes across the growth of their data
 * buffer ({@code ensureBytes}, whose growth is likewise a call of its own).
 */
class ColumnParserSlotsTest {
    @Test void valuesAndNullsSurviveGrowthAndTruncation() {
        Random random = new Random(7);
        ScalarParsers.DoubleParser parser = new ScalarParsers.DoubleParser(DataTypes.DOUBLE, 1, false);
        List<Double> expected = new ArrayList<>();
        for (int step = 0; step < 5000; step++) {
            int r = random.nextInt(20);
            if (r == 0 && !expected.isEmpty()) {
                int rows = random.nextInt(expected.size() + 1);
                parser.truncate(rows);
                expected.subList(rows, expected.size()).clear();
            } else if (r < 5) {
                parser.appendNull();
                expected.add(null);
            } else {
                double v = random.nextInt(100000) / 100.0;
                parser.appendDouble(v);
                expected.add(v);
            }
        }
        assertThat(parser.size()).isEqualTo(expected.size());
        FlatVector v = parser.toVector();
        for (int row = 0; row < expected.size(); row++) {
            Double e = expected.get(row);
            assertThat(parser.isNull(row)).as("row " + row).isEqualTo(e == null);
            if (e != null) assertThat(v.getDouble(row)).as("row " + row).isEqualTo(e);
        }
    }

    @Test void stringsSurviveTheGrowthOfTheirBytes() {
        Random random = new Random(11);
        ScalarParsers.StringParser parser = new ScalarParsers.StringParser(DataTypes.STRING, 1);
        List<byte[]> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            byte[] value = new byte[random.nextInt(random.nextInt(10) == 0 ? 3000 : 20)];
            for (int k = 0; k < value.length; k++) value[k] = (byte) ('a' + random.nextInt(26));
            parser.appendBytes(value, 0, value.length);
            expected.add(value);
        }
        BytesVector v = (BytesVector) parser.toVector();
        for (int row = 0; row < expected.size(); row++) {
            byte[] e = expected.get(row);
            assertThat(java.util.Arrays.copyOfRange(v.bytesArray(row), v.bytesStart(row), v.bytesStart(row) + v.bytesLength(row)))
                    .as("row " + row).isEqualTo(e);
        }
    }
}

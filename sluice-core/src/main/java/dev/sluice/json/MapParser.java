package dev.sluice.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sluice.types.DataTypes;
import dev.sluice.types.MapType;
import dev.sluice.vector.FlatVector;
import dev.sluice.vector.MapVector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A JSON object into a map with string keys, as Spark's {@code convertMap}: every key is kept in order
 * (duplicates too); a value that cannot be converted fails the whole map.
 */
final class MapParser extends ColumnParser {
    private final ScalarParsers.StringParser keys;
    private final ColumnParser values;
    private int[] ends;

    MapParser(MapType type, ColumnParser values, int capacity) {
        super(type, capacity);
        this.keys = new ScalarParsers.StringParser(DataTypes.STRING, capacity);
        this.values = values;
        this.ends = new int[this.capacity];
    }

    @Override void read(JsonParser p, JsonToken t, ReadContext ctx) throws IOException {
        if (t != JsonToken.START_OBJECT) throw ctx.mismatch(p, type, t);
        String name;
        while ((name = p.nextFieldName()) != null) {
            values.readNullable(p, p.nextToken(), ctx);
            byte[] key = name.getBytes(StandardCharsets.UTF_8);
            keys.appendRaw(key, 0, key.length);
        }
        int row = nextSlot();
        ends[row] = keys.size();
        size = row + 1;
    }

    @Override void appendNull() {
        int row = nextSlot();
        ends[row] = keys.size();
        super.appendNull();
    }

    @Override void truncate(int rows) {
        super.truncate(rows);
        int entries = rows == 0 ? 0 : ends[rows - 1];
        keys.truncate(entries);
        values.truncate(entries);
    }

    @Override protected void growValues(int newCapacity) { ends = Arrays.copyOf(ends, newCapacity); }

    @Override void appendTo(FlatVector out, int row) {
        MapVector v = (MapVector) out;
        if (isNull(row)) {
            v.appendNull();
            return;
        }
        FlatVector k = v.writableKeys();
        FlatVector val = v.writableValues();
        for (int i = row == 0 ? 0 : ends[row - 1]; i < ends[row]; i++) {
            keys.appendTo(k, i);
            values.appendTo(val, i);
        }
        v.finishRow();
    }
}

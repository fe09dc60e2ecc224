package dev.sluice.connect;

import dev.sluice.types.Row;

import java.util.List;
import java.util.Map;

/** A rough size of a row in bytes, to cut the Arrow batches sent to Python workers before they grow too large. */
final class RowSizes {
    private RowSizes() {}

    static long estimate(Row row) {
        long n = 0;
        for (int i = 0; i < row.size(); i++) n += estimate(row.get(i));
        return n;
    }

    private static long estimate(Object v) {
        if (v == null) return 1;
        if (v instanceof String s) return 4L + s.length();
        if (v instanceof byte[] b) return 4L + b.length;
        if (v instanceof Row r) return estimate(r);
        if (v instanceof List<?> l) {
            long n = 4;
            for (Object o : l) n += estimate(o);
            return n;
        }
        if (v instanceof Map<?, ?> m) {
            long n = 4;
            for (var e : m.entrySet()) n += estimate(e.getKey()) + estimate(e.getValue());
            return n;
        }
        return 8;
    }
}

package dev.sluice.io.orc;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.types.StructType;
import org.apache.hadoop.conf.Configuration;
import org.apache.orc.CompressionKind;
import org.apache.orc.OrcConf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The write options of Spark's ORC source: {@code compression} (or ORC's {@code orc.compress}, which it
 * overrides, as in Spark) and the {@code orc.*} settings Spark hands to ORC's writer through its Hadoop
 * configuration. Only settings ORC's writer honours here are accepted ({@link #KEYS}); the others (file-system
 * block padding, encryption, format versions...) are refused by the option check. Values are checked before
 * anything runs, so a typo fails the write instead of being ignored.
 */
record OrcWriteOptions(CompressionKind compression, long stripeSize, Map<String, String> orcSettings) {
    /** The orc.* keys Sluice passes to ORC's writer (lower case, as the option check compares them). */
    static final Set<String> KEYS = Set.of("orc.compress", "orc.stripe.size", "orc.stripe.row.count", "orc.compress.size",
            "orc.row.index.stride", "orc.bloom.filter.columns", "orc.bloom.filter.fpp", "orc.dictionary.key.threshold",
            "orc.column.encoding.direct", "orc.encoding.strategy", "orc.compression.strategy", "orc.compression.zstd.level");

    /** ORC's default stripe size, also Spark's: the most a writer asks of the memory budget. */
    static final long DEFAULT_STRIPE_SIZE = 64L << 20;

    static OrcWriteOptions parse(Map<String, String> options) {
        String compression = null;
        String orcCompress = null;
        long stripeSize = DEFAULT_STRIPE_SIZE;
        Map<String, String> settings = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().trim();
            switch (key) {
                case "compression", "codec" -> compression = value;
                case "orc.compress" -> orcCompress = value;
                case "orc.stripe.size" -> stripeSize = positiveLong(e.getKey(), value, "a stripe size in bytes");
                case "orc.stripe.row.count" -> settings.put(OrcConf.STRIPE_ROW_COUNT.getAttribute(),
                        Long.toString(positiveLong(e.getKey(), value, "a number of rows")));
                case "orc.compress.size" -> {
                    long size = positiveLong(e.getKey(), value, "a compression buffer size in bytes");
                    if (size >= 1 << 23) throw invalid(e.getKey(), value, "ORC's compression buffer must be smaller than 8 MiB");
                    settings.put(OrcConf.BUFFER_SIZE.getAttribute(), Long.toString(size));
                }
                case "orc.row.index.stride" -> {
                    long stride = nonNegativeLong(e.getKey(), value);
                    if (stride != 0 && stride < 1000) throw invalid(e.getKey(), value, "ORC's row index stride is at least 1000 rows (0: no index)");
                    settings.put(OrcConf.ROW_INDEX_STRIDE.getAttribute(), Long.toString(stride));
                }
                case "orc.bloom.filter.columns" -> settings.put(OrcConf.BLOOM_FILTER_COLUMNS.getAttribute(), value);
                case "orc.column.encoding.direct" -> settings.put(OrcConf.DIRECT_ENCODING_COLUMNS.getAttribute(), value);
                case "orc.bloom.filter.fpp" -> {
                    double fpp = number(e.getKey(), value);
                    if (!(fpp > 0 && fpp < 1)) throw invalid(e.getKey(), value, "a false positive probability between 0 and 1 (exclusive)");
                    settings.put(OrcConf.BLOOM_FILTER_FPP.getAttribute(), value);
                }
                case "orc.dictionary.key.threshold" -> {
                    double t = number(e.getKey(), value);
                    if (!(t >= 0 && t <= 1)) throw invalid(e.getKey(), value, "a fraction of distinct keys between 0 and 1");
                    settings.put(OrcConf.DICTIONARY_KEY_SIZE_THRESHOLD.getAttribute(), value);
                }
                case "orc.encoding.strategy", "orc.compression.strategy" -> {
                    String s = value.toUpperCase(Locale.ROOT);
                    if (!s.equals("SPEED") && !s.equals("COMPRESSION")) throw invalid(e.getKey(), value, "use SPEED or COMPRESSION");
                    settings.put(key, s);
                }
                case "orc.compression.zstd.level" -> {
                    long level = positiveLong(e.getKey(), value, "a zstd level from 1 to 22");
                    if (level > 22) throw invalid(e.getKey(), value, "a zstd level from 1 to 22");
                    settings.put(OrcConf.COMPRESSION_ZSTD_LEVEL.getAttribute(), Long.toString(level));
                }
                default -> { }   // the option check refused every other key already
            }
        }
        String codec = compression != null ? compression : orcCompress != null ? orcCompress : "zstd";
        return new OrcWriteOptions(OrcRecordFormat.kind(codec), stripeSize, Map.copyOf(settings));
    }

    /** ORC's configuration for a writer of {@code schema}, after checking that named columns exist. */
    Configuration configure(Configuration conf, StructType schema) {
        for (Map.Entry<String, String> e : orcSettings.entrySet()) {
            if (e.getKey().equals(OrcConf.BLOOM_FILTER_COLUMNS.getAttribute()) || e.getKey().equals(OrcConf.DIRECT_ENCODING_COLUMNS.getAttribute())) {
                checkColumns(e.getKey(), e.getValue(), schema);
            }
            conf.set(e.getKey(), e.getValue());
        }
        return conf;
    }

    /** ORC looks the names up itself (exactly, top-level or dotted nested names) and fails on an unknown one. */
    private static void checkColumns(String key, String list, StructType schema) {
        for (String raw : list.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) continue;
            if (!hasPath(schema, name)) {
                List<String> names = new ArrayList<>(schema.fieldNames());
                throw invalid(key, list, "no column " + name + " in the data written (columns: " + String.join(", ", names)
                        + "; names are matched exactly)");
            }
        }
    }

    private static boolean hasPath(StructType schema, String dotted) {
        StructType current = schema;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            int at = current.fieldNames().indexOf(parts[i]);
            if (at < 0) return false;
            if (i < parts.length - 1) {
                if (!(current.field(at).dataType() instanceof StructType st)) return false;
                current = st;
            }
        }
        return true;
    }

    private static long positiveLong(String key, String value, String what) {
        long n = nonNegativeLong(key, value);
        if (n == 0) throw invalid(key, value, "it must be " + what + " above 0");
        return n;
    }

    private static long nonNegativeLong(String key, String value) {
        try {
            long n = Long.parseLong(value);
            if (n >= 0) return n;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(key, value, "it must be a whole number");
    }

    private static double number(String key, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalid(key, value, "it must be a number");
        }
    }

    private static SluiceException invalid(String option, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", option).with("value", "'" + value + "'").with("reason", reason).build();
    }
}

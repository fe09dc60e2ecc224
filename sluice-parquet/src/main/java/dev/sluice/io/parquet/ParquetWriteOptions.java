package dev.sluice.io.parquet;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.util.Locale;
import java.util.Map;

/**
 * The Parquet writer's options, with Spark's spellings and defaults:
 * <ul>
 * <li>{@code compression} (or {@code parquet.compression}): snappy (default), zstd, gzip, none / uncompressed.
 * <li>{@code parquet.block.size} (or {@code rowGroupSize}): the row group size in bytes, default 128 MB;
 *     accepts a suffix k, m or g ({@code 64m}).
 * <li>{@code outputTimestampType}: INT96 (default, as Spark 4.1 writes), TIMESTAMP_MICROS or TIMESTAMP_MILLIS
 *     (Spark's {@code spark.sql.parquet.outputTimestampType}).
 * </ul>
 */
record ParquetWriteOptions(CompressionCodecName codec, long rowGroupSize, TimestampType timestampType) {
    static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;

    enum TimestampType { INT96, TIMESTAMP_MICROS, TIMESTAMP_MILLIS }

    static ParquetWriteOptions parse(Map<String, String> options) {
        CompressionCodecName codec = CompressionCodecName.SNAPPY;
        String compression = null;
        String parquetCompression = null;
        long rowGroupSize = DEFAULT_ROW_GROUP_SIZE;
        TimestampType ts = TimestampType.INT96;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            String value = e.getValue().trim();
            switch (key) {
                case "compression": case "codec": compression = value; break;
                case "parquet.compression": parquetCompression = value; break;
                case "parquet.block.size": case "rowgroupsize": rowGroupSize = size(e.getKey(), value); break;
                case "outputtimestamptype": case "spark.sql.parquet.outputtimestamptype": ts = timestampType(e.getKey(), value); break;
                default: break;
            }
        }
        // as in Spark, `compression` wins over `parquet.compression`
        String chosen = compression != null ? compression : parquetCompression;
        if (chosen != null) codec = codec(chosen);
        return new ParquetWriteOptions(codec, rowGroupSize, ts);
    }

    /** The name Spark puts before {@code .parquet} in file names ({@code part-…c000.snappy.parquet}). */
    String extension() {
        switch (codec) {
            case SNAPPY: return "snappy.parquet";
            case GZIP: return "gz.parquet";
            case ZSTD: return "zstd.parquet";
            default: return "parquet";
        }
    }

    private static CompressionCodecName codec(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "snappy": return CompressionCodecName.SNAPPY;
            case "zstd": return CompressionCodecName.ZSTD;
            case "gzip": return CompressionCodecName.GZIP;
            case "none": case "uncompressed": return CompressionCodecName.UNCOMPRESSED;
            default:
                throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "compression").with("value", value)
                        .with("reason", "Parquet files can be written with snappy (the default), zstd, gzip, or none/uncompressed")
                        .build();
        }
    }

    private static long size(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.endsWith("b")) v = v.substring(0, v.length() - 1);
        long unit = 1;
        if (v.endsWith("k")) unit = 1024;
        else if (v.endsWith("m")) unit = 1024 * 1024;
        else if (v.endsWith("g")) unit = 1024L * 1024 * 1024;
        if (unit != 1) v = v.substring(0, v.length() - 1);
        try {
            long n = Math.multiplyExact(Long.parseLong(v.trim()), unit);
            if (n > 0) return n;
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", value)
                .with("reason", "it must be a positive number of bytes, optionally with a suffix k, m or g")
                .build();
    }

    private static TimestampType timestampType(String key, String value) {
        try {
            return TimestampType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", value)
                    .with("reason", "supported values are INT96, TIMESTAMP_MICROS and TIMESTAMP_MILLIS").build();
        }
    }
}

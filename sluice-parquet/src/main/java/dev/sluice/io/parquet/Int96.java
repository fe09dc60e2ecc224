package dev.sluice.io.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Parquet's legacy INT96 timestamps (Spark's default output): 8 bytes of nanoseconds within the day, then
 * 4 bytes of Julian day number, both little-endian. No calendar rebasing: Spark 4 reads and writes them in
 * the proleptic Gregorian calendar (int96RebaseMode CORRECTED).
 */
final class Int96 {
    static final int JULIAN_DAY_OF_EPOCH = 2_440_588;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private Int96() {}

    static long toMicros(ByteBuffer b) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = le.getLong();
        int julianDay = le.getInt();
        return (julianDay - (long) JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + nanosOfDay / 1000;
    }

    static byte[] fromMicros(long micros) {
        byte[] out = new byte[12];
        fromMicros(micros, out);
        return out;
    }

    /** Encodes {@code micros} into the first 12 bytes of {@code out}. */
    static void fromMicros(long micros, byte[] out) {
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long nanosOfDay = Math.floorMod(micros, MICROS_PER_DAY) * 1000;
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(nanosOfDay);
        b.putInt(Math.toIntExact(day + JULIAN_DAY_OF_EPOCH));
    }
}

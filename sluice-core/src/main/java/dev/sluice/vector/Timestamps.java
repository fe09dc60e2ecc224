package dev.sluice.vector;

import java.time.Instant;

/** Conversions between Java time values and Sluice's physical forms (days, microseconds since the epoch). */
public final class Timestamps {
    private Timestamps() {}

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
    }
}

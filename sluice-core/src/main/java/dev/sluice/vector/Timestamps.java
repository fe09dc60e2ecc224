package dev.sluice.vector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Conversions between Java time values and Sluice's physical forms (days, microseconds since the epoch). */
public final class Timestamps {
    private Timestamps() {}

    public static Instant toInstant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    public static long toMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
    }

    /** A timestamp_ntz's wall clock: its microseconds read as if at UTC. */
    public static LocalDateTime toLocalDateTime(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), (int) (Math.floorMod(micros, 1_000_000L) * 1000L), ZoneOffset.UTC);
    }

    public static long toMicros(LocalDateTime wallClock) {
        return Math.addExact(Math.multiplyExact(wallClock.toEpochSecond(ZoneOffset.UTC), 1_000_000L), wallClock.getNano() / 1000L);
    }
}

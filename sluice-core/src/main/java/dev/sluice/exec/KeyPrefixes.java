package dev.sluice.exec;

/**
 * Normalized prefixes of a run's first two sort keys by row id ({@link RowOrdering#prefixes}): longs compared before
 * the keys themselves. {@code second} is there only when the first prefix is exact ({@code firstExact}: the key's
 * whole value, as for ints, longs and doubles), so that it decides ties of the first key without reading the key
 * vectors: a sort by a repeating number and then a string (M3: {@code latency_ms desc, request_id}) compares the
 * string's first 8 bytes as a long instead of the strings. {@code secondExact}: equal second prefixes mean equal
 * second keys.
 */
record KeyPrefixes(long[] first, boolean firstExact, long[] second, boolean secondExact) {}

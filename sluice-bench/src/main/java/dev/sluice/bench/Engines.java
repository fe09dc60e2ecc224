package dev.sluice.bench;

import java.util.List;
import java.util.Locale;

/** The engines by name. */
final class Engines {
    private Engines() {}

    static final List<String> NAMES = List.of("sluice", "spark", "duckdb");

    static BenchEngine create(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "sluice": return new SluiceBench();
            case "spark": return new SparkBench();
            case "duckdb": return new DuckDbBench();
            default: throw new IllegalArgumentException("unknown engine " + name + "; known: " + String.join(", ", NAMES));
        }
    }
}

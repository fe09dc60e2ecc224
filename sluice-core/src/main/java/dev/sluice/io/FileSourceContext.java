package dev.sluice.io;

import java.util.Map;

import static java.util.Objects.requireNonNull;

/** What a file format needs to build a source: storage, the reader's options and the session's read settings. */
public record FileSourceContext(Storage storage, Map<String, String> options, long maxSplitBytes, int inferenceSampleSize) {
    public FileSourceContext {
        requireNonNull(storage, "storage");
        options = Map.copyOf(options);
    }

    public String option(String key, String defaultValue) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        }
        return defaultValue;
    }

    public boolean recursiveFileLookup() { return listing().recursiveFileLookup(); }

    /** Which files a directory contributes (recursiveFileLookup, pathGlobFilter). */
    public ListingOptions listing() { return ListingOptions.of(options); }
}

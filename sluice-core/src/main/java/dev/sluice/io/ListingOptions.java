package dev.sluice.io;

import java.util.Map;

/**
 * The reader options that choose which files a directory contributes: {@code recursiveFileLookup} (every file
 * at any depth, no partition discovery) and {@code pathGlobFilter} (only file names matching a glob, as Spark:
 * directories are not filtered).
 */
public record ListingOptions(boolean recursiveFileLookup, GlobPattern fileNameFilter) {
    public static final ListingOptions DEFAULT = new ListingOptions(false, null);

    /** From a reader's options (keys in any case); bad values are INVALID_OPTION. */
    public static ListingOptions of(Map<String, String> options) {
        boolean recursive = OptionCheck.flag(options, "recursiveFileLookup", false);
        GlobPattern filter = null;
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase("pathGlobFilter")) filter = fileNameGlob(e.getKey(), e.getValue());
        }
        return new ListingOptions(recursive, filter);
    }

    /** The glob of option {@code pathGlobFilter}; INVALID_OPTION when it is empty or not a glob. */
    static GlobPattern fileNameGlob(String key, String value) {
        if (value.isEmpty()) throw OptionCheck.invalid(key, value, "give a glob for file names, such as *.json");
        try {
            return GlobPattern.compile(value);
        } catch (dev.sluice.error.SluiceException e) {
            throw OptionCheck.invalid(key, value, "not a glob: " + e.getMessage());
        }
    }

    /** Whether a data file called {@code name} found by listing is read. */
    boolean accepts(String name) { return fileNameFilter == null || fileNameFilter.matches(name); }
}

package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Glue file source's connection options (GLUE.md §4.2), checked when the source is defined. Options Sluice
 * does not honour are refused with INVALID_OPTION, never ignored. {@code groupFiles}/{@code groupSize} group
 * small files into partitions of about {@code groupSize} bytes ({@link #groups}).
 */
record SourceOptions(List<String> paths, boolean recurse, List<String> exclusions, String compressionType,
                     long boundedFiles, long boundedSize, long maxBand, long maxFilesInBand, boolean failFast,
                     String groupFiles, long groupSize) {
    /** Glue groups files by default when a source has more than this many. */
    static final int GROUP_BY_DEFAULT_ABOVE = 50_000;

    static final Set<String> KEYS = Set.of("paths", "path", "recurse", "exclusions", "groupfiles", "groupsize",
            "boundedfiles", "boundedsize", "compressiontype", "maxband", "maxfilesinband", "isfailfast");

    static SourceOptions parse(Map<String, ?> options) {
        for (String k : options.keySet()) {
            if (!KEYS.contains(k.toLowerCase(Locale.ROOT))) {
                throw invalid(k, String.valueOf(options.get(k)), "not a connection option Sluice's Glue sources honour (" + KEYS + ")");
            }
        }
        List<String> paths = new ArrayList<>();
        Object p = get(options, "paths");
        if (p == null) p = get(options, "path");
        if (p instanceof List<?> l) for (Object o : l) paths.add(String.valueOf(o));
        else if (p instanceof String[] a) paths.addAll(List.of(a));
        else if (p != null) paths.addAll(parseList(String.valueOf(p)));
        if (paths.isEmpty()) throw invalid("paths", "(none)", "give the files or directories to read");
        String group = str(options, "groupFiles");
        if (group != null && !group.equalsIgnoreCase("inPartition") && !group.equalsIgnoreCase("none")) {
            throw invalid("groupFiles", group, "use inPartition or none");
        }
        long groupSize = number("groupSize", str(options, "groupSize"));
        String compression = str(options, "compressionType");
        if (compression != null) {
            String c = compression.toLowerCase(Locale.ROOT);
            if (!c.equals("gzip") && !c.equals("none")) {
                throw invalid("compressionType", compression, "Sluice reads gzip (.gz) and zstd (.zst) files by their extension; "
                        + "bzip2 is not supported");
            }
        }
        long bf = number("boundedFiles", str(options, "boundedFiles"));
        long bs = number("boundedSize", str(options, "boundedSize"));
        if (bf > 0 && bs > 0) throw invalid("boundedSize", String.valueOf(bs), "set only one of boundedFiles and boundedSize");
        String maxBand = str(options, "maxBand");
        return new SourceOptions(paths, bool(str(options, "recurse")), InputFiles.parseExclusions(str(options, "exclusions")),
                compression, bf, bs, maxBand == null ? 900_000 : number("maxBand", maxBand),
                number("maxFilesInBand", str(options, "maxFilesInBand")), bool(str(options, "isFailFast")), group, groupSize);
    }

    /**
     * Glue's file grouping: how many partitions {@code files} (of {@code totalBytes}) are read in, or 0 to keep one
     * read per file split. Grouping is on with {@code groupFiles=inPartition}, and by default above 50,000 files
     * ({@code none} turns it off); groups hold about {@code groupSize} bytes ({@code defaultSize}, the session's split
     * size, when not given).
     */
    int groups(int files, long totalBytes, long defaultSize) {
        boolean on = groupFiles == null ? files > GROUP_BY_DEFAULT_ABOVE : groupFiles.equalsIgnoreCase("inPartition");
        if (!on) return 0;
        long size = groupSize > 0 ? groupSize : defaultSize;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (totalBytes + size - 1) / size));
    }

    private static Object get(Map<String, ?> options, String key) {
        for (Map.Entry<String, ?> e : options.entrySet()) if (e.getKey().equalsIgnoreCase(key)) return e.getValue();
        return null;
    }

    private static String str(Map<String, ?> options, String key) {
        Object v = get(options, key);
        return v == null ? null : String.valueOf(v);
    }

    private static List<String> parseList(String s) {
        String t = s.trim();
        if (t.startsWith("[")) {
            try {
                List<String> out = new ArrayList<>();
                for (Object o : (List<?>) GlueJsonParser.parseAll(t).get(0)) out.add(String.valueOf(o));
                return out;
            } catch (Exception e) {
                throw invalid("paths", s, "a JSON list of paths");
            }
        }
        return List.of(t);
    }

    static boolean bool(String v) { return v != null && (v.equalsIgnoreCase("true")); }

    static long number(String key, String v) {
        if (v == null) return 0;
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) throw invalid(key, v, "it must be >= 0");
            return n;
        } catch (NumberFormatException e) {
            throw invalid(key, v, "a whole number (Glue passes it as a string)");
        }
    }

    static SluiceException invalid(String key, String value, String reason) {
        return SluiceException.of(ErrorCode.INVALID_OPTION).with("option", key).with("value", value).with("reason", reason).build();
    }
}

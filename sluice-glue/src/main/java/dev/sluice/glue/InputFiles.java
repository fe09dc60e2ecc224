package dev.sluice.glue;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import dev.sluice.io.FileStatus;
import dev.sluice.io.Storage;

import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The files a Glue file source reads: every path expanded (directories listed, recursively with
 * {@code recurse}), hidden files ({@code _x}, {@code .x}) skipped, {@code exclusions} globs removed, in path
 * order. Listing happens only when the frame is computed.
 */
final class InputFiles {
    private InputFiles() {}

    static List<FileStatus> list(Storage storage, List<String> paths, boolean recurse, List<String> exclusions) {
        List<PathMatcher> excluded = new ArrayList<>();
        for (String glob : exclusions) excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
        List<FileStatus> out = new ArrayList<>();
        for (String p : paths) {
            FileStatus st = storage.status(p);
            if (st.directory()) walk(storage, p, recurse, out);
            else out.add(st);
        }
        out.removeIf(f -> excludedBy(excluded, f.path()));
        out.sort(Comparator.comparing(FileStatus::path));
        return out;
    }

    private static void walk(Storage storage, String dir, boolean recurse, List<FileStatus> out) {
        for (FileStatus f : storage.list(dir)) {
            String name = f.name();
            if (name.startsWith("_") || name.startsWith(".")) continue;
            if (f.directory()) {
                if (recurse) walk(storage, f.path(), true, out);
            } else {
                out.add(f);
            }
        }
    }

    private static boolean excludedBy(List<PathMatcher> matchers, String path) {
        for (PathMatcher m : matchers) {
            if (m.matches(Paths.get(path)) || m.matches(Paths.get(path).getFileName())) return true;
        }
        return false;
    }

    /** Glue's exclusions option: a JSON list of glob strings, e.g. {@code ["**.pdf"]}. */
    static List<String> parseExclusions(String json) {
        if (json == null || json.isBlank()) return List.of();
        try {
            List<Object> values = GlueJsonParser.parseAll(json);
            List<String> out = new ArrayList<>();
            if (values.size() == 1 && values.get(0) instanceof List<?> l) {
                for (Object o : l) out.add(String.valueOf(o));
                return out;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw SluiceException.of(ErrorCode.INVALID_OPTION).with("option", "exclusions").with("value", json)
                .with("reason", "a JSON list of glob strings, e.g. [\"**.pdf\"]").build();
    }
}

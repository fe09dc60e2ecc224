package dev.sluice.io;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns the paths a user gave into the files to read: a sorted, duplicate-free list, the same on every run.
 * A path may name a file, a directory (its files and those of its sub-directories, as Spark lists them) or a glob with wildcards in any segment (see {@link GlobPattern}); a glob matching a
 * directory reads that directory. As in Spark, files and directories found by listing or by a wildcard are
 * skipped when hidden: names starting with {@code .}, or with {@code _} unless they hold {@code =} (a
 * partition directory), and names ending in {@code ._COPYING_}; so {@code _SUCCESS} and staging directories
 * are never read. A name the user typed literally is read even if hidden (Spark ignores it; we read what
 * was asked for). Runs only inside an action: it touches storage.
 */
public final class FileListing {
    private FileListing() {}

    /**
     * The files under {@code paths}, sorted by path. A path that does not exist, or a glob that matches
     * nothing, fails with PATH_NOT_FOUND naming it.
     */
    public static List<FileStatus> resolve(Storage storage, List<String> paths, boolean recursiveFileLookup) {
        List<FileStatus> out = new ArrayList<>();
        for (ListedFile f : resolveListed(storage, paths)) out.add(f.file());
        return out;
    }

    /** A file found under a root the user named (a directory, or the file's own directory), for partition discovery. */
    public record ListedFile(FileStatus file, String root) {}

    /**
     * The files under {@code paths} with the directory each was found under. Directories are read with all their
     * sub-directories, as Spark does (partition directories {@code year=2026/} among them); hidden names are
     * skipped at every level.
     */
    public static List<ListedFile> resolveListed(Storage storage, List<String> paths) {
        TreeMap<String, ListedFile> files = new TreeMap<>();
        for (String userPath : paths) {
            String path = StoragePaths.normalize(userPath);
            List<FileStatus> roots = GlobPattern.hasWildcard(path) ? expandGlob(storage, userPath, path)
                    : List.of(storage.status(GlobPattern.unescape(path)));
            if (roots.isEmpty()) throw IoErrors.notFound(userPath);
            for (FileStatus root : roots) {
                if (root.directory()) addDirectory(storage, root.path(), root.path(), files);
                else files.put(root.path(), new ListedFile(root, StoragePaths.parent(root.path())));
            }
        }
        return new ArrayList<>(files.values());
    }

    public static List<FileStatus> resolve(Storage storage, String path, boolean recursiveFileLookup) {
        return resolve(storage, List.of(path), recursiveFileLookup);
    }

    /** Spark's rule for names that are metadata, temporary or in-flight files rather than data. */
    public static boolean isHidden(String name) {
        return name.startsWith(".") || (name.startsWith("_") && !name.contains("="))
                || name.endsWith("._COPYING_");
    }

    private static void addDirectory(Storage storage, String dir, String root, TreeMap<String, ListedFile> out) {
        for (FileStatus entry : storage.list(dir)) {
            if (isHidden(entry.name())) continue;
            if (!entry.directory()) out.put(entry.path(), new ListedFile(entry, root));
            else addDirectory(storage, entry.path(), root, out);
        }
    }

    /** Walks the glob one segment at a time from its literal prefix, listing only directories that can match. */
    private static List<FileStatus> expandGlob(Storage storage, String userPath, String path) {
        List<FileStatus> out = new ArrayList<>();
        for (String p : GlobPattern.expandBracesAcrossSegments(path)) out.addAll(expandSegments(storage, p));
        return out;
    }

    private static List<FileStatus> expandSegments(Storage storage, String path) {
        if (!GlobPattern.hasWildcard(path)) {
            String literal = GlobPattern.unescape(path);
            return storage.exists(literal) ? List.of(storage.status(literal)) : List.of();
        }
        String[] segments = path.split("/", -1);
        int first = 0;
        while (!GlobPattern.hasWildcard(segments[first])) first++;
        // the literal prefix, kept verbatim so that "/", "file:///" and relative spellings survive
        String base = GlobPattern.unescape(String.join("/", java.util.Arrays.copyOfRange(segments, 0, first)));
        boolean relative = first == 0;
        if (first > 0 && base.isEmpty()) base = "/";

        List<FileStatus> current = new ArrayList<>();
        if (relative) current.add(new FileStatus("", 0, 0, true));
        else if (storage.exists(base)) current.add(storage.status(base));

        for (int s = first; s < segments.length && !current.isEmpty(); s++) {
            String segment = segments[s];
            if (segment.isEmpty()) continue;   // a doubled slash
            boolean last = s == segments.length - 1;
            List<FileStatus> next = new ArrayList<>();
            if (GlobPattern.hasWildcard(segment)) {
                GlobPattern glob = GlobPattern.compile(segment);
                for (FileStatus dir : current) {
                    if (!dir.directory()) continue;
                    for (FileStatus entry : storage.list(dir.path().isEmpty() ? "." : dir.path())) {
                        String name = entry.name();
                        if (isHidden(name) || !glob.matches(name)) continue;
                        if (!last && !entry.directory()) continue;
                        next.add(dir.path().isEmpty() ? new FileStatus(name, entry.size(),
                                entry.modificationTime(), entry.directory()) : entry);
                    }
                }
            } else {
                String name = GlobPattern.unescape(segment);
                for (FileStatus dir : current) {
                    if (!dir.directory()) continue;
                    String child = dir.path().isEmpty() ? name : StoragePaths.join(dir.path(), name);
                    if (storage.exists(child)) next.add(storage.status(child));
                }
            }
            current = next;
        }
        return current;
    }
}

package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns the paths a user gave into the files to read: a sorted, duplicate-free list, the same on every run.
 * A path may name a file, a directory, or a glob with wildcards in any segment (see {@link GlobPattern}); a
 * glob matching a directory reads that directory. Directories are read as Spark 4.1 reads them:
 * <ul>
 *   <li>with {@code recursiveFileLookup=true}: every file at any depth (no partition discovery);</li>
 *   <li>otherwise, when no sub-directory is a Hive partition ({@code name=value}): only the files directly
 *       inside the directory; plain sub-directories are not read;</li>
 *   <li>when there are partition directories: the files under them (plain directories below the deepest
 *       partition directory are looked through, as Spark does). Files that sit beside the partition directories
 *       (directly in the root, or under a plain directory above them) are a CONFLICTING_DIRECTORY_STRUCTURES
 *       error: Spark skips the root's files without a word, and fails on the others.</li>
 * </ul>
 * As in Spark, files and directories found by listing or by a wildcard are skipped when hidden: names starting
 * with {@code .}, or with {@code _} unless they hold {@code =} (a partition directory), and names ending in
 * {@code ._COPYING_}; so {@code _SUCCESS} and staging directories are never read. A name the user typed
 * literally is read even if hidden (Spark ignores it; we read what was asked for). Files of a write that is
 * being committed, or whose commit did not finish, are left out (see {@link CommitMarkers}). Runs only inside an
 * action or at schema inference: it touches storage.
 */
public final class FileListing {
    private FileListing() {}

    /**
     * The files under {@code paths}, sorted by path. A path that does not exist, or a glob that matches
     * nothing, fails with PATH_NOT_FOUND naming it.
     */
    public static List<FileStatus> resolve(Storage storage, List<String> paths, boolean recursiveFileLookup) {
        return resolve(storage, paths, new ListingOptions(recursiveFileLookup, null));
    }

    /** As {@link #resolve(Storage, List, boolean)} with every listing option of the reader. */
    public static List<FileStatus> resolve(Storage storage, List<String> paths, ListingOptions options) {
        List<FileStatus> out = new ArrayList<>();
        for (ListedFile f : resolveListed(storage, paths, options)) out.add(f.file());
        return out;
    }

    /** A file found under a root the user named (a directory, or the file's own directory), for partition discovery. */
    public record ListedFile(FileStatus file, String root) {}

    /** As {@link #resolveListed(Storage, List, boolean)} without {@code recursiveFileLookup}. */
    public static List<ListedFile> resolveListed(Storage storage, List<String> paths) {
        return resolveListed(storage, paths, false);
    }

    /** The files under {@code paths} (by the rules of the class comment) with the root each was found under. */
    public static List<ListedFile> resolveListed(Storage storage, List<String> paths, boolean recursiveFileLookup) {
        return resolveListed(storage, paths, new ListingOptions(recursiveFileLookup, null));
    }

    /** As {@link #resolveListed(Storage, List, boolean)} with every listing option of the reader. */
    public static List<ListedFile> resolveListed(Storage storage, List<String> paths, ListingOptions options) {
        boolean recursiveFileLookup = options.recursiveFileLookup();
        TreeMap<String, ListedFile> files = new TreeMap<>();
        for (String userPath : paths) {
            String path = StoragePaths.normalize(userPath);
            List<FileStatus> roots = GlobPattern.hasWildcard(path) ? expandGlob(storage, userPath, path)
                    : List.of(storage.status(GlobPattern.unescape(path)));
            if (roots.isEmpty()) throw IoErrors.notFound(userPath);
            for (FileStatus root : roots) {
                if (root.directory()) {
                    TreeMap<String, ListedFile> under = listedAlikeTwice(storage, root.path(), options);
                    files.putAll(recursiveFileLookup ? under : sparkSelection(root.path(), under));
                } else {
                    files.put(root.path(), new ListedFile(root, StoragePaths.parent(root.path())));
                }
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

    /** Listings of one root before {@link #listedAlikeTwice} gives up on a directory that never holds still. */
    static final int MAX_LISTINGS = 50;

    /**
     * The visible files under a root directory, listed until two listings in a row agree. One listing is not a
     * snapshot: a directory read while a write commits into it may miss a marker created or deleted during the read
     * and return only some of the files moved in around it (POSIX leaves entries added or removed during a
     * {@code readdir} unspecified; a tree is listed a directory at a time; an object store pages its listing). Only
     * one job publishes into a target at a time (the target's lock), and it moves all its files in before it removes
     * its pending marker, so a listing that starts after a commit's last step sees all of it, and a listing during
     * the commit that sees its marker sees none of it: two consecutive listings that agree are not halfway through
     * a commit. Found by {@code CrashInjectionTest}'s concurrent appends on a loaded machine (a reader saw part of
     * a job). Costs one more listing per read; a directory still changing after {@link #MAX_LISTINGS} listings
     * fails with WRITE_CONFLICT rather than return what may be half a write.
     */
    private static TreeMap<String, ListedFile> listedAlikeTwice(Storage storage, String root, ListingOptions options) {
        TreeMap<String, ListedFile> last = listedOnce(storage, root, options);
        for (int listing = 2; listing <= MAX_LISTINGS; listing++) {
            TreeMap<String, ListedFile> again = listedOnce(storage, root, options);
            if (again.keySet().equals(last.keySet())) return again;
            last = again;
        }
        throw SluiceException.of(ErrorCode.WRITE_CONFLICT).with("path", root)
                .with("reason", "the directory changed between every two of " + MAX_LISTINGS + " listings while it was "
                        + "read (writers keep committing into it); read it again once they finish")
                .build();
    }

    private static TreeMap<String, ListedFile> listedOnce(Storage storage, String root, ListingOptions options) {
        TreeMap<String, ListedFile> under = new TreeMap<>();
        addDirectory(storage, root, root, under, CommitMarkers.above(storage, root), options);
        return under;
    }

    private static void addDirectory(Storage storage, String dir, String root, TreeMap<String, ListedFile> out,
                                     CommitMarkers inherited, ListingOptions options) {
        List<FileStatus> entries = storage.list(dir);
        CommitMarkers markers = inherited.enter(entries);   // this directory's own markers, and a dynamic overwrite's
        for (FileStatus entry : entries) {
            if (isHidden(entry.name())) continue;
            if (!entry.directory()) {
                if (markers.visible(entry.name()) && options.accepts(entry.name())) out.put(entry.path(), new ListedFile(entry, root));
            } else {
                addDirectory(storage, entry.path(), root, out, markers, options);
            }
        }
    }

    /** Whether a directory name is a Hive partition {@code name=value}. */
    static boolean isPartitionDirectory(String name) { return name.indexOf('=') > 0; }

    /** The files of one root directory that Spark reads without recursiveFileLookup (see the class comment). */
    private static TreeMap<String, ListedFile> sparkSelection(String root, TreeMap<String, ListedFile> all) {
        TreeMap<String, ListedFile> topLevel = new TreeMap<>();
        boolean partitioned = false;
        for (ListedFile f : all.values()) {
            List<String> dirs = relativeDirectories(root, f.file().path());
            if (dirs.isEmpty()) topLevel.put(f.file().path(), f);
            for (String d : dirs) partitioned |= isPartitionDirectory(d);
        }
        if (!partitioned) return topLevel;
        TreeMap<String, ListedFile> out = new TreeMap<>();
        for (ListedFile f : all.values()) {
            List<String> dirs = relativeDirectories(root, f.file().path());
            // Spark walks up from the file's directory: plain names below the first partition directory are
            // looked through; a plain name above one, or no partition directory at all, is another base path
            int i = dirs.size() - 1;
            while (i >= 0 && !isPartitionDirectory(dirs.get(i))) i--;
            boolean conflicting = i < 0;
            while (i >= 0 && !conflicting) {
                if (!isPartitionDirectory(dirs.get(i))) conflicting = true;
                i--;
            }
            if (conflicting) {
                throw SluiceException.of(ErrorCode.CONFLICTING_DIRECTORY_STRUCTURES).with("path", root)
                        .with("reason", f.file().path() + " is not inside the partition directories (name=value) "
                                + "that other files of the directory are in")
                        .build();
            }
            out.put(f.file().path(), f);
        }
        return out;
    }

    /** The directory names between {@code root} and the file. */
    private static List<String> relativeDirectories(String root, String file) {
        String dir = StoragePaths.parent(file);
        List<String> out = new ArrayList<>();
        if (!dir.startsWith(root) || dir.length() <= root.length()) return out;
        for (String segment : dir.substring(root.length()).split("/")) if (!segment.isEmpty()) out.add(segment);
        return out;
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

package dev.sluice.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The commit markers a write leaves in its target directory while it publishes files into it, and the rule
 * readers follow so that an append or an overwrite is all-or-nothing for them (see {@link FileCommitProtocol}):
 * <ul>
 *   <li>{@code _sluice_pending_<jobId>}: the job is moving its files in; files of that job (their names hold
 *       {@code -<jobId>.}) are not visible yet. A crashed job's pending files are removed by the next writer.</li>
 *   <li>{@code _sluice_overwrite_<jobId>}: an overwrite has committed; only that job's files are visible while
 *       the old files are being deleted.</li>
 *   <li>{@code _sluice_replace_<jobId>}: a dynamic partition overwrite has committed; in every directory holding
 *       a file of that job (a partition it wrote), and below it, only that job's files are visible while the old
 *       ones are being deleted; the other partitions are untouched.</li>
 * </ul>
 * Every directory's own markers count too (a reader finds them in the listing it makes anyway), with those of
 * the directories above it.
 * Marker names start with {@code _}, so listings skip them as Spark skips {@code _SUCCESS}.
 */
public record CommitMarkers(List<String> pendingJobs, String overwriteJob, String replaceJob) {
    public static final String PENDING_PREFIX = "_sluice_pending_";
    public static final String OVERWRITE_PREFIX = "_sluice_overwrite_";
    public static final String REPLACE_PREFIX = "_sluice_replace_";
    static final CommitMarkers NONE = new CommitMarkers(List.of(), null, null);

    public CommitMarkers {
        pendingJobs = List.copyOf(pendingJobs);
    }

    /** The markers in directory {@code dir}. */
    public static CommitMarkers read(Storage storage, String dir) { return of(storage.list(dir)); }

    /** The markers among a directory's entries. */
    public static CommitMarkers of(List<FileStatus> entries) {
        List<String> pending = new ArrayList<>();
        String overwrite = null;
        String replace = null;
        for (FileStatus entry : entries) {
            String name = entry.name();
            if (entry.directory() || !name.startsWith("_sluice_")) continue;
            if (name.startsWith(PENDING_PREFIX)) pending.add(name.substring(PENDING_PREFIX.length()));
            else if (name.startsWith(OVERWRITE_PREFIX)) overwrite = name.substring(OVERWRITE_PREFIX.length());
            else if (name.startsWith(REPLACE_PREFIX)) replace = name.substring(REPLACE_PREFIX.length());
        }
        return pending.isEmpty() && overwrite == null && replace == null ? NONE : new CommitMarkers(pending, overwrite, replace);
    }

    /**
     * The markers governing a sub-directory whose entries are {@code entries}: these (inherited from above) with
     * its own; when a committed dynamic overwrite wrote into it, only that job's files are visible there and below.
     */
    public CommitMarkers enter(List<FileStatus> entries) {
        CommitMarkers markers = of(entries).with(this);
        if (markers.replaceJob == null || markers.overwriteJob != null) return markers;
        for (FileStatus entry : entries) {
            if (!entry.directory() && writtenBy(entry.name(), markers.replaceJob)) {
                return new CommitMarkers(markers.pendingJobs, markers.replaceJob, null);
            }
        }
        return markers;
    }

    /**
     * The markers of the directories above {@code dir} while it is a partition directory ({@code name=value}), up to
     * the first that is not one: a partitioned write marks only its target, so a reader of {@code target/year=2026/}
     * must honour the markers in {@code target/} (with {@code dir}'s own, see {@link #enter}).
     */
    public static CommitMarkers above(Storage storage, String dir) {
        CommitMarkers markers = NONE;
        String current = dir;
        while (FileListing.isPartitionDirectory(StoragePaths.name(current))) {
            String parent = StoragePaths.parent(current);
            if (parent == null || parent.isEmpty() || parent.equals(current)) break;
            markers = markers.with(read(storage, parent));
            current = parent;
        }
        return markers;
    }

    /** These markers and {@code outer}'s (an outer overwrite decides which files are visible). */
    private CommitMarkers with(CommitMarkers outer) {
        if (outer == NONE) return this;
        if (this == NONE) return outer;
        List<String> pending = new ArrayList<>(pendingJobs);
        pending.addAll(outer.pendingJobs);
        return new CommitMarkers(pending, outer.overwriteJob != null ? outer.overwriteJob : overwriteJob,
                outer.replaceJob != null ? outer.replaceJob : replaceJob);
    }

    /** Whether a data file called {@code fileName} is part of the directory's committed contents. */
    public boolean visible(String fileName) {
        if (overwriteJob != null) return writtenBy(fileName, overwriteJob);
        for (String job : pendingJobs) if (writtenBy(fileName, job)) return false;
        return true;
    }

    /** Whether the file name is one a job writes ({@code part-00003-<jobId>.c000.json}). */
    static boolean writtenBy(String fileName, String jobId) { return fileName.contains("-" + jobId + "."); }
}

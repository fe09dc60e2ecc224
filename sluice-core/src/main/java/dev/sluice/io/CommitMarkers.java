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
 * </ul>
 * Marker names start with {@code _}, so listings skip them as Spark skips {@code _SUCCESS}.
 */
public record CommitMarkers(List<String> pendingJobs, String overwriteJob) {
    public static final String PENDING_PREFIX = "_sluice_pending_";
    public static final String OVERWRITE_PREFIX = "_sluice_overwrite_";
    static final CommitMarkers NONE = new CommitMarkers(List.of(), null);

    public CommitMarkers {
        pendingJobs = List.copyOf(pendingJobs);
    }

    /** The markers in directory {@code dir}. */
    public static CommitMarkers read(Storage storage, String dir) {
        List<String> pending = new ArrayList<>();
        String overwrite = null;
        for (FileStatus entry : storage.list(dir)) {
            String name = entry.name();
            if (name.startsWith(PENDING_PREFIX)) pending.add(name.substring(PENDING_PREFIX.length()));
            else if (name.startsWith(OVERWRITE_PREFIX)) overwrite = name.substring(OVERWRITE_PREFIX.length());
        }
        return pending.isEmpty() && overwrite == null ? NONE : new CommitMarkers(pending, overwrite);
    }

    /**
     * The markers that govern directory {@code dir}: its own and, while {@code dir} is a partition directory
     * ({@code name=value}), those of the directories above it, since a partitioned write marks only its target
     * (a reader of {@code target/year=2026/} must honour the markers in {@code target/}).
     */
    public static CommitMarkers governing(Storage storage, String dir) {
        CommitMarkers markers = read(storage, dir);
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
        List<String> pending = new ArrayList<>(pendingJobs);
        pending.addAll(outer.pendingJobs);
        return new CommitMarkers(pending, outer.overwriteJob != null ? outer.overwriteJob : overwriteJob);
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

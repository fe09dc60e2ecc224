package dev.sluice.io;

import dev.sluice.error.ErrorCode;
import dev.sluice.error.SluiceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCommitProtocolTest {
    @TempDir Path tmp;
    private Path target;
    private final FaultyStorage storage = new FaultyStorage(LocalStorage.INSTANCE);

    @Test
    void jobIdsAreDistinctVersion4Uuids() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = FileCommitProtocol.newJobId();
            java.util.UUID uuid = java.util.UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(seen.add(id)).as("job id %s repeated", id).isTrue();
        }
    }

    @BeforeEach void paths() { target = tmp.resolve("out"); }

    private FileCommitProtocol protocol(SaveMode mode, String jobId) {
        return new FileCommitProtocol(storage, target.toString(), mode, jobId);
    }

    private void existingTarget() throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("part-00000-old.c000.txt"), "old data\n");
        Files.writeString(target.resolve("_SUCCESS"), "");
    }

    /** Writes {@code files} files into a new attempt of task {@code partition} and commits it. */
    private void writeTask(FileCommitProtocol p, int partition, int files) {
        TaskAttempt task = p.setupTask(partition);
        for (int i = 0; i < files; i++) writeFile(p.newTaskFile(task, "txt"), "p" + partition + " f" + i + "\n");
        p.commitTask(task);
    }

    private void writeFile(String path, String text) {
        try (OutputStream out = storage.create(path)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ErrorCode code(Throwable t) { return ((SluiceException) t).code(); }

    @Test void publishesPartFilesAndSuccessIntoANewTarget() throws IOException {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        assertThat(p.setupJob()).isTrue();
        writeTask(p, 1, 2);
        writeTask(p, 0, 1);
        p.commitJob(List.of(0, 1));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS",
                "out/part-00000-job1.c000.txt", "out/part-00001-job1.c000.txt", "out/part-00001-job1.c001.txt");
        assertThat(Files.readString(target.resolve("part-00001-job1.c001.txt"))).isEqualTo("p1 f1\n");
    }

    @Test @org.junit.jupiter.api.Timeout(30)
    void aTasksFileSyncsRunOffItsThreadAndEndBeforeThePublish() throws Exception {
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        storage.holdSyncsUntil(gate, path -> path.contains("/part-"));
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        p.setupJob();
        writeTask(p, 0, 2);   // returns although no sync can finish yet
        writeTask(p, 1, 1);
        Thread job = new Thread(() -> p.commitJob(List.of(0, 1)));
        job.start();
        job.join(300);
        assertThat(job.isAlive()).as("the job commit waits for its tasks' syncs").isTrue();
        assertThat(Files.exists(target)).isFalse();
        gate.countDown();
        job.join();
        assertThat(Files.readString(target.resolve("part-00000-job1.c001.txt"))).isEqualTo("p0 f1\n");
        List<String> events = storage.events();
        int publish = -1;
        for (int i = 0; i < events.size(); i++) if (events.get(i).endsWith(" " + target)) publish = i;
        assertThat(publish).as("the rename onto the target in %s", events).isPositive();
        List<String> partSyncs = events.stream().filter(e -> e.startsWith("sync ") && e.contains("/part-")).toList();
        assertThat(partSyncs).hasSize(3);
        for (String sync : partSyncs) assertThat(events.indexOf(sync)).isLessThan(publish);
    }

    @Test void aFailedSyncOfATaskFileFailsTheJobAndPublishesNothing() {
        storage.failSyncWhen(path -> path.contains("part-00001"));
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 1, 1);   // the task commits: its file's sync fails later, in the background
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1)))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR))
                .hasMessageContaining("injected failure");
        assertThat(Files.exists(target)).isFalse();
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("");
    }

    @Test void aTaskNotReportedToTheJobIsDiscarded() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "job1");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 1, 1);
        p.commitJob(List.of(1));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00001-job1.c000.txt");
    }

    @Test void errorModeOnAnExistingTargetFailsAndTouchesNothing() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void anEmptyExistingDirectoryCountsAsExisting() throws IOException {
        Files.createDirectories(target);
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
    }

    @Test void ignoreModeOnAnExistingTargetSkipsTheJob() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.IGNORE, "j");
        assertThat(p.setupJob()).isFalse();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
        assertThatThrownBy(() -> p.setupTask(0)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test void ignoreModeOnAMissingTargetWrites() {
        FileCommitProtocol p = protocol(SaveMode.IGNORE, "j");
        assertThat(p.setupJob()).isTrue();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(Files.exists(target.resolve("part-00000-j.c000.txt"))).isTrue();
    }

    @Test void overwriteReplacesTheTargetAndLeavesNothingBehind() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "new");
        p.setupJob();
        writeTask(p, 0, 1);
        assertThat(Files.readString(target.resolve("part-00000-old.c000.txt"))).isEqualTo("old data\n");   // not yet
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00000-new.c000.txt");
    }

    /**
     * The in-place overwrite's order on disk: each commit marker's name is made durable by a sync of the target before
     * the step that depends on it (files moved in after the pending marker, old files deleted after the overwrite
     * marker), and the markers' own contents, which nothing reads back, are not synced.
     */
    @Test void anInPlaceOverwriteSyncsEachMarkersNameBeforeTheStepThatNeedsIt() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "new");
        p.setupJob();
        writeTask(p, 0, 2);
        p.commitJob(List.of(0));
        List<String> events = storage.events();
        String pending = target.resolve(CommitMarkers.PENDING_PREFIX + "new").toString();
        String overwrite = target.resolve(CommitMarkers.OVERWRITE_PREFIX + "new").toString();
        int pendingCreated = events.indexOf("create " + pending);
        int firstMoveIn = indexOf(events, e -> e.startsWith("rename ") && e.endsWith(target.resolve("part-00000-new.c000.txt").toString()), 0);
        int overwriteCreated = events.indexOf("create " + overwrite);
        int oldDeleted = events.indexOf("delete " + target.resolve("part-00000-old.c000.txt"));
        assertThat(List.of(pendingCreated, firstMoveIn, overwriteCreated, oldDeleted)).as("%s", events).doesNotContain(-1);
        assertThat(indexOf(events, e -> e.equals("sync " + target), pendingCreated))
                .as("the target synced after the pending marker, before a file moves in: %s", events)
                .isBetween(pendingCreated, firstMoveIn);
        assertThat(indexOf(events, e -> e.equals("sync " + target), overwriteCreated))
                .as("the target synced after the overwrite marker, before an old file goes: %s", events)
                .isBetween(overwriteCreated, oldDeleted);
        assertThat(events).as("the markers' contents are never read, so not synced")
                .doesNotContain("sync " + pending, "sync " + overwrite);
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS",
                "out/part-00000-new.c000.txt", "out/part-00000-new.c001.txt");
    }

    /** The first index at or after {@code from} whose event {@code which} accepts, else -1. */
    private static int indexOf(List<String> events, java.util.function.Predicate<String> which, int from) {
        for (int i = Math.max(0, from); i < events.size(); i++) if (which.test(events.get(i))) return i;
        return -1;
    }

    @Test void overwriteOfAFileTargetReplacesIt() throws IOException {
        Files.writeString(target, "a file");
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "new");
        p.setupJob();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(Files.isDirectory(target)).isTrue();
    }

    @Test void appendAddsFilesBesideTheExistingOnes() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.APPEND, "more");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 3, 1);
        p.commitJob(List.of(0, 3));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS",
                "out/part-00000-more.c000.txt", "out/part-00000-old.c000.txt", "out/part-00003-more.c000.txt");
        assertThat(Files.readString(target.resolve("part-00000-old.c000.txt"))).isEqualTo("old data\n");
    }

    @Test void appendToAMissingTargetCreatesIt() {
        FileCommitProtocol p = protocol(SaveMode.APPEND, "first");
        p.setupJob();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00000-first.c000.txt");
    }

    @Test void appendIntoAFileFails() throws IOException {
        Files.writeString(target, "a file");
        assertThatThrownBy(() -> protocol(SaveMode.APPEND, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(Files.readString(target)).isEqualTo("a file");
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out");
    }

    @Test void aFailedTaskLeavesNoFilesAndItsRetryCommitsOnce() throws IOException {
        existingTarget();
        Map<String, String> targetBefore = DirectorySnapshot.of(target);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        TaskAttempt failed = p.setupTask(0);
        writeFile(p.newTaskFile(failed, "txt"), "partial 1\n");
        writeFile(p.newTaskFile(failed, "txt"), "partial 2\n");
        p.abortTask(failed);
        assertThat(Files.exists(Path.of(failed.directory()))).isFalse();
        writeTask(p, 0, 1);   // the retry
        writeTask(p, 1, 1);
        assertThat(DirectorySnapshot.of(target)).isEqualTo(targetBefore);   // invisible until the job commits
        p.commitJob(List.of(0, 1));
        assertThat(DirectorySnapshot.of(tmp).keySet())
                .containsExactly("", "out", "out/_SUCCESS", "out/part-00000-j.c000.txt", "out/part-00001-j.c000.txt");
        assertThat(Files.readString(target.resolve("part-00000-j.c000.txt"))).isEqualTo("p0 f0\n");
    }

    @Test void committingAPartitionTwiceIsABug() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        assertThatThrownBy(() -> writeTask(p, 0, 1)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INTERNAL_ERROR));
    }

    @Test void overwriteFailingWhileMovingItsFilesInLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 2);
        writeTask(p, 1, 1);
        storage.failRenameWhen((from, to) -> to.startsWith(target.toString() + "/") && to.endsWith("part-00001-j.c000.txt"));
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void aNewTargetFailingAtTheFinalRenameStaysAbsent() {
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        storage.failRenameWhen((from, to) -> to.equals(target.toString()));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void failingWhileGatheringFilesLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 3);
        storage.failRenameWhen((from, to) -> from.endsWith("c001.txt"));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void appendFailingMidwayTakesItsFilesOutAgain() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        writeTask(p, 0, 2);
        writeTask(p, 1, 2);
        storage.failRenameWhen((from, to) -> to.endsWith("part-00001-j.c000.txt"));
        assertThatThrownBy(() -> p.commitJob(List.of(0, 1))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void appendFailingAtTheSuccessMarkerTakesItsFilesOutAgain() throws IOException {
        Files.createDirectories(target);
        Files.writeString(target.resolve("data.txt"), "x");   // no _SUCCESS yet
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        storage.failCreateWhen(path -> path.endsWith("_SUCCESS"));
        assertThatThrownBy(() -> p.commitJob(List.of(0))).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.IO_ERROR));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void abortAfterSomeTasksCommittedLeavesTheTargetAsItWas() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "j");
        p.setupJob();
        writeTask(p, 0, 1);
        writeTask(p, 1, 1);
        TaskAttempt running = p.setupTask(2);
        writeFile(p.newTaskFile(running, "txt"), "half");
        p.abortJob();
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
        p.abortJob();   // idempotent
        assertThatThrownBy(() -> p.newTaskFile(running, "txt")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.JOB_CANCELLED));
        assertThatThrownBy(() -> p.setupTask(3)).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.JOB_CANCELLED));
    }

    @Test void aCrashedJobsStagingIsRemovedAtTheNextSetup() throws IOException {
        Path stale = tmp.resolve(".out.sluice-staging-crashed/tasks/00000-1");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("part-00000-crashed.c000.txt"), "orphan");
        Path otherTarget = tmp.resolve(".other.sluice-staging-x");
        Files.createDirectories(otherTarget);
        age(tmp.resolve(".out.sluice-staging-crashed"));   // no owner file: stale once older than the grace period
        age(otherTarget);
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-staging-crashed"))).isFalse();
        assertThat(Files.exists(otherTarget)).isTrue();   // another target's staging is not ours to judge
        p.abortJob();
    }

    @Test void aStagingWhoseCleanupWasKilledAfterItsOwnerFileIsRemovedAtOnce() throws IOException {
        // a recursive delete killed after it had reached _owner: task files left, no owner, not old
        Path halfDeleted = tmp.resolve(".out.sluice-staging-halfway/committed/00002");
        Files.createDirectories(halfDeleted);
        Files.writeString(halfDeleted.resolve("part-00002-halfway.c000.txt"), "published already");
        Path beingCreated = tmp.resolve(".out.sluice-staging-starting");
        Files.createDirectories(beingCreated);   // a writer between creating its directory and its owner file
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-staging-halfway"))).isFalse();
        assertThat(Files.exists(beingCreated)).isTrue();
        p.abortJob();
    }

    @Test void aRunningJobsStagingIsNotRemovedByAnotherJob() {
        FileCommitProtocol first = protocol(SaveMode.OVERWRITE, "first");
        first.setupJob();
        FileCommitProtocol second = protocol(SaveMode.OVERWRITE, "second");
        second.setupJob();
        assertThat(Files.isDirectory(Path.of(first.stagingDirectory()))).isTrue();
        first.abortJob();
        second.abortJob();
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("");
    }

    @Test void anOverwriteCrashedBetweenItsRenamesIsUndoneAtTheNextSetup() throws IOException {
        existingTarget();
        Map<String, String> before = DirectorySnapshot.of(tmp);
        // the state a crash leaves after "rename target aside" and before "rename output onto target"
        Files.move(target, tmp.resolve(".out.sluice-old-crashed"));
        Files.createDirectories(tmp.resolve(".out.sluice-staging-crashed/output"));
        age(tmp.resolve(".out.sluice-staging-crashed"));
        assertThatThrownBy(() -> protocol(SaveMode.ERROR_IF_EXISTS, "j").setupJob())
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PATH_ALREADY_EXISTS));
        assertThat(DirectorySnapshot.of(tmp)).isEqualTo(before);
    }

    @Test void anOldCopyLeftAfterASuccessfulOverwriteIsDeletedAtTheNextSetup() throws IOException {
        existingTarget();
        Files.createDirectories(tmp.resolve(".out.sluice-old-crashed"));
        FileCommitProtocol p = protocol(SaveMode.APPEND, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-old-crashed"))).isFalse();
        p.abortJob();
    }

    @Test void namesFilesByPartitionJobAndCounter() {
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "abc-123");
        p.setupJob();
        TaskAttempt t = p.setupTask(42);
        assertThat(StoragePaths.name(p.newTaskFile(t, "json.gz"))).isEqualTo("part-00042-abc-123.c000.json.gz");
        assertThat(StoragePaths.name(p.newTaskFile(t, "json.gz"))).isEqualTo("part-00042-abc-123.c001.json.gz");
        assertThat(p.stagingDirectory()).isEqualTo(tmp.resolve(".out.sluice-staging-abc-123").toString());
        p.abortJob();
    }

    @Test void rejectsUnusableTargetsAndJobIds() {
        assertThatThrownBy(() -> new FileCommitProtocol(storage, "/", SaveMode.OVERWRITE, "j"))
                .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_ARGUMENT));
        assertThatThrownBy(() -> new FileCommitProtocol(storage, target.toString(), SaveMode.OVERWRITE, "a/b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test void parsesSparkSaveModes() {
        assertThat(SaveMode.parse("error")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("ErrorIfExists")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("default")).isEqualTo(SaveMode.ERROR_IF_EXISTS);
        assertThat(SaveMode.parse("OVERWRITE")).isEqualTo(SaveMode.OVERWRITE);
        assertThat(SaveMode.parse("append")).isEqualTo(SaveMode.APPEND);
        assertThat(SaveMode.parse("ignore")).isEqualTo(SaveMode.IGNORE);
        assertThatThrownBy(() -> SaveMode.parse("upsert")).satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_OPTION));
    }

    /** Sets the modification time of a tree an hour back: what a crashed writer's leftovers look like later. */
    static void age(Path root) throws IOException {
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L);
        try (var paths = Files.walk(root)) {
            for (Path p : paths.toList()) Files.setLastModifiedTime(p, old);
        }
    }

    @Test void aStagingOwnedByADeadProcessIsRemovedAndALiveOnesIsKept() throws IOException, InterruptedException {
        Process exited = new ProcessBuilder("true").start();
        exited.waitFor();
        WriterOwner dead = new WriterOwner("dead", exited.pid(), WriterOwner.current("x").host(), 0);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        WriterOwner live = new WriterOwner("live", parent.pid(), WriterOwner.current("x").host(),
                parent.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L));
        for (WriterOwner o : List.of(dead, live)) {
            Path staging = tmp.resolve(".out.sluice-staging-" + o.jobId());
            Files.createDirectories(staging.resolve("tasks/00000-1"));
            Files.writeString(staging.resolve("_owner"), o.encode());
            age(staging);   // age alone never makes a live writer's files stale
        }
        FileCommitProtocol p = protocol(SaveMode.ERROR_IF_EXISTS, "j");
        p.setupJob();
        assertThat(Files.exists(tmp.resolve(".out.sluice-staging-dead"))).isFalse();
        assertThat(Files.exists(tmp.resolve(".out.sluice-staging-live/tasks/00000-1"))).isTrue();
        p.abortJob();
    }

    @Test void aKilledAppendIsRolledBackAndAKilledOverwriteFinishedByTheNextWriter() throws IOException {
        existingTarget();
        // a killed append: its pending marker and some of its files
        Files.writeString(target.resolve("_sluice_pending_dead1"), "job=dead1\npid=1\nhost=h\n");
        Files.writeString(target.resolve("part-00000-dead1.c000.txt"), "half\n");
        assertThat(names(FileListing.resolve(storage, target.toString(), false))).containsExactly("part-00000-old.c000.txt");
        FileCommitProtocol p = protocol(SaveMode.APPEND, "a");
        p.setupJob();
        writeTask(p, 0, 1);
        p.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(target).keySet()).containsExactly("", "_SUCCESS", "part-00000-a.c000.txt", "part-00000-old.c000.txt");
        // a killed overwrite after its commit point: only its files are visible, and the next writer finishes it
        Files.writeString(target.resolve("part-00000-dead2.c000.txt"), "new\n");
        Files.writeString(target.resolve("_sluice_overwrite_dead2"), "job=dead2\npid=1\nhost=h\n");
        assertThat(names(FileListing.resolve(storage, target.toString(), false))).containsExactly("part-00000-dead2.c000.txt");
        FileCommitProtocol q = protocol(SaveMode.APPEND, "b");
        q.setupJob();
        writeTask(q, 0, 1);
        q.commitJob(List.of(0));
        assertThat(DirectorySnapshot.of(target).keySet()).containsExactly("", "_SUCCESS", "part-00000-b.c000.txt", "part-00000-dead2.c000.txt");
    }

    @Test void aReaderOfAPartitionDirectoryHonoursTheMarkersOfTheTargetAboveIt() throws IOException {
        Path partition = tmp.resolve("table/year=2026/month=1");
        Files.createDirectories(partition);
        Files.writeString(partition.resolve("part-00000-old.c000.txt"), "old\n");
        Files.writeString(partition.resolve("part-00000-app1.c000.txt"), "pending\n");
        Files.writeString(tmp.resolve("table/_sluice_pending_app1"), "job=app1\npid=1\nhost=h\n");
        assertThat(names(FileListing.resolve(storage, partition.toString(), false))).containsExactly("part-00000-old.c000.txt");
        assertThat(names(FileListing.resolve(storage, tmp.resolve("table/year=2026").toString(), false)))
                .containsExactly("part-00000-old.c000.txt");
        Files.delete(tmp.resolve("table/_sluice_pending_app1"));
        Files.writeString(tmp.resolve("table/_sluice_overwrite_app1"), "job=app1\npid=1\nhost=h\n");
        assertThat(names(FileListing.resolve(storage, partition.toString(), false))).containsExactly("part-00000-app1.c000.txt");
    }

    @Test void anOverwriteKeepsTheTargetDirectoryInPlaceAndLeavesNoMarkers() throws IOException {
        existingTarget();
        FileCommitProtocol p = protocol(SaveMode.OVERWRITE, "n");
        p.setupJob();
        writeTask(p, 0, 1);
        Object inode = Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        p.commitJob(List.of(0));
        assertThat(Files.readAttributes(target, java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(inode);
        assertThat(DirectorySnapshot.of(tmp).keySet()).containsExactly("", "out", "out/_SUCCESS", "out/part-00000-n.c000.txt");
    }

    private static List<String> names(List<FileStatus> files) {
        return files.stream().map(FileStatus::name).toList();
    }
}

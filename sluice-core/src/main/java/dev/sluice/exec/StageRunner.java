package dev.sluice.exec;

/** Runs every partition of a stage's root through a task, on the scheduler's workers (used by stage boundaries). */
@FunctionalInterface
public interface StageRunner {
    void runStage(ExecNode stageRoot, String description, PartitionTask task);
}

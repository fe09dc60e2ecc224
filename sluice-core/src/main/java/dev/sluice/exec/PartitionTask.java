package dev.sluice.exec;

/** What a job does with each partition's stream (count it, collect it, write it). Called on a worker. */
@FunctionalInterface
public interface PartitionTask {
    void run(int partition, BatchStream stream, TaskContext ctx) throws Exception;
}

package dev.sluice.exec;

import dev.sluice.expr.Expression;

import java.util.List;

/** How an exchange distributes rows among its output partitions. */
public sealed interface Partitioning {
    int partitionCount();

    /** Rows with equal keys go to the same partition (keys are bound to the input's columns). */
    record Hash(List<Expression> keys, int partitionCount) implements Partitioning {
        public Hash {
            keys = List.copyOf(keys);
            if (partitionCount < 1) throw new IllegalArgumentException("partitionCount must be >= 1");
        }
    }

    /** Rows dealt to the partitions in turn (each input task starting at its own partition), for repartition(n). */
    record RoundRobin(int partitionCount) implements Partitioning {
        public RoundRobin {
            if (partitionCount < 1) throw new IllegalArgumentException("partitionCount must be >= 1");
        }
    }

    /**
     * Rows sent to {@code pmod(hash, partitionCount)}, {@code hash} being Spark's Murmur3 {@code hash(keys)} bound to the
     * input (repartition by columns): the same partition contents as Spark's. {@code keys} are for explain.
     */
    record SparkHash(Expression hash, List<Expression> keys, int partitionCount) implements Partitioning {
        public SparkHash {
            keys = List.copyOf(keys);
            if (partitionCount < 1) throw new IllegalArgumentException("partitionCount must be >= 1");
        }
    }

    /**
     * Rows sent to {@code pmod(id, partitionCount)}, {@code id} an integer expression bound to the input
     * ({@code repartitionById}, Spark's {@code ShufflePartitionIdPassThrough}); a NULL id is an error.
     */
    record Direct(Expression id, int partitionCount) implements Partitioning {
        public Direct {
            if (partitionCount < 1) throw new IllegalArgumentException("partitionCount must be >= 1");
        }
    }

    /** Every row into one partition, in input partition order. */
    record Single() implements Partitioning {
        @Override public int partitionCount() { return 1; }
    }
}

package dev.sluice.io.parquet;

import dev.sluice.vector.FlatVector;
import org.apache.parquet.io.api.Converter;

/**
 * One node of the tree that turns Parquet's record-assembly callbacks into appends on Sluice vectors. Each
 * value the node receives appends exactly one slot to its target; a value that never arrives (null) is
 * filled in by the parent, which notices that the target did not grow. Targets change with every batch.
 */
interface VectorNode {
    Converter converter();

    /** Points this node (and its children) at a fresh target vector of its type. */
    void bind(FlatVector target);
}

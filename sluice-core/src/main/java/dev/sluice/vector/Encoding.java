package dev.sluice.vector;

/** How a vector stores its values. Operators may take fast paths on FLAT and CONSTANT. */
public enum Encoding {
    /** One slot per row in primitive arrays (or child vectors for nested types). */
    FLAT,
    /** One value repeated for every row. */
    CONSTANT,
    /** Row i is row {@code ids[i]} of a base vector: dictionary encoding, and the view a filter produces. */
    DICTIONARY,
    /** Rows {@code [offset, offset + size)} of a base vector, without copying. */
    SLICE
}

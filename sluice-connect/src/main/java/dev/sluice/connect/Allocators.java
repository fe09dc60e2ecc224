package dev.sluice.connect;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/** The server's one Arrow allocator; every encode and decode takes a child and frees it when done. */
final class Allocators {
    private static final BufferAllocator ROOT = new RootAllocator(Long.MAX_VALUE);

    private Allocators() {}

    static BufferAllocator root() { return ROOT; }
}

package dev.sluice.io;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Several small splits read by one task, one after the other, in order (see {@link SplitPacking}). Each member is
 * opened through its source as if it were alone, so errors, skipped files and partition values still name the
 * member's own file.
 */
public record SplitGroup(List<Split> members) implements Split {
    public SplitGroup {
        requireNonNull(members, "members");
        members = List.copyOf(members);
        if (members.size() < 2) throw new IllegalArgumentException("a group needs at least two splits, got " + members.size());
    }

    @Override public String description() {
        return members.get(0).description() + " and " + (members.size() - 1) + " more";
    }

    @Override public long sizeInBytes() {
        long total = 0;
        for (Split s : members) total += Math.max(0, s.sizeInBytes());
        return total;
    }
}

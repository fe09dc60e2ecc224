package dev.sluice.glue;

import static java.util.Objects.requireNonNull;

/**
 * One {@code (path, action)} of resolveChoice: actions {@code cast:<type>}, {@code project:<type>},
 * {@code make_cols}, {@code make_struct} (case-insensitive); {@code []} in a path steps into an array's elements.
 */
public record ResolveChoiceSpec(String path, String action) {
    public ResolveChoiceSpec {
        requireNonNull(path, "path");
        requireNonNull(action, "action");
    }

    public static ResolveChoiceSpec of(String path, String action) { return new ResolveChoiceSpec(path, action); }
}

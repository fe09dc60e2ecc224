package dev.sluice.glue;

import static java.util.Objects.requireNonNull;

/**
 * One applyMapping entry: {@code (source path, source type, target path, target type)}. Glue's wrapper also
 * takes 2- and 3-part tuples without saying what they mean; Sluice reads {@code (source, target)} as "keep the
 * type" and {@code (source, target, target type)} as a cast (documented in docs/glue.md). A null type means
 * "the source's type".
 */
public record Mapping(String sourcePath, String sourceType, String targetPath, String targetType) {
    public Mapping {
        requireNonNull(sourcePath, "sourcePath");
        requireNonNull(targetPath, "targetPath");
    }

    public static Mapping of(String sourcePath, String sourceType, String targetPath, String targetType) {
        return new Mapping(sourcePath, sourceType, targetPath, targetType);
    }

    public static Mapping of(String sourcePath, String targetPath, String targetType) {
        return new Mapping(sourcePath, null, targetPath, targetType);
    }

    public static Mapping of(String sourcePath, String targetPath) { return new Mapping(sourcePath, null, targetPath, null); }

    /** From a Glue-style tuple of 2, 3 or 4 strings. */
    public static Mapping of(String... parts) {
        switch (parts.length) {
            case 2: return of(parts[0], parts[1]);
            case 3: return of(parts[0], parts[1], parts[2]);
            case 4: return of(parts[0], parts[1], parts[2], parts[3]);
            default: throw FieldPath.invalid(String.join(",", parts), "a mapping has 2, 3 or 4 parts (source, [source type,] target, [target type])");
        }
    }
}

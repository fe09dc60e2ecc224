package dev.sluice.io;

/**
 * Path strings as every {@link Storage} spells them: segments separated by {@code /}, no trailing slash
 * (except the root {@code /}). Kept as strings, not {@code java.nio.file.Path}, so that object stores can
 * implement {@link Storage} without a file-system provider.
 */
public final class StoragePaths {
    private StoragePaths() {}

    /** Drops trailing slashes ({@code data/logs/} → {@code data/logs}); the root stays {@code /}. */
    public static String normalize(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') end--;
        return path.substring(0, end);
    }

    /** {@code parent + "/" + child}, without doubling the slash after the root or a trailing slash. */
    public static String join(String parent, String child) {
        if (parent.isEmpty()) return child;
        return parent.endsWith("/") ? parent + child : parent + "/" + child;
    }

    /** The last segment: {@code name("a/b/c.json")} is {@code c.json}. */
    public static String name(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        return slash < 0 || p.length() == 1 ? p : p.substring(slash + 1);
    }

    /** Everything before the last segment; {@code "."} for a bare name, {@code "/"} for a child of the root. */
    public static String parent(String path) {
        String p = normalize(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) return ".";
        if (slash == 0) return "/";
        return p.substring(0, slash);
    }
}

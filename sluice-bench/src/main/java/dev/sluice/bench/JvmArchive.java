package dev.sluice.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The class-data archive of one shape of child JVM (one engine running one query with one Java, classpath and flag
 * list): a static CDS archive on Java 17-24, an AOT cache on Java 25 and later (JEP 483 loaded and linked classes,
 * JEP 515 method profiles, recorded in one step with {@code -XX:AOTCacheOutput}, JEP 514). It is recorded by a
 * training run of the same shape on a small input and lives in a cache directory under a name that contains a hash
 * of everything it depends on: the Java (its real path and its {@code release} file), every classpath entry's path,
 * size and modification time, and the flags. A rebuilt jar or another JDK therefore looks for another file and the
 * archive is recorded again; the superseded one of the same slot is deleted then.
 *
 * <p>An archive is never a reason for a run to fail: the JVM checks a mapped archive itself (header, JVM build,
 * classpath, flags) and, with sharing in its default "auto" mode, starts without it when anything does not match or
 * the file is damaged; {@link #useFlags()} also turns the JVM's log lines about it off, so the fallback is silent.
 */
final class JvmArchive {
    /** How a JVM of a feature version records and maps an archive. */
    enum Kind {
        /** Static class-data sharing (Java 17-24): the loaded classes, parsed and verified. */
        CDS("jsa"),
        /** The AOT cache (Java 25+): classes loaded and linked, plus method profiles for the JIT. */
        AOT("aot");

        final String extension;

        Kind(String extension) { this.extension = extension; }

        static Kind forFeature(int feature) { return feature >= 25 ? AOT : CDS; }
    }

    private final Path java;
    private final Kind kind;
    private final Path file;
    private final String slot;

    private JvmArchive(Path java, Kind kind, Path file, String slot) {
        this.java = java;
        this.kind = kind;
        this.file = file;
        this.slot = slot;
    }

    /**
     * The archive of the shape {@code slot} (e.g. {@code bench-q3-sluice}) for {@code java} (of feature version
     * {@code feature}) with {@code classpath} and {@code flags}, under {@code cacheDir}. The slot also carries a
     * short hash of the classpath's paths, so that two checkouts sharing a cache directory keep one archive each.
     */
    static JvmArchive of(Path cacheDir, String slot, Path java, int feature, List<String> classpath, List<String> flags) {
        Kind kind = Kind.forFeature(feature);
        MessageDigest paths = sha256();
        MessageDigest stamp = sha256();
        Path realJava = realPath(java);
        update(stamp, realJava.toString());
        update(stamp, releaseOf(realJava));
        update(stamp, stampOf(realJava));
        for (String entry : classpath) {
            update(paths, entry);
            update(stamp, entry);
            update(stamp, stampOf(Path.of(entry)));
        }
        for (String flag : flags) update(stamp, flag);
        String slotName = slot + "-java" + feature + "-" + hex(paths.digest(), 8);
        Path file = cacheDir.resolve(slotName + "-" + hex(stamp.digest(), 16) + "." + kind.extension);
        return new JvmArchive(java, kind, file, slotName);
    }

    /** The default cache directory: $SLUICE_CACHE_DIR, else $XDG_CACHE_HOME/sluice, else ~/.cache/sluice; then jvm. */
    static Path defaultCacheDir() {
        String own = System.getenv("SLUICE_CACHE_DIR");
        if (own != null && !own.isBlank()) return Path.of(own, "jvm");
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) return Path.of(xdg, "sluice", "jvm");
        return Path.of(System.getProperty("user.home"), ".cache", "sluice", "jvm");
    }

    Kind kind() { return kind; }

    Path file() { return file; }

    /** True when the archive has been recorded (whether the JVM will accept it is the JVM's to check). */
    boolean exists() {
        try {
            return Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The flags that map the archive, with the JVM's messages about it turned off; none when it is not recorded. */
    List<String> useFlags() {
        if (!exists()) return List.of();
        return kind == Kind.AOT
                ? List.of("-XX:AOTCache=" + file, "-Xlog:aot*=off", "-Xlog:cds*=off")
                : List.of("-XX:SharedArchiveFile=" + file, "-Xlog:cds*=off");
    }

    /** The flags of the training run that records the archive (then {@link #finish}). */
    List<String> recordFlags() {
        return kind == Kind.AOT
                ? List.of("-XX:AOTCacheOutput=" + partial(), "-Xlog:aot*=off", "-Xlog:cds*=off")
                : List.of("-XX:DumpLoadedClassList=" + partial() + ".classlist");
    }

    /**
     * After a training run with {@link #recordFlags()}: on Java 17-24 dumps the static archive from the classes the
     * run loaded and the JDK's default list; then moves the archive into place (under a temporary name until then,
     * so that a concurrent run never maps half a file) and deletes the superseded archives of the same slot. False
     * when no archive came out of it (the runs then go without one); {@code log} receives the dump's output.
     */
    boolean finish(List<String> classpath, Path log) throws IOException, InterruptedException {
        Path partial = partial();
        Path classList = Path.of(partial + ".classlist");
        try {
            if (kind == Kind.CDS) {
                if (!Files.isRegularFile(classList) || Files.size(classList) == 0) return false;
                Path jdkList = realPath(java).getParent().getParent().resolve("lib").resolve("classlist");
                if (Files.isRegularFile(jdkList)) Files.write(classList, Files.readAllBytes(jdkList), StandardOpenOption.APPEND);
                Process dump = new ProcessBuilder(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                        "-XX:SharedArchiveFile=" + partial, "-cp", String.join(File.pathSeparator, classpath))
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (dump.waitFor() != 0) return false;
            }
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) return false;
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            pruneSuperseded();
            return true;
        } finally {
            Files.deleteIfExists(partial);
            Files.deleteIfExists(classList);
            Files.deleteIfExists(Path.of(partial + ".config"));   // the AOT configuration of the one-step workflow
        }
    }

    /** Where the training run writes, per process so that two compare runs never write the same file. */
    private Path partial() {
        return file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /**
     * Deletes the slot's other archives, and the temporary files of training runs that were killed before they
     * finished (older than an hour: a training run in progress elsewhere is younger).
     */
    private void pruneSuperseded() {
        long anHourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent(), slot + "-*")) {
            for (Path p : siblings) {
                String name = p.getFileName().toString();
                boolean otherArchive = name.endsWith("." + kind.extension) && !p.equals(file);
                boolean abandoned = name.contains(".tmp") && Files.getLastModifiedTime(p).toMillis() < anHourAgo;
                if (otherArchive || abandoned) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // an old archive left behind costs disk space only
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }

    /** The JDK's release file (its version and build), two directories above bin/java; empty when absent. */
    private static String releaseOf(Path realJava) {
        Path bin = realJava.getParent();
        Path home = bin == null ? null : bin.getParent();
        if (home == null) return "";
        try {
            return Files.readString(home.resolve("release"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Size and modification time, or "absent". */
    private static String stampOf(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "absent";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static String hex(byte[] digest, int bytes) {
        return HexFormat.of().formatHex(digest, 0, bytes).toLowerCase(Locale.ROOT);
    }

    /** The classpath entries of a java.class.path value. */
    static List<String> classpathEntries(String classPath) {
        List<String> out = new ArrayList<>();
        for (String e : classPath.split(File.pathSeparator)) if (!e.isEmpty()) out.add(e);
        return out;
    }
}

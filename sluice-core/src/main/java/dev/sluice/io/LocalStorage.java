package dev.sluice.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@link Storage} on the local file system through java.nio. Accepts plain paths and {@code file:} URIs. */
public final class LocalStorage implements Storage {
    public static final LocalStorage INSTANCE = new LocalStorage();

    private static Path toPath(String path) {
        String p = path;
        if (p.startsWith("file://")) p = p.substring("file://".length());
        else if (p.startsWith("file:")) p = p.substring("file:".length());
        return Path.of(p);
    }

    @Override public List<FileStatus> list(String directory) {
        Path dir = toPath(directory);
        if (!Files.isDirectory(dir)) {
            if (!Files.exists(dir)) throw IoErrors.notFound(directory);
            throw IoErrors.io(directory, "not a directory, so it cannot be listed");
        }
        List<FileStatus> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String child = StoragePaths.join(StoragePaths.normalize(directory), entry.getFileName().toString());
                try {
                    out.add(status(child, entry));
                } catch (NoSuchFileException gone) {
                    // deleted between listing and stat: it is not part of the directory any more
                }
            }
        } catch (IOException e) {
            throw IoErrors.io(directory, e);
        }
        out.sort(Comparator.comparing(FileStatus::path));
        return out;
    }

    @Override public FileStatus status(String path) {
        try {
            return status(StoragePaths.normalize(path), toPath(path));
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    private static FileStatus status(String name, Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new FileStatus(name, a.isDirectory() ? 0 : a.size(), a.lastModifiedTime().toMillis(), a.isDirectory());
    }

    @Override public boolean exists(String path) {
        return Files.exists(toPath(path));   // a dangling symbolic link does not count
    }

    @Override public SeekableInputStream open(String path) {
        Path p = toPath(path);
        if (Files.isDirectory(p)) throw IoErrors.io(path, "is a directory, not a file");
        try {
            return new ChannelInput(FileChannel.open(p, StandardOpenOption.READ));
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    @Override public OutputStream create(String path) {
        Path p = toPath(path);
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            return Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw IoErrors.io(path, "the file already exists; writers never overwrite a file in place");
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    @Override public void rename(String from, String to) {
        Path source = toPath(from);
        Path target = toPath(to);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) throw IoErrors.notFound(from);
        // POSIX rename silently replaces a file or an empty directory: refuse instead, so nothing is lost
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw IoErrors.io(to, "cannot rename " + from + " onto it: it already exists");
        }
        try {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target);   // another file system: a copy, not atomic (documented in Storage)
            }
        } catch (IOException e) {
            throw IoErrors.io(from, e);
        }
    }

    @Override public boolean deleteRecursively(String path) {
        Path root = toPath(path);
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return false;
        try {
            // walkFileTree does not follow symbolic links, so a link's target survives
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        } catch (UncheckedIOException e) {
            throw IoErrors.io(path, e);
        }
        return true;
    }

    @Override public void mkdirs(String path) {
        try {
            Files.createDirectories(toPath(path));
        } catch (IOException e) {
            throw IoErrors.io(path, e);
        }
    }

    @Override public void sync(String path) {
        Path p = toPath(path);
        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (NoSuchFileException e) {
            throw IoErrors.notFound(path);
        } catch (IOException e) {
            // some file systems refuse to open or fsync a directory: its entries are then as durable as they get
            if (!Files.isDirectory(p)) throw IoErrors.io(path, e);
        }
    }

    @Override public String toString() { return "LocalStorage"; }

    /** Reads through a FileChannel: positioned, and no extra copy for large reads into the caller's array. */
    private static final class ChannelInput extends SeekableInputStream {
        private final FileChannel channel;
        private final byte[] one = new byte[1];

        ChannelInput(FileChannel channel) { this.channel = channel; }

        @Override public int read() throws IOException {
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            return channel.read(ByteBuffer.wrap(b, off, len));
        }

        @Override public void seek(long position) throws IOException {
            if (position < 0) throw new IOException("negative seek position " + position);
            channel.position(position);
        }

        @Override public long position() throws IOException { return channel.position(); }

        @Override public long length() throws IOException { return channel.size(); }

        @Override public void close() throws IOException { channel.close(); }
    }
}

package dev.jgrad.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Writes a file so that a reader, or a crash, only ever sees the old file or the whole new one: the bytes go to
 * a temporary file in the same directory, are forced to disk, and the temporary file is renamed over the target.
 * Everything jgrad saves for a user (models, histories, plots, drawings) goes through here.
 *
 * <p>What is already there is respected: a symbolic link is followed and its target replaced (the link stays),
 * an existing file keeps its permission bits, and anything that is not a regular file (a directory, a device, a
 * FIFO, a socket) is refused rather than replaced. Failures are {@link FileSaveException}s naming the user's path.
 */
public final class AtomicFiles {

    /** Produces a file's content into a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** As the kernel's own limit on symbolic link chains (ELOOP). */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} (or, for a symbolic link, the file it points to) with the given bytes. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path real = destination(target);
        Path dir = real.getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileSaveException(target, "cannot create directory " + dir + " (" + reason(e) + ")", e);
        }
        Set<PosixFilePermission> keep = existingPermissions(real);
        // A fresh name in the same directory (so the move is a rename on one file system), created with the
        // default permissions rather than createTempFile's owner-only ones.
        Path tmp = dir.resolve("." + real.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                if (keep != null) {
                    Files.setPosixFilePermissions(tmp, keep);
                }
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } catch (FileSaveException e) {
            throw e;
        } catch (IOException e) {
            throw new FileSaveException(target, where(target, real, dir) + reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // The directory refused the temporary file in the first place; there is nothing to remove.
            }
        }
    }

    /** Atomically replaces {@code target} with UTF-8 text. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically replaces {@code target} with what {@code writer} produces (buffered in memory first). */
    public static void write(Path target, Writer writer) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.write(buffer);
        write(target, buffer.toByteArray());
    }

    /**
     * Checks, without writing anything the user would see, that {@link #write} could save {@code target} now: it
     * is a regular file or absent (through symbolic links), and its directory, or the nearest existing parent,
     * accepts a new file. Run it before hours of work whose result goes to {@code target}.
     */
    public static void checkWritable(Path target) throws IOException {
        Path real = destination(target);
        Path dir = real.getParent();
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new FileSaveException(target, "no existing parent directory");
        }
        if (!Files.isDirectory(existing)) {
            throw new FileSaveException(target, existing + " is not a directory");
        }
        if (!existing.equals(dir)) {
            // Directories will be created; a real probe would leave them behind, so ask the file system.
            if (!Files.isWritable(existing) || !Files.isExecutable(existing)) {
                throw new FileSaveException(target, "cannot create directory " + dir + " (" + existing
                        + " is not writable)");
            }
            return;
        }
        Path probe = dir.resolve("." + real.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".probe");
        try {
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        } catch (IOException e) {
            throw new FileSaveException(target, where(target, real, dir) + reason(e), e);
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // Could not even be created.
            }
        }
    }

    /** The file a save of {@code target} replaces: symbolic links followed; refused unless regular or absent. */
    static Path destination(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new FileSaveException(target, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link);
        }
        if (p.getParent() == null) {
            throw new FileSaveException(target, "it is a file system root");
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return p;
        }
        if (attrs.isDirectory()) {
            throw new FileSaveException(target, (p.equals(target.toAbsolutePath()) ? "it" : p) + " is a directory");
        }
        if (!attrs.isRegularFile()) {
            throw new FileSaveException(target, (p.equals(target.toAbsolutePath()) ? "it" : p) + " is " + kind(p)
                    + ", not a regular file; refusing to replace it (choose another file name)");
        }
        return p;
    }

    /** "a character device", "a FIFO", ... from the POSIX mode where the platform tells it. */
    private static String kind(Path p) {
        try {
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            switch (mode & 0170000) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a FIFO (named pipe)";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // No unix view here; say it in general terms.
        }
        return "a special file (device, FIFO or socket)";
    }

    private static Set<PosixFilePermission> existingPermissions(Path real) {
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)
                || Files.getFileAttributeView(real, PosixFileAttributeView.class) == null) {
            return null;
        }
        try {
            return Files.getPosixFilePermissions(real, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    private static String where(Path target, Path real, Path dir) {
        String through = real.equals(target.toAbsolutePath()) ? "" : " (the target of the link " + target + ")";
        return "directory " + dir + through + ": ";
    }

    /** The cause in words, without the temporary file's name that the exception's own message carries. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "not writable (permission denied)";
        }
        if (e instanceof FileSystemException f) {
            // Without a reason the message would be just the temporary file's name.
            return f.getReason() != null ? f.getReason() : "new files cannot be created there";
        }
        return e.getMessage() != null ? e.getMessage() : "write failed";
    }

    // Makes the rename itself durable where the platform allows opening a directory (Linux, macOS).
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // Not supported here (e.g. Windows); the file itself was already forced to disk.
        }
    }
}

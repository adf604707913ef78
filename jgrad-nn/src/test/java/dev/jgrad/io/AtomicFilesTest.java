package dev.jgrad.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class AtomicFilesTest {

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/history.csv");
        AtomicFiles.writeString(f, "old\n");
        AtomicFiles.writeString(f, "new\n");
        assertThat(Files.readString(f)).isEqualTo("new\n");
        try (Stream<Path> files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aFailingWriterLeavesTheOldFileAsItWas(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("plot.svg");
        AtomicFiles.writeString(f, "<svg/>");
        assertThatThrownBy(() -> AtomicFiles.write(f, out -> {
            out.write("<svg>half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("<svg/>");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void aSymbolicLinkKeepsPointingAtItsTargetWhichGetsTheNewContent(@TempDir Path dir) throws IOException {
        Path real = dir.resolve("models/real.jgrad");
        AtomicFiles.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.jgrad"), Path.of("models/real.jgrad"));
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("models/real.jgrad"));
        assertThat(Files.readString(real)).isEqualTo("new");
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).containsExactly(real); // the temporary file went next to the target, then away
        }
    }

    @Test
    void aDanglingSymbolicLinkCreatesItsTarget(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.jgrad"), dir.resolve("later.jgrad"));
        AtomicFiles.writeString(link, "x");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(dir.resolve("later.jgrad"))).isEqualTo("x");
    }

    @Test
    void anExistingFileKeepsItsPermissionBits(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("secret.jgrad");
        AtomicFiles.writeString(f, "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeString(f, "new");
        assertThat(Files.readString(f)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    }

    @Test
    void aFifoIsRefusedAndLeftAsItIs(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.jgrad");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        assertThatThrownBy(() -> AtomicFiles.writeString(fifo, "x"))
                .isInstanceOf(FileSaveException.class)
                .hasMessage("cannot save " + fifo + ": it is a FIFO (named pipe), not a regular file; refusing to "
                        + "replace it (choose another file name)");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThatThrownBy(() -> AtomicFiles.checkWritable(fifo)).isInstanceOf(FileSaveException.class);
    }

    @Test
    void aDeviceNodeBehindALinkIsRefused(@TempDir Path dir) throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull), "no /dev/null device here");
        Path link = Files.createSymbolicLink(dir.resolve("model.jgrad"), devNull);
        assertThatThrownBy(() -> AtomicFiles.writeString(link, "x"))
                .isInstanceOf(FileSaveException.class)
                .hasMessage("cannot save " + link + ": /dev/null is a character device, not a regular file; refusing "
                        + "to replace it (choose another file name)");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(devNull)).isFalse();
    }

    @Test
    void aDirectoryIsRefused(@TempDir Path dir) throws IOException {
        Path sub = Files.createDirectory(dir.resolve("model.jgrad"));
        assertThatThrownBy(() -> AtomicFiles.writeString(sub, "x"))
                .isInstanceOf(FileSaveException.class).hasMessage("cannot save " + sub + ": it is a directory");
        assertThat(Files.isDirectory(sub)).isTrue();
    }

    @Test
    void aParentThatIsAFileIsFoundBeforehandAndNamedAsTheUserWroteIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes"), "x");
        Path target = dir.resolve("notes/model.jgrad");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(target))
                .isInstanceOf(FileSaveException.class)
                .hasMessage("cannot save " + target + ": " + dir.resolve("notes") + " is not a directory");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(FileSaveException.class)
                .hasMessageStartingWith("cannot save " + target + ": ")
                .hasMessageNotContaining(".tmp");
    }

    @Test
    void anUnwritableDirectoryIsFoundBeforehandAndTheMessageNamesTheUsersPathNotATemporaryFile() throws IOException {
        // /proc refuses new files even to root (chmod would not stop root, who runs some CI containers).
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc.resolve("self")), "no Linux /proc here");
        Path target = proc.resolve("model.jgrad");
        assertThatThrownBy(() -> AtomicFiles.checkWritable(target))
                .isInstanceOf(FileSaveException.class)
                .hasMessageStartingWith("cannot save /proc/model.jgrad: directory /proc: ")
                .hasMessageNotContaining(".probe");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
                .isInstanceOf(FileSaveException.class)
                .hasMessageStartingWith("cannot save /proc/model.jgrad: directory /proc: ")
                .hasMessageNotContaining(".tmp");
    }

    @Test
    void aWritableDirectoryPassesTheCheckAndKeepsNoTrace(@TempDir Path dir) throws IOException {
        AtomicFiles.checkWritable(dir.resolve("model.jgrad"));
        AtomicFiles.checkWritable(dir.resolve("new/sub/model.jgrad"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}

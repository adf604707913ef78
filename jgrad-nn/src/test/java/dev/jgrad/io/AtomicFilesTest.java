package dev.jgrad.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}

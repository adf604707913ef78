package dev.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be saved, or would not be: the message names the path the user gave (never a temporary file)
 * and why, in one line, e.g. {@code cannot save out/model.jgrad: directory out is not writable (permission denied)}.
 */
public class FileSaveException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public FileSaveException(Path file, String problem) {
        super("cannot save " + file + ": " + problem);
        this.file = file;
    }

    public FileSaveException(Path file, String problem, Throwable cause) {
        super("cannot save " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The path as the user gave it. */
    public Path file() {
        return file;
    }
}

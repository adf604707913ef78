package dev.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A problem with one file, told in one line that names the path the user gave (never a temporary file). The
 * subclasses say what was being done: {@link FileSaveException} (saving any file), {@link ModelFileException}
 * (reading or writing a model file). Catch this type to report either.
 */
public abstract class FileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    protected FileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The path as the user gave it. */
    public Path file() {
        return file;
    }
}

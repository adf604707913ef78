package dev.jgrad.io;

import java.nio.file.Path;

/**
 * A file could not be saved, or would not be: the message names the path the user gave (never a temporary file)
 * and why, in one line, e.g. {@code cannot save out/model.jgrad: directory out is not writable (permission denied)}.
 */
public class FileSaveException extends FileException {

    private static final long serialVersionUID = 1L;

    public FileSaveException(Path file, String problem) {
        this(file, problem, null);
    }

    public FileSaveException(Path file, String problem, Throwable cause) {
        super(file, "cannot save " + file + ": " + problem, cause);
    }
}

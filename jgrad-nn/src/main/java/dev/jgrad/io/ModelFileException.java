package dev.jgrad.io;

import java.nio.file.Path;

/** A model file that cannot be read or written: the message names the file and what is wrong with it. */
public class ModelFileException extends FileException {

    private static final long serialVersionUID = 1L;

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file, "model file " + file + ": " + problem, cause);
    }
}

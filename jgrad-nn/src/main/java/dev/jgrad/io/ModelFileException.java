package dev.jgrad.io;

import java.io.IOException;
import java.nio.file.Path;

/** A model file that cannot be read or written: the message names the file and what is wrong with it. */
public class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ModelFileException(Path file, String problem) {
        super("model file " + file + ": " + problem);
        this.file = file;
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }
}

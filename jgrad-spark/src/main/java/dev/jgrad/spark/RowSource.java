package dev.jgrad.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Training rows at a path every worker sees (a local path on each machine or a shared mount): the driver reads
 * only what it needs to plan (the row count), each worker reads its own row range with jgrad-data's readers.
 * Nothing goes through the driver.
 */
public interface RowSource extends Serializable {

    /** The number of rows (read on the driver from headers where the format has them). */
    int rows() throws IOException;

    /** The number of classes, 0 for regression. */
    int classes() throws IOException;

    /** Rows {@code [from, to)}, read on a worker. */
    LocalRows read(int from, int to) throws IOException;

    /** Where the rows are, for messages. */
    String describe();

    /** An MNIST-style pair of IDX files (images scaled to [0, 1], labels as classes {@code 0..classes-1}). */
    static RowSource idx(Path images, Path labels, int classes) {
        return new IdxRows(images.toString(), labels.toString(), classes);
    }

    /** A CSV file read as {@code CsvReader} reads it; {@code labelColumn} a header name or 0-based index, or null for the last. */
    static RowSource csv(Path file, String labelColumn) {
        return new CsvRows(file.toString(), labelColumn);
    }

    /** The path of a {@code file:} URI or a plain path, checked to exist where this code runs. */
    static Path existing(String path, String what) throws IOException {
        Path p = Path.of(path.startsWith("file:") ? java.net.URI.create(path).getPath() : path);
        if (!Files.isReadable(p)) {
            throw new java.nio.file.NoSuchFileException(p.toString(), null, what + " is missing or unreadable"
                    + " (every worker must see the same path)");
        }
        return p;
    }
}

package dev.jgrad.data.idx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The images and labels file of one split in a directory laid out like the MNIST distribution:
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte},
 * {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz} (Debian's Fashion-MNIST ships the
 * {@code .gz} files). The dotted spelling {@code train-images.idx3-ubyte} that some archive tools produce is also
 * accepted.
 */
public record IdxFiles(Path images, Path labels) {

    /** Standard base name of the images file of {@code split}, e.g. {@code t10k-images-idx3-ubyte}. */
    public static String imagesName(IdxSplit split) {
        return split.filePrefix() + "-images-idx3-ubyte";
    }

    /** Standard base name of the labels file of {@code split}, e.g. {@code train-labels-idx1-ubyte}. */
    public static String labelsName(IdxSplit split) {
        return split.filePrefix() + "-labels-idx1-ubyte";
    }

    /**
     * Finds the two files of {@code split} in {@code dir}.
     *
     * @throws NoSuchFileException naming the directory and the names that were tried
     */
    public static IdxFiles locate(Path dir, IdxSplit split) throws IOException {
        return new IdxFiles(find(dir, imagesName(split)), find(dir, labelsName(split)));
    }

    /** True when both files of both splits are present. */
    public static boolean isComplete(Path dir) {
        for (IdxSplit split : IdxSplit.values()) {
            if (candidate(dir, imagesName(split)) == null || candidate(dir, labelsName(split)) == null) {
                return false;
            }
        }
        return true;
    }

    private static Path find(Path dir, String base) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory");
        }
        Path found = candidate(dir, base);
        if (found == null) {
            throw new NoSuchFileException(dir.resolve(base).toString(), null,
                    "none of " + String.join(", ", spellings(base)) + " exists in " + dir);
        }
        return found;
    }

    private static Path candidate(Path dir, String base) {
        for (String name : spellings(base)) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private static List<String> spellings(String base) {
        String dotted = base.replace("-idx", ".idx");
        List<String> names = new ArrayList<>(4);
        names.add(base);
        names.add(base + ".gz");
        names.add(dotted);
        names.add(dotted + ".gz");
        return names;
    }
}

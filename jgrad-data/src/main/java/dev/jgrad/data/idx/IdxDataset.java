package dev.jgrad.data.idx;

import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The named MNIST-family datasets and where they live on disk. Nothing is downloaded at run time: a dataset is
 * either installed (Debian's {@code dataset-fashion-mnist} puts Fashion-MNIST in
 * {@code /usr/share/datasets/fashion-mnist}) or the caller passes a directory with the four IDX files.
 */
public enum IdxDataset {

    /** Handwritten digits 0-9. Debian has no package for it; the caller supplies the directory. */
    MNIST("mnist", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(Path.of("/usr/share/datasets/mnist")),
            "MNIST is not installed and Debian has no package for it (only dataset-fashion-mnist). Download "
                    + "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz and "
                    + "t10k-labels-idx1-ubyte.gz from the MNIST database (or a mirror) into a directory and pass that "
                    + "directory; the files may stay gzipped. jgrad never downloads anything at run time."),

    /** Zalando's Fashion-MNIST, 28x28 grey clothing images in 10 classes. */
    FASHION_MNIST("fashion-mnist",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                    "Ankle boot"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "Fashion-MNIST is not installed: run 'apt-get install dataset-fashion-mnist' (it installs "
                    + "/usr/share/datasets/fashion-mnist) or pass a directory holding the four IDX files. "
                    + "jgrad never downloads anything at run time.");

    /** Both datasets are 28 x 28 grey images. */
    public static final int IMAGE_ROWS = 28;
    public static final int IMAGE_COLS = 28;

    private final String id;
    private final List<String> classNames;
    private final List<Path> defaultDirectories;
    private final String howToInstall;

    IdxDataset(String id, List<String> classNames, List<Path> defaultDirectories, String howToInstall) {
        this.id = id;
        this.classNames = classNames;
        this.defaultDirectories = defaultDirectories;
        this.howToInstall = howToInstall;
    }

    /** The name used on the command line: {@code mnist} or {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** Class names indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Where an installed copy is looked for, in order. */
    public List<Path> defaultDirectories() {
        return defaultDirectories;
    }

    /** What to do when the dataset is missing. */
    public String howToInstall() {
        return howToInstall;
    }

    /** Parses {@link #id()} (or the enum name, any case, {@code _} or {@code -}). */
    public static IdxDataset byId(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IdxDataset d : values()) {
            if (d.id.equals(n)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown IDX dataset '" + name + "'; known: mnist, fashion-mnist");
    }

    /**
     * The first default directory holding all four files.
     *
     * @throws NoSuchFileException whose reason says how to install the dataset
     */
    public Path locate() throws IOException {
        for (Path dir : defaultDirectories) {
            if (IdxFiles.isComplete(dir)) {
                return dir;
            }
        }
        throw new NoSuchFileException(defaultDirectories.get(0).toString(), null, howToInstall);
    }

    /** Loads {@code split} from the installed copy (see {@link #locate()}). */
    public Dataset load(IdxSplit split) throws IOException {
        return load(locate(), split);
    }

    /** Loads {@code split} from {@code dir}: {@code 28 * 28} features in [0, 1], labels 0..9 with class names. */
    public Dataset load(Path dir, IdxSplit split) throws IOException {
        IdxFiles files = IdxFiles.locate(dir, split);
        return IdxReader.readDataset(files.images(), files.labels(), classNames);
    }
}

package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;
import dev.jgrad.data.csv.CsvTable;
import dev.jgrad.data.csv.LabelKind;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.data.synthetic.Shape2D;
import dev.jgrad.data.synthetic.Synthetic2D;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Resolves {@code --data}: a dataset name ({@code fashion-mnist}, {@code mnist}), a synthetic 2D set
 * ({@code circle}, {@code xor}, {@code spiral}, {@code moons}, ...), a directory holding the four MNIST-style IDX
 * files, or a CSV file. Nothing is downloaded; a missing dataset is an input error that says how to install it.
 */
public final class DataSource {

    private DataSource() {
    }

    /** Loads the training source (and the test split where the source has one). */
    public static LoadedData load(String spec, DataOptions options) throws IOException {
        return load(spec, options, true);
    }

    /** Loads only the evaluation part: the test split of IDX sets, the whole file for CSV, fresh points for 2D sets. */
    public static LoadedData loadForEval(String spec, DataOptions options, LabelKind csvLabels) throws IOException {
        String name = spec.trim();
        IdxDataset idx = idxByName(name);
        Shape2D shape = shapeByName(name);
        if (idx == null && shape == null && Files.isRegularFile(Path.of(name))) {
            return readCsv(Path.of(name), name, options, csvLabels);
        }
        return load(spec, options, false);
    }

    private static LoadedData load(String spec, DataOptions options, boolean withTrain) throws IOException {
        String name = spec.trim();
        IdxDataset idx = idxByName(name);
        if (idx != null) {
            Path dir;
            try {
                dir = idx.locate();
            } catch (NoSuchFileException e) {
                throw new InputException(idx.howToInstall(), e);
            }
            return idxFrom(dir, idx, name, withTrain);
        }
        Shape2D shape = shapeByName(name);
        if (shape != null) {
            int classes = shape.kind() == Shape2D.Kind.MULTI_CLASS ? options.classes() : shape.defaultClasses();
            Dataset points = Synthetic2D.generate(shape, options.samples(), options.noise(), classes, options.seed())
                    .toDataset();
            return new LoadedData(shape.id(), "synthetic", points, null, new int[]{2}, "none");
        }
        Path path = Path.of(name);
        if (Files.isDirectory(path)) {
            String dirName = path.toAbsolutePath().normalize().getFileName() == null ? ""
                    : path.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT);
            IdxDataset names = dirName.contains("fashion") ? IdxDataset.FASHION_MNIST : IdxDataset.MNIST;
            return idxFrom(path, names, name, withTrain);
        }
        if (Files.isRegularFile(path)) {
            String file = path.getFileName().toString();
            if (file.contains("idx") && (file.contains("ubyte"))) {
                throw new InputException("--data " + name + ": an IDX file on its own is not enough; pass the directory "
                        + "that holds the images and labels files of both splits");
            }
            LoadedData csv = readCsv(path, name, options, LabelKind.AUTO);
            Dataset all = csv.train();
            if (!all.isRegression() && all.numClasses() < 2) {
                throw new InputException("--data " + name + ": the label column '" + csv.labelColumn() + "' holds one "
                        + "class only ('" + all.classNames().get(0) + "'); a classifier needs at least two (or give "
                        + "--label for another column)");
            }
            return csv;
        }
        throw new InputException("--data " + name + ": no dataset by that name and no such file or directory; "
                + "names: " + String.join(", ", knownNames()));
    }

    private static LoadedData idxFrom(Path dir, IdxDataset names, String name, boolean withTrain) throws IOException {
        Dataset train = withTrain ? names.load(dir, IdxSplit.TRAIN) : null;
        Dataset test = names.load(dir, IdxSplit.TEST);
        int[] shape = {IdxDataset.IMAGE_ROWS, IdxDataset.IMAGE_COLS};
        if (train != null && test != null && train.numFeatures() != test.numFeatures()) {
            throw new InputException("--data " + name + ": the training images have " + train.numFeatures()
                    + " pixels each but the test images " + test.numFeatures() + "; both splits must have the same "
                    + "image size");
        }
        Dataset probe = test != null ? test : train;
        if (probe.numFeatures() != shape[0] * shape[1]) {
            // Another IDX image size: keep the input flat with its real width.
            shape = new int[]{probe.numFeatures()};
        }
        return new LoadedData(name, "idx", withTrain ? train : test, withTrain ? test : null, shape, "pixels/255");
    }

    /** The one way a CSV file becomes data (training, evaluation; prediction reads the same {@link CsvTable}). */
    private static LoadedData readCsv(Path file, String name, DataOptions options, LabelKind kind) throws IOException {
        CsvOptions csv = CsvOptions.defaults().withLabelKind(kind);
        if (options.label() != null) {
            String label = options.label().trim();
            csv = label.matches("-?\\d+") ? csv.withLabelColumn(Integer.parseInt(label)) : csv.withLabelColumn(label);
        }
        CsvTable table = CsvReader.readTable(file, csv);
        Dataset all = CsvReader.toDataset(table, csv);
        String labelColumn = table.columnName(CsvReader.labelColumn(table, csv));
        return new LoadedData(name, "csv", all, null, new int[]{all.numFeatures()}, "scaler", labelColumn);
    }

    static IdxDataset idxByName(String name) {
        for (IdxDataset d : IdxDataset.values()) {
            if (d.id().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }

    static Shape2D shapeByName(String name) {
        try {
            return Shape2D.parse(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Every name {@code --data} accepts besides paths. */
    public static java.util.List<String> knownNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (IdxDataset d : IdxDataset.values()) {
            names.add(d.id());
        }
        Arrays.stream(Shape2D.values()).map(Shape2D::id).forEach(names::add);
        return names;
    }
}

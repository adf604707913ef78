package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.Dataset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-labels an evaluation set with a model's class indices, by class name: a CSV file numbers its classes by the
 * labels it happens to contain, the model by the labels it was trained on. A label the model does not know is an
 * input error naming the file and the line it is on.
 */
public final class LabelMatcher {

    private LabelMatcher() {
    }

    public static Dataset toModelClasses(Dataset data, List<String> modelClasses, LoadedData source) throws IOException {
        if (data.classNames().equals(modelClasses)) {
            return data;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < modelClasses.size(); c++) {
            index.put(modelClasses.get(c), c);
        }
        int[] own = data.labels();
        int[] mapped = new int[own.length];
        for (int i = 0; i < own.length; i++) {
            String name = data.classNames().get(own[i]);
            Integer c = index.get(name);
            if (c == null) {
                throw new InputException(where(source, i) + ": label '" + name + "' is not a class the model knows; "
                        + "expected one of " + String.join(", ", modelClasses));
            }
            mapped[i] = c;
        }
        return Dataset.classification(data.features(), data.numFeatures(), mapped, modelClasses)
                .withFeatureNames(data.featureNames());
    }

    /** {@code file: line N} for row {@code row} of a CSV source (counting non-blank lines, after a header if any). */
    private static String where(LoadedData source, int row) throws IOException {
        if (!"csv".equals(source.kind())) {
            return source.name() + ": item " + row;
        }
        Path file = Path.of(source.name());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean header = hasHeader(source.train());
        int wanted = row + (header ? 1 : 0);
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            if (seen++ == wanted) {
                return file + ": line " + (i + 1);
            }
        }
        return file + ": row " + (row + 1);
    }

    /** The reader names features x1..xd only when there is no header. */
    private static boolean hasHeader(Dataset d) {
        List<String> names = d.featureNames();
        for (int j = 0; j < names.size(); j++) {
            if (!names.get(j).equals("x" + (j + 1))) {
                return true;
            }
        }
        return false;
    }
}

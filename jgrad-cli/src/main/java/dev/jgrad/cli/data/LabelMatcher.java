package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.Dataset;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Re-labels an evaluation set with a model's class indices, by class name: a CSV file numbers its classes by the
 * labels it happens to contain, the model by the labels it was trained on. A label the model does not know is an
 * input error naming the file and the line it is on.
 */
public final class LabelMatcher {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private LabelMatcher() {
    }

    public static Dataset toModelClasses(Dataset data, List<String> modelClasses, LoadedData source) throws IOException {
        if (data.classNames().equals(modelClasses)) {
            return data;
        }
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < modelClasses.size(); c++) {
            index.put(key(modelClasses.get(c)), c);
        }
        int[] own = data.labels();
        int[] mapped = new int[own.length];
        for (int i = 0; i < own.length; i++) {
            String name = data.classNames().get(own[i]);
            Integer c = index.get(key(name));
            if (c == null) {
                throw new InputException(where(source, i) + ": label '" + name + "' is not a class the model knows; "
                        + "expected one of " + String.join(", ", modelClasses));
            }
            mapped[i] = c;
        }
        return Dataset.classification(data.features(), data.numFeatures(), mapped, modelClasses)
                .withFeatureNames(data.featureNames());
    }

    /** Numeric class names compare by value: the 2D sets call a class "+1", a CSV reader "1". */
    private static String key(String className) {
        try {
            return new BigDecimal(className.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return className;
        }
    }

    /** {@code file: line N} for row {@code row} of a CSV source (counting non-blank lines, after a header if any). */
    private static String where(LoadedData source, int row) throws IOException {
        if (!"csv".equals(source.kind())) {
            return source.name() + ": item " + row;
        }
        Path file = Path.of(source.name());
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                nonBlank.add(i);
            }
        }
        boolean header = nonBlank.size() > 1 && looksLikeHeader(lines.get(nonBlank.get(0)), lines.get(nonBlank.get(1)));
        int wanted = row + (header ? 1 : 0);
        return wanted < nonBlank.size() ? file + ": line " + (nonBlank.get(wanted) + 1) : file + ": row " + (row + 1);
    }

    /** The CSV reader's rule: a header has a field that is not a number where the next row has one. */
    private static boolean looksLikeHeader(String first, String second) {
        String delimiter = first.contains(",") ? "," : first.contains(";") ? ";" : "\t";
        String[] a = first.split(delimiter, -1);
        String[] b = second.split(delimiter, -1);
        for (int j = 0; j < a.length && j < b.length; j++) {
            if (!NUMBER.matcher(a[j].trim()).matches() && NUMBER.matcher(b[j].trim()).matches()) {
                return true;
            }
        }
        return false;
    }
}

package dev.jgrad.interop;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.init.Initializers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a jgrad MLP from another framework's weights: a PyTorch {@code nn.Sequential} state_dict (as saved to
 * safetensors) names its Linear layers by their position, {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ...
 * (the activations in between hold no weights, so the numbers skip them; a common prefix such as {@code model.}
 * is allowed). Given the layer widths and the hidden activation, every tensor is checked against the shape its
 * layer needs, and the model comes back as {@code Linear, activation, Linear, ..., Linear} (logits out), with the
 * same parameter names as the PyTorch original.
 */
public final class ModelImport {

    // A prefix that is empty or ends in '.', then the layer's position (at most 9 digits, so it fits an int).
    private static final Pattern NAME = Pattern.compile("((?:.*\\.)?)(\\d{1,9})\\.(weight|bias)");

    private ModelImport() {
    }

    /** The model and what the import had to do that the caller should hear about (dtype conversions, ...). */
    public record Result(Sequential model, List<String> notes) {
    }

    /**
     * @param weights    the tensors, e.g. {@link Safetensors#read}'s
     * @param widths     input width, hidden widths, output width, e.g. {@code 784, 256, 128, 10}
     * @param activation makes the module placed after each hidden layer
     * @param layout     how the weight matrices are stored ({@link WeightLayout#OUT_IN} for PyTorch)
     * @throws ModelImportException naming the tensor when one is missing, extra, of the wrong shape or type
     */
    public static Result sequential(SafetensorsFile weights, int[] widths, Supplier<? extends Module> activation,
                                    WeightLayout layout) {
        checkWidths(widths);
        String layers = describe(widths);
        TreeMap<Integer, Pair> byIndex = new TreeMap<>();
        String prefix = null;
        for (SafeTensor t : weights.tensors()) {
            Matcher m = NAME.matcher(t.name());
            if (!m.matches()) {
                throw new ModelImportException(t.name(), "tensor '" + t.name() + "' " + Arrays.toString(t.shape())
                        + " is not a Linear layer's weight or bias; expected names like 0.weight, 0.bias, 2.weight as in a"
                        + " PyTorch nn.Sequential state_dict");
            }
            if (prefix == null) {
                prefix = m.group(1);
            } else if (!prefix.equals(m.group(1))) {
                throw new ModelImportException(t.name(), "tensor '" + t.name() + "' has prefix '" + m.group(1)
                        + "' but earlier tensors have '" + prefix + "'; expected one nn.Sequential's state_dict");
            }
            Pair p = byIndex.computeIfAbsent(Integer.parseInt(m.group(2)), k -> new Pair());
            if (m.group(3).equals("weight")) {
                p.weight = t;
            } else {
                p.bias = t;
            }
        }
        int expected = widths.length - 1;
        if (byIndex.size() != expected) {
            throw new ModelImportException(null, "the file has " + byIndex.size() + " Linear layer"
                    + (byIndex.size() == 1 ? "" : "s") + (byIndex.isEmpty() ? "" : " (indices " + join(byIndex.keySet()) + ")")
                    + " but the layers " + layers + " need " + expected);
        }
        List<String> notes = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(byIndex.keySet());
        for (int i = 1; i < indices.size(); i++) {
            if (indices.get(i) == indices.get(i - 1) + 1) {
                notes.add("layers " + prefix + indices.get(i - 1) + " and " + prefix + indices.get(i)
                        + " are adjacent: in an nn.Sequential nothing would stand between them, which matches the"
                        + " 'linear' activation only");
                break;
            }
        }
        Sequential net = new Sequential();
        List<String> converted = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            int index = indices.get(i);
            Pair p = byIndex.get(index);
            int in = widths[i];
            int out = widths[i + 1];
            String where = "layer " + (i + 1) + " of " + layers + " (Linear " + in + " -> " + out + ")";
            if (p.weight == null) {
                throw new ModelImportException(prefix + index + ".weight", "tensor '" + prefix + index
                        + ".weight' is missing: the file has '" + p.bias.name() + "' but no weight for " + where);
            }
            float[] w = floats(p.weight, converted);
            int[] need = layout == WeightLayout.OUT_IN ? new int[]{out, in} : new int[]{in, out};
            if (!Arrays.equals(p.weight.shape(), need)) {
                int[] other = {need[1], need[0]};
                String hint = Arrays.equals(p.weight.shape(), other) && in != out
                        ? "; it is stored " + (layout == WeightLayout.OUT_IN ? "[in, out] (Keras, Flax): use the in-out weight layout"
                        : "[out, in] (PyTorch): use the out-in weight layout")
                        : "";
                throw new ModelImportException(p.weight.name(), "tensor '" + p.weight.name() + "' has shape "
                        + Arrays.toString(p.weight.shape()) + " but " + where + " needs " + Arrays.toString(need) + " ("
                        + (layout == WeightLayout.OUT_IN ? "[out, in], as PyTorch stores it" : "[in, out]") + ")" + hint);
            }
            if (layout == WeightLayout.IN_OUT) {
                w = transpose(w, in, out);
            }
            Linear linear = new Linear(in, out, p.bias != null, Initializers.zeros(), new Random(0));
            System.arraycopy(w, 0, linear.weight().data(), 0, w.length);
            if (p.bias != null) {
                if (!Arrays.equals(p.bias.shape(), new int[]{out})) {
                    throw new ModelImportException(p.bias.name(), "tensor '" + p.bias.name() + "' has shape "
                            + Arrays.toString(p.bias.shape()) + " but " + where + " needs [" + out + "]");
                }
                float[] b = floats(p.bias, converted);
                System.arraycopy(b, 0, linear.bias().data(), 0, b.length);
            }
            net.add(linear);
            if (i + 1 < expected) {
                Module act = activation.get();
                if (act == null) {
                    throw new IllegalArgumentException("the activation supplier returned null");
                }
                net.add(act);
            }
        }
        if (!converted.isEmpty()) {
            notes.add("converted to float32: " + String.join(", ", converted));
        }
        if (layout == WeightLayout.IN_OUT) {
            notes.add("transposed " + expected + " weight matrices from [in, out] to [out, in]");
        }
        net.eval();
        return new Result(net, List.copyOf(notes));
    }

    private static final class Pair {
        SafeTensor weight;
        SafeTensor bias;
    }

    private static float[] floats(SafeTensor t, List<String> converted) {
        if (!t.dtype().convertsToFloat()) {
            throw new ModelImportException(t.name(), "tensor '" + t.name() + "' is " + t.dtype()
                    + "; weights must be F32, F16, BF16 or F64");
        }
        if (t.dtype() != SafetensorsDtype.F32) {
            converted.add(t.name() + " (" + t.dtype() + ")");
        }
        return t.toFloats();
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    private static void checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) {
            throw new IllegalArgumentException("layer widths need at least an input and an output width, e.g. 784,128,10");
        }
        for (int w : widths) {
            if (w <= 0) {
                throw new IllegalArgumentException("layer widths must be positive, got " + describe(widths));
            }
        }
    }

    private static String describe(int[] widths) {
        return String.join("-", Arrays.stream(widths).mapToObj(Integer::toString).toList());
    }

    private static String join(Iterable<Integer> xs) {
        List<String> s = new ArrayList<>();
        xs.forEach(x -> s.add(Integer.toString(x)));
        return String.join(", ", s);
    }
}

package dev.jgrad.interop;

import dev.jgrad.interop.onnx.proto.OnnxProto.TensorProto;
import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Softmax;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that knows which ONNX operators each jgrad layer becomes (so it can move next to the layers when
 * they describe their own ONNX form):
 * <pre>
 *   Linear       Gemm(x, W, b, transB=1)              W is [out, in] as in jgrad and PyTorch; b omitted without bias
 *   Perceptron   Gemm, then the Step below
 *   ReLU         Relu
 *   LeakyReLU    LeakyRelu(alpha)
 *   Tanh         Tanh
 *   Sigmoid      Sigmoid
 *   GELU         Gelu (opset 20+), else x * 0.5 * (1 + Erf(x / sqrt 2)), the exact form jgrad computes
 *   Softmax      Softmax(axis)                        single-axis semantics, opset 13+
 *   Step         Cast(GreaterOrEqual(x, 0), float)    [x >= 0] as 0/1
 *   Identity     Identity
 *   Dropout      nothing: exported models are for inference, where dropout is the identity
 *   Sequential   its layers in order (nested ones flattened)
 * </pre>
 * Anything else is refused with an {@link UnsupportedLayerException} naming the layer.
 */
final class OnnxLayerMapping {

    /** The layer types this mapping knows, for messages. */
    static final List<String> SUPPORTED = List.of("Linear", "Perceptron", "Activation (relu, leaky-relu, tanh, sigmoid,"
            + " gelu, silu, elu, mish, softplus, hardtanh, step, identity)", "Softmax", "Dropout", "Sequential");

    /** A layer and its path in the model ({@code "2"}, {@code "1.0"}; {@code ""} for a model that is one layer). */
    record Placed(String path, Module layer) {
        String display() {
            return path.isEmpty() ? "(the model)" : path;
        }

        String param(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    private OnnxLayerMapping() {
    }

    /** The model's layers in execution order, nested Sequentials flattened. */
    static List<Placed> flatten(Module model) {
        List<Placed> out = new ArrayList<>();
        flatten(model, "", out);
        return out;
    }

    private static void flatten(Module m, String path, List<Placed> out) {
        if (m instanceof Sequential s) {
            List<Module> layers = s.layers();
            for (int i = 0; i < layers.size(); i++) {
                flatten(layers.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, out);
            }
        } else {
            out.add(new Placed(path, m));
        }
    }

    /**
     * The input width a layer needs, or -1 when it works on any width (activations); refuses unknown layers so
     * that nothing is emitted for a model that cannot be exported whole.
     */
    static int inputWidth(Placed p) {
        Module m = p.layer();
        if (m instanceof Linear l) {
            return l.inFeatures();
        }
        if (m instanceof Perceptron) {
            return ((Perceptron) m).weight().shape()[1];
        }
        if (isElementwise(m) || m instanceof Softmax) {
            return -1;
        }
        throw new UnsupportedLayerException(p.display(), m.typeName(), "ONNX export has no mapping for "
                + m.getClass().getName() + "; it knows " + String.join(", ", SUPPORTED));
    }

    /** Layers that map every element on its own (so a scaler may be folded past the ones that are identities). */
    private static boolean isElementwise(Module m) {
        return (m instanceof Activation a && ACTIVATIONS.contains(catalogName(a))) || m instanceof Dropout;
    }

    /** True for the layers that leave their input unchanged at inference. */
    static boolean isInferenceIdentity(Module m) {
        return (m instanceof Activation a && catalogName(a).equals("identity")) || m instanceof Dropout;
    }

    /**
     * Emits {@code p}'s nodes reading {@link OnnxGraph#current()} of width {@code width}; returns the output width.
     * A weight layer given {@code fold} applies it to its inputs (see {@link #foldInto}).
     */
    static int emit(Placed p, int width, OnnxGraph g, InputScaler fold) {
        Module m = p.layer();
        String name = p.path().isEmpty() ? m.typeName() : p.path();
        if (m instanceof Linear l) {
            checkWidth(p, l.inFeatures(), width);
            gemm(g, p, name, l.weight().data(), l.bias() == null ? null : l.bias().data(), l.outFeatures(), l.inFeatures(), fold);
            return l.outFeatures();
        }
        if (m instanceof Perceptron pc) {
            int in = pc.weight().shape()[1];
            checkWidth(p, in, width);
            gemm(g, p, name + ".Gemm", pc.weight().data(), pc.bias().data(), 1, in, fold);
            step(g, name);
            return 1;
        }
        if (m instanceof Activation a && isElementwise(m)) {
            activation(p, a.function(), g, name);
        } else if (m instanceof Softmax s) {
            // The exported input is [batch, features], so the axis must be one of its two.
            if (s.axis() < -2 || s.axis() > 1) {
                throw new UnsupportedLayerException(p.display(), m.typeName(), "axis " + s.axis()
                        + " does not exist on the exported [batch, features] tensor");
            }
            g.node("Softmax", name, g.current()).addAttribute(OnnxGraph.intAttr("axis", s.axis()));
        } else if (!(m instanceof Dropout)) {
            inputWidth(p); // throws the refusal
        }
        return width;
    }

    private static void checkWidth(Placed p, int in, int width) {
        if (width != in) {
            throw new UnsupportedLayerException(p.display(), p.layer().typeName(), "takes " + in
                    + " inputs but the layers before it give " + width);
        }
    }

    private static void gemm(OnnxGraph g, Placed p, String name, float[] weight, float[] bias, int out, int in,
                             InputScaler fold) {
        float[] w = weight;
        float[] b = bias;
        if (fold != null) {
            FoldedLinear f = foldInto(fold, weight, bias, out, in);
            w = f.weight();
            b = f.bias();
        }
        String wName = g.initializer(p.param("weight"), w, out, in);
        String bName = b == null ? null : g.initializer(p.param("bias"), b, out);
        String[] inputs = bName == null ? new String[]{g.current(), wName} : new String[]{g.current(), wName, bName};
        g.node("Gemm", name, inputs).addAttribute(OnnxGraph.intAttr("transB", 1));
    }

    /** A Linear layer's weight {@code [out, in]} and bias {@code [out]} (or null). */
    record FoldedLinear(float[] weight, float[] bias) {
    }

    /**
     * {@code W((x - o) / s) + b = W' x + b'} with {@code W'[i][j] = W[i][j] / s[j]} and
     * {@code b'[i] = b[i] - sum_j W'[i][j] o[j]}, in double; a layer without bias gets one unless every offset is 0.
     */
    static FoldedLinear foldInto(InputScaler scaler, float[] weight, float[] bias, int out, int in) {
        double[] o = scaler.offset();
        double[] s = scaler.scale();
        float[] w = new float[out * in];
        boolean anyOffset = false;
        for (double v : o) {
            anyOffset |= v != 0;
        }
        float[] b = bias == null && !anyOffset ? null : new float[out];
        for (int i = 0; i < out; i++) {
            double shift = 0;
            for (int j = 0; j < in; j++) {
                double wij = weight[i * in + j] / s[j];
                w[i * in + j] = (float) wij;
                shift += wij * o[j];
            }
            if (b != null) {
                b[i] = (float) ((bias == null ? 0 : bias[i]) - shift);
            }
        }
        return new FoldedLinear(w, b);
    }

    private static void step(OnnxGraph g, String name) {
        String zero = g.scalar(name + ".zero", 0f);
        g.node("GreaterOrEqual", name + ".GreaterOrEqual", g.current(), zero);
        g.node("Cast", name, g.current()).addAttribute(OnnxGraph.intAttr("to", TensorProto.DataType.FLOAT_VALUE));
    }

    /** The catalog activations ONNX can express, by catalog name (parameters come from the function's spec). */
    static final List<String> ACTIVATIONS = List.of("identity", "relu", "leaky-relu", "tanh", "sigmoid", "gelu", "silu",
            "elu", "mish", "softplus", "hardtanh", "step");

    private static String catalogName(Activation a) {
        String spec = a.function().spec();
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    private static double[] catalogParams(ActivationFunction f) {
        String spec = f.spec();
        int colon = spec.indexOf(':');
        if (colon < 0) {
            return new double[0];
        }
        String[] parts = spec.substring(colon + 1).split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = Double.parseDouble(parts[i]);
        }
        return v;
    }

    /** One catalog activation as ONNX nodes: the operator where ONNX has it, else its composition. */
    private static void activation(Placed p, ActivationFunction f, OnnxGraph g, String name) {
        double[] params = catalogParams(f);
        String x = g.current();
        switch (catalogName((Activation) p.layer())) {
            case "identity" -> g.node("Identity", name, x);
            case "relu" -> g.node("Relu", name, x);
            case "leaky-relu" -> g.node("LeakyRelu", name, x).addAttribute(OnnxGraph.floatAttr("alpha", (float) params[0]));
            case "tanh" -> g.node("Tanh", name, x);
            case "sigmoid" -> g.node("Sigmoid", name, x);
            case "gelu" -> gelu(g, name);
            case "step" -> step(g, name);
            case "elu" -> g.node("Elu", name, x).addAttribute(OnnxGraph.floatAttr("alpha", (float) params[0]));
            case "silu" -> { // x sigmoid(x)
                g.node("Sigmoid", name + ".Sigmoid", x);
                g.node("Mul", name, x, g.current());
            }
            case "mish" -> { // x tanh(softplus(x))
                g.node("Softplus", name + ".Softplus", x);
                g.node("Tanh", name + ".Tanh", g.current());
                g.node("Mul", name, x, g.current());
            }
            case "softplus" -> { // log(1 + e^(beta x)) / beta; ONNX's Softplus has beta 1 and no threshold
                if (params[0] == 1) {
                    g.node("Softplus", name, x);
                } else {
                    String beta = g.scalar(name + ".beta", (float) params[0]);
                    g.node("Mul", name + ".Scale", x, beta);
                    g.node("Softplus", name + ".Softplus", g.current());
                    g.node("Div", name, g.current(), beta);
                }
            }
            case "hardtanh" -> g.node("Clip", name, x, g.scalar(name + ".min", (float) params[0]),
                    g.scalar(name + ".max", (float) params[1]));
            default -> throw new UnsupportedLayerException(p.display(), p.layer().typeName(), "activation '"
                    + f.spec() + "' has no ONNX mapping; it knows " + String.join(", ", ACTIVATIONS));
        }
    }

    private static void gelu(OnnxGraph g, String name) {
        if (g.opset() >= OnnxOptions.GELU_OPSET) {
            g.node("Gelu", name, g.current()); // approximate="none", the default: the erf form
            return;
        }
        String x = g.current();
        String sqrt2 = g.scalar(name + ".sqrt2", (float) Math.sqrt(2));
        String one = g.scalar(name + ".one", 1f);
        String half = g.scalar(name + ".half", 0.5f);
        g.node("Div", name + ".Div", x, sqrt2);
        g.node("Erf", name + ".Erf", g.current());
        g.node("Add", name + ".Add", g.current(), one);
        g.node("Mul", name + ".Mul", x, g.current());
        g.node("Mul", name, g.current(), half);
    }
}

package dev.jgrad.interop;

import dev.jgrad.interop.onnx.proto.OnnxProto.TensorProto;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Step;
import dev.jgrad.nn.Tanh;

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
    static final List<String> SUPPORTED = List.of("Linear", "Perceptron", "ReLU", "LeakyReLU", "Tanh", "Sigmoid",
            "GELU", "Softmax", "Step", "Identity", "Dropout", "Sequential");

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
        return m instanceof ReLU || m instanceof LeakyReLU || m instanceof Tanh || m instanceof Sigmoid
                || m instanceof GELU || m instanceof Step || m instanceof Identity || m instanceof Dropout;
    }

    /** True for the layers that leave their input unchanged at inference. */
    static boolean isInferenceIdentity(Module m) {
        return m instanceof Identity || m instanceof Dropout;
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
        if (m instanceof ReLU) {
            g.node("Relu", name, g.current());
        } else if (m instanceof LeakyReLU lr) {
            g.node("LeakyRelu", name, g.current()).addAttribute(OnnxGraph.floatAttr("alpha", lr.alpha()));
        } else if (m instanceof Tanh) {
            g.node("Tanh", name, g.current());
        } else if (m instanceof Sigmoid) {
            g.node("Sigmoid", name, g.current());
        } else if (m instanceof GELU) {
            gelu(g, name);
        } else if (m instanceof Softmax s) {
            // The exported input is [batch, features], so the axis must be one of its two.
            if (s.axis() < -2 || s.axis() > 1) {
                throw new UnsupportedLayerException(p.display(), m.typeName(), "axis " + s.axis()
                        + " does not exist on the exported [batch, features] tensor");
            }
            g.node("Softmax", name, g.current()).addAttribute(OnnxGraph.intAttr("axis", s.axis()));
        } else if (m instanceof Step) {
            step(g, name);
        } else if (m instanceof Identity) {
            g.node("Identity", name, g.current());
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

package dev.jgrad.interop;

import dev.jgrad.interop.onnx.proto.OnnxProto.GraphProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.ModelProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.OperatorSetIdProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.StringStringEntryProto;
import dev.jgrad.io.AtomicFiles;
import dev.jgrad.nn.Module;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a jgrad model as an ONNX file that any ONNX runtime runs: one float32 input {@code [batch, features]}
 * (the batch dimension is dynamic), the layers as standard operators (see {@link OnnxLayerMapping} for which),
 * the weights as initializers named like the model's parameters ({@code 0.weight}, {@code 0.bias}, ...), and one
 * output {@code [batch, outputs]}. An input scaler goes in front, as {@code Sub}/{@code Div} nodes or folded into
 * the first layer, so the file takes the same raw features {@code jgrad predict} does. The file states its opset,
 * IR version and producer ({@code jgrad} and its version).
 *
 * <p>The whole model is translated before anything is written, so a layer ONNX cannot express (an
 * {@link UnsupportedLayerException}) leaves no file behind; writing is atomic.
 */
public final class OnnxExport {

    /** Written as the ONNX {@code producer_name}. */
    public static final String PRODUCER = "jgrad";

    private OnnxExport() {
    }

    /** What was written, for a one-line report. */
    public record Summary(int opset, long irVersion, String inputName, int inputWidth, String outputName,
                          int outputWidth, int nodes, long parameters, List<String> operators) {
    }

    /** The model as ONNX bytes (a serialized {@code ModelProto}). */
    public static byte[] toBytes(Module model, OnnxOptions options) {
        return build(model, options).toByteArray();
    }

    /** Writes the model to {@code file} (atomically) and says what went in. */
    public static Summary write(Module model, OnnxOptions options, Path file) throws IOException {
        ModelProto proto = build(model, options);
        AtomicFiles.write(file, proto.toByteArray());
        return summarize(proto, options, model);
    }

    /** What {@link #write} would report, without writing. */
    public static Summary describe(Module model, OnnxOptions options) {
        return summarize(build(model, options), options, model);
    }

    static ModelProto build(Module model, OnnxOptions options) {
        if (model == null) {
            throw new IllegalArgumentException("ONNX export: model is null");
        }
        List<OnnxLayerMapping.Placed> layers = OnnxLayerMapping.flatten(model);
        int inputWidth = inputWidth(layers, options);
        InputScaler scaler = options.scaler();
        if (scaler != null && scaler.features() != inputWidth) {
            throw new IllegalArgumentException("ONNX export: the input scaler has " + scaler.features()
                    + " features but the model takes " + inputWidth + " inputs");
        }
        OnnxGraph g = new OnnxGraph("jgrad", options.inputName(), inputWidth, options.outputName(), options.opset());
        InputScaler fold = null;
        if (scaler != null && options.foldScaler()) {
            fold = scaler;
        } else if (scaler != null) {
            float[] offset = new float[inputWidth];
            float[] scale = new float[inputWidth];
            for (int j = 0; j < inputWidth; j++) {
                offset[j] = (float) scaler.offset()[j];
                scale[j] = (float) scaler.scale()[j];
            }
            String o = g.initializer("scaler.offset", offset, inputWidth);
            String s = g.initializer("scaler.scale", scale, inputWidth);
            g.node("Sub", "scaler.Sub", g.current(), o);
            g.node("Div", "scaler.Div", g.current(), s);
        }
        int width = inputWidth;
        for (OnnxLayerMapping.Placed p : layers) {
            if (fold != null && !OnnxLayerMapping.isInferenceIdentity(p.layer()) && OnnxLayerMapping.inputWidth(p) < 0) {
                throw new UnsupportedLayerException(p.display(), p.layer().typeName(), "comes before the first Linear"
                        + " layer, so the input scaler cannot be folded into weights; export it as nodes instead");
            }
            boolean weighted = OnnxLayerMapping.inputWidth(p) >= 0;
            width = OnnxLayerMapping.emit(p, width, g, weighted ? fold : null);
            if (weighted) {
                fold = null;
            }
        }
        if (fold != null) {
            throw new IllegalArgumentException("ONNX export: the model has no Linear layer to fold the input scaler into;"
                    + " export it as nodes instead");
        }
        GraphProto graph = g.finish(width, "jgrad model:\n" + model);
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(irVersion(options.opset()))
                .setProducerName(PRODUCER)
                .setProducerVersion(Versions.jgrad())
                .setDomain("dev.jgrad")
                .setModelVersion(1)
                .setDocString("A jgrad model exported for inference; input '" + options.inputName() + "' [batch, "
                        + inputWidth + "], output '" + options.outputName() + "' [batch, " + width + "].")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(options.opset()))
                .setGraph(graph);
        for (Map.Entry<String, String> e : options.metadata().entrySet()) {
            m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(e.getKey()).setValue(e.getValue()));
        }
        return m.build();
    }

    /** The first weight layer's input width, or the option for a model without one. */
    private static int inputWidth(List<OnnxLayerMapping.Placed> layers, OnnxOptions options) {
        for (OnnxLayerMapping.Placed p : layers) {
            int w = OnnxLayerMapping.inputWidth(p); // also refuses unknown layers before anything is built
            if (w >= 0) {
                if (options.inputWidth() != null && options.inputWidth() != w) {
                    throw new IllegalArgumentException("ONNX export: inputWidth " + options.inputWidth() + " given, but layer "
                            + p.display() + " (" + p.layer().typeName() + ") takes " + w + " inputs");
                }
                for (OnnxLayerMapping.Placed rest : layers) {
                    OnnxLayerMapping.inputWidth(rest);
                }
                return w;
            }
        }
        if (options.inputWidth() == null) {
            throw new IllegalArgumentException("ONNX export: the model has no Linear layer to read the input width from;"
                    + " give OnnxOptions.withInputWidth");
        }
        return options.inputWidth();
    }

    /**
     * The IR version each opset was released with (ONNX's docs/Versioning.md), so older runtimes that know the
     * opset also accept the file.
     */
    static long irVersion(int opset) {
        if (opset <= 14) {
            return 7;
        }
        if (opset <= 18) {
            return 8;
        }
        if (opset <= 20) {
            return 9;
        }
        return 10;
    }

    private static Summary summarize(ModelProto m, OnnxOptions options, Module model) {
        GraphProto g = m.getGraph();
        List<String> ops = g.getNodeList().stream().map(n -> n.getOpType()).distinct().toList();
        return new Summary(options.opset(), m.getIrVersion(), options.inputName(),
                (int) g.getInput(0).getType().getTensorType().getShape().getDim(1).getDimValue(), options.outputName(),
                (int) g.getOutput(0).getType().getTensorType().getShape().getDim(1).getDimValue(), g.getNodeCount(),
                model.parameterCount(), ops);
    }
}

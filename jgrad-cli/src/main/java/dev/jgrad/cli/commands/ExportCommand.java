package dev.jgrad.cli.commands;

import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.InputException;
import dev.jgrad.cli.VersionProvider;
import dev.jgrad.cli.model.InteropMetadata;
import dev.jgrad.cli.model.LoadedModel;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.interop.InputScaler;
import dev.jgrad.interop.OnnxExport;
import dev.jgrad.interop.OnnxOptions;
import dev.jgrad.interop.SafeTensor;
import dev.jgrad.interop.Safetensors;
import dev.jgrad.interop.SafetensorsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code jgrad export}: a saved model as ONNX (to run in ONNX Runtime and everything that reads ONNX) or as
 * safetensors (its weights named as a PyTorch {@code nn.Sequential} state_dict).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a saved model as ONNX or safetensors.",
        footer = {"", "Examples:",
                "  jgrad export --model fashion.jgrad --to fashion.onnx",
                "  jgrad export --model fashion.jgrad --to fashion.safetensors",
                "  jgrad export --model iris.jgrad --to iris.onnx --opset 20 --fold-scaler",
                "The ONNX model takes what 'jgrad predict' takes (a CSV model's scaler is inside the graph) and gives",
                "the model's raw outputs (logits for a classifier); see docs/interop.md."})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "The jgrad model file.")
    Path model;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The file to write (.onnx or .safetensors).")
    Path to;

    @Option(names = "--format", paramLabel = "FORMAT", description = "onnx or safetensors (default: from the extension of --to).")
    String format;

    @Option(names = "--opset", paramLabel = "N", description = "ONNX opset, " + OnnxOptions.MIN_OPSET + " to "
            + OnnxOptions.MAX_OPSET + " (default: ${DEFAULT-VALUE}; from 20 GELU is one Gelu node).",
            defaultValue = "" + OnnxOptions.DEFAULT_OPSET)
    int opset;

    @Option(names = "--fold-scaler", description = "Fold a CSV model's input scaler into the first layer's weights instead"
            + " of Sub/Div nodes.")
    boolean foldScaler;

    @Option(names = "--input-name", paramLabel = "NAME", description = "ONNX input name (default: ${DEFAULT-VALUE}).",
            defaultValue = "input")
    String inputName;

    @Option(names = "--output-name", paramLabel = "NAME", description = "ONNX output name (default: ${DEFAULT-VALUE}).",
            defaultValue = "output")
    String outputName;

    @Override
    public Integer call() throws IOException {
        String kind = format(spec);
        boolean onnx = kind.equals("onnx");
        if (!onnx) {
            for (String option : new String[]{"--opset", "--fold-scaler", "--input-name", "--output-name"}) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw Usage.error(spec, option + " applies to ONNX only, not to " + kind);
                }
            }
        }
        LoadedModel m = LoadedModel.load(model);
        ModelInfo info = m.info();
        PrintWriter out = spec.commandLine().getOut();
        String from = "model: " + model + " (" + Mlp.describe(m.widths()) + " " + info.activation() + ", trained on "
                + info.dataset() + ")";
        if (onnx) {
            exportOnnx(m, info, out, from);
        } else {
            exportSafetensors(m, info, out, from);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void exportOnnx(LoadedModel m, ModelInfo info, PrintWriter out, String from) throws IOException {
        InputScaler scaler = InteropMetadata.inputScaler(info);
        if (foldScaler && scaler == null) {
            throw Usage.error(spec, "--fold-scaler: " + model + " has no input scaler to fold");
        }
        OnnxOptions options = Usage.parse(spec, null, () -> OnnxOptions.defaults().withOpset(opset)
                .withNames(inputName, outputName).withMetadata(InteropMetadata.forOnnx(m.card().toMap(), info, true)));
        if (scaler != null) {
            options = options.withScaler(scaler, foldScaler);
        }
        OnnxExport.Summary s;
        try {
            s = OnnxExport.write(m.model(), options, to);
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot export " + model + " to ONNX: " + e.getMessage(), e);
        }
        out.println(from);
        out.println(String.format(Locale.ROOT, "wrote %s: ONNX opset %d (IR %d), input '%s' [batch, %d] -> output '%s'"
                        + " [batch, %d]; %d nodes (%s), %,d parameters", to, s.opset(), s.irVersion(), s.inputName(),
                s.inputWidth(), s.outputName(), s.outputWidth(), s.nodes(), String.join(", ", s.operators()), s.parameters()));
        out.println("input: " + InteropMetadata.inputMeaning(info, true)
                + (scaler == null ? "" : foldScaler ? " (folded into the first layer)" : " (as Sub and Div nodes)"));
    }

    private void exportSafetensors(LoadedModel m, ModelInfo info, PrintWriter out, String from) throws IOException {
        SafetensorsFile file = SafetensorsFile.ofModel(m.model(),
                InteropMetadata.forSafetensors(m.card().toMap(), m.widths(), VersionProvider.version()));
        Safetensors.write(to, file);
        StringBuilder names = new StringBuilder();
        for (SafeTensor t : file.tensors()) {
            names.append(names.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(Arrays.toString(t.shape()));
        }
        out.println(from);
        out.println(String.format(Locale.ROOT, "wrote %s: %d float32 tensors (%s), %,d parameters, named as a PyTorch"
                + " nn.Sequential's state_dict", to, file.tensors().size(), names, file.elements()));
        if (info.scaler() != null) {
            out.println("note: the model expects inputs scaled by its " + info.scaler().kind().id() + " scaler; its"
                    + " statistics are in the file's __metadata__ under '" + InteropMetadata.JGRAD_METADATA + "'");
        }
    }

    private String format(CommandSpec spec) {
        if (format != null) {
            String f = format.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("onnx") && !f.equals("safetensors")) {
                throw Usage.error(spec, "--format must be onnx or safetensors, got '" + format + "'");
            }
            return f;
        }
        String name = to.getFileName() == null ? "" : to.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return "onnx";
        }
        if (name.endsWith(".safetensors")) {
            return "safetensors";
        }
        throw Usage.error(spec, "--to " + to + ": cannot tell the format from the extension;"
                + " name it .onnx or .safetensors, or give --format onnx|safetensors");
    }
}

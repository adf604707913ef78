package dev.jgrad.cli.commands;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.cli.InputException;
import dev.jgrad.cli.model.InteropMetadata;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.ModelInfo;
import dev.jgrad.cli.model.Output;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.interop.ModelImport;
import dev.jgrad.interop.SafeTensor;
import dev.jgrad.interop.Safetensors;
import dev.jgrad.interop.SafetensorsException;
import dev.jgrad.interop.SafetensorsFile;
import dev.jgrad.interop.WeightLayout;
import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Sigmoid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code jgrad import}: an MLP from a safetensors file of PyTorch {@code nn.Sequential} weights (or one
 * {@code jgrad export} wrote), saved as a jgrad model that eval, predict and train accept.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Make a jgrad model from PyTorch nn.Sequential weights in a safetensors file.",
        footer = {"", "Examples:",
                "  jgrad import --from weights.safetensors --layers 784,256,128,10 --activation relu --out M.jgrad",
                "  jgrad import --from weights.safetensors --layers 784,256,128,10 --dataset fashion-mnist --out M.jgrad",
                "  jgrad import --from fashion.safetensors --out back.jgrad      (a file 'jgrad export' wrote)",
                "The file holds the Linear layers' 0.weight [out, in], 0.bias [out], 2.weight, ... as PyTorch's",
                "state_dict names them; the activation goes after every hidden layer, the last layer gives logits."})
public final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--from", required = true, paramLabel = "FILE", description = "The safetensors file.")
    Path from;

    @Option(names = "--layers", paramLabel = "WIDTHS", description = "Layer widths, input to output, e.g. 784,256,128,10"
            + " (default: the file's own, if jgrad wrote it).")
    String layers;

    @Option(names = "--activation", paramLabel = "NAME", description = "relu, tanh, sigmoid, leaky-relu, gelu or linear,"
            + " after every hidden layer (default: relu, or the file's own).")
    String activation;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The jgrad model file to write.")
    Path outFile;

    @Option(names = "--weight-layout", paramLabel = "LAYOUT", description = "out-in (PyTorch: weight [out, in]) or in-out"
            + " (Keras, Flax kernels [in, out]) (default: ${DEFAULT-VALUE}).", defaultValue = "out-in")
    String weightLayout;

    @Option(names = "--dataset", paramLabel = "NAME", description = "The IDX dataset the weights are for ("
            + "fashion-mnist, mnist): records its class names, 28x28 images and pixels/255 inputs, so eval and predict"
            + " need nothing else.")
    String dataset;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        WeightLayout layout = parse("--weight-layout", () -> WeightLayout.parse(weightLayout));
        IdxDataset idx = dataset == null ? null : parse("--dataset", () -> IdxDataset.byId(dataset.trim()));
        SafetensorsFile file;
        try {
            file = Safetensors.read(from);
        } catch (SafetensorsException e) {
            throw new InputException(e.getMessage(), e);
        }
        Map<String, Object> saved = parse("--from " + from, () -> InteropMetadata.fromSafetensors(file.metadata()));
        String savedLayers = file.metadata() == null ? null : file.metadata().get(InteropMetadata.JGRAD_LAYERS);
        int[] widths;
        if (layers != null) {
            widths = parse("--layers", () -> Mlp.parseLayers(layers));
            if (savedLayers != null && !Mlp.describe(widths).equals(savedLayers)) {
                throw new InputException("--layers " + layers + " does not match " + from + ", which jgrad wrote for "
                        + savedLayers + " (leave --layers out to use the file's)");
            }
        } else if (savedLayers != null) {
            widths = parse("--from " + from, () -> Mlp.parseLayers(savedLayers.replace('-', ',')));
        } else {
            throw Usage.error(spec, "give --layers (e.g. 784,256,128,10): " + from
                    + " does not say its layer widths");
        }
        // A file jgrad exported brings its model's metadata (classes, normalization, scaler) back with it.
        ModelInfo savedInfo = null;
        if (saved != null && idx == null) {
            int[] w = widths;
            savedInfo = parse("--from " + from, () -> ModelInfo.fromCard(ModelCard.of(saved), w[0], w[w.length - 1]));
        }
        ActivationFunction act = activation != null ? parse("--activation", () -> Activations.parse(activation))
                : savedInfo != null ? Activations.parse(savedInfo.activation()) : Activations.RELU;
        out.println("read " + from + ": " + file.tensors().size() + " tensors (" + dtypes(file) + "), "
                + String.format(Locale.ROOT, "%,d", file.elements()) + " values");

        Supplier<dev.jgrad.nn.Module> factory = () -> dev.jgrad.nn.Activation.of(act);
        ModelImport.Result result;
        try {
            result = ModelImport.sequential(file, widths, factory, layout);
        } catch (IllegalArgumentException e) {
            throw new InputException("--from " + from + ": " + e.getMessage(), e);
        }
        ModelInfo info;
        ModelCard card;
        if (savedInfo != null) {
            ModelInfo s = savedInfo;
            info = new ModelInfo(s.dataset(), s.dataKind(), s.regression(), s.classNames(), s.inputShape(),
                    s.featureNames(), s.normalization(), s.scaler(), s.loss(), act.spec(), s.output(), s.labelColumn());
            card = info.toCard(ModelCard.of(saved));
            if (s.output() == Output.SIGMOID) {
                result.model().add(new Sigmoid()); // jgrad's quadratic-cost recipe ends in a Sigmoid, which has no weights
            }
        } else {
            info = newInfo(widths, act, idx);
            card = info.toCard(new ModelCard());
        }
        card.training("imported_from", from.getFileName().toString()).training("weight_layout", layout.id());
        card.provenance("jgrad import", null, info.dataset());
        ModelFile.save(result.model(), card, outFile);

        out.println("model: MLP " + Mlp.describe(widths) + " " + act.spec() + ", " + info.output().id() + " out, "
                + String.format(Locale.ROOT, "%,d", result.model().parameterCount()) + " parameters");
        for (String note : result.notes()) {
            out.println("note: " + note);
        }
        if (savedInfo != null) {
            out.println("metadata: restored from the file (trained on " + info.dataset() + ", " + info.normalization()
                    + " inputs)");
        }
        out.println("wrote " + outFile);
        out.println(info.dataset().equals("unknown")
                ? "next: jgrad eval --model " + outFile + " --data DATA"
                : "next: jgrad eval --model " + outFile);
        out.flush();
        return ExitCodes.OK;
    }

    /** A classifier giving logits: class names and input layout from --dataset, else numbered classes and raw features. */
    private static ModelInfo newInfo(int[] widths, ActivationFunction act, IdxDataset idx) {
        int in = widths[0];
        int classes = widths[widths.length - 1];
        if (idx != null) {
            if (in != IdxDataset.IMAGE_ROWS * IdxDataset.IMAGE_COLS || classes != idx.classNames().size()) {
                throw new InputException("--dataset " + idx.id() + " has " + IdxDataset.IMAGE_ROWS + "x"
                        + IdxDataset.IMAGE_COLS + " images and " + idx.classNames().size() + " classes, but --layers "
                        + Mlp.describe(widths) + " takes " + in + " inputs and gives " + classes + " outputs");
            }
            return new ModelInfo(idx.id(), "idx", false, idx.classNames(),
                    new int[]{IdxDataset.IMAGE_ROWS, IdxDataset.IMAGE_COLS}, List.of(), "pixels/255", null,
                    LossKind.CROSS_ENTROPY, act.spec(), Output.LOGITS, null);
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add(Integer.toString(c));
        }
        List<String> features = new ArrayList<>();
        for (int j = 0; j < in; j++) {
            features.add("x" + (j + 1));
        }
        return new ModelInfo("unknown", "unknown", false, names, new int[]{in}, features, "none", null,
                LossKind.CROSS_ENTROPY, act.spec(), Output.LOGITS, null);
    }

    private static String dtypes(SafetensorsFile file) {
        TreeSet<String> d = new TreeSet<>();
        for (SafeTensor t : file.tensors()) {
            d.add(t.dtype().name());
        }
        return String.join(", ", d);
    }

    private <T> T parse(String option, Supplier<T> parser) {
        return Usage.parse(spec, option, parser);
    }
}

package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.interop.OnnxExport;
import dev.jgrad.interop.OnnxOptions;
import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.optim.GradientOptimizer;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.state.Choices;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playground's model files, in the model card's dialect the command line shares ({@code docs/model-format.md}):
 * {@link #card} describes a network (inputs, outputs with the class names and the output kind, the recipe, the
 * scores, provenance) and keeps the whole state in a {@code playground} section; {@link #load} restores a file the
 * playground saved exactly, and accepts any other Sequential of Linear layers and activations whose input width
 * matches X1, X2 (or the features its card names).
 */
public final class ModelFiles {
    private ModelFiles() {}

    /** A loaded network, the state that describes it and the loss history it was saved with ([epoch, train, test]). */
    public record Loaded(PlaygroundState state, Engine engine, List<float[]> history) {}

    /** @throws IllegalArgumentException when the file is not a model the playground can show */
    public static Loaded load(Path file, PlaygroundState current, StateJson stateJson) {
        SavedModel saved;
        try {
            saved = ModelFile.load(file);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("model: not a readable jgrad model file: " + e.getMessage());
        }
        return load(saved, current, stateJson);
    }

    /** As {@link #load(Path, PlaygroundState, StateJson)} for the bytes of a model file; {@code name} is for messages. */
    public static Loaded load(byte[] bytes, String name, PlaygroundState current, StateJson stateJson) {
        SavedModel saved;
        try {
            saved = ModelFile.read(bytes, Path.of(name));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("model: not a readable jgrad model file: " + e.getMessage());
        }
        return load(saved, current, stateJson);
    }

    private static Loaded load(SavedModel saved, PlaygroundState current, StateJson stateJson) {
        if (!(saved.model() instanceof Sequential seq))
            throw new IllegalArgumentException("model: expected a Sequential, got " + saved.model().typeName());
        PlaygroundState state = stateFor(seq, saved, current, stateJson);
        JgradEngine engine = new JgradEngine(state, DataSplit.of(state));
        List<Linear> target = engine.linears(), source = linears(seq);
        if (target.size() != source.size())
            throw new IllegalArgumentException("model: " + source.size() + " Linear layers do not match the saved state's "
                    + target.size());
        for (int i = 0; i < source.size(); i++) {
            Linear s = source.get(i), t = target.get(i);
            if (!Arrays.equals(s.weight().shape(), t.weight().shape()))
                throw new IllegalArgumentException("model: layer " + i + " has weight " + Arrays.toString(s.weight().shape())
                        + ", the playground network needs " + Arrays.toString(t.weight().shape()));
            t.weight().copyFrom(s.weight());
            if (s.bias() != null) t.bias().copyFrom(s.bias());
        }
        // A model the playground saved goes on from its epoch, with its loss curve.
        if (saved.card().get(SECTION, "epoch") instanceof Number n) engine.setEpoch(n.intValue());
        // and with its optimizer's state, when it was saved with the same optimizer
        if (saved.training() != null && saved.training().optimizer() != null) {
            try {
                engine.restoreOptimizer(saved.training().optimizer());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("model: the saved optimizer state does not fit " + state.optimizer() + ": " + e.getMessage());
            }
        }
        return new Loaded(state, engine, history(saved.card().get(SECTION, "history")));
    }

    private static List<float[]> history(Object stored) {
        List<float[]> out = new ArrayList<>();
        if (!(stored instanceof String s)) return out;
        try {
            for (var row : new ObjectMapper().readTree(s)) {
                if (row.size() != 3) continue;
                out.add(new float[] {(float) row.get(0).asDouble(), value(row.get(1)), value(row.get(2))});
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("model: the card's playground history is not JSON: " + e.getMessage());
        }
        return out;
    }

    private static float value(com.fasterxml.jackson.databind.JsonNode v) {
        return v.isNumber() ? (float) v.asDouble() : Float.NaN;
    }

    /**
     * A model file the playground saved, as ONNX: input {@code features} (the playground's feature columns in
     * order, e.g. x1, x2, x1sq), output the network's raw output; the metadata names the features, the task and
     * the output kind, from the model card.
     */
    public static byte[] toOnnx(Path file) throws IOException {
        SavedModel saved = ModelFile.load(file);
        ModelCard card = saved.card();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("features", String.join(",", card.featureNames()));
        card.task().ifPresent(t -> meta.put("task", t));
        card.outputKind().ifPresent(k -> meta.put("output_kind", k));
        if (!card.classNames().isEmpty()) meta.put("classes", String.join(",", card.classNames()));
        meta.put("input_description", "the playground's features in this order: " + meta.get("features"));
        return OnnxExport.toBytes(saved.model(), OnnxOptions.defaults().withNames("features", "output").withMetadata(meta));
    }

    /** The section of the card that holds the playground's own state. */
    static final String SECTION = "playground";

    /** The model card of a playground network: what {@code jgrad predict}/{@code eval} and {@link #load} read. */
    static ModelCard card(PlaygroundState state, NetworkSpec spec, int epoch, Optimizer optimizer, Snapshot.Scores scores) {
        ModelCard card = new ModelCard();
        boolean regression = state.problem().equals("regression");
        card.featureNames(state.features()).inputShape(state.features().size()).normalization("none");
        card.task(state.problem()).outputKind(switch (spec.output()) {
            case TANH -> "tanh";
            case SCORE -> regression ? "value" : "margin";
            case LOGIT -> "binary-logits";
            case LOGITS -> "logits";
        });
        if (!regression) {
            card.classNames(classNames(state));
        }
        List<Integer> widths = new ArrayList<>();
        List<String> activations = new ArrayList<>();
        for (Module m : spec.net().layers()) {
            if (m instanceof Linear l) {
                if (widths.isEmpty()) widths.add(l.inFeatures());
                widths.add(l.outFeatures());
            } else if (m instanceof Activation a && activations.size() < state.layers().size()) {
                activations.add(a.function().spec());
            }
        }
        card.training("layers", widths).training("activations", activations)
                .training("activation", new HashSet<>(activations).size() == 1 ? activations.get(0) : null)
                .training("loss", Export.cliLoss(state, new ArrayList<>())); // the command line's name (quadratic is its mse)
        Map<String, Object> opt = new LinkedHashMap<>();
        opt.put("name", state.optimizer());
        if (optimizer instanceof GradientOptimizer g) opt.putAll(g.hyperparameters());
        else opt.put("lr", optimizer.lr());
        card.training("optimizer", opt).training("batch_size", state.batchSize()).training("epochs", epoch)
                .training("seed", state.initSeed()).training("initializer", state.initializer())
                .training("regularization", state.regularization()).training("reg_rate", state.regRate())
                .training("dropout", state.dropout());
        // What `jgrad train --resume` reads besides: the command line's data set, split and spellings (Export's
        // command for the same run); it trains on the command line's points for that recipe.
        card.training("data", state.dataset()).training("samples", Export.samples(state))
                .training("noise", state.noise() / 100.0).training("classes", state.classes())
                .training("test_split", Export.testSplit(state));
        opt.put("name", Export.cliOptimizer(state.optimizer()));
        opt.put("spec", state.optimizer());
        card.metric("loss", scores.trainLoss()).metric("test_loss", scores.testLoss());
        card.metric(regression ? "r2" : "accuracy", regression ? scores.r2Train() : scores.trainAccuracy());
        card.metric(regression ? "test_r2" : "test_accuracy", regression ? scores.r2Test() : scores.testAccuracy());
        card.provenance("jgrad playground", state.seed(), state.dataset());
        @SuppressWarnings("unchecked")
        Map<String, Object> stateJson = new ObjectMapper().convertValue(state, Map.class);
        card.put(SECTION, "state", stateJson);
        return card;
    }

    /**
     * The class names the command line gives the same data: jgrad-data's {@code "-1", "+1"} for the built-in binary
     * sets (whose class index 1 is the +1 label) and {@code "0".."k-1"} otherwise.
     */
    static List<String> classNames(PlaygroundState state) {
        if (state.numClasses() == 2 && Choices.BINARY_DATASETS.contains(state.dataset())) return List.of("-1", "+1");
        List<String> names = new ArrayList<>();
        for (int c = 0; c < Math.max(2, state.numClasses()); c++) names.add(Integer.toString(c));
        return names;
    }

    private static PlaygroundState stateFor(Sequential seq, SavedModel saved, PlaygroundState current, StateJson json) {
        ModelCard card = saved.card();
        Map<String, Object> stored = card.object(SECTION, "state").orElse(null);
        if (stored != null) {
            return json.read(new ObjectMapper().valueToTree(stored), current);
        }
        // A model from elsewhere: read the shape off the layers.
        List<Integer> layers = new ArrayList<>();
        List<String> activations = new ArrayList<>();
        List<Module> mods = seq.layers();
        List<Linear> lins = linears(seq);
        if (lins.isEmpty()) throw new IllegalArgumentException("model: no Linear layer");
        for (int i = 0; i < mods.size(); i++) {
            if (mods.get(i) instanceof Linear l && l != lins.get(lins.size() - 1)) {
                layers.add(l.outFeatures());
                String act = i + 1 < mods.size() ? NetworkSpec.activationSpec(mods.get(i + 1)) : null;
                activations.add(act == null ? "identity" : act);
            } else if (!(mods.get(i) instanceof Linear) && !(mods.get(i) instanceof Dropout)
                    && NetworkSpec.activationSpec(mods.get(i)) == null && i != mods.size() - 1) {
                throw new IllegalArgumentException("model: layer " + i + " (" + mods.get(i).typeName()
                        + ") is not something the playground can draw");
            }
        }
        int in = lins.get(0).inFeatures(), out = lins.get(lins.size() - 1).outFeatures();
        List<String> features = card.featureNames();
        if (features.isEmpty() && in == 2) features = List.of("x1", "x2");
        else if (features.size() != in) throw new IllegalArgumentException("model: input width " + in + " needs "
                    + in + " feature names in its card's inputs.feature_names (e.g. [\"x1\", \"x2\", \"x1sq\"])");
        ObjectNode patch = new ObjectMapper().createObjectNode();
        patch.set("features", new ObjectMapper().valueToTree(features));
        patch.set("layers", new ObjectMapper().valueToTree(layers));
        patch.set("activations", new ObjectMapper().valueToTree(activations));
        patch.put("dropout", 0);
        if (out >= 2) {
            patch.put("loss", "cross-entropy").put("problem", "classification").put("classes", out);
            if (out > 2 && !Choices.MULTI_CLASS_DATASETS.contains(current.dataset()))
                patch.put("dataset", out <= 8 ? "blobs" : current.dataset());
        } else {
            boolean tanh = mods.get(mods.size() - 1) instanceof Tanh;
            String kind = card.outputKind().orElse(tanh ? "tanh" : null);
            if ("value".equals(kind)) patch.put("problem", "regression").put("loss", "quadratic");
            else if (current.problem().equals("classification") || kind != null)
                patch.put("problem", "classification").put("loss", switch (kind == null ? "" : kind) {
                    case "tanh" -> "quadratic";
                    case "margin" -> "hinge";
                    case "binary-logits" -> "bce";
                    default -> current.loss().equals("cross-entropy") ? "bce" : current.loss();
                });
        }
        return json.read(patch, current);
    }

    private static List<Linear> linears(Sequential seq) {
        List<Linear> out = new ArrayList<>();
        for (Module m : seq.layers()) if (m instanceof Linear l) out.add(l);
        return out;
    }
}

package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.state.Choices;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Loads a jgrad model file into the playground. A file the playground saved carries its state in the metadata and is
 * restored exactly; any other Sequential of Linear layers and activations is accepted when its input width matches
 * X1, X2 (or the features named in its metadata).
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
        if (saved.metadata().get("epoch") instanceof Number n) engine.setEpoch(n.intValue());
        return new Loaded(state, engine, history(saved.metadata().get("playgroundHistory")));
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
            throw new IllegalArgumentException("model: metadata playgroundHistory is not JSON: " + e.getMessage());
        }
        return out;
    }

    private static float value(com.fasterxml.jackson.databind.JsonNode v) {
        return v.isNumber() ? (float) v.asDouble() : Float.NaN;
    }

    private static PlaygroundState stateFor(Sequential seq, SavedModel saved, PlaygroundState current, StateJson json) {
        Object stored = saved.metadata().get("playgroundState");
        if (stored instanceof String s) {
            try {
                return json.read(new ObjectMapper().readTree(s), current);
            } catch (IOException e) {
                throw new IllegalArgumentException("model: metadata playgroundState is not JSON: " + e.getMessage());
            }
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
        List<String> features;
        Object named = saved.metadata().get("features");
        if (named instanceof String f) features = List.of(f.split(","));
        else if (in == 2) features = List.of("x1", "x2");
        else throw new IllegalArgumentException("model: input width " + in + " needs a 'features' metadata entry "
                    + "(e.g. \"x1,x2,x1sq\")");
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
            if (current.problem().equals("classification"))
                patch.put("loss", tanh ? "quadratic" : current.loss().equals("cross-entropy") ? "bce" : current.loss());
        }
        return json.read(patch, current);
    }

    private static List<Linear> linears(Sequential seq) {
        List<Linear> out = new ArrayList<>();
        for (Module m : seq.layers()) if (m instanceof Linear l) out.add(l);
        return out;
    }
}

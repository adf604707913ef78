package dev.jgrad.playground.digits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.ModelFileException;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies 28x28 drawings (pixels in [0, 1], row-major, white ink on black like MNIST) with a model loaded once at
 * startup, or with a built-in one trained at first use on stroke-drawn digits ({@link #builtIn}).
 */
public final class DigitPad {
    public static final int SIDE = 28, PIXELS = SIDE * SIDE;
    static final String HOW_TO = "No model loaded. Train one with `jgrad train --data fashion-mnist --epochs 5 "
            + "--out model.jgrad` (or --data mnist for digits), then start the playground with "
            + "`jgrad playground --model model.jgrad`.";
    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private Module model;
    private final List<String> labels;
    private final String source;
    private final String title;
    /** The built-in model is trained at first use (then kept for the server's life). */
    private final boolean builtIn;
    private String note;

    private DigitPad(Module model, List<String> labels, String source, String title, boolean builtIn) {
        this.model = model;
        this.labels = labels;
        this.source = source;
        this.title = title;
        this.builtIn = builtIn;
    }

    /** A pad with no model. */
    public static DigitPad none() {
        return new DigitPad(null, List.of(), null, "Digit pad", false);
    }

    /**
     * The pad on a fresh install: a small digit model trained at first use on pen strokes the playground draws
     * itself ({@link StrokeDigits}), in a few seconds, nothing downloaded.
     */
    public static DigitPad builtIn() {
        return new DigitPad(null, indexLabels(10), "built-in (stroke digits)", "Digit pad", true);
    }

    /** Trains the built-in model if it is not there yet; the first caller waits a few seconds. */
    private synchronized Module model() {
        if (model == null && builtIn) {
            BuiltInDigits.Trained t = BuiltInDigits.cachedOrTrained();
            model = t.model();
            note = String.format(java.util.Locale.ROOT, "Draw a digit. The built-in model learned from %d pen-drawn digits "
                    + "the playground made up (%s, %.0f%% right on unseen ones); for real handwriting start "
                    + "`jgrad playground --model` with an MNIST model.", 10 * BuiltInDigits.PER_DIGIT,
                    t.millis() == 0 ? "cached" : String.format(java.util.Locale.ROOT, "trained in %.1f s", t.millis() / 1000.0),
                    100 * t.heldOutAccuracy());
        }
        return model;
    }

    /** Loads {@code file}; class names come from its metadata ({@code classNames}/{@code labels}) when present. */
    @SuppressWarnings("try") // the no-grad scope is used for its side effect only
    public static DigitPad load(Path file) throws IOException {
        SavedModel saved = ModelFile.load(file);
        saved.model().eval();
        DigitPad probe = new DigitPad(saved.model(), List.of(), null, "Digit pad", false);
        int outputs;
        try (var ignored = Tensor.noGrad()) {
            outputs = probe.forward(new float[PIXELS]).numel();
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Found at start, not at the first drawing.
            throw new ModelFileException(file, "the drawing pad needs a model that takes a 28x28 image (784 inputs); "
                    + "this one does not (" + e.getMessage() + ")");
        }
        List<String> labels = new ArrayList<>();
        for (String key : List.of("classNames", "classes", "labels")) {
            if (saved.metadata().get(key) instanceof List<?> l && labels.isEmpty()) l.forEach(v -> labels.add(String.valueOf(v)));
        }
        if (labels.isEmpty()) {
            boolean fashion = String.valueOf(saved.metadata()).toLowerCase().contains("fashion");
            for (int i = 0; i < 10; i++) labels.add(fashion ? FASHION.get(i) : Integer.toString(i));
        }
        if (labels.size() != outputs) {
            throw new ModelFileException(file, "the model has " + outputs + " outputs but " + labels.size()
                    + " class names; the drawing pad needs one output per class");
        }
        boolean fashion = labels.contains(FASHION.get(0))
                || String.valueOf(saved.card().toMap()).toLowerCase(java.util.Locale.ROOT).contains("fashion");
        return new DigitPad(saved.model(), List.copyOf(labels), file.getFileName().toString(),
                fashion ? "Fashion pad (Fashion-MNIST)" : "Digit pad", false);
    }

    public boolean available() {
        return model() != null;
    }

    /** The pad's name follows its data: "Digit pad", "Fashion pad (Fashion-MNIST)". */
    public ObjectNode describe(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode().put("available", available()).put("side", SIDE).put("title", title);
        if (available()) {
            o.put("model", source);
            o.set("labels", mapper.valueToTree(labels));
            if (note != null) o.put("message", note);
        } else {
            o.put("message", HOW_TO);
        }
        return o;
    }

    /**
     * {@code {"pixels": [784 numbers in [0, 1]]}} to class probabilities.
     *
     * @throws IllegalArgumentException for a malformed body
     * @throws IllegalStateException when no model is loaded
     */
    @SuppressWarnings("try") // the no-grad scope is used for its side effect only
    public ObjectNode predict(JsonNode body, ObjectMapper mapper) {
        JsonNode px = body.get("pixels");
        if (px == null || !px.isArray() || px.size() != PIXELS)
            throw new IllegalArgumentException("pixels: expected an array of " + PIXELS + " numbers in [0, 1], got "
                    + (px == null ? "none" : px.isArray() ? px.size() + " entries" : px.getNodeType().toString()));
        float[] x = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) {
            JsonNode v = px.get(i);
            if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1))
                throw new IllegalArgumentException("pixels[" + i + "]: expected a number in [0, 1], got " + v);
            x[i] = (float) v.asDouble();
        }
        if (!available()) throw new IllegalStateException(HOW_TO);
        if (builtIn) x = StrokeDigits.frame(x); // framed like its training strokes
        float[] probs;
        synchronized (this) { // modules keep per-call state (e.g. traces); one prediction at a time
            try (var ignored = Tensor.noGrad()) {
                Tensor out = forward(x);
                probs = out.reshape(1, out.numel()).softmax(1).toArray();
            }
        }
        ObjectNode o = mapper.createObjectNode();
        ArrayNode p = o.putArray("probabilities");
        int best = 0;
        for (int i = 0; i < probs.length; i++) {
            p.add(probs[i]);
            if (probs[i] > probs[best]) best = i;
        }
        o.set("labels", mapper.valueToTree(labels.size() == probs.length ? labels : indexLabels(probs.length)));
        o.put("top", best);
        return o;
    }

    /** Tries a flat [1, 784] input, then an image [1, 1, 28, 28] for convolutional models. */
    private Tensor forward(float[] x) {
        try {
            return model().forward(Tensor.of(x, 1, PIXELS));
        } catch (IllegalArgumentException flat) {
            try {
                return model().forward(Tensor.of(x, 1, 1, SIDE, SIDE));
            } catch (IllegalArgumentException image) {
                throw new IllegalStateException("digit model does not accept a 28x28 image: " + flat.getMessage());
            }
        }
    }

    private static List<String> indexLabels(int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(Integer.toString(i));
        return l;
    }
}

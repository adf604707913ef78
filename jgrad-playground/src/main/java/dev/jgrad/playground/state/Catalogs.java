package dev.jgrad.playground.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.activation.Activations;
import dev.jgrad.catalog.Catalog.Entry;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.nn.loss.Losses;
import dev.jgrad.optim.Optimizers;

import java.util.List;
import java.util.Map;

/**
 * The playground's view of the library's catalogs ({@link Activations}, {@link Losses}, {@link Optimizers},
 * {@link Initializers}): state strings are catalog specs ({@code leaky-relu:0.1}, {@code huber:0.5}), checked and
 * spelled one way here, and {@link #describe} serves the entries to the page so nothing is listed twice.
 *
 * <p>The one thing the playground adds is how each loss reads the network's output ({@link Output}): a loss the
 * playground cannot draw (say {@code nll}, which wants log-probabilities) is not offered.
 */
public final class Catalogs {
    private Catalogs() {}

    /** How the last layer's values are read. */
    public enum Output {
        /** tanh in [-1, 1] against +-1 labels (squared-error kinds), a raw value for regression. */
        TANH,
        /** a raw score against +-1 labels (hinge). */
        SCORE,
        /** a logit for class 1 (binary cross-entropy). */
        LOGIT,
        /** k logits (softmax cross-entropy). */
        LOGITS
    }

    /** What the playground can do with a loss: its classification output, and whether it fits the other cases. */
    private record LossUse(Output classification, boolean multiClass, boolean regression) {}

    /** The losses the playground draws, by catalog name; TF Playground's own is {@code quadratic}. */
    private static final Map<String, LossUse> LOSS_USES = Map.of(
            "quadratic", new LossUse(Output.TANH, false, true),
            "mse", new LossUse(Output.TANH, false, true),
            "huber", new LossUse(Output.TANH, false, true),
            "l1", new LossUse(Output.TANH, false, true),
            "hinge", new LossUse(Output.SCORE, false, false),
            "bce", new LossUse(Output.LOGIT, false, false),
            "cross-entropy", new LossUse(Output.LOGITS, true, false));

    // ---- specs: checked and spelled the catalog's way ------------------------------------------------------------

    /** {@code "leakyrelu"} is {@code "leaky-relu:0.01"}, {@code "linear"} is {@code "identity"}. */
    public static String activation(String spec) {
        return Activations.canonical(required("activation", spec));
    }

    /** {@code "crossentropy"} is {@code "cross-entropy"}; a loss the playground cannot draw is refused. */
    public static String loss(String spec) {
        String canonical = Losses.canonical(required("loss", spec));
        if (!LOSS_USES.containsKey(name(canonical)))
            throw new IllegalArgumentException("loss: the playground draws " + LOSS_USES.keySet().stream().sorted().toList()
                    + "; '" + spec + "' needs an output it cannot show");
        return canonical;
    }

    public static String optimizer(String spec) {
        return Optimizers.canonical(required("optimizer", spec));
    }

    public static String initializer(String spec) {
        return Initializers.canonical(required("initializer", spec));
    }

    /** The entry name of a spec: {@code "huber:0.5"} is {@code "huber"}. */
    public static String name(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    // ---- what a loss means for the network -----------------------------------------------------------------------

    /** How the output is read for this (canonical) loss and problem. */
    public static Output output(String loss, boolean regression) {
        LossUse use = use(loss);
        return regression ? Output.SCORE : use.classification();
    }

    /** One logit per class for cross-entropy, otherwise one output unit. */
    public static boolean perClassOutputs(String loss) {
        return use(loss).classification() == Output.LOGITS;
    }

    /** @throws IllegalArgumentException naming the field when the loss does not fit the problem */
    public static void checkFits(String loss, boolean regression, int classes) {
        LossUse use = use(loss);
        if (regression && !use.regression())
            throw new IllegalArgumentException("loss: regression uses " + regressionLosses() + ", got '" + loss + "'");
        if (!regression && classes > 2 && !use.multiClass())
            throw new IllegalArgumentException("loss: " + classes + "-class data needs 'cross-entropy', got '" + loss + "'");
    }

    public static List<String> regressionLosses() {
        return Losses.entries().stream().map(Entry::name)
                .filter(n -> LOSS_USES.containsKey(n) && LOSS_USES.get(n).regression()).toList();
    }

    private static LossUse use(String loss) {
        LossUse use = LOSS_USES.get(name(loss));
        if (use == null) throw new IllegalArgumentException("loss: unknown '" + loss + "'");
        return use;
    }

    // ---- served to the page --------------------------------------------------------------------------------------

    /**
     * {@code {"activations": [...], "losses": [...], "optimizers": [...], "initializers": [...], ...}}: each entry
     * with its name, aliases, display name, description, parameters and defaults; losses also say which problems
     * they fit and how the output is read.
     */
    public static ObjectNode describe(ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        ArrayNode acts = o.putArray("activations");
        for (var e : Activations.entries()) entry(acts.addObject(), e, mapper);
        ArrayNode losses = o.putArray("losses");
        for (var e : Losses.entries()) {
            LossUse use = LOSS_USES.get(e.name());
            if (use == null) continue; // needs an output the playground cannot draw
            ObjectNode n = entry(losses.addObject(), e, mapper);
            n.put("classification", true).put("multiClass", use.multiClass()).put("regression", use.regression())
                    .put("output", use.classification().name().toLowerCase());
        }
        ArrayNode opts = o.putArray("optimizers");
        for (var e : Optimizers.entries()) entry(opts.addObject(), e, mapper);
        ArrayNode inits = o.putArray("initializers");
        for (var e : Initializers.entries()) entry(inits.addObject(), e, mapper);
        o.set("regularizations", mapper.valueToTree(Choices.REGULARIZATIONS));
        o.set("problems", mapper.valueToTree(Choices.PROBLEMS));
        ObjectNode ds = o.putObject("datasets");
        ds.set("classification", mapper.valueToTree(Choices.classificationDatasets()));
        ds.set("regression", mapper.valueToTree(Choices.REGRESSION_DATASETS));
        ds.set("multiClass", mapper.valueToTree(Choices.MULTI_CLASS_DATASETS));
        o.set("features", mapper.valueToTree(Choices.FEATURES));
        ObjectNode lim = o.putObject("limits");
        lim.put("maxLayers", Limits.MAX_LAYERS).put("maxNeurons", Limits.MAX_NEURONS)
                .put("minClasses", Limits.MIN_CLASSES).put("maxClasses", Limits.MAX_CLASSES)
                .put("minBatch", Limits.MIN_BATCH).put("maxBatch", Limits.MAX_BATCH);
        return o;
    }

    private static ObjectNode entry(ObjectNode n, Entry<?> e, ObjectMapper mapper) {
        n.put("name", e.name());
        n.set("aliases", mapper.valueToTree(e.aliases()));
        n.put("displayName", e.displayName());
        n.put("description", e.description());
        ArrayNode ps = n.putArray("parameters");
        double[] d = e.defaults();
        for (int i = 0; i < d.length; i++) ps.addObject().put("name", e.parameters().get(i)).put("default", d[i]);
        return n;
    }

    private static String required(String field, String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException(field + ": missing");
        return spec;
    }
}

package dev.jgrad.nn.loss;

import dev.jgrad.catalog.Catalog;
import dev.jgrad.catalog.Catalog.Entry;

import java.util.List;

/**
 * The catalog of losses: {@code cross-entropy}, {@code mse}, {@code quadratic} (the notes' half squared error),
 * {@code bce} (on logits), {@code bce-probs}, {@code nll}, {@code l1}, {@code huber:delta}, {@code hinge}. The
 * command line and the playground parse their {@code --loss} / loss menu through it; {@link #register} adds one.
 */
public final class Losses {

    private static final Catalog<Loss> CATALOG = new Catalog<>("loss");

    static {
        register(Entry.of("cross-entropy", List.of("crossentropy", "ce"), "Cross-entropy",
                "softmax cross-entropy on logits, class-index or one-hot targets", p -> new CrossEntropyLoss()));
        register(Entry.of("mse", List.of("mean-squared-error"), "Mean squared error",
                "mean over every element of (p - t)^2", p -> new MSELoss()));
        register(Entry.of("quadratic", List.of("half-mse", "half-squared-error"), "Quadratic cost",
                "1/(2n) sum ||p - t||^2: the notes' cost and TensorFlow Playground's", p -> new HalfSquaredError()));
        register(Entry.of("bce", List.of("bce-with-logits"), "Binary cross-entropy",
                "sigmoid cross-entropy on logits, targets in [0, 1]", p -> new BCEWithLogitsLoss()));
        register(Entry.of("bce-probs", List.of(), "Binary cross-entropy on probabilities",
                "-t log p - (1 - t) log(1 - p) on outputs already in (0, 1)", p -> new BCELoss()));
        register(Entry.of("nll", List.of(), "Negative log-likelihood", "-log p[target] on log-probabilities",
                p -> new NLLLoss()));
        register(Entry.of("l1", List.of("mae"), "Mean absolute error", "mean |p - t|", p -> new L1Loss()));
        register(new Entry<>("huber", List.of("smooth-l1"), "Huber", "squared inside delta, absolute outside",
                List.of("delta"), new double[]{1.0}, p -> new HuberLoss(p[0])));
        register(Entry.of("hinge", List.of(), "Hinge", "mean max(0, 1 - t p) for targets -1 and +1", p -> new HingeLoss()));
    }

    private Losses() {
    }

    public static void register(Entry<Loss> entry) {
        CATALOG.register(entry);
    }

    public static List<Entry<Loss>> entries() {
        return CATALOG.entries();
    }

    /** Parses {@code "huber:0.5"}, {@code "cross-entropy"}, ... */
    public static Loss parse(String spec) {
        return CATALOG.parse(spec);
    }

    /** The entry called {@code name} or one of its aliases (any case, '_' or '-'). */
    public static Entry<Loss> entry(String name) {
        return CATALOG.entry(name);
    }

    /** The one spelling of a spec: the entry's name and the parameters given ({@link Catalog#canonical}). */
    public static String canonical(String spec) {
        return CATALOG.canonical(spec);
    }

    public static String names() {
        return CATALOG.names();
    }
}

package dev.jgrad.optim;

import dev.jgrad.catalog.Catalog;
import dev.jgrad.catalog.Catalog.Entry;

import java.util.List;

/**
 * The catalog of gradient optimizers, with PyTorch's defaults: {@code sgd[:momentum,weight-decay]},
 * {@code momentum[:m]}, {@code nesterov[:m]}, {@code adam[:beta1,beta2,eps]}, {@code adamw[:weight-decay,beta1,beta2,eps]},
 * {@code rmsprop[:alpha,eps]}, {@code adagrad[:eps]}. The learning rate is given separately (schedules change it).
 */
public final class Optimizers {

    private static final Catalog<OptimizerFactory> CATALOG = new Catalog<>("optimizer");

    static {
        register(new Entry<>("sgd", List.of(), "SGD", "plain gradient descent; with momentum and L2 weight decay",
                List.of("momentum", "weight-decay"), new double[]{0, 0},
                h -> (params, lr) -> new SGD(params, lr, h[0], false, h[1])));
        register(new Entry<>("momentum", List.of(), "SGD with momentum", "heavy-ball momentum",
                List.of("momentum"), new double[]{0.9}, h -> (params, lr) -> new SGD(params, lr, h[0], false, 0)));
        register(new Entry<>("nesterov", List.of(), "Nesterov momentum", "SGD with Nesterov's look-ahead momentum",
                List.of("momentum"), new double[]{0.9}, h -> (params, lr) -> new SGD(params, lr, h[0], true, 0)));
        register(new Entry<>("adam", List.of(), "Adam", "adaptive moments (Kingma & Ba)",
                List.of("beta1", "beta2", "eps"), new double[]{0.9, 0.999, 1e-8},
                h -> (params, lr) -> new Adam(params, lr, h[0], h[1], h[2])));
        register(new Entry<>("adamw", List.of(), "AdamW", "Adam with decoupled weight decay",
                List.of("weight-decay", "beta1", "beta2", "eps"), new double[]{0.01, 0.9, 0.999, 1e-8},
                h -> (params, lr) -> new AdamW(params, lr, h[1], h[2], h[3], h[0])));
        register(new Entry<>("rmsprop", List.of(), "RMSProp", "steps scaled by a running RMS of the gradient",
                List.of("alpha", "eps"), new double[]{0.99, 1e-8}, h -> (params, lr) -> new RMSProp(params, lr, h[0], h[1])));
        register(new Entry<>("adagrad", List.of(), "AdaGrad", "steps scaled by the accumulated squared gradient",
                List.of("eps"), new double[]{1e-10}, h -> (params, lr) -> new AdaGrad(params, lr, h[0])));
    }

    private Optimizers() {
    }

    public static void register(Entry<OptimizerFactory> entry) {
        CATALOG.register(entry);
    }

    public static List<Entry<OptimizerFactory>> entries() {
        return CATALOG.entries();
    }

    /** Parses {@code "adam"}, {@code "sgd:0.9"}, ... into a factory. */
    public static OptimizerFactory parse(String spec) {
        return CATALOG.parse(spec);
    }

    /** The entry called {@code name} or one of its aliases (any case, '_' or '-'). */
    public static Entry<OptimizerFactory> entry(String name) {
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

package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A building block of a network: it owns {@link Parameter}s and child modules, and maps an input tensor to an
 * output tensor in {@link #forward}.
 *
 * <p>Subclasses register what they own in their constructor with {@link #registerParameter} and
 * {@link #registerModule}; registration order is the order of {@link #parameters()} and of the weights in a
 * model file. Parameter names are paths: a Sequential's first layer's weight is {@code "0.weight"}.
 *
 * <p>A module starts in training mode; {@link #eval()} switches it (and its children) to evaluation mode, which
 * layers like {@link Dropout} honour.
 */
public abstract class Module {

    private final Map<String, Parameter> ownParameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** Computes this module's output for input {@code x}; differentiable with respect to the parameters. */
    public abstract Tensor forward(Tensor x);

    /** Registers a parameter under {@code name}; returns it for field assignment. */
    protected final Parameter registerParameter(String name, Parameter parameter) {
        checkName(name);
        Checks.notNull(typeName(), "parameter '" + name + "'", parameter);
        ownParameters.put(name, parameter);
        return parameter;
    }

    /** Registers a child module under {@code name}; returns it for field assignment. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkName(name);
        Checks.notNull(typeName(), "module '" + name + "'", module);
        children.put(name, module);
        ((Module) module).setTraining(training);
        return module;
    }

    private void checkName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(typeName() + ": a parameter or module name must be non-empty and contain no '.', got '" + name + "'");
        }
        if (ownParameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(typeName() + ": name '" + name + "' is already registered");
        }
    }

    /** Every learnable parameter, this module's first, then each child's in registration order. */
    public List<Parameter> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Every parameter by its dotted path, e.g. {@code "0.weight"}, in the order of {@link #parameters()}. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, Map<String, Parameter> out) {
        for (Map.Entry<String, Parameter> e : ownParameters.entrySet()) {
            out.put(prefix + e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Module> e : children.entrySet()) {
            e.getValue().collect(prefix + e.getKey() + ".", out);
        }
    }

    /** The direct children by name, in registration order (read-only). */
    public Map<String, Module> children() {
        return Collections.unmodifiableMap(children);
    }

    /** The total number of learnable scalars. */
    public long parameterCount() {
        long n = 0;
        for (Parameter p : parameters()) {
            n += p.numel();
        }
        return n;
    }

    /** Switches this module and its children to training mode. Returns this. */
    public Module train() {
        setTraining(true);
        return this;
    }

    /** Switches this module and its children to evaluation mode (e.g. dropout off). Returns this. */
    public Module eval() {
        setTraining(false);
        return this;
    }

    private void setTraining(boolean on) {
        training = on;
        for (Module child : children.values()) {
            child.setTraining(on);
        }
    }

    public boolean isTraining() {
        return training;
    }

    /** Sets every parameter's gradient to zero (gradients accumulate across backward calls). */
    public void zeroGrad() {
        for (Parameter p : parameters()) {
            p.zeroGrad();
        }
    }

    /**
     * Restarts the random stream of a layer that draws random numbers in {@link #forward} (dropout) from
     * {@code seed}. The trainer calls it on every module at the start of each epoch with a seed derived from its
     * own seed, the epoch and the module's path, so an epoch's draws do not depend on the epochs before it and
     * training can be resumed from a saved epoch with the same results. A layer with no randomness ignores it (the
     * default); a container passes nothing on itself (the trainer visits every module).
     */
    public void reseed(long seed) {
    }

    /**
     * Tells a layer that draws random numbers which rows its next training forward pass gets: the batch at 0-based
     * {@code step} of the epoch, from its row {@code firstRow} on. Once {@link #reseed reseeded}, such a layer draws
     * each row's numbers from a stream of its own seeded by (the epoch's seed, {@code step}, the row's position in
     * the batch), so the draws do not depend on how a batch is cut into shards or which worker computes a shard.
     * The trainer calls it on every module before each forward pass; the default ignores it.
     */
    public void atRows(int step, int firstRow) {
    }

    /** The layer type as written in {@link #toString()} and in model files, e.g. {@code "Linear"}. */
    public String typeName() {
        return getClass().getSimpleName();
    }

    /**
     * The constructor hyperparameters by name (e.g. {@code in_features}, {@code alpha}), in a stable order.
     * They appear in {@link #toString()} and in a model file's architecture, so a layer can be rebuilt from them.
     */
    public Map<String, Object> config() {
        return Map.of();
    }

    /**
     * A readable summary: the type with its hyperparameters, its own parameters' shapes and counts, and the
     * children indented below, e.g.
     * <pre>
     * Sequential(
     *   (0): Linear(in_features=2, out_features=4, bias=true)  weight [4, 2], bias [4]  12 params
     *   (1): Tanh()
     * )  total 12 params
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        describe(sb, "");
        return sb.toString();
    }

    private void describe(StringBuilder sb, String indent) {
        sb.append(typeName()).append('(');
        StringJoiner cfg = new StringJoiner(", ");
        config().forEach((k, v) -> cfg.add(k + "=" + v));
        sb.append(cfg);
        if (children.isEmpty()) {
            sb.append(')');
            appendOwnParameters(sb);
            return;
        }
        sb.append('\n');
        for (Map.Entry<String, Module> e : children.entrySet()) {
            sb.append(indent).append("  (").append(e.getKey()).append("): ");
            e.getValue().describe(sb, indent + "  ");
            sb.append('\n');
        }
        sb.append(indent).append(')');
        appendOwnParameters(sb);
        sb.append("  total ").append(parameterCount()).append(" params");
    }

    private void appendOwnParameters(StringBuilder sb) {
        if (ownParameters.isEmpty()) {
            return;
        }
        StringJoiner shapes = new StringJoiner(", ", "  ", "");
        long count = 0;
        for (Map.Entry<String, Parameter> e : ownParameters.entrySet()) {
            shapes.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()));
            count += e.getValue().numel();
        }
        sb.append(shapes).append("  ").append(count).append(count == 1 ? " param" : " params");
    }
}

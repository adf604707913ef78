package dev.jgrad.playground.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.playground.state.Catalogs;
import dev.jgrad.playground.state.Catalogs.Output;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.PlaygroundState;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A session's network outside the page: the state and every weight as JSON, the {@code jgrad train} command that
 * trains the same kind of network on the same data set, and a Java snippet that builds it with the library's
 * catalogs and trains it with the one {@link dev.jgrad.train.TrainingStep}. Where the command line has no
 * equivalent (input features beyond X1, X2, a loss it spells differently), the command says so in a comment.
 */
public final class Export {
    private Export() {}

    public static ObjectNode of(PlaygroundState s, float[] weights, int epoch, ObjectMapper mapper) {
        ObjectNode o = mapper.createObjectNode();
        o.put("format", "jgrad-playground-export-1");
        o.put("epoch", epoch);
        o.set("state", mapper.valueToTree(s));
        String link = LinkCodec.write(s);
        o.put("link", link);
        o.put("linkWithWeights", link + "&weights=" + LinkCodec.encodeWeights(weights));
        ArrayNode layers = o.putArray("layers");
        List<Integer> widths = widths(s);
        int at = 0;
        for (int l = 0; l + 1 < widths.size(); l++) {
            int in = widths.get(l), out = widths.get(l + 1);
            ObjectNode layer = layers.addObject().put("in", in).put("out", out);
            ArrayNode w = layer.putArray("weight");
            for (int r = 0; r < out; r++) {
                ArrayNode row = w.addArray();
                for (int c = 0; c < in; c++) row.add(weights[at++]);
            }
            ArrayNode b = layer.putArray("bias");
            for (int r = 0; r < out; r++) b.add(weights[at++]);
            layer.put("activation", l < s.activations().size() ? s.activations().get(l) : outputActivation(s));
        }
        o.put("command", command(s, epoch));
        o.put("java", java(s));
        return o;
    }

    static List<Integer> widths(PlaygroundState s) {
        List<Integer> w = new ArrayList<>();
        w.add(s.features().size());
        w.addAll(s.layers());
        w.add(s.outputSize());
        return w;
    }

    private static String outputActivation(PlaygroundState s) {
        return switch (Catalogs.output(s.loss(), s.problem().equals("regression"))) {
            case TANH -> "tanh";
            case SCORE, LOGIT -> "identity";
            case LOGITS -> "identity (softmax in the loss)";
        };
    }

    /** The command line's spelling of the same run, with a comment line for what it cannot say. */
    static String command(PlaygroundState s, int epoch) {
        List<String> notes = new ArrayList<>();
        if (!s.features().equals(List.of("x1", "x2")))
            notes.add("the command line feeds X1, X2 only; the playground used " + String.join(", ", s.features()));
        if (s.activations().stream().distinct().count() > 1)
            notes.add("one activation for every layer on the command line; the playground used " + s.activations());
        String loss = cliLoss(s, notes);
        if (!s.regularization().equals("none") && s.regRate() > 0)
            notes.add("the command line has --weight-decay, not the playground's " + s.regularization() + " penalty");
        if (s.dropout() > 0) notes.add("the command line has no dropout for 2D sets");
        if (s.biasInit() != 0) notes.add("the command line starts biases at 0, not the playground's " + num(s.biasInit()));
        StringBuilder cmd = new StringBuilder();
        for (String n : notes) cmd.append("# ").append(n).append('\n');
        List<String> layers = new ArrayList<>();
        for (int w : widths(s)) layers.add(Integer.toString(w));
        String act = s.activations().isEmpty() ? "identity" : s.activations().get(0);
        cmd.append(String.format(Locale.ROOT, "jgrad train --data %s --samples %d --noise %s --seed %d \\\n"
                        + "  --layers %s --activation %s --loss %s --init %s \\\n"
                        + "  --optimizer %s --lr %s --batch-size %d --epochs %d --test-split %s --out playground.jgrad",
                s.dataset(), samples(s), num(s.noise() / 100.0), s.initSeed(), String.join(",", layers), act, loss,
                Initializers.canonical(s.initializer()), s.optimizer(), num(s.learningRate()), s.batchSize(), Math.max(1, epoch),
                num(testSplit(s))));
        return cmd.toString();
    }

    /** The command line's name of the state's loss; what it cannot say goes into {@code notes}. */
    static String cliLoss(PlaygroundState s, List<String> notes) {
        return switch (Catalogs.name(s.loss())) {
            case "quadratic" -> "mse"; // the command line's mse is the notes' half squared error
            case "mse" -> {
                notes.add("the command line's mse is the half squared error (the playground's quadratic)");
                yield "mse";
            }
            case "hinge" -> {
                notes.add("the command line has no hinge loss");
                yield "bce";
            }
            default -> s.loss();
        };
    }

    /** The command line's optimizer name: its sgd takes a momentum, it has no Nesterov. */
    static String cliOptimizer(String spec) {
        String name = Catalogs.name(spec);
        return name.equals("momentum") ? "sgd" : name;
    }

    /** The point count of the state's data set (TF's 1200 for regression in the TF-compatible mode). */
    static int samples(PlaygroundState s) {
        return s.problem().equals("regression") && s.tfCompat() ? 1200 : 500;
    }

    static double testSplit(PlaygroundState s) {
        return Double.parseDouble(num(1 - s.trainRatio() / 100.0));
    }


    /** Builds the same network with the catalogs and trains it with the library's one step. */
    static String java(PlaygroundState s) {
        StringBuilder j = new StringBuilder();
        j.append("import dev.jgrad.nn.*;\nimport dev.jgrad.nn.init.*;\nimport dev.jgrad.nn.loss.*;\n")
                .append("import dev.jgrad.optim.*;\nimport dev.jgrad.train.TrainingStep;\nimport java.util.Random;\n\n");
        j.append("Random rng = new Random(").append(s.initSeed()).append("L);\n");
        j.append("Initializer init = Initializers.parse(\"").append(s.initializer()).append("\");\n");
        j.append("Sequential net = new Sequential();\n");
        List<Integer> w = widths(s);
        for (int l = 0; l + 1 < w.size(); l++) {
            j.append("net.add(new Linear(").append(w.get(l)).append(", ").append(w.get(l + 1)).append(", init, rng));\n");
            if (l < s.activations().size()) j.append("net.add(Activation.of(\"").append(s.activations().get(l)).append("\"));\n");
            if (l < s.activations().size() && s.dropout() > 0)
                j.append("net.add(new Dropout(").append(num(s.dropout())).append("f, new Random(").append(s.initSeed() + 1).append("L)));\n");
        }
        if (Catalogs.output(s.loss(), s.problem().equals("regression")) == Output.TANH) j.append("net.add(new Tanh()); // read against +-1 labels\n");
        if (s.biasInit() != 0)
            j.append("for (var p : net.namedParameters().entrySet())\n    if (p.getKey().endsWith(\"bias\")) java.util.Arrays.fill(p.getValue().data(), ")
                    .append(num(s.biasInit())).append("f);\n");
        j.append("Loss loss = Losses.parse(\"").append(s.loss()).append("\");\n");
        j.append("Optimizer opt = Optimizers.parse(\"").append(s.optimizer()).append("\").create(net.parameters(), ")
                .append(num(s.learningRate())).append(");\n");
        j.append("TrainingStep step = new TrainingStep(net, loss, opt)");
        if (!s.regularization().equals("none") && s.regRate() > 0)
            j.append(".penalty(\"").append(s.regularization()).append("\", ")
                    .append(num(s.tfCompat() && s.regularization().equals("l2") ? s.regRate() / 2 : s.regRate())).append(")");
        j.append(";\n");
        j.append("// each epoch, for each batch of ").append(s.batchSize()).append(" points: step.run(x, y);\n")
                .append("// x: [n, ").append(s.features().size()).append("] = ").append(String.join(", ", s.features()))
                .append("; y: ").append(targets(s)).append('\n');
        return j.toString();
    }

    private static String targets(PlaygroundState s) {
        if (s.problem().equals("regression")) return "[n, 1] targets in [-1, 1]";
        return switch (Catalogs.output(s.loss(), false)) {
            case TANH, SCORE -> "[n, 1] labels -1 / +1";
            case LOGIT -> "[n, 1] labels 0 / 1";
            case LOGITS -> "[n] class indices";
        };
    }

    private static String num(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}

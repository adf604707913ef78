package dev.jgrad.playground.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.Features;
import dev.jgrad.playground.data.Grid;
import dev.jgrad.playground.data.PointSet;
import dev.jgrad.playground.engine.LayerWeights;
import dev.jgrad.playground.engine.Snapshot;
import dev.jgrad.playground.state.PlaygroundState;

import java.util.List;

/** The wire format of frames (training state) and of the data a state describes. */
final class FrameEncoder {
    private final ObjectMapper mapper;

    FrameEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode frame(Snapshot snap, Session.Status status, String message, List<float[]> history,
                     double msPerEpoch, int params, int grid, int hiddenGrid) {
        ObjectNode f = mapper.createObjectNode();
        Snapshot.Scores sc = snap.scores();
        f.put("epoch", sc.epoch());
        f.put("status", status.name().toLowerCase());
        if (message != null) f.put("message", message);
        putNum(f, "trainLoss", sc.trainLoss());
        putNum(f, "testLoss", sc.testLoss());
        ObjectNode m = f.putObject("metrics");
        putNum(m, "trainAccuracy", sc.trainAccuracy());
        putNum(m, "testAccuracy", sc.testAccuracy());
        putNum(m, "r2Train", sc.r2Train());
        putNum(m, "r2Test", sc.r2Test());
        if (sc.confusion() != null) m.set("confusion", mapper.valueToTree(sc.confusion()));
        putNum(f, "msPerEpoch", msPerEpoch);
        f.put("params", params);
        ArrayNode hist = f.putArray("history");
        int stride = Math.max(1, (history.size() + 399) / 400);
        for (int i = 0; i < history.size(); i += stride) addHistory(hist, history.get(i));
        if (!history.isEmpty() && (history.size() - 1) % stride != 0) addHistory(hist, history.get(history.size() - 1));
        ArrayNode weights = f.putArray("weights");
        for (LayerWeights lw : snap.weights()) {
            ObjectNode l = weights.addObject();
            ArrayNode w = l.putArray("w");
            for (float[] row : lw.w()) {
                ArrayNode r = w.addArray();
                for (float v : row) putNum(r, v);
            }
            ArrayNode b = l.putArray("b");
            for (float v : lw.b()) putNum(b, v);
        }
        ObjectNode maps = f.putObject("maps");
        maps.put("size", grid);
        maps.put("hiddenSize", hiddenGrid);
        ArrayNode hidden = maps.putArray("hidden");
        for (float[][] layer : snap.hidden()) {
            ArrayNode l = hidden.addArray();
            for (float[] neuron : layer) l.add(Quantize.signed(neuron));
        }
        ArrayNode out = maps.putArray("output");
        boolean probabilities = snap.output().length > 1;
        maps.put("outputKind", probabilities ? "probabilities" : "signed");
        for (float[] o : snap.output()) out.add(probabilities ? Quantize.unit(o) : Quantize.signed(o));
        return f;
    }

    private static void addHistory(ArrayNode hist, float[] h) {
        ArrayNode e = hist.addArray();
        e.add((int) h[0]);
        putNum(e, h[1]);
        putNum(e, h[2]);
    }

    /** The points (train and test) and the static input-feature maps. */
    ObjectNode data(PlaygroundState s, DataSplit d, Grid thumbs) {
        ObjectNode o = mapper.createObjectNode();
        o.put("numClasses", s.numClasses());
        o.put("regression", s.problem().equals("regression"));
        o.set("train", points(d.train()));
        o.set("test", points(d.test()));
        ObjectNode feats = o.putObject("features");
        o.put("featureSize", thumbs.size());
        for (String name : dev.jgrad.playground.state.Choices.FEATURES) {
            float[] v = new float[thumbs.cells()];
            float max = 1e-6f;
            for (int i = 0; i < v.length; i++) {
                v[i] = Features.value(name, thumbs.x1()[i], thumbs.x2()[i]);
                max = Math.max(max, Math.abs(v[i]));
            }
            // Features are shown on their own scale, like TF Playground (X1^2 would otherwise saturate).
            for (int i = 0; i < v.length; i++) v[i] /= max;
            feats.put(name, Quantize.signed(v));
        }
        return o;
    }

    private ObjectNode points(PointSet p) {
        ObjectNode o = mapper.createObjectNode();
        ArrayNode x1 = o.putArray("x1"), x2 = o.putArray("x2"), l = o.putArray("label");
        for (int i = 0; i < p.size(); i++) {
            x1.add(round(p.x1()[i]));
            x2.add(round(p.x2()[i]));
            l.add(round(p.label()[i]));
        }
        return o;
    }

    private static double round(float v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** JSON has no NaN: non-finite numbers are sent as null. */
    private static void putNum(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) o.put(k, (float) v); else o.putNull(k);
    }

    private static void putNum(ArrayNode a, double v) {
        if (Double.isFinite(v)) a.add((float) v); else a.addNull();
    }
}

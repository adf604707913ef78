package dev.jgrad.playground.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page's link (the URL's {@code #...}) to a state and back, in TensorFlow Playground's own parameters
 * ({@code activation=tanh&batchSize=10&dataset=circle&...&networkShape=4,2&seed=0.12345}, {@code *_hide=true})
 * plus jgrad's extras in parameters of their own ({@code loss=}, {@code optimizer=}, {@code activations=} when the
 * layers differ, ...). A TF-style link turns the TF-compatible mode on unless it says {@code tfCompat=false}; the
 * links of earlier jgrad versions ({@code layers=}, {@code activations=}, {@code trainRatio=}, ...) still read.
 * Every TF parameter is written back, so a link survives a round trip through either page.
 */
public final class LinkCodec {
    private LinkCodec() {}

    /** TF Playground's parameters, in the order it writes them. */
    static final List<String> TF_PARAMS = List.of("activation", "regularization", "batchSize", "dataset", "regDataset",
            "learningRate", "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
            "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY",
            "collectStats", "tutorial", "problem", "initZero", "hideText");
    /** Parameters only TF writes: one of them (or a {@code *_hide}) makes a link TF-style. */
    private static final List<String> TF_ONLY = List.of("activation", "regDataset", "regularizationRate", "networkShape",
            "showTestData", "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY",
            "sinY", "collectStats", "tutorial", "initZero", "hideText");
    /** TF's input checkboxes and the playground's features they are. */
    private static final Map<String, String> TF_FEATURES = ordered("x", "x1", "y", "x2", "xSquared", "x1sq",
            "ySquared", "x2sq", "xTimesY", "x1x2", "sinX", "sinx1", "sinY", "sinx2");
    private static final Map<String, String> TF_ACTIVATIONS = ordered("relu", "relu", "tanh", "tanh",
            "sigmoid", "sigmoid", "linear", "identity");
    private static final Map<String, String> TF_REG_DATASETS = ordered("reg-plane", "plane", "reg-gauss", "multigauss");
    /** Kept only to be written back: TF reads them, the playground has nothing to do with them. */
    private static final List<String> KEPT = List.of("cosX", "cosY", "collectStats", "tutorial");

    /** TF Playground's setup: its loss, its initialization (U(-0.5, 0.5), bias 0.1) and its semantics. */
    public static PlaygroundState tfDefaults() {
        PlaygroundState d = PlaygroundState.defaults();
        return new PlaygroundState(d.dataset(), d.classes(), d.noise(), d.trainRatio(), d.seed(), d.initSeed(),
                d.features(), d.layers(), d.activations(), d.problem(), "quadratic", "sgd", "uniform:-0.5,0.5", 0.1,
                d.learningRate(), d.regularization(), d.regRate(), d.batchSize(), d.dropout(), d.speed(), d.targetLoss(),
                true, d.showTest(), d.discretize(), List.of(), Map.of(), List.of(), List.of());
    }

    /** A link's parameters, decoded, in order. */
    public static Map<String, String> params(String link) {
        Map<String, String> out = new LinkedHashMap<>();
        String s = link == null ? "" : link.strip();
        if (s.startsWith("#")) s = s.substring(1);
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
            out.put(key, value);
        }
        return out;
    }

    /** Whether a link is TF Playground's (it would turn the TF-compatible mode on). */
    public static boolean tfStyle(Map<String, String> p) {
        for (String k : p.keySet()) if (TF_ONLY.contains(k) || k.endsWith("_hide")) return true;
        return false;
    }

    /**
     * The state-patch (JSON) a link describes, over the defaults of its mode; the caller reads it with
     * {@link StateJson}, which checks every field. Unknown parameters are ignored, as TF Playground does.
     *
     * @throws IllegalArgumentException naming the parameter when a value has the wrong form
     */
    public static ObjectNode read(String link, ObjectMapper mapper) {
        Map<String, String> p = params(link);
        boolean tf = p.containsKey("tfCompat") ? bool("tfCompat", p.get("tfCompat")) : tfStyle(p);
        PlaygroundState base = tf ? tfDefaults() : PlaygroundState.defaults();
        ObjectNode o = mapper.valueToTree(base);
        o.put("tfCompat", tf);
        Map<String, String> passthrough = new TreeMap<>();
        List<String> hide = new ArrayList<>();

        // TF's parameters.
        if (p.containsKey("problem")) o.put("problem", p.get("problem"));
        boolean regression = o.get("problem").asText().equals("regression");
        String dataset = p.get("dataset");
        if (regression) {
            boolean ownSet = dataset != null && (Choices.REGRESSION_DATASETS.contains(dataset) || dataset.equals(Choices.CUSTOM));
            // TF's classification choice, kept when it is not TF's default
            if (dataset != null && !ownSet && !dataset.equals("circle")) passthrough.put("dataset", dataset);
            String reg = p.get("regDataset");
            o.put("dataset", reg != null ? TF_REG_DATASETS.getOrDefault(reg, reg) : ownSet ? dataset : "plane");
        } else {
            if (dataset != null) o.put("dataset", dataset);
            String reg = p.get("regDataset");
            if (reg != null && !reg.equals("reg-plane")) passthrough.put("regDataset", reg);
        }
        if (p.containsKey("networkShape")) o.set("layers", ints(mapper, "networkShape", p.get("networkShape")));
        if (p.containsKey("layers")) o.set("layers", ints(mapper, "layers", p.get("layers")));
        int layers = o.get("layers").size();
        String act = p.getOrDefault("activation", null);
        if (act != null || layers != o.get("activations").size()) {
            String a = act == null ? (o.get("activations").size() > 0 ? o.get("activations").get(0).asText() : "tanh")
                    : TF_ACTIVATIONS.getOrDefault(act, act);
            ArrayNode acts = o.putArray("activations");
            for (int i = 0; i < layers; i++) acts.add(a);
        }
        if (p.containsKey("activations")) o.set("activations", strings(mapper, p.get("activations")));
        if (p.containsKey("regularization")) {
            String r = p.get("regularization").toLowerCase(java.util.Locale.ROOT);
            o.put("regularization", r);
        }
        number(o, p, "batchSize", "batchSize", true);
        number(o, p, "learningRate", "learningRate", false);
        number(o, p, "regularizationRate", "regRate", false);
        number(o, p, "regRate", "regRate", false);
        number(o, p, "noise", "noise", true);
        number(o, p, "percTrainData", "trainRatio", true);
        number(o, p, "trainRatio", "trainRatio", true);
        if (p.containsKey("seed")) {
            long seed = seed(p.get("seed"));
            o.put("seed", seed);
            if (tf) o.put("initSeed", seed); // TF draws data and weights from one seeded stream
            // TF seeds its stream with the text: one that "0.%05d" would not give back is kept as it is
            if (tf && !canonicalSeed(seed).equals(p.get("seed"))) passthrough.put("seed", p.get("seed"));
        }
        number(o, p, "initSeed", "initSeed", true);
        bool(o, p, "showTestData", "showTest");
        bool(o, p, "showTest", "showTest");
        bool(o, p, "discretize", "discretize");
        boolean anyTfFeature = false;
        for (String k : TF_FEATURES.keySet()) anyTfFeature |= p.containsKey(k);
        if (anyTfFeature) {
            List<String> on = new ArrayList<>();
            for (String f : Choices.FEATURES) {
                for (var e : TF_FEATURES.entrySet()) {
                    // TF's defaults: x and y on, the rest off.
                    boolean dflt = e.getKey().equals("x") || e.getKey().equals("y");
                    if (e.getValue().equals(f) && (p.containsKey(e.getKey()) ? bool(e.getKey(), p.get(e.getKey())) : dflt)) on.add(f);
                }
            }
            o.set("features", mapper.valueToTree(on));
        }
        if (p.containsKey("features")) o.set("features", strings(mapper, p.get("features")));
        if (p.containsKey("initZero") && bool("initZero", p.get("initZero"))) {
            o.put("initializer", "zeros");
            if (tf) o.put("biasInit", 0.0); // TF's initZero zeroes the biases too
        }
        if (p.containsKey("hideText") && bool("hideText", p.get("hideText"))) hide.add("text");
        // (TF's false is its default: written back without being kept)
        for (String k : KEPT) if (p.containsKey(k) && !p.get(k).equals("false")) passthrough.put(k, p.get(k));
        for (var e : p.entrySet()) {
            if (!e.getKey().endsWith("_hide")) continue;
            String control = e.getKey().substring(0, e.getKey().length() - "_hide".length());
            if (bool(e.getKey(), e.getValue())) hide.add(control); else passthrough.put(e.getKey(), e.getValue());
        }
        o.set("hide", mapper.valueToTree(hide));
        o.set("passthrough", mapper.valueToTree(passthrough));

        // jgrad's own parameters.
        for (String k : List.of("loss", "optimizer", "initializer")) if (p.containsKey(k)) o.put(k, p.get(k));
        number(o, p, "classes", "classes", true);
        number(o, p, "biasInit", "biasInit", false);
        number(o, p, "dropout", "dropout", false);
        number(o, p, "speed", "speed", true);
        number(o, p, "targetLoss", "targetLoss", false);
        if (p.containsKey("points")) o.set("points", points(mapper, "points", p.get("points")));
        if (p.containsKey("custom")) o.set("custom", points(mapper, "custom", p.get("custom")));
        return o;
    }

    /** The link of a state: TF's parameters in TF's order, then jgrad's extras where they differ from the mode's defaults. */
    public static String write(PlaygroundState s) {
        PlaygroundState base = s.tfCompat() ? tfDefaults() : PlaygroundState.defaults();
        Map<String, String> kept = s.passthrough();
        List<String> out = new ArrayList<>();
        boolean regression = s.problem().equals("regression");
        boolean sameActivation = !s.activations().isEmpty() && s.activations().stream().distinct().count() == 1;
        String tfFeatures = null;
        for (String f : s.features()) if (!TF_FEATURES.containsValue(f)) tfFeatures = String.join(",", s.features());
        for (String k : TF_PARAMS) {
            String v = switch (k) {
                case "activation" -> sameActivation ? tfName(TF_ACTIVATIONS, s.activations().get(0)) : null;
                case "regularization" -> s.regularization().equals("none") ? null : s.regularization().toUpperCase(java.util.Locale.ROOT);
                case "batchSize" -> Integer.toString(s.batchSize());
                case "dataset" -> regression ? kept.getOrDefault("dataset", "circle") : s.dataset();
                case "regDataset" -> regression ? tfName(TF_REG_DATASETS, s.dataset()) : kept.getOrDefault("regDataset", "reg-plane");
                case "learningRate" -> num(s.learningRate());
                case "regularizationRate" -> num(s.regRate());
                case "noise" -> Integer.toString(s.noise());
                case "networkShape" -> String.join(",", s.layers().stream().map(String::valueOf).toList());
                case "seed" -> s.tfCompat() ? seedText(s.seed(), s) : Long.toString(s.seed());
                case "showTestData" -> Boolean.toString(s.showTest());
                case "discretize" -> Boolean.toString(s.discretize());
                case "percTrainData" -> Integer.toString(s.trainRatio());
                case "x", "y", "xTimesY", "xSquared", "ySquared", "sinX", "sinY" ->
                        Boolean.toString(s.features().contains(TF_FEATURES.get(k)));
                case "cosX", "cosY", "collectStats" -> kept.getOrDefault(k, "false");
                case "tutorial" -> kept.get(k);
                case "problem" -> s.problem();
                case "initZero" -> Boolean.toString(s.initializer().equals("zeros"));
                case "hideText" -> Boolean.toString(s.hide().contains("text"));
                default -> throw new IllegalStateException(k);
            };
            if (v != null) out.add(k + "=" + encode(v));
        }
        Map<String, String> hides = new TreeMap<>();
        for (String h : s.hide()) if (!h.equals("text")) hides.put(h + "_hide", "true");
        for (var e : kept.entrySet()) if (e.getKey().endsWith("_hide")) hides.put(e.getKey(), e.getValue());
        hides.forEach((k, v) -> out.add(k + "=" + v));

        // jgrad's extras.
        if (!s.tfCompat()) out.add("tfCompat=false");
        if (!sameActivation && !s.activations().isEmpty()) out.add("activations=" + encode(String.join(",", s.activations())));
        if (tfFeatures != null) out.add("features=" + encode(tfFeatures));
        if (s.initSeed() != s.seed()) out.add("initSeed=" + s.initSeed());
        if (!s.loss().equals(base.loss())) out.add("loss=" + encode(s.loss()));
        if (!s.optimizer().equals(base.optimizer())) out.add("optimizer=" + encode(s.optimizer()));
        if (!s.initializer().equals(base.initializer()) && !s.initializer().equals("zeros"))
            out.add("initializer=" + encode(s.initializer()));
        boolean tfZeros = s.tfCompat() && s.initializer().equals("zeros") && s.biasInit() == 0; // initZero says it
        if (s.biasInit() != base.biasInit() && !tfZeros) out.add("biasInit=" + num(s.biasInit()));
        if (s.classes() != base.classes()) out.add("classes=" + s.classes());
        if (s.dropout() != base.dropout()) out.add("dropout=" + num(s.dropout()));
        if (s.speed() != base.speed()) out.add("speed=" + s.speed());
        if (s.targetLoss() != base.targetLoss()) out.add("targetLoss=" + num(s.targetLoss()));
        if (!s.points().isEmpty()) out.add("points=" + points(s.points()));
        if (!s.custom().isEmpty()) out.add("custom=" + points(s.custom()));
        return "#" + String.join("&", out);
    }

    // ---- weights in a link --------------------------------------------------------------------------------------

    /** Every parameter, float32 little-endian, base64url: the {@code weights=} of a share link. */
    public static String encodeWeights(float[] w) {
        ByteBuffer b = ByteBuffer.allocate(4 * w.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : w) b.putFloat(v);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** @throws IllegalArgumentException when the text is not base64url of whole float32 values */
    public static float[] decodeWeights(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("weights: not base64url (" + e.getMessage() + ")");
        }
        if (bytes.length % 4 != 0) throw new IllegalArgumentException("weights: " + bytes.length + " bytes is not a whole number of float32 values");
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        float[] w = new float[bytes.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = b.getFloat();
            if (!Float.isFinite(w[i])) throw new IllegalArgumentException("weights: value " + i + " is not finite");
        }
        return w;
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static String tfName(Map<String, String> tfToOurs, String ours) {
        for (var e : tfToOurs.entrySet()) if (e.getValue().equals(ours)) return e.getKey();
        return ours;
    }

    /**
     * The text TF Playground seeds its stream with for a seed of the state: the link's own text when it gave this
     * seed, otherwise TF's form {@code 0.12345} (a seed of 100,000 or more, which TF never makes, as digits).
     */
    public static String seedText(long seed, PlaygroundState s) {
        String own = s.passthrough().get("seed");
        if (own != null && seed(own) == seed) return own;
        return canonicalSeed(seed);
    }

    private static String canonicalSeed(long seed) {
        return seed < 100_000 ? String.format(java.util.Locale.ROOT, "0.%05d", seed) : Long.toString(seed);
    }

    private static long seed(String text) {
        String t = text.strip();
        if (t.matches("0\\.\\d{1,9}")) return Long.parseLong(t.substring(2) + "0".repeat(Math.max(0, 5 - (t.length() - 2))));
        if (t.matches("\\d{1,9}")) return Long.parseLong(t);
        return t.hashCode() & 0x7fffffffL; // any other string: a fixed number of its own
    }

    private static void number(ObjectNode o, Map<String, String> p, String key, String field, boolean integral) {
        if (!p.containsKey(key)) return;
        String v = p.get(key).strip();
        try {
            if (integral) o.put(field, Long.parseLong(v));
            else o.put(field, Double.parseDouble(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + v + "' is not " + (integral ? "an integer" : "a number"));
        }
    }

    private static void bool(ObjectNode o, Map<String, String> p, String key, String field) {
        if (p.containsKey(key)) o.put(field, bool(key, p.get(key)));
    }

    private static boolean bool(String key, String v) {
        return switch (v.strip()) {
            case "true", "1", "" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + v + "' is not true or false");
        };
    }

    private static ArrayNode ints(ObjectMapper mapper, String key, String v) {
        ArrayNode a = mapper.createArrayNode();
        if (v.isBlank()) return a;
        for (String part : v.split(",")) {
            try {
                a.add(Integer.parseInt(part.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + part + "' is not a layer size");
            }
        }
        return a;
    }

    private static ArrayNode strings(ObjectMapper mapper, String v) {
        ArrayNode a = mapper.createArrayNode();
        if (v.isBlank()) return a;
        // A spec's own commas (hardtanh:-2,2) follow a ':' and a number; a new item starts with a letter.
        StringBuilder cur = new StringBuilder();
        for (String part : v.split(",")) {
            if (cur.length() > 0 && !part.isEmpty() && Character.isLetter(part.charAt(0))) {
                a.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(',');
            cur.append(part);
        }
        if (cur.length() > 0) a.add(cur.toString());
        return a;
    }

    private static ArrayNode points(ObjectMapper mapper, String key, String v) {
        ArrayNode a = mapper.createArrayNode();
        if (v.isBlank()) return a;
        for (String p : v.split(";")) {
            ArrayNode t = a.addArray();
            for (String n : p.split(":")) {
                try {
                    t.add(Double.parseDouble(n));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(key + ": '" + p + "' is not x:y:label");
                }
            }
        }
        return a;
    }

    private static String points(List<List<Double>> pts) {
        List<String> out = new ArrayList<>();
        for (List<Double> p : pts) out.add(num(p.get(0)) + ":" + num(p.get(1)) + ":" + num(p.get(2)));
        return String.join(";", out);
    }

    /** Shortest form: 0.03, 10, 0.00001 (never 1.0E-5). */
    static String num(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /** Encodes what a hash cannot hold as it is; keeps ',', ':' and ';' readable. */
    private static String encode(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8).replace("%2C", ",").replace("%3A", ":").replace("%3B", ";");
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}

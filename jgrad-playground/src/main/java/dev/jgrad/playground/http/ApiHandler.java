package dev.jgrad.playground.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.PointsCsv;
import dev.jgrad.playground.digits.DigitPad;
import dev.jgrad.playground.engine.Export;
import dev.jgrad.playground.engine.ModelFiles;
import dev.jgrad.playground.graph.GraphDemos;
import dev.jgrad.playground.session.Session;
import dev.jgrad.playground.session.SessionRegistry;
import dev.jgrad.playground.state.Catalogs;
import dev.jgrad.playground.state.Choices;
import dev.jgrad.playground.state.Limits;
import dev.jgrad.playground.state.LinkCodec;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.playground.state.StateJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JSON API under {@code /api/}. Routing is a switch on path segments; every handler validates its input and the
 * catch block maps validation failures to 4xx, so a 500 means a bug in the playground itself.
 */
public final class ApiHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ApiHandler.class.getName());
    private final SessionRegistry sessions;
    private final ObjectMapper mapper;
    private final StateJson stateJson;
    private final DigitPad digits;
    private final EventStream stream;
    private final ObjectNode previews;
    /** The catalogs' entries as the page shows them (GET /api/choices). */
    private final ObjectNode choices;

    public ApiHandler(SessionRegistry sessions, ObjectMapper mapper, DigitPad digits) {
        this.sessions = sessions;
        this.mapper = mapper;
        this.stateJson = new StateJson(mapper);
        this.digits = digits;
        this.stream = new EventStream();
        this.previews = DatasetPreviews.build(mapper);
        this.choices = Catalogs.describe(mapper);
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            route(ex);
        } catch (ApiException e) {
            Http.sendError(ex, e.status(), e.getMessage(), mapper);
        } catch (IllegalArgumentException e) {
            Http.sendError(ex, 400, e.getMessage(), mapper);
        } catch (NoSuchElementException e) {
            Http.sendError(ex, 404, e.getMessage(), mapper);
        } catch (SessionRegistry.TooManySessionsException e) {
            Http.sendError(ex, 429, e.getMessage(), mapper);
        } catch (IllegalStateException e) {
            Http.sendError(ex, 409, e.getMessage(), mapper);
        } catch (IOException e) {
            ex.close(); // the client went away mid-response
        } catch (RuntimeException | Error e) {
            // Whatever happens, the request gets an answer: an unanswered exchange would hang the page (or a test).
            LOG.log(Level.WARNING, "playground: unexpected error on " + ex.getRequestURI(), e);
            try {
                Http.sendError(ex, 500, "internal error: " + e, mapper);
            } catch (IOException | RuntimeException ignored) {
                ex.close();
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        List<String> seg = segments(ex.getRequestURI().getRawPath());
        // seg.get(0) is "api"
        String head = seg.size() > 1 ? seg.get(1) : "";
        switch (head) {
            case "health" -> only(ex, "GET", seg, 2, () -> reply(ex, 200, mapper.createObjectNode().put("ok", true)
                    .put("sessions", sessions.size())));
            case "defaults" -> only(ex, "GET", seg, 2, () -> reply(ex, 200, defaults()));
            case "choices" -> only(ex, "GET", seg, 2, () -> reply(ex, 200, choices));
            case "previews" -> only(ex, "GET", seg, 2, () -> reply(ex, 200, previews));
            case "sessions" -> sessions(ex, method, seg);
            case "graphs" -> {
                if (seg.size() == 2) only(ex, "GET", seg, 2, () -> reply(ex, 200, GraphDemos.list(mapper)));
                else only(ex, "GET", seg, 3, () -> reply(ex, 200, GraphDemos.compute(seg.get(2), mapper)));
            }
            case "digits" -> {
                if (seg.size() == 2) only(ex, "GET", seg, 2, () -> reply(ex, 200, sessions.engineThreads().call(() -> digits.describe(mapper))));
                else if (seg.get(2).equals("predict"))
                    only(ex, "POST", seg, 3, () -> {
                        var body = Http.json(ex, mapper);
                        reply(ex, 200, sessions.engineThreads().call(() -> digits.predict(body, mapper)));
                    });
                else throw notFound(ex);
            }
            default -> throw notFound(ex);
        }
    }

    private void sessions(HttpExchange ex, String method, List<String> seg) throws IOException {
        if (seg.size() == 2) {
            only(ex, "POST", seg, 2, () -> {
                JsonNode body = Http.json(ex, mapper);
                String link = link(body);
                PlaygroundState s = link != null ? stateJson.read(LinkCodec.read(link, mapper), PlaygroundState.defaults())
                        : stateJson.read(body, PlaygroundState.defaults());
                float[] weights = link == null ? null : linkWeights(link);
                Session created = sessions.create(s);
                if (weights != null) {
                    try {
                        created.setParameters(weights);
                    } catch (IllegalArgumentException e) {
                        sessions.remove(created.id());
                        throw e;
                    }
                }
                reply(ex, 201, view(created));
            });
            return;
        }
        Session s = sessions.get(seg.get(2));
        if (seg.size() == 3) {
            switch (method) {
                case "GET" -> reply(ex, 200, view(s));
                case "DELETE" -> {
                    sessions.remove(s.id());
                    Http.send(ex, 204, "application/json", new byte[0]);
                }
                default -> throw notAllowed(ex, "GET, DELETE");
            }
            return;
        }
        String action = seg.get(3);
        switch (action) {
            case "state" -> only(ex, "PUT", seg, 4, () -> {
                JsonNode body = Http.json(ex, mapper);
                String link = link(body);
                // A link is a whole setup (a pasted URL); a plain patch changes only the fields it names.
                PlaygroundState next = link != null ? stateJson.read(LinkCodec.read(link, mapper), PlaygroundState.defaults())
                        : stateJson.read(body, s.state());
                float[] weights = link == null ? null : linkWeights(link);
                boolean rebuilt = s.apply(next);
                if (weights != null) s.setParameters(weights);
                reply(ex, 200, view(s).put("rebuilt", rebuilt));
            });
            case "play" -> only(ex, "POST", seg, 4, () -> { drain(ex); s.play(); reply(ex, 200, s.frame()); });
            case "pause" -> only(ex, "POST", seg, 4, () -> { drain(ex); s.pause(); reply(ex, 200, s.frame()); });
            case "step" -> only(ex, "POST", seg, 4, () -> { drain(ex); s.step(); reply(ex, 200, s.frame()); });
            case "reset" -> only(ex, "POST", seg, 4, () -> { drain(ex); s.reset(); reply(ex, 200, s.frame()); });
            case "frame" -> only(ex, "GET", seg, 4, () -> reply(ex, 200, s.frame()));
            case "export" -> only(ex, "GET", seg, 4, () -> reply(ex, 200,
                    Export.of(s.state(), s.parameters(), s.frame().get("epoch").asInt(), mapper)));
            case "stream" -> only(ex, "GET", seg, 4, () -> stream.serve(ex, s));
            case "weight" -> only(ex, "POST", seg, 4, () -> editWeight(ex, s));
            case "data" -> {
                if (method.equals("GET")) only(ex, "GET", seg, 4, () -> Http.send(ex, 200, "text/csv; charset=utf-8",
                        PointsCsv.format(DataSplit.of(s.state())).getBytes(StandardCharsets.UTF_8)));
                else only(ex, "POST", seg, 4, () -> uploadCsv(ex, s));
            }
            case "model" -> {
                if (method.equals("GET")) only(ex, "GET", seg, 4, () -> downloadModel(ex, s));
                else only(ex, "POST", seg, 4, () -> uploadModel(ex, s));
            }
            case "onnx" -> only(ex, "GET", seg, 4, () -> downloadOnnx(ex, s));
            default -> throw notFound(ex);
        }
    }

    private void editWeight(HttpExchange ex, Session s) throws IOException {
        JsonNode b = Http.json(ex, mapper);
        PlaygroundState st = s.state();
        List<Integer> widths = new ArrayList<>();
        widths.add(st.features().size());
        widths.addAll(st.layers());
        widths.add(st.outputSize());
        int layer = intField(b, "layer", 0, widths.size() - 2);
        int to = intField(b, "to", 0, widths.get(layer + 1) - 1);
        int from = intField(b, "from", -1, widths.get(layer) - 1);
        JsonNode v = b.get("value");
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble()) || Math.abs(v.asDouble()) > 100)
            throw new ApiException(400, "value: a number in [-100, 100] is required");
        s.setWeight(layer, to, from, (float) v.asDouble());
        reply(ex, 200, s.frame());
    }

    /** A CSV upload becomes the custom data set; the class count follows the labels. */
    private void uploadCsv(HttpExchange ex, Session s) throws IOException {
        byte[] body = Http.body(ex, Http.MAX_BODY);
        Http.requireType(ex, "text/csv", "text/plain", "application/csv");
        List<List<Double>> pts = PointsCsv.parse(Http.text(body));
        PlaygroundState cur = s.state();
        String query = ex.getRequestURI().getRawQuery();
        boolean regression = query != null ? query.contains("problem=regression") : cur.problem().equals("regression");
        int classes = 2;
        if (!regression) {
            for (List<Double> p : pts) classes = Math.max(classes, (int) Math.floor(p.get(2)) + 1);
            if (classes > Limits.MAX_CLASSES)
                throw new ApiException(400, "CSV: labels must be class indices 0.." + (Limits.MAX_CLASSES - 1));
        }
        String loss = regression ? (Catalogs.regressionLosses().contains(Catalogs.name(cur.loss())) ? cur.loss() : "quadratic")
                : classes > 2 ? "cross-entropy" : cur.loss().equals("cross-entropy") ? "quadratic" : cur.loss();
        ObjectNode patch = mapper.createObjectNode();
        patch.put("dataset", Choices.CUSTOM).put("problem", regression ? "regression" : "classification")
                .put("classes", classes).put("loss", loss);
        patch.set("custom", mapper.valueToTree(pts));
        patch.set("points", mapper.createArrayNode());
        PlaygroundState next = stateJson.read(patch, cur);
        s.apply(next);
        reply(ex, 200, view(s).put("rebuilt", true));
    }

    private void downloadModel(HttpExchange ex, Session s) throws IOException {
        Path tmp = Files.createTempFile("jgrad-playground", ".jgrad");
        try {
            s.saveModel(tmp);
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"playground.jgrad\"");
            Http.send(ex, 200, "application/octet-stream", Files.readAllBytes(tmp));
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The same network as {@link #downloadModel}, exported to ONNX by jgrad-interop. */
    private void downloadOnnx(HttpExchange ex, Session s) throws IOException {
        Path tmp = Files.createTempFile("jgrad-playground", ".jgrad");
        try {
            s.saveModel(tmp);
            byte[] onnx = ModelFiles.toOnnx(tmp);
            ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"playground.onnx\"");
            Http.send(ex, 200, "application/octet-stream", onnx);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void uploadModel(HttpExchange ex, Session s) throws IOException {
        byte[] body = Http.body(ex, Http.MAX_BODY);
        if (body.length == 0) throw new ApiException(400, "model: empty body; send the bytes of a .jgrad file");
        Http.requireType(ex, "application/octet-stream");
        // Read from memory: no temporary file, so no temporary path in any message.
        ModelFiles.Loaded loaded = ModelFiles.load(body, "uploaded model", s.state(), stateJson);
        s.adopt(loaded.state(), loaded.engine(), loaded.history());
        reply(ex, 200, view(s).put("rebuilt", true));
    }

    /** A session as the page needs it: state, data, frame and the state's link (the URL hash). */
    private ObjectNode view(Session s) {
        ObjectNode o = s.describe();
        o.put("link", LinkCodec.write(s.state()));
        return o;
    }

    /** {@code {"link": "#..."}}: a whole setup given as the page's URL hash (TF Playground's or jgrad's). */
    private static String link(JsonNode body) {
        JsonNode l = body.get("link");
        if (l == null) return null;
        if (!l.isTextual() || body.size() != 1)
            throw new ApiException(400, "link: expected {\"link\": \"#...\"} and nothing else");
        return l.asText();
    }

    private static float[] linkWeights(String link) {
        String w = LinkCodec.params(link).get("weights");
        return w == null || w.isEmpty() ? null : LinkCodec.decodeWeights(w);
    }

    private ObjectNode defaults() {
        ObjectNode o = mapper.createObjectNode();
        o.set("state", mapper.valueToTree(PlaygroundState.defaults()));
        ObjectNode c = o.putObject("choices");
        c.set("datasets", mapper.valueToTree(Choices.allDatasets()));
        c.set("features", mapper.valueToTree(Choices.FEATURES));
        c.set("activations", mapper.valueToTree(names(choices.get("activations"))));
        c.set("losses", mapper.valueToTree(names(choices.get("losses"))));
        c.set("optimizers", mapper.valueToTree(names(choices.get("optimizers"))));
        c.set("initializers", mapper.valueToTree(names(choices.get("initializers"))));
        c.set("regularizations", mapper.valueToTree(Choices.REGULARIZATIONS));
        return o;
    }

    private static List<String> names(JsonNode entries) {
        List<String> out = new ArrayList<>();
        entries.forEach(e -> out.add(e.get("name").asText()));
        return out;
    }

    private static int intField(JsonNode b, String name, int lo, int hi) {
        JsonNode v = b.get(name);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < lo || v.asInt() > hi)
            throw new ApiException(400, name + ": an integer in [" + lo + ", " + hi + "] is required, got " + v);
        return v.asInt();
    }

    private void reply(HttpExchange ex, int status, Object body) throws IOException {
        Http.sendJson(ex, status, body, mapper);
    }

    /** Actions take no body, but a huge one must still be refused rather than buffered. */
    private static void drain(HttpExchange ex) throws IOException {
        if (Http.body(ex, Http.MAX_BODY).length > 0) Http.requireType(ex, "application/json");
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void only(HttpExchange ex, String method, List<String> seg, int length, Action a) throws IOException {
        if (seg.size() != length) throw notFound(ex);
        if (!ex.getRequestMethod().equals(method)) throw notAllowed(ex, method);
        a.run();
    }

    private static ApiException notFound(HttpExchange ex) {
        return new ApiException(404, "no such endpoint: " + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath());
    }

    private static ApiException notAllowed(HttpExchange ex, String allow) {
        ex.getResponseHeaders().set("Allow", allow);
        return new ApiException(405, ex.getRequestMethod() + " not allowed on " + ex.getRequestURI().getRawPath()
                + " (allowed: " + allow + ")");
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String p : path.split("/")) if (!p.isEmpty()) out.add(p);
        return out;
    }
}

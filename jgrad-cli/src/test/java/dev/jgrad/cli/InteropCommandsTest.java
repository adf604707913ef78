package dev.jgrad.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jgrad.data.Scaler;
import dev.jgrad.interop.Safetensors;
import dev.jgrad.interop.SafetensorsFile;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** jgrad export and jgrad import as a user runs them, the ONNX files checked in ONNX Runtime. */
class InteropCommandsTest {

    @TempDir
    static Path dir;

    static Path circle;
    static Path csvModel;

    @BeforeAll
    static void trainTwoModels() throws Exception {
        circle = dir.resolve("circle.jgrad");
        Cli.Result r = Cli.run("train", "--data", "circle", "--samples", "300", "--epochs", "5", "--seed", "3",
                "--activation", "tanh", "--progress", "none", "--out", circle.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        // Features far from zero with different spreads, so the model's standardize scaler matters.
        Path csv = dir.resolve("plants.csv");
        StringBuilder sb = new StringBuilder("height,weight,age,kind\n");
        Random rng = new Random(8);
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            sb.append(String.format(java.util.Locale.ROOT, "%.3f,%.3f,%.3f,%s%n", 120 + 15 * c + rng.nextGaussian() * 6,
                    3 + c + rng.nextGaussian() * 0.4, 40 + rng.nextGaussian() * 10, new String[]{"fir", "oak", "elm"}[c]));
        }
        Files.writeString(csv, sb);
        csvModel = dir.resolve("plants.jgrad");
        r = Cli.run("train", "--data", csv.toString(), "--epochs", "10", "--seed", "2", "--activation", "gelu",
                "--progress", "none", "--out", csvModel.toString());
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void anExportedModelGivesJgradsOutputsInOnnxRuntime() throws Exception {
        Path onnx = dir.resolve("circle.onnx");
        Cli.Result r = Cli.run("export", "--model", circle.toString(), "--to", onnx.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("model: " + circle + " (2-16-16-2 tanh, trained on circle)")
                .contains("wrote " + onnx + ": ONNX opset 17 (IR 8), input 'input' [batch, 2] -> output 'output' [batch, 2];"
                        + " 5 nodes (Gemm, Tanh)")
                .contains("input: raw features, unscaled");
        SavedModel saved = ModelFile.load(circle);
        float[][] x = grid(2, 25, -1.5f, 1.5f);
        assertClose(onnxRun(onnx, x), forward(saved.model(), x));
    }

    @Test
    void aCsvModelsScalerIsInsideTheOnnxGraphAsNodesOrFolded() throws Exception {
        SavedModel saved = ModelFile.load(csvModel);
        @SuppressWarnings("unchecked")
        Scaler scaler = Scaler.fromMap((Map<String, ?>) saved.card().scaler().orElseThrow());
        float[][] raw = new float[30][];
        Random rng = new Random(1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = new float[]{(float) (110 + 50 * rng.nextDouble()), (float) (2 + 3 * rng.nextDouble()),
                    (float) (20 + 40 * rng.nextDouble())};
        }
        float[][] scaled = new float[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = scaler.transform(raw[i]);
        }
        float[][] expected = forward(saved.model(), scaled);
        for (String fold : new String[]{"", "--fold-scaler"}) {
            Path onnx = dir.resolve("plants" + fold + ".onnx");
            Cli.Result r = fold.isEmpty()
                    ? Cli.run("export", "--model", csvModel.toString(), "--to", onnx.toString())
                    : Cli.run("export", "--model", csvModel.toString(), "--to", onnx.toString(), fold, "--opset", "20");
            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("input: raw features; the model's standardize scaler is applied inside the graph "
                    + (fold.isEmpty() ? "(as Sub and Div nodes)" : "(folded into the first layer)"));
            assertClose(onnxRun(onnx, raw), expected);
            try (OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
                // The model card's sections travel as JSON strings.
                assertThat(s.getMetadata().getCustomMetadata())
                        .containsEntry("output_description", "logits; softmax gives the class probabilities");
                assertThat(s.getMetadata().getCustomMetadata().get("outputs"))
                        .contains("\"class_names\":[\"elm\",\"fir\",\"oak\"]").contains("\"kind\":\"logits\"");
            }
        }
    }

    @Test
    void safetensorsExportAndImportGiveTheSameModelBack() throws Exception {
        Path st = dir.resolve("plants.safetensors");
        Cli.Result r = Cli.run("export", "--model", csvModel.toString(), "--to", st.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("wrote " + st + ": 4 float32 tensors (0.weight [32, 3], 0.bias [32], 2.weight [3, 32],"
                + " 2.bias [3]), 227 parameters, named as a PyTorch nn.Sequential's state_dict");
        SafetensorsFile file = Safetensors.read(st);
        assertThat(file.metadata()).containsEntry("format", "pt").containsEntry("jgrad.layers", "3-32-3");

        Path back = dir.resolve("plants-back.jgrad");
        r = Cli.run("import", "--from", st.toString(), "--out", back.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("read " + st + ": 4 tensors (F32), 227 values")
                .contains("model: MLP 3-32-3 gelu, logits out, 227 parameters")
                .contains("metadata: restored from the file (trained on " + dir.resolve("plants.csv") + ", scaler inputs)");
        SavedModel a = ModelFile.load(csvModel);
        SavedModel b = ModelFile.load(back);
        a.model().namedParameters().forEach((name, p) ->
                assertThat(b.model().namedParameters().get(name).data()).as(name).isEqualTo(p.data()));
        assertThat(b.metadata().get("scaler")).isEqualTo(a.metadata().get("scaler"));
        // eval uses the restored scaler and class names: the same numbers as the original.
        Cli.Result e1 = Cli.run("eval", "--model", csvModel.toString(), "--data", dir.resolve("plants.csv").toString());
        Cli.Result e2 = Cli.run("eval", "--model", back.toString(), "--data", dir.resolve("plants.csv").toString());
        assertThat(e2.code()).as(e2.toString()).isZero();
        assertThat(e2.out().lines().filter(l -> l.startsWith("accuracy"))).containsExactlyElementsOf(
                e1.out().lines().filter(l -> l.startsWith("accuracy")).toList());
    }

    @Test
    void pytorchWeightsImportWithGivenLayers() throws Exception {
        // A weights file as PyTorch would have it: state_dict names, no jgrad metadata.
        Path st = dir.resolve("torch.safetensors");
        Safetensors.write(st, SafetensorsFile.ofModel(new dev.jgrad.nn.Sequential(
                new dev.jgrad.nn.Linear(6, 8, new Random(1)), new dev.jgrad.nn.ReLU(),
                new dev.jgrad.nn.Linear(8, 5, new Random(2)), new dev.jgrad.nn.ReLU(),
                new dev.jgrad.nn.Linear(5, 3, new Random(3))), Map.of("format", "pt")));
        Path out = dir.resolve("torch.jgrad");
        Cli.Result r = Cli.run("import", "--from", st.toString(), "--layers", "6,8,5,3", "--activation", "relu",
                "--out", out.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("model: MLP 6-8-5-3 relu, logits out, 119 parameters").contains("wrote " + out)
                .contains("next: jgrad eval --model " + out + " --data DATA");
        assertThat(ModelFile.load(out).model().toString()).contains("(1): ReLU()").contains("(4): Linear(in_features=5,");
    }

    @Test
    void mistakesAreOneLineErrors() throws Exception {
        Path st = dir.resolve("c.safetensors");
        assertThat(Cli.run("export", "--model", circle.toString(), "--to", st.toString()).code()).isZero();
        assertOneLineError(Cli.run("import", "--from", st.toString(), "--layers", "2,16,3", "--out", dir.resolve("x.jgrad").toString()),
                "error: --layers 2,16,3 does not match " + st + ", which jgrad wrote for 2-16-16-2 (leave --layers out to use the file's)");
        Path foreign = dir.resolve("foreign.safetensors");
        SafetensorsFile f = Safetensors.read(st);
        Safetensors.write(foreign, new SafetensorsFile(f.tensors(), null));
        assertOneLineError(Cli.run("import", "--from", foreign.toString(), "--layers", "2,16,3,2", "--out", dir.resolve("x.jgrad").toString()),
                "error: --from " + foreign + ": tensor '2.weight' has shape [16, 16] but layer 2 of 2-16-3-2 (Linear 16 -> 3)"
                        + " needs [3, 16] ([out, in], as PyTorch stores it)");
        assertOneLineError(Cli.run("import", "--from", foreign.toString(), "--out", dir.resolve("x.jgrad").toString()),
                "error: give --layers (e.g. 784,256,128,10): " + foreign + " does not say its layer widths; see 'jgrad import --help'");
        assertOneLineError(Cli.run("import", "--from", circle.toString(), "--layers", "2,2", "--out", dir.resolve("x.jgrad").toString()),
                "error: safetensors " + circle + ": at offset 0: header length ");
        assertOneLineError(Cli.run("export", "--model", circle.toString(), "--to", dir.resolve("m.bin").toString()),
                "error: --to " + dir.resolve("m.bin") + ": cannot tell the format from the extension; name it .onnx or"
                        + " .safetensors, or give --format onnx|safetensors; see 'jgrad export --help'");
        assertOneLineError(Cli.run("export", "--model", circle.toString(), "--to", dir.resolve("m.onnx").toString(), "--fold-scaler"),
                "error: --fold-scaler: " + circle + " has no input scaler to fold; see 'jgrad export --help'");
        assertOneLineError(Cli.run("export", "--model", circle.toString(), "--to", dir.resolve("m.onnx").toString(), "--opset", "11"),
                "error: ONNX opset 11 is not supported; choose 13 to 21 (default 17); see 'jgrad export --help'");
        assertThat(dir.resolve("m.onnx")).doesNotExist();
        assertThat(dir.resolve("x.jgrad")).doesNotExist();
    }

    private static void assertOneLineError(Cli.Result r, String start) {
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).startsWith(start);
    }

    static float[][] onnxRun(Path onnx, float[][] x) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor t = OnnxTensor.createTensor(env, x);
             OrtSession.Result r = s.run(Map.of("input", t))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    static float[][] forward(Module model, float[][] x) {
        int n = x.length;
        int d = x[0].length;
        float[] flat = new float[n * d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x[i], 0, flat, i * d, d);
        }
        float[] out;
        int k;
        try (var s = Tensor.noGrad()) {
            Tensor y = model.eval().forward(Tensor.of(flat, n, d));
            out = y.toArray();
            k = y.size(1);
        }
        float[][] rows = new float[n][k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(out, i * k, rows[i], 0, k);
        }
        return rows;
    }

    private static void assertClose(float[][] got, float[][] expected) {
        assertThat(got.length).isEqualTo(expected.length);
        for (int i = 0; i < got.length; i++) {
            for (int k = 0; k < got[i].length; k++) {
                assertThat((double) got[i][k]).as("[%d][%d]", i, k).isCloseTo(expected[i][k], org.assertj.core.data.Offset.offset(1e-5));
            }
        }
    }

    private static float[][] grid(int d, int n, float lo, float hi) {
        float[][] x = new float[n * n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j][0] = lo + (hi - lo) * i / (n - 1);
                x[i * n + j][1] = lo + (hi - lo) * j / (n - 1);
            }
        }
        return x;
    }
}

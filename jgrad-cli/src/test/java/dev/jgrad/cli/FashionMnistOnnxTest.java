package dev.jgrad.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance check: a Fashion-MNIST model exported to ONNX gets the same test accuracy in ONNX Runtime
 * as {@code jgrad eval} reports. One quick epoch on 2,000 images keeps it fast.
 */
@EnabledIf(value = "installed", disabledReason = "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)")
class FashionMnistOnnxTest {

    static boolean installed() {
        return Files.isRegularFile(Path.of("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void onnxRuntimeScoresTheTestSetExactlyAsJgradEvalDoes(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("fashion.jgrad");
        Cli.Result train = Cli.run("train", "--data", "fashion-mnist", "--limit", "2000", "--epochs", "1",
                "--batch-size", "32", "--progress", "none", "--out", model.toString());
        assertThat(train.code()).as(train.toString()).isZero();
        Path onnx = dir.resolve("fashion.onnx");
        Cli.Result export = Cli.run("export", "--model", model.toString(), "--to", onnx.toString());
        assertThat(export.code()).as(export.toString()).isZero();
        Cli.Result eval = Cli.run("eval", "--model", model.toString());
        assertThat(eval.code()).as(eval.toString()).isZero();
        Matcher m = Pattern.compile("accuracy ([0-9.]+) over 10000 samples").matcher(eval.out());
        assertThat(m.find()).as(eval.out()).isTrue();
        double evalAccuracy = Double.parseDouble(m.group(1));

        // The test split as eval reads it (pixels / 255), fed to ONNX Runtime in one batch.
        Dataset test = IdxDataset.FASHION_MNIST.load(IdxSplit.TEST);
        float[] pixels = test.features();
        int n = test.size();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        int[] onnxPredicted = new int[n];
        try (OrtSession s = env.createSession(onnx.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(pixels), new long[]{n, 784});
             OrtSession.Result r = s.run(Map.of("input", x))) {
            float[][] logits = (float[][]) r.get(0).getValue();
            for (int i = 0; i < n; i++) {
                onnxPredicted[i] = argmax(logits[i]);
            }
        }
        float[][] jgradLogits = InteropCommandsTest.forward(ModelFile.load(model).model(), rows(pixels, n, 784));
        int onnxCorrect = 0;
        int disagreements = 0;
        for (int i = 0; i < n; i++) {
            onnxCorrect += onnxPredicted[i] == test.label(i) ? 1 : 0;
            disagreements += onnxPredicted[i] != argmax(jgradLogits[i]) ? 1 : 0;
        }
        double onnxAccuracy = onnxCorrect / (double) n;
        assertThat(disagreements).as("test images ONNX Runtime and jgrad classify differently").isZero();
        assertThat(String.format(java.util.Locale.ROOT, "%.3f", onnxAccuracy)).isEqualTo(m.group(1));
        assertThat(onnxAccuracy).isCloseTo(evalAccuracy, org.assertj.core.data.Offset.offset(0.0005));
        assertThat(onnxAccuracy).isGreaterThan(0.5); // a trained model, not chance (10%)
    }

    private static float[][] rows(float[] flat, int n, int d) {
        float[][] x = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, x[i], 0, d);
        }
        return x;
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }
}

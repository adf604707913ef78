package dev.jgrad.interop;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.TensorInfo;
import dev.jgrad.interop.onnx.proto.OnnxProto.ModelProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.NodeProto;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Step;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every exported model is loaded and run by ONNX Runtime and must give jgrad's outputs within 1e-5. */
class OnnxExportTest {

    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> activations() {
        Map<String, Supplier<Module>> acts = new LinkedHashMap<>();
        acts.put("ReLU", ReLU::new);
        acts.put("LeakyReLU(0.2)", () -> new LeakyReLU(0.2));
        acts.put("Tanh", Tanh::new);
        acts.put("Sigmoid", Sigmoid::new);
        acts.put("GELU", GELU::new);
        acts.put("Softmax", Softmax::new);
        acts.put("Identity", Identity::new);
        acts.put("Step", Step::new);
        acts.put("Dropout(0.5)", () -> new Dropout(0.5, new Random(1)));
        for (String spec : new String[]{"silu", "elu:0.7", "mish", "softplus", "softplus:2,20", "hardtanh:-0.5,0.8",
                "leaky-relu:0.1"}) {
            acts.put("Activation(" + spec + ")", () -> new dev.jgrad.nn.Activation(spec));
        }
        return acts.entrySet().stream().flatMap(e -> Stream.of(13, 17, 20, 21)
                .flatMap(opset -> Stream.of(true, false).map(bias -> Arguments.of(e.getKey(), e.getValue(), opset, bias))));
    }

    @ParameterizedTest(name = "{0}, opset {2}, bias {3}")
    @MethodSource("activations")
    void eachActivationMatchesJgradInOnnxRuntime(String name, Supplier<Module> act, int opset, boolean bias) throws Exception {
        Random rng = new Random(name.hashCode() + opset);
        Sequential model = new Sequential(linear(5, 7, bias, rng), act.get(), linear(7, 3, bias, rng), act.get());
        float[][] x = Models.randomInputs(opset, 16, 5, 2.0);
        byte[] onnx = OnnxExport.toBytes(model, OnnxOptions.defaults().withOpset(opset));
        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
            assertThat(Models.maxAbsDiff(ort.run(x), Models.jgrad(model, x))).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void geluIsOneNodeFromOpset20AndTheErfFormBelow() {
        Sequential model = new Sequential(new Linear(3, 4, new Random(1)), new GELU(), new Linear(4, 2, new Random(2)));
        assertThat(opTypes(model, OnnxOptions.defaults().withOpset(20))).containsExactly("Gemm", "Gelu", "Gemm");
        assertThat(opTypes(model, OnnxOptions.defaults().withOpset(17)))
                .containsExactly("Gemm", "Div", "Erf", "Add", "Mul", "Mul", "Gemm");
    }

    @Test
    void theFileStatesOpsetIrVersionProducerNamesAndADynamicBatch() throws Exception {
        Sequential model = new Sequential(new Linear(4, 3, new Random(3)), new ReLU(), new Linear(3, 2, new Random(4)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("classNames", "[\"cat\",\"dog\"]");
        meta.put("normalization", "none");
        byte[] bytes = OnnxExport.toBytes(model, OnnxOptions.defaults().withNames("features", "logits").withMetadata(meta));

        ModelProto proto = ModelProto.parseFrom(bytes);
        assertThat(proto.getIrVersion()).isEqualTo(8);
        assertThat(proto.getOpsetImportList()).hasSize(1);
        assertThat(proto.getOpsetImport(0).getDomain()).isEmpty();
        assertThat(proto.getOpsetImport(0).getVersion()).isEqualTo(17);
        assertThat(proto.getProducerName()).isEqualTo("jgrad");
        assertThat(proto.getProducerVersion()).isNotBlank().isNotEqualTo("unknown");
        assertThat(proto.getGraph().getInitializerList()).extracting(t -> t.getName())
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias");

        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(bytes)) {
            Map<String, NodeInfo> in = ort.session().getInputInfo();
            Map<String, NodeInfo> out = ort.session().getOutputInfo();
            assertThat(in).containsOnlyKeys("features");
            assertThat(out).containsOnlyKeys("logits");
            assertThat(((TensorInfo) in.get("features").getInfo()).getShape()).containsExactly(-1, 4);
            assertThat(((TensorInfo) out.get("logits").getInfo()).getShape()).containsExactly(-1, 2);
            OnnxModelMetadata md = ort.session().getMetadata();
            assertThat(md.getProducerName()).isEqualTo("jgrad");
            assertThat(md.getCustomMetadata()).containsEntry("classNames", "[\"cat\",\"dog\"]")
                    .containsEntry("normalization", "none");
            // The batch really is dynamic: one session, batches of 1 and 33.
            for (int n : new int[]{1, 33}) {
                float[][] x = Models.randomInputs(n, n, 4, 1.0);
                assertThat(Models.maxAbsDiff(ort.run(x), Models.jgrad(model, x))).isLessThanOrEqualTo(TOLERANCE);
            }
        }
    }

    @Test
    void aDeepModelWithNestedStacksPerceptronsAndSoftmaxMatches() throws Exception {
        Random rng = new Random(7);
        Sequential model = new Sequential(
                new Linear(10, 32, rng), new GELU(), new Dropout(0.3, new Random(1)),
                new Sequential(new Linear(32, 16, false, Initializers.glorotUniform(), rng), new LeakyReLU(0.05)),
                new Linear(16, 16, rng), new Tanh(), new Linear(16, 8, rng), new Sigmoid(),
                new Linear(8, 4, rng), new Softmax());
        for (int opset : new int[]{13, 17, 20}) {
            float[][] x = Models.randomInputs(opset, 64, 10, 3.0);
            try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(OnnxExport.toBytes(model, OnnxOptions.defaults().withOpset(opset)))) {
                assertThat(Models.maxAbsDiff(ort.run(x), Models.jgrad(model, x))).as("opset " + opset)
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
        Perceptron p = new Perceptron(3);
        p.weight().data()[0] = 0.5f;
        p.weight().data()[1] = -1.25f;
        p.weight().data()[2] = 2f;
        p.bias().data()[0] = -0.125f;
        float[][] x = Models.randomInputs(11, 40, 3, 1.0);
        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(OnnxExport.toBytes(p, OnnxOptions.defaults()))) {
            float[][] got = ort.run(x);
            assertThat(Models.maxAbsDiff(got, Models.jgrad(p, x))).isZero();
            assertThat(Stream.of(got).mapToDouble(r -> r[0]).distinct().sorted().toArray()).containsExactly(0, 1);
        }
    }

    @Test
    void theInputScalerAsNodesOrFoldedGivesTheScaledModelsOutputs() throws Exception {
        Random rng = new Random(5);
        Sequential model = new Sequential(new Linear(4, 6, rng), new ReLU(), new Linear(6, 3, rng));
        Sequential noBias = new Sequential(new Linear(4, 3, false, Initializers.glorotUniform(), rng));
        InputScaler scaler = new InputScaler(new double[]{3.5, -2, 0.25, 10}, new double[]{2, 0.5, 1.5, 4});
        // Raw features around the scaler's statistics, as a CSV's would be.
        float[][] raw = Models.randomInputs(9, 50, 4, 1.0);
        float[][] scaled = new float[raw.length][4];
        for (int i = 0; i < raw.length; i++) {
            for (int j = 0; j < 4; j++) {
                raw[i][j] = (float) (scaler.offset()[j] + raw[i][j] * scaler.scale()[j]);
                scaled[i][j] = (float) ((raw[i][j] - scaler.offset()[j]) / scaler.scale()[j]); // as Scaler.transform
            }
        }
        for (Sequential m : List.of(model, noBias)) {
            float[][] expected = Models.jgrad(m, scaled);
            for (boolean fold : new boolean[]{false, true}) {
                OnnxOptions options = OnnxOptions.defaults().withScaler(scaler, fold);
                try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(OnnxExport.toBytes(m, options))) {
                    assertThat(Models.maxAbsDiff(ort.run(raw), expected)).as("fold " + fold).isLessThanOrEqualTo(TOLERANCE);
                }
                assertThat(opTypes(m, options).get(0)).isEqualTo(fold ? "Gemm" : "Sub");
            }
        }
    }

    @Test
    void foldingComputesTheFoldedWeightsAndBias() {
        // W = [[1, 2]], b = [3], offset (1, -1), scale (2, 4): W' = [[0.5, 0.5]], b' = 3 - (0.5*1 + 0.5*-1) = 3.
        OnnxLayerMapping.FoldedLinear f = OnnxLayerMapping.foldInto(new InputScaler(new double[]{1, -1}, new double[]{2, 4}),
                new float[]{1, 2}, new float[]{3}, 1, 2);
        assertThat(f.weight()).containsExactly(0.5f, 0.5f);
        assertThat(f.bias()).containsExactly(3f);
        OnnxLayerMapping.FoldedLinear g = OnnxLayerMapping.foldInto(new InputScaler(new double[]{2, 0}, new double[]{1, 1}),
                new float[]{1, 2}, null, 1, 2);
        assertThat(g.bias()).containsExactly(-2f);
        assertThat(OnnxLayerMapping.foldInto(new InputScaler(new double[]{0, 0}, new double[]{2, 2}),
                new float[]{1, 2}, null, 1, 2).bias()).isNull();
    }

    @Test
    void aModelOfOnlyDropoutStillHasAnOutput() throws Exception {
        Sequential model = new Sequential(new Dropout(0.2, new Random(1)));
        byte[] onnx = OnnxExport.toBytes(model, OnnxOptions.defaults().withInputWidth(3));
        float[][] x = Models.randomInputs(2, 5, 3, 1.0);
        try (OnnxRuntimeRunner ort = new OnnxRuntimeRunner(onnx)) {
            assertThat(ort.run(x)).isDeepEqualTo(x);
        }
    }

    /** A layer of the user's own: ONNX export cannot know what it computes. */
    static final class Doubler extends Module {
        @Override
        public Tensor forward(Tensor x) {
            return x.mul(2f);
        }
    }

    @Test
    void aLayerWithoutAnOnnxFormIsRefusedByNameAndNothingIsWritten(@TempDir Path dir) {
        Sequential model = new Sequential(new Linear(2, 3, new Random(1)), new Sequential(new ReLU(), new Doubler()));
        Path file = dir.resolve("m.onnx");
        assertThatThrownBy(() -> OnnxExport.write(model, OnnxOptions.defaults(), file))
                .isInstanceOf(UnsupportedLayerException.class)
                .hasMessageStartingWith("layer 1.1 (Doubler): ONNX export has no mapping for")
                .hasMessageContaining("it knows Linear, Perceptron, Activation (relu, leaky-relu");
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        Sequential model = new Sequential(new ReLU(), new Linear(2, 3, new Random(1)));
        InputScaler two = new InputScaler(new double[]{0, 0}, new double[]{1, 1});
        assertThatThrownBy(() -> OnnxExport.toBytes(model, OnnxOptions.defaults().withScaler(two, true)))
                .hasMessage("layer 0 (ReLU): comes before the first Linear layer, so the input scaler cannot be folded into"
                        + " weights; export it as nodes instead");
        InputScaler three = new InputScaler(new double[]{0, 0, 0}, new double[]{1, 1, 1});
        assertThatThrownBy(() -> OnnxExport.toBytes(model, OnnxOptions.defaults().withScaler(three, false)))
                .hasMessage("ONNX export: the input scaler has 3 features but the model takes 2 inputs");
        assertThatThrownBy(() -> OnnxOptions.defaults().withOpset(12))
                .hasMessage("ONNX opset 12 is not supported; choose 13 to 21 (default 17)");
        assertThatThrownBy(() -> OnnxExport.toBytes(new Sequential(new Tanh()), OnnxOptions.defaults()))
                .hasMessageContaining("no Linear layer to read the input width from");
        assertThatThrownBy(() -> OnnxExport.toBytes(new Sequential(new Linear(2, 3, new Random(1)), new Softmax(2)),
                OnnxOptions.defaults()))
                .hasMessage("layer 1 (Softmax): axis 2 does not exist on the exported [batch, features] tensor");
        assertThatThrownBy(() -> OnnxExport.toBytes(new Sequential(new Linear(2, 3, new Random(1)), new Linear(4, 1, new Random(1))),
                OnnxOptions.defaults()))
                .hasMessage("layer 1 (Linear): takes 4 inputs but the layers before it give 3");
    }

    @Test
    void writeIsAtomicAndReportsWhatWentIn(@TempDir Path dir) throws Exception {
        Sequential model = new Sequential(new Linear(4, 3, new Random(3)), new ReLU(), new Linear(3, 2, new Random(4)));
        Path file = dir.resolve("m.onnx");
        OnnxExport.Summary s = OnnxExport.write(model, OnnxOptions.defaults(), file);
        assertThat(Files.readAllBytes(file)).isEqualTo(OnnxExport.toBytes(model, OnnxOptions.defaults()));
        assertThat(s).isEqualTo(new OnnxExport.Summary(17, 8, "input", 4, "output", 2, 3, 23, List.of("Gemm", "Relu")));
    }

    private static Linear linear(int in, int out, boolean bias, Random rng) {
        Linear l = new Linear(in, out, bias, Initializers.glorotUniform(), rng);
        if (bias) {
            // Non-zero biases, so that dropping or misplacing them would show.
            for (int i = 0; i < out; i++) {
                l.bias().data()[i] = (float) rng.nextGaussian() * 0.5f;
            }
        }
        return l;
    }

    private static List<String> opTypes(Module model, OnnxOptions options) {
        return OnnxExport.build(model, options).getGraph().getNodeList().stream().map(NodeProto::getOpType).toList();
    }
}

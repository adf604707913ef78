package dev.jgrad.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelImportTest {

    /** A fixture's layers, inputs and the outputs PyTorch computed (see make_pytorch_fixtures.py). */
    record Reference(int[] layers, float[][] inputs, float[][] outputs) {
        static Reference load(String name) throws Exception {
            JsonNode j;
            try (InputStream in = ModelImportTest.class.getResourceAsStream(name)) {
                j = new ObjectMapper().readTree(in);
            }
            int[] layers = new int[j.get("layers").size()];
            for (int i = 0; i < layers.length; i++) {
                layers[i] = j.get("layers").get(i).intValue();
            }
            return new Reference(layers, matrix(j.get("inputs")), matrix(j.get("outputs")));
        }

        private static float[][] matrix(JsonNode rows) {
            float[][] m = new float[rows.size()][];
            for (int i = 0; i < m.length; i++) {
                m[i] = new float[rows.get(i).size()];
                for (int k = 0; k < m[i].length; k++) {
                    m[i][k] = (float) rows.get(i).get(k).doubleValue();
                }
            }
            return m;
        }
    }

    @Test
    void aPytorchReluMlpImportsToPytorchsPredictions() throws Exception {
        Reference ref = Reference.load("pytorch-relu-mlp.json");
        SafetensorsFile weights = Safetensors.decode(SafetensorsTest.fixture("pytorch-relu-mlp.safetensors"), "fixture");
        ModelImport.Result r = ModelImport.sequential(weights, ref.layers(), ReLU::new, WeightLayout.OUT_IN);
        assertThat(r.notes()).isEmpty();
        assertThat(r.model().layers()).extracting(Module::typeName)
                .containsExactly("Linear", "ReLU", "Linear", "ReLU", "Linear");
        assertThat(r.model().namedParameters()).containsOnlyKeys("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
        float[][] got = Models.jgrad(r.model(), ref.inputs());
        assertThat(Models.maxAbsDiff(got, ref.outputs())).isLessThanOrEqualTo(1e-5);
        assertThat(argmax(got)).isEqualTo(argmax(ref.outputs()));
    }

    @Test
    void aPrefixedF16GeluStackWithDropoutAndNoFirstBiasImportsToPytorchsPredictions() throws Exception {
        Reference ref = Reference.load("pytorch-gelu-f16.json");
        SafetensorsFile weights = Safetensors.decode(SafetensorsTest.fixture("pytorch-gelu-f16.safetensors"), "fixture");
        assertThat(weights.tensors()).extracting(SafeTensor::name).containsExactly("net.0.weight", "net.3.bias", "net.3.weight");
        ModelImport.Result r = ModelImport.sequential(weights, ref.layers(), GELU::new, WeightLayout.OUT_IN);
        assertThat(r.notes()).containsExactly("converted to float32: net.0.weight (F16), net.3.weight (F16), net.3.bias (F16)");
        assertThat(((Linear) r.model().get(0)).bias()).isNull();
        assertThat(Models.maxAbsDiff(Models.jgrad(r.model(), ref.inputs()), ref.outputs())).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void jgradsOwnSafetensorsExportImportsToTheSameModel() {
        Random rng = new Random(4);
        Sequential model = new Sequential(new Linear(3, 5, rng), new Tanh(), new Linear(5, 2, rng));
        SafetensorsFile file = SafetensorsFile.ofModel(model, null);
        Sequential back = ModelImport.sequential(file, new int[]{3, 5, 2}, Tanh::new, WeightLayout.OUT_IN).model();
        model.namedParameters().forEach((name, p) -> assertThat(back.namedParameters().get(name).data()).isEqualTo(p.data()));
        float[][] x = Models.randomInputs(1, 8, 3, 1.0);
        assertThat(Models.jgrad(back, x)).isDeepEqualTo(Models.jgrad(model, x));
    }

    @Test
    void inOutKernelsAreTransposed() {
        Random rng = new Random(6);
        Sequential model = new Sequential(new Linear(3, 4, rng), new ReLU(), new Linear(4, 2, rng));
        List<SafeTensor> kernels = new ArrayList<>();
        for (Map.Entry<String, dev.jgrad.nn.Parameter> e : model.namedParameters().entrySet()) {
            int[] s = e.getValue().shape();
            float[] v = e.getValue().data();
            if (s.length == 2) {
                float[] t = new float[v.length];
                for (int r = 0; r < s[0]; r++) {
                    for (int c = 0; c < s[1]; c++) {
                        t[c * s[0] + r] = v[r * s[1] + c];
                    }
                }
                kernels.add(SafeTensor.f32(e.getKey(), t, s[1], s[0]));
            } else {
                kernels.add(SafeTensor.f32(e.getKey(), v, s));
            }
        }
        SafetensorsFile file = new SafetensorsFile(kernels, null);
        ModelImport.Result r = ModelImport.sequential(file, new int[]{3, 4, 2}, ReLU::new, WeightLayout.IN_OUT);
        assertThat(r.notes()).containsExactly("transposed 2 weight matrices from [in, out] to [out, in]");
        float[][] x = Models.randomInputs(2, 6, 3, 1.0);
        assertThat(Models.jgrad(r.model(), x)).isDeepEqualTo(Models.jgrad(model, x));
        assertThatThrownBy(() -> ModelImport.sequential(file, new int[]{3, 4, 2}, ReLU::new, WeightLayout.OUT_IN))
                .hasMessage("tensor '0.weight' has shape [3, 4] but layer 1 of 3-4-2 (Linear 3 -> 4) needs [4, 3] ([out, in],"
                        + " as PyTorch stores it); it is stored [in, out] (Keras, Flax): use the in-out weight layout");
    }

    @Test
    void weightsThatDoNotFitAreRefusedNamingTheTensor() throws Exception {
        SafetensorsFile relu = Safetensors.decode(SafetensorsTest.fixture("pytorch-relu-mlp.safetensors"), "fixture");
        Supplier<Module> act = ReLU::new;
        assertThatThrownBy(() -> ModelImport.sequential(relu, new int[]{6, 9, 5, 3}, act, WeightLayout.OUT_IN))
                .isInstanceOf(ModelImportException.class)
                .hasMessage("tensor '0.weight' has shape [8, 6] but layer 1 of 6-9-5-3 (Linear 6 -> 9) needs [9, 6] ([out, in],"
                        + " as PyTorch stores it)");
        assertThatThrownBy(() -> ModelImport.sequential(relu, new int[]{6, 8, 3}, act, WeightLayout.OUT_IN))
                .hasMessage("the file has 3 Linear layers (indices 0, 2, 4) but the layers 6-8-3 need 2");
        List<SafeTensor> ts = new ArrayList<>(relu.tensors());
        ts.removeIf(t -> t.name().equals("2.weight"));
        assertThatThrownBy(() -> ModelImport.sequential(new SafetensorsFile(ts, null), new int[]{6, 8, 5, 3}, act, WeightLayout.OUT_IN))
                .hasMessage("tensor '2.weight' is missing: the file has '2.bias' but no weight for layer 2 of 6-8-5-3 (Linear 8 -> 5)");
        ts.add(SafeTensor.f32("2.weight", new float[40], 5, 8));
        ts.add(SafeTensor.f32("bn.running_mean", new float[5], 5));
        assertThatThrownBy(() -> ModelImport.sequential(new SafetensorsFile(ts, null), new int[]{6, 8, 5, 3}, act, WeightLayout.OUT_IN))
                .hasMessage("tensor 'bn.running_mean' [5] is not a Linear layer's weight or bias; expected names like 0.weight,"
                        + " 0.bias, 2.weight as in a PyTorch nn.Sequential state_dict");
        ts.removeIf(t -> t.name().equals("2.bias") || t.name().startsWith("bn."));
        ts.add(SafeTensor.f32("2.bias", new float[6], 6));
        assertThatThrownBy(() -> ModelImport.sequential(new SafetensorsFile(ts, null), new int[]{6, 8, 5, 3}, act, WeightLayout.OUT_IN))
                .hasMessage("tensor '2.bias' has shape [6] but layer 2 of 6-8-5-3 (Linear 8 -> 5) needs [5]");
        List<SafeTensor> prefixed = List.of(SafeTensor.f32("a.0.weight", new float[2], 1, 2), SafeTensor.f32("b.2.weight", new float[1], 1, 1));
        assertThatThrownBy(() -> ModelImport.sequential(new SafetensorsFile(prefixed, null), new int[]{2, 1, 1}, act, WeightLayout.OUT_IN))
                .hasMessage("tensor 'b.2.weight' has prefix 'b.' but earlier tensors have 'a.'; expected one nn.Sequential's state_dict");
        SafetensorsFile huge = new SafetensorsFile(List.of(SafeTensor.f32("12345678901.weight", new float[1], 1, 1)), null);
        assertThatThrownBy(() -> ModelImport.sequential(huge, new int[]{1, 1}, act, WeightLayout.OUT_IN))
                .hasMessageStartingWith("tensor '12345678901.weight' [1, 1] is not a Linear layer's weight or bias");
        SafetensorsFile ints = new SafetensorsFile(List.of(new SafeTensor("0.weight", SafetensorsDtype.I32, new int[]{1, 2}, new byte[8])), null);
        assertThatThrownBy(() -> ModelImport.sequential(ints, new int[]{2, 1}, act, WeightLayout.OUT_IN))
                .hasMessage("tensor '0.weight' is I32; weights must be F32, F16, BF16 or F64");
    }

    @Test
    void adjacentLinearIndicesAreNoted() {
        SafetensorsFile f = new SafetensorsFile(List.of(SafeTensor.f32("0.weight", new float[2], 1, 2),
                SafeTensor.f32("1.weight", new float[1], 1, 1)), null);
        assertThat(ModelImport.sequential(f, new int[]{2, 1, 1}, ReLU::new, WeightLayout.OUT_IN).notes())
                .containsExactly("layers 0 and 1 are adjacent: in an nn.Sequential nothing would stand between them, which"
                        + " matches the 'linear' activation only");
    }

    private static int[] argmax(float[][] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 1; k < rows[i].length; k++) {
                if (rows[i][k] > rows[i][out[i]]) {
                    out[i] = k;
                }
            }
        }
        return out;
    }
}

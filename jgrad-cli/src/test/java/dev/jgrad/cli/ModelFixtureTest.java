package dev.jgrad.cli;

import dev.jgrad.cli.model.LoadedModel;
import dev.jgrad.cli.model.ModelInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed format-2 fixture of jgrad-nn, read as eval and predict read a model: its scaler included. */
class ModelFixtureTest {

    @Test
    void theV2FixtureWithThePluralScalerKeysLoadsItsScaler() throws Exception {
        ModelInfo info = LoadedModel.load(Path.of("../jgrad-nn/src/test/resources/fixtures/model-v2.jgrad")).info();
        assertThat(info.scaler()).isNotNull();
        assertThat(info.scaler().offsets()).containsExactly(0.5, -0.25);
        assertThat(info.scaler().scales()).containsExactly(2.0, 1.5);
        assertThat(info.classNames()).containsExactly("no", "yes");
    }
}

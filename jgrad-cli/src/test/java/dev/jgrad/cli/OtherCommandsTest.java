package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** graph, gradcheck, datasets, playground, --help and --version. */
class OtherCommandsTest {

    @Test
    void graphAddMulShowsTheNotesNumbers() {
        Cli.Result r = Cli.run("graph", "--example", "add-mul");
        assertThat(r.code()).isZero();
        // f = (x + y) z at x = -2, y = 5, z = -4: q = 3, f = -12; df/dx = df/dy = z = -4, df/dz = q = 3.
        assertThat(r.out()).contains(
                "x  value -2  grad -4",
                "y  value 5  grad -4",
                "q = add(x, y)  value 3  grad -4",
                "z  value -4  grad 3",
                "f = mul(q, z)  value -12  grad 1");
    }

    @Test
    void graphAsSvgAndDotToAFile(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("neuron.svg");
        Cli.Result r = Cli.run("graph", "--example", "sigmoid-neuron", "--format", "svg", "--out", svg.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("wrote " + svg);
        // The slide's neuron: output 0.73, gradient of w0 -0.2 (= x0 * 0.2).
        assertThat(Files.readString(svg)).startsWith("<svg").contains("0.7311").contains("-0.1966");
        Cli.Result dot = Cli.run("graph", "--example", "square-of-affine", "--format", "dot");
        assertThat(dot.out()).startsWith("digraph jgrad {").contains("36"); // h(2) = (2 * 3)^2 = 36
    }

    @Test
    void graphUnknownExampleIsAUsageError() {
        Cli.Result r = Cli.run("graph", "--example", "mul-add");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown example 'mul-add'").contains("add-mul");
    }

    @Test
    void gradcheckPassesOnASmallNet() {
        Cli.Result r = Cli.run("gradcheck", "--layers", "4,8,3", "--activation", "tanh", "--loss", "cross-entropy",
                "--seed", "3");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("gradient check: MLP 4-8-3 tanh, loss cross-entropy, 4 random samples, seed 3")
                .contains("0.weight").contains("0.bias").contains("2.weight").contains("2.bias")
                .contains("passed: every gradient element is within relative error 0.01 or absolute error 0.001");
        assertThat(r.out()).doesNotContain("FAIL");
    }

    @Test
    void gradcheckOfTheQuadraticCostWithSigmoids() {
        Cli.Result r = Cli.run("gradcheck", "--layers", "3,5,4", "--activation", "sigmoid", "--loss", "mse");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("passed: ");
    }

    @Test
    void gradcheckOfReluChecksKinkedElementsAgainWithASmallerStep() {
        Cli.Result r = Cli.run("gradcheck", "--layers", "6,16,16,4", "--activation", "relu", "--seed", "2");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("h 0.001 (then 0.00025 where a kink was crossed)").contains("passed: ");
    }

    @Test
    void gradcheckFailureExitsWithOne() {
        // No float32 difference quotient is this exact, so the check must fail.
        Cli.Result r = Cli.run("gradcheck", "--layers", "4,8,3", "--tolerance", "1e-12", "--abs-tolerance", "1e-12");
        assertThat(r.code()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.out()).contains("FAILED");
        assertThat(r.errLines()).containsExactly("error: gradient check failed (relative tolerance 1.0E-12, absolute 1.0E-12)");
    }

    @Test
    void datasetsListsWhatIsThere() {
        Cli.Result r = Cli.run("datasets");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("fashion-mnist").contains("mnist").contains("spiral").contains("moons");
        assertThat(r.out()).containsAnyOf("fashion-mnist  installed in /usr/share/datasets/fashion-mnist (60000 training",
                "apt-get install dataset-fashion-mnist");
    }

    @Test
    void playgroundStartsAndPrintsItsAddress() {
        Cli.Result r = Cli.run("playground", "--port", "0", "--run-for", "0.2");
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).containsPattern("jgrad playground at http://127\\.0\\.0\\.1:\\d+/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"train", "eval", "predict", "gradcheck", "graph", "datasets", "playground", "bench"})
    void helpWorksForEveryCommand(String command) {
        Cli.Result r = Cli.run(command, "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("Usage: jgrad " + command).contains("--help");
    }

    @Test
    void benchRejectsBadThreadCountsAsAUsageError() {
        Cli.Result r = Cli.run("bench", "--threads", "0", "--no-peer");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--threads").doesNotContain("\tat ");
    }

    @Test
    void topLevelHelpAndVersion() {
        Cli.Result help = Cli.run("--help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("train").contains("gradcheck").contains("Exit codes");
        Cli.Result version = Cli.run("--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("jgrad ").contains("Java ");
        Cli.Result none = Cli.run();
        assertThat(none.code()).isEqualTo(ExitCodes.USAGE);
    }
}

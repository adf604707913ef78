package dev.jgrad.examples;

import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.Tensor;

/**
 * Prints the notes' worked examples with jgrad's numbers: each graph's nodes with value and gradient, and the
 * logistic-regression update step. Run: {@code java -cp ... dev.jgrad.examples.WorkedExamples}.
 */
public final class WorkedExamples {

    private WorkedExamples() {
    }

    public static void main(String[] args) {
        for (SeedGraph example : SeedGraph.values()) {
            System.out.println("== " + example.title());
            System.out.println(Graph.of(example.build()).toText());
        }
        System.out.println("== logistic regression: one gradient step with alpha = 0.5");
        System.out.println(LogisticStep.run(0.5f));
    }
}

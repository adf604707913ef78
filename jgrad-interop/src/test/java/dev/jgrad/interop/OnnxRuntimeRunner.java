package dev.jgrad.interop;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.util.Map;

/** Runs ONNX bytes in the real ONNX Runtime (its Java package, native library bundled). */
final class OnnxRuntimeRunner implements AutoCloseable {

    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();

    private final OrtSession session;

    OnnxRuntimeRunner(byte[] model) throws OrtException {
        this.session = ENV.createSession(model, new OrtSession.SessionOptions());
    }

    OrtSession session() {
        return session;
    }

    /** Feeds {@code x} ({@code [n][d]}) to the single input and returns the single output {@code [n][k]}. */
    float[][] run(float[][] x) throws OrtException {
        String input = session.getInputNames().iterator().next();
        try (OnnxTensor t = OnnxTensor.createTensor(ENV, x); OrtSession.Result r = session.run(Map.of(input, t))) {
            return (float[][]) r.get(0).getValue();
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}

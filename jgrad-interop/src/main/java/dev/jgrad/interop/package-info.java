/**
 * Moving models between jgrad and the rest of the field: {@link dev.jgrad.interop.OnnxExport} writes a model as
 * ONNX for any ONNX runtime, {@link dev.jgrad.interop.Safetensors} reads and writes the safetensors weight format,
 * and {@link dev.jgrad.interop.ModelImport} builds an MLP from a PyTorch {@code nn.Sequential} state_dict.
 * Which ONNX operators each layer becomes is decided in one place, {@link dev.jgrad.interop.OnnxLayerMapping}.
 *
 * <p><b>Why protobuf-java (lite) with classes generated from onnx.proto.</b> ONNX files are protocol buffers, and
 * the schema is the one normative description of them. The build runs {@code protoc} (fetched from Maven Central
 * by the protobuf-maven-plugin, the same release as the runtime) over {@code src/main/proto/onnx.proto}, vendored
 * unchanged from ONNX 1.12 apart from its Java package, so field numbers, types and encodings come from the
 * specification rather than from hand-written constants, and Google's encoder does the wire format. The lite
 * runtime is what the schema itself asks for ({@code optimize_for = LITE_RUNTIME}) and adds about 1 MB. On Java
 * 23 and later the JVM warns once when protobuf touches {@code sun.misc.Unsafe}; the {@code jgrad} launcher passes
 * {@code --sun-misc-unsafe-memory-access=allow} there (lite code cannot run with it denied).
 * A hand-rolled wire writer would have been smaller but would be a second, untested copy of both. Every
 * exported model is checked by loading and running it in ONNX Runtime in the tests.
 *
 * <p>Safetensors needs no library: its layout is an 8-byte length, a JSON header and raw bytes, written here byte
 * for byte as the reference implementation does; Jackson parses the header.
 */
package dev.jgrad.interop;

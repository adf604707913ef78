package dev.jgrad.interop;

import com.google.protobuf.ByteString;
import dev.jgrad.interop.onnx.proto.OnnxProto.AttributeProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.GraphProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.NodeProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.TensorProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.TensorShapeProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.TypeProto;
import dev.jgrad.interop.onnx.proto.OnnxProto.ValueInfoProto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A graph under construction: float32 initializers and nodes appended in topological order, each node reading
 * the tensors named so far and writing one new one. Names are unique; {@link #finish} renames the last tensor to
 * the graph output.
 */
final class OnnxGraph {

    /** The graph input's dynamic first dimension. */
    static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    // Lite builders have no nested-builder access, so nodes stay open here until finish() adds them in order.
    private final List<NodeProto.Builder> nodes = new ArrayList<>();
    private final int opset;
    private NodeProto.Builder lastNode;
    private String current;

    private final String outputName;

    OnnxGraph(String name, String inputName, int inputWidth, String outputName, int opset) {
        this.opset = opset;
        this.outputName = outputName;
        graph.setName(name);
        graph.addInput(valueInfo(inputName, inputWidth));
        names.add(inputName);
        names.add(outputName); // reserved, so no intermediate tensor takes it
        current = inputName;
    }

    int opset() {
        return opset;
    }

    /** The tensor the next layer reads. */
    String current() {
        return current;
    }

    /** A float32 constant, little-endian raw data, e.g. a weight {@code [out, in]}. Returns its (unique) name. */
    String initializer(String wanted, float[] values, int... dims) {
        String name = unique(wanted);
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT_VALUE).setRawData(ByteString.copyFrom(raw.array()));
        for (int d : dims) {
            t.addDims(d);
        }
        graph.addInitializer(t);
        return name;
    }

    /** A float32 scalar constant (shape {@code []}), broadcast by elementwise nodes. */
    String scalar(String wanted, float value) {
        return initializer(wanted, new float[]{value});
    }

    /**
     * Appends {@code opType(inputs...)}; its output becomes {@link #current()}. Returns the node for attributes.
     * An empty input name is ONNX's "absent optional input".
     */
    NodeProto.Builder node(String opType, String nodeName, String... inputs) {
        String out = unique(nodeName + ".out");
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(opType).setName(unique(nodeName)).addOutput(out);
        for (String in : inputs) {
            n.addInput(in);
        }
        nodes.add(n);
        lastNode = n;
        current = out;
        return n;
    }

    static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto stringAttr(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    /**
     * Declares the graph output {@code [batch, width]}: the last node's output is renamed to it, or, when no node
     * was emitted (a model of dropouts), an Identity copies the input there.
     */
    GraphProto finish(int width, String docString) {
        if (lastNode == null) {
            node("Identity", "output", current);
        }
        lastNode.setOutput(0, outputName);
        current = outputName;
        for (NodeProto.Builder n : nodes) {
            graph.addNode(n);
        }
        graph.addOutput(valueInfo(outputName, width));
        if (docString != null) {
            graph.setDocString(docString);
        }
        return graph.build();
    }

    private static ValueInfoProto valueInfo(String name, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width))
                .build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    private String unique(String wanted) {
        String name = wanted;
        for (int k = 2; !names.add(name); k++) {
            name = wanted + "_" + k;
        }
        return name;
    }
}

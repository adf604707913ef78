#!/usr/bin/env python3
"""Writes the PyTorch fixtures that ModelImportTest and SafetensorsTest read; run once, the outputs are committed.

    apt-get install -y python3-torch && /usr/bin/python3 make_pytorch_fixtures.py

For each model: a real PyTorch nn.Sequential (seeded), its state_dict saved as safetensors, and a JSON file with
inputs and the outputs PyTorch computes for them. The Python `safetensors` package is not packaged for Debian, so
the file is written here by the format's layout rules, as its reference implementation (Rust, `serialize`) does:
  - 8 bytes: the header length N, unsigned 64-bit little-endian;
  - N bytes: compact UTF-8 JSON, "__metadata__" first, then each tensor's {"dtype", "shape", "data_offsets"} in
    data order, padded with spaces (0x20) so that 8 + N is a multiple of 8;
  - the data: tensors sorted by dtype (larger element types first, in the reference's Dtype order), then by name,
    each little-endian and row-major, back to back; data_offsets are relative to the start of the data.
"""
import json
import os
import struct

import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))

# The reference's Dtype enum order; the writer sorts by it, descending.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16", "I32", "U32", "F32", "F64",
               "I64", "U64"]
TORCH_DTYPES = {torch.float32: ("F32", "<f4"), torch.float16: ("F16", "<f2"), torch.float64: ("F64", "<f8")}


def save_safetensors(tensors, metadata, path):
    entries = []
    for name, t in tensors.items():
        dtype, np_type = TORCH_DTYPES[t.dtype]
        data = t.detach().contiguous().numpy().astype(np_type).tobytes()
        entries.append((name, dtype, list(t.shape), data))
    entries.sort(key=lambda e: (-DTYPE_ORDER.index(e[1]), e[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        header["__metadata__"] = metadata
    offset = 0
    for name, dtype, shape, data in entries:
        header[name] = {"dtype": dtype, "shape": shape, "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for _, _, _, data in entries:
            f.write(data)


def save_reference(path, layers, activation, inputs, outputs):
    with open(path, "w") as f:
        json.dump({"layers": layers, "activation": activation, "torch": torch.__version__,
                   "inputs": [[float(v) for v in row] for row in inputs.tolist()],
                   "outputs": [[float(v) for v in row] for row in outputs.tolist()]}, f, indent=1)
        f.write("\n")


def relu_mlp():
    """784-256-128-10 in miniature: Linear, ReLU, Linear, ReLU, Linear; float32; keys 0.*, 2.*, 4.*."""
    torch.manual_seed(19)
    model = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 5), nn.ReLU(), nn.Linear(5, 3)).eval()
    x = torch.randn(10, 6) * 2
    with torch.no_grad():
        y = model(x)
    save_safetensors(model.state_dict(), {"format": "pt"}, os.path.join(HERE, "pytorch-relu-mlp.safetensors"))
    save_reference(os.path.join(HERE, "pytorch-relu-mlp.json"), [6, 8, 5, 3], "relu", x, y)


class Wrapped(nn.Module):
    """A model holding its Sequential as an attribute: the state_dict keys get the prefix 'net.'."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(4, 6, bias=False), nn.GELU(), nn.Dropout(0.1), nn.Linear(6, 2))

    def forward(self, x):
        return self.net(x)


def gelu_half():
    """A bias-free first layer, exact GELU, a Dropout shifting the indices (keys net.0.weight, net.3.*); F16."""
    torch.manual_seed(20)
    model = Wrapped().eval()
    # Stored as float16: the reference uses the same rounded weights, computed in float32.
    state = {k: v.half() for k, v in model.state_dict().items()}
    model.load_state_dict({k: v.float() for k, v in state.items()})
    x = torch.randn(7, 4) * 1.5
    with torch.no_grad():
        y = model(x)
    save_safetensors(state, {"format": "pt"}, os.path.join(HERE, "pytorch-gelu-f16.safetensors"))
    save_reference(os.path.join(HERE, "pytorch-gelu-f16.json"), [4, 6, 2], "gelu", x, y)


if __name__ == "__main__":
    relu_mlp()
    gelu_half()

#!/usr/bin/env python3
"""PyTorch side of the bench's memory row: what `jgrad train --data fashion-mnist --layers 784,256,128,10
--epochs 2` does, as a user would write it (all 60,000 training images as float32 in [0, 1], Adam lr 1e-3, batch
128, shuffled, then accuracy on the 10,000 test images). The bench reads its peak resident memory with
/usr/bin/time.

    python3 torch_mlp_memory.py /usr/share/datasets/fashion-mnist
"""
import gzip
import os
import sys

import numpy as np
import torch


def load(directory, prefix):
    with gzip.open(os.path.join(directory, f"{prefix}-images-idx3-ubyte.gz")) as f:
        x = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)
    with gzip.open(os.path.join(directory, f"{prefix}-labels-idx1-ubyte.gz")) as f:
        y = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    return torch.from_numpy(x.astype(np.float32) / 255.0), torch.from_numpy(y.astype(np.int64))


def main():
    torch.manual_seed(42)
    x, y = load(sys.argv[1], "train")
    xt, yt = load(sys.argv[1], "t10k")
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 128),
                                torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(2):
        order = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            idx = order[i:i + 128]
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    with torch.no_grad():
        acc = (model(xt).argmax(1) == yt).float().mean().item()
    print(f"test accuracy {100 * acc:.2f}%")


if __name__ == "__main__":
    main()

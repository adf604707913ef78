#!/usr/bin/env python3
"""PyTorch side of the bench's time-to-first-result rows: what `jgrad train` (no arguments) and `jgrad predict`
do, as a user would write them, timed from the shell (interpreter start and `import torch` included).

    python3 torch_first_result.py train DIR     # `jgrad train`: 2-16-16-2 ReLU MLP on 480 circle points (420 train,
                                                # 60 validation, 120 test), Adam lr 0.01, 100 epochs, batch 32;
                                                # prints the test accuracy, saves the model and the history CSV
    python3 torch_first_result.py setup DIR     # writes DIR/fashion.pt: a 784-256-128-10 ReLU MLP (weights do not
                                                # matter for timing) for `predict`
    python3 torch_first_result.py predict DIR IMAGE.png   # `jgrad predict`: loads the model and one 28x28
                                                # grayscale PNG, prints the top 3 classes

No plots: Debian's python3 has no matplotlib here, while `jgrad train` also draws four curve files (PNG, SVG).
The PNG is decoded with zlib (no Pillow either): 8-bit grayscale, any filter.
"""
import csv
import math
import os
import struct
import sys
import zlib

import torch

CLASSES = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]


def circle(n, noise, gen):
    """Points in a disc labelled by radius, like jgrad's built-in 'circle' set."""
    r = torch.cat([torch.rand(n // 2, generator=gen) * 2.5, 3.5 + torch.rand(n - n // 2, generator=gen) * 1.5])
    a = torch.rand(n, generator=gen) * 2 * math.pi
    x = torch.stack([r * torch.cos(a), r * torch.sin(a)], 1) + noise * torch.randn(n, 2, generator=gen)
    y = torch.cat([torch.zeros(n // 2, dtype=torch.long), torch.ones(n - n // 2, dtype=torch.long)])
    return x, y


def mlp(widths):
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    return torch.nn.Sequential(*layers)


def train(out_dir):
    gen = torch.Generator().manual_seed(42)
    torch.manual_seed(42)
    x, y = circle(600, 0.1, gen)
    perm = torch.randperm(600, generator=gen)
    x, y = x[perm], y[perm]
    xt, yt, xv, yv, xs, ys = x[:420], y[:420], x[420:480], y[420:480], x[480:], y[480:]
    model = mlp([2, 16, 16, 2])
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    history = []
    for epoch in range(100):
        order = torch.randperm(420, generator=gen)
        total = 0.0
        for i in range(0, 420, 32):
            idx = order[i:i + 32]
            loss = torch.nn.functional.cross_entropy(model(xt[idx]), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        with torch.no_grad():
            val = torch.nn.functional.cross_entropy(model(xv), yv).item()
        history.append((epoch + 1, total / 420, val))
    with torch.no_grad():
        acc = (model(xs).argmax(1) == ys).float().mean().item()
    print(f"test accuracy {100 * acc:.2f}%")
    torch.save(model.state_dict(), os.path.join(out_dir, "model.pt"))
    with open(os.path.join(out_dir, "model.history.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["epoch", "loss", "val_loss"])
        w.writerows(history)


def read_gray_png(path):
    """An 8-bit grayscale, non-interlaced PNG as a list of rows of ints."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color != 0:
                raise ValueError(f"{path}: only 8-bit grayscale")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    rows, prev = [], [0] * width
    for r in range(height):
        ftype = raw[r * (width + 1)]
        line = list(raw[r * (width + 1) + 1:(r + 1) * (width + 1)])
        for i in range(width):
            left = line[i - 1] if i else 0
            up = prev[i]
            ul = prev[i - 1] if i else 0
            if ftype == 1:
                line[i] = (line[i] + left) & 255
            elif ftype == 2:
                line[i] = (line[i] + up) & 255
            elif ftype == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif ftype == 4:
                p = left + up - ul
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - ul)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else ul)) & 255
        rows.append(line)
        prev = line
    return rows


def predict(model_dir, image):
    model = mlp([784, 256, 128, 10])
    model.load_state_dict(torch.load(os.path.join(model_dir, "fashion.pt")))
    model.eval()
    x = torch.tensor(read_gray_png(image), dtype=torch.float32).reshape(1, 784) / 255.0
    with torch.no_grad():
        p = torch.softmax(model(x), 1)[0]
    top = torch.topk(p, 3)
    for prob, k in zip(top.values.tolist(), top.indices.tolist()):
        print(f"{CLASSES[k]:12s} {100 * prob:.1f}%")


def main():
    torch.set_num_threads(1)
    mode, out_dir = sys.argv[1], sys.argv[2]
    if mode == "train":
        train(out_dir)
    elif mode == "setup":
        torch.manual_seed(42)
        torch.save(mlp([784, 256, 128, 10]).state_dict(), os.path.join(out_dir, "fashion.pt"))
    elif mode == "predict":
        predict(out_dir, sys.argv[3])
    else:
        raise SystemExit("usage: torch_first_result.py train|setup|predict DIR [IMAGE]")


if __name__ == "__main__":
    main()

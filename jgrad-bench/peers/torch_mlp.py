#!/usr/bin/env python3
"""PyTorch/numpy side of dev.jgrad.bench.e2e.BenchSuite: the same end-to-end work as JgradBenchmarks.

Prints progress to stderr and one line 'TORCH-MLP-RESULT {json}' to stdout, with the same metric keys:
  train_gelu_b128 / train_huber_b128: the same with GELU hidden units / Huber loss on one-hot targets
  train_b32/128/1024 (samples/s, Adam, cross-entropy, shuffled mini-batches, loss.item() each step; *_cpu: per
  second of process CPU time, steadier on a shared machine),
  infer_b1_us (us, torch.no_grad), infer_big (samples/s), playground_steps (steps/s),
  classic_numpy_s (s per full-batch iteration of the notes' sigmoid loop in numpy).

Usage (Debian's torch lives in the system interpreter, which a pyenv python3 may shadow):
    /usr/bin/python3 jgrad-bench/peers/torch_mlp.py --threads 1 [--scale full|quick|tiny] [--data DIR] [--seed 42]
Set OMP_NUM_THREADS / OPENBLAS_NUM_THREADS to the same count (BenchSuite does), so numpy's BLAS uses it too.
"""
import argparse
import ctypes
import gzip
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

# trainSamples, warmup, runs, bigBatch, classicSamples, classicWarmup, classicRuns, playgroundEpochs, roundSeconds
SCALES = {
    "tiny": (256, 1, 2, 100, 128, 1, 2, 2, 0.005),
    "quick": (1024, 1, 3, 2000, 2000, 1, 2, 2, 0.03),
    "full": (8192, 2, 5, 10000, 60000, 2, 5, 100, 0.25),
}


GEMM_SHAPES = [(128, 784, 256), (128, 256, 128), (256, 256, 256), (1024, 1024, 1024)]


def log(msg):
    print("  " + msg, file=sys.stderr, flush=True)


def openblas_info():
    """Core type and config of the OpenBLAS that numpy/torch load through libblas.so.3, if it is OpenBLAS."""
    for name in ("libblas.so.3", "libopenblas.so.0"):
        try:
            lib = ctypes.CDLL(name)
            lib.openblas_get_corename.restype = ctypes.c_char_p
            lib.openblas_get_config.restype = ctypes.c_char_p
            return lib, lib.openblas_get_corename().decode(), lib.openblas_get_config().decode()
        except (OSError, AttributeError):
            continue
    return None, "?", "?"


def load_fashion(directory, n, seed):
    """First n training images scaled to [0, 1] and labels, or random data of that shape."""
    try:
        with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
            images = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
        with gzip.open(os.path.join(directory, "train-labels-idx1-ubyte.gz")) as f:
            labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
        if len(labels) >= n:
            x = images[: n * 784].reshape(n, 784).astype(np.float32) / 255.0
            return x, labels[:n].astype(np.int64), f"fashion-mnist (first {n} training samples)"
    except OSError as e:
        why = str(e)
    else:
        why = "fewer rows"
    rng = np.random.default_rng(seed)
    return (rng.random((n, 784), dtype=np.float32), rng.integers(0, 10, n),
            f"random [{n}, 784] data, seed {seed} (fashion-mnist not loaded: {why})")


def fashion_mlp(act=torch.nn.ReLU):
    return torch.nn.Sequential(torch.nn.Linear(784, 256), act(), torch.nn.Linear(256, 128),
                               act(), torch.nn.Linear(128, 10))


def train_samples_per_s(x, y, batch, warmup, runs, seed, act=torch.nn.ReLU, huber=False):
    torch.manual_seed(seed)
    model = fashion_mlp(act)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    n = x.shape[0]
    gen = torch.Generator().manual_seed(seed)
    if batch <= 32:
        warmup += 1
    times, cpu = [], []
    for epoch in range(warmup + runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        order = torch.randperm(n, generator=gen)
        for start in range(0, n, batch):
            idx = order[start:start + batch]
            xb, yb = x[idx], y[idx]
            opt.zero_grad()
            out = model(xb)
            loss = F.huber_loss(out, F.one_hot(yb, 10).float(), delta=1.0) if huber else F.cross_entropy(out, yb)
            loss.item()  # the Trainer reads every step's loss too
            loss.backward()
            opt.step()
        if epoch >= warmup:
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    return n / statistics.median(times), n * len(cpu) / sum(cpu)  # CPU: mean, as the Java side (10 ms clock)


def per_call_seconds(fn, warmup, runs, round_seconds):
    results = []
    for r in range(-warmup, runs):
        calls = 0
        t0 = time.perf_counter()
        while True:
            fn()
            calls += 1
            t1 = time.perf_counter()
            if t1 - t0 >= round_seconds:
                break
        if r >= 0:
            results.append((t1 - t0) / calls)
    return statistics.median(results)


def playground_steps_per_s(epochs, warmup, runs, seed):
    """2-8-8-1 tanh on 500 points (a circle-like two-class set), batch 10, MSE, SGD(0.03)."""
    gen = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    radius = torch.cat([torch.rand(250, generator=gen) * 2.5, 3.5 + torch.rand(250, generator=gen) * 1.5])
    angle = torch.rand(500, generator=gen) * 2 * 3.141592653589793
    x = torch.stack([radius * torch.cos(angle), radius * torch.sin(angle)], 1)
    y = torch.cat([torch.ones(250, 1), -torch.ones(250, 1)])
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8), torch.nn.Tanh(),
                                torch.nn.Linear(8, 1), torch.nn.Tanh())
    opt = torch.optim.SGD(model.parameters(), lr=0.03)
    rates, cpu_rates = [], []
    for r in range(-warmup - 2, runs):
        t0 = time.perf_counter()
        c0 = time.process_time()
        for _ in range(epochs):
            order = torch.randperm(500, generator=gen)
            for start in range(0, 500, 10):
                idx = order[start:start + 10]
                opt.zero_grad()
                loss = F.mse_loss(model(x[idx]), y[idx])
                loss.item()
                loss.backward()
                opt.step()
        if r >= 0:
            rates.append(epochs * 50 / (time.perf_counter() - t0))
            cpu_rates.append(epochs * 50 / max(time.process_time() - c0, 1e-9))
    return statistics.median(rates), len(cpu_rates) / sum(1 / r for r in cpu_rates)  # total steps / total CPU


def classic_numpy_seconds(x, labels, warmup, runs, seed):
    """The notes' loop in numpy: sigmoid 784-256-128-10 without biases, MSE on one-hot, full-batch GD."""
    n = x.shape[0]
    t = np.zeros((n, 10), dtype=np.float32)
    t[np.arange(n), labels] = 1
    rng = np.random.default_rng(seed)

    def glorot(fan_in, fan_out):
        lim = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-lim, lim, (fan_in, fan_out)).astype(np.float32)

    w1, w2, w3 = glorot(784, 256), glorot(256, 128), glorot(128, 10)
    lr = np.float32(0.5)

    def sigmoid(z):
        return np.float32(1) / (np.float32(1) + np.exp(-z))

    times = []
    for it in range(warmup + runs):
        t0 = time.perf_counter()
        a1 = sigmoid(x @ w1)
        a2 = sigmoid(a1 @ w2)
        a3 = sigmoid(a2 @ w3)
        loss = np.mean((a3 - t) ** 2)
        d3 = (np.float32(2.0 / a3.size) * (a3 - t)) * a3 * (1 - a3)
        g3 = a2.T @ d3
        d2 = (d3 @ w3.T) * a2 * (1 - a2)
        g2 = a1.T @ d2
        d1 = (d2 @ w2.T) * a1 * (1 - a1)
        g1 = x.T @ d1
        w1 -= lr * g1
        w2 -= lr * g2
        w3 -= lr * g3
        float(loss)
        if it >= warmup:
            times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--scale", default="full", choices=sorted(SCALES))
    ap.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--only", default="all", choices=("all", "trainer"),
                    help="trainer: only the three Trainer rows (for the bench's alternating jgrad/PyTorch pairs)")
    args = ap.parse_args()
    train_n, warmup, runs, big, classic_n, c_warm, c_runs, pg_epochs, round_s = SCALES[args.scale]

    torch.set_num_threads(args.threads)
    lib, core, config = openblas_info()
    if lib is not None and hasattr(lib, "openblas_set_num_threads"):
        lib.openblas_set_num_threads(args.threads)
    torch.manual_seed(args.seed)

    x_np, y_np, source = load_fashion(args.data, max(train_n, big, classic_n), args.seed)
    x = torch.from_numpy(x_np[:train_n].copy())
    y = torch.from_numpy(y_np[:train_n].copy())
    metrics = {}
    for batch in (32, 128, 1024):
        log(f"torch {args.threads}t: train b{batch}")
        metrics[f"train_b{batch}"], metrics[f"train_b{batch}_cpu"] = train_samples_per_s(x, y, batch, warmup, runs,
                                                                                        args.seed)
    if args.only == "trainer":
        print("TORCH-MLP-RESULT " + json.dumps({"threads": args.threads, "torch": torch.__version__, "data": source,
                                                "metrics": metrics}), flush=True)
        return
    log(f"torch {args.threads}t: train gelu b128")
    metrics["train_gelu_b128"] = train_samples_per_s(x, y, 128, warmup, runs, args.seed, act=torch.nn.GELU)[0]
    log(f"torch {args.threads}t: train huber b128")
    metrics["train_huber_b128"] = train_samples_per_s(x, y, 128, warmup, runs, args.seed, huber=True)[0]

    log(f"torch {args.threads}t: gemm")
    gen = torch.Generator().manual_seed(args.seed)
    for form in ("nn", "tn", "nt"):
        for m, k, n in GEMM_SHAPES:
            # Stored as the form says (tn: A is stored k x m) and used through transposed views, as jgrad does.
            a = torch.rand((k, m) if form[0] == "t" else (m, k), generator=gen) - 0.5
            b = torch.rand((n, k) if form[1] == "t" else (k, n), generator=gen) - 0.5
            a = a.t() if form[0] == "t" else a
            b = b.t() if form[1] == "t" else b
            out = torch.empty(m, n)
            secs = per_call_seconds(lambda: torch.mm(a, b, out=out), warmup, runs, round_s)
            metrics[f"gemm_{form}_{m}x{k}x{n}"] = 2.0 * m * n * k / secs / 1e9

    log(f"torch {args.threads}t: inference")
    model = fashion_mlp().eval()
    one = torch.from_numpy(x_np[:1].copy())
    many = torch.from_numpy(x_np[:big].copy())

    def infer(inp):
        with torch.no_grad():
            model(inp)

    metrics["infer_b1_us"] = 1e6 * per_call_seconds(lambda: infer(one), warmup, runs, round_s)
    metrics["infer_big"] = big / per_call_seconds(lambda: infer(many), warmup, runs, round_s)

    log(f"torch {args.threads}t: playground")
    metrics["playground_steps"], metrics["playground_steps_cpu"] = playground_steps_per_s(pg_epochs, warmup, runs,
                                                                                          args.seed)

    log(f"numpy {args.threads}t: classic loop")
    metrics["classic_numpy_s"] = classic_numpy_seconds(x_np[:classic_n], y_np[:classic_n], c_warm, c_runs, args.seed)

    result = {
        "threads": args.threads,
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "openblas_core": core,
        "openblas_config": config,
        "env": {k: os.environ.get(k, "(unset)") for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE",
                                                          "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
        "data": source,
        "metrics": metrics,
    }
    print("TORCH-MLP-RESULT " + json.dumps(result), flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""GEMM GFLOPS in PyTorch for the same shapes and forms as dev.jgrad.bench.GemmReport, for a side-by-side table.

Usage (Debian's packaged torch lives in the system interpreter):
    /usr/bin/python3 jgrad-bench/peers/torch_gemm.py [threads ...]      # default: 1 2

Each thread count runs in a fresh interpreter with OMP_NUM_THREADS and OPENBLAS_NUM_THREADS set: Debian's torch
calls the system BLAS (OpenBLAS, pthreads), which ignores torch.set_num_threads and would otherwise use every core
even for the "1 thread" rows.

Reports the best wall-clock figure over 10 rounds of ~0.3 s after 2 s of warm-up, and for one thread also the
figure per second of process CPU time (robust to other processes sharing the cores), as the Java report does.
"""
import os
import subprocess
import sys
import time

import torch

SHAPES = [(128, 784, 256), (128, 256, 128), (256, 256, 256), (1024, 1024, 1024)]
FORMS = ["NN", "TN", "NT"]


def operands(m, k, n, form, gen):
    # Stored like the Java benchmark: TN means A is stored k x m and used transposed (a view, as jgrad does).
    a = torch.rand((k, m) if form[0] == "T" else (m, k), generator=gen) - 0.5
    b = torch.rand((n, k) if form[1] == "T" else (k, n), generator=gen) - 0.5
    return (a.t() if form[0] == "T" else a), (b.t() if form[1] == "T" else b)


def measure(m, k, n, form):
    gen = torch.Generator().manual_seed(42)
    a, b = operands(m, k, n, form, gen)
    out = torch.empty(m, n)
    flops = 2.0 * m * n * k
    reps = 1
    warm_end = time.perf_counter() + 2.0
    while time.perf_counter() < warm_end:
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b, out=out)
        if time.perf_counter() - t0 < 0.15:
            reps *= 2
    best_wall = best_cpu = 0.0
    for _ in range(10):
        c0 = time.process_time()
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.mm(a, b, out=out)
        t1 = time.perf_counter()
        c1 = time.process_time()
        best_wall = max(best_wall, flops * reps / (t1 - t0) / 1e9)
        best_cpu = max(best_cpu, flops * reps / max(c1 - c0, 1e-9) / 1e9)
    return best_wall, best_cpu


def run(threads):
    torch.set_num_threads(threads)
    for form in FORMS:
        for m, k, n in SHAPES:
            wall, cpu = measure(m, k, n, form)
            cpu_text = f"{cpu:.1f}" if threads == 1 else "-"
            print(f"| {threads} | {form} | {m}x{k}x{n} | {wall:.1f} | {cpu_text} |", flush=True)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run(int(sys.argv[2]))
        return
    thread_counts = [int(t) for t in sys.argv[1:]] or [1, 2]
    print(f"torch {torch.__version__}, python {sys.version.split()[0]}")
    print()
    print("| threads | form | m x k x n | GFLOPS (wall) | GFLOPS (process CPU) |")
    print("|---|---|---|---|---|", flush=True)
    for threads in thread_counts:
        env = dict(os.environ, OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads),
                   MKL_NUM_THREADS=str(threads))
        subprocess.run([sys.executable, __file__, "--child", str(threads)], env=env, check=True)


if __name__ == "__main__":
    main()

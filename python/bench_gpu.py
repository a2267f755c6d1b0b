#!/usr/bin/env python3
"""GPU (or CPU) time and memory of the shipped TorchScript predictor plus the rasterizer math.

There is no JVM on the GPU machine, so this times what the Java side runs, in PyTorch: the model
package's ``model.pt`` (the same TorchScript file DJL loads) and ``gsinpaint.render`` (the same math
as the Java PatchRasterizer; a shared fixture proves it).

    python3 python/bench_gpu.py --model models/gs-inpaint-v1            # CUDA, writes to $OUT if set
    /usr/bin/python3 python/bench_gpu.py --device cpu --runs 5 --warmup 2  # quick check without a GPU

Per image size (``--sizes``, default 256 and 1024; one image, batch 1, RGB with ~12% free-form
strokes from gsinpaint.masks) and rasterizer mode:
- ``all``: render_field with every patch at once (the whole tile in one batched product);
- ``rows=R``: render_field patch-wise, R rows of 16-px patches per group (``--patch-rows``);
- ``holes``: render_patches of only the patches that contain hole pixels (what the Java filler does).
Times are the median (and 10th/90th percentiles) over ``--runs`` runs after ``--warmup`` runs,
taken with CUDA events (wall clock on the CPU), for the predictor, the rasterizer and both. Peak
GPU memory is torch.cuda.max_memory_allocated over the timed runs of that case (reset before each).
Prints a markdown table; writes bench_gpu.md and bench_gpu.tsv into --out (default: $OUT if set).
"""

import argparse
import os
import platform
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
from gsinpaint.render import render_field, render_patches, PATCH  # noqa: E402
from gsinpaint.masks import make_mask  # noqa: E402


def load_model(path, device):
    if os.path.isdir(path):
        path = os.path.join(path, "model.pt")
    net = torch.jit.load(path, map_location=device)
    net.eval()
    return net, path


def make_input(size, seed, device):
    rng = np.random.default_rng(seed)
    # a smooth random image with some texture (content does not change the cost)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    img = np.stack([0.5 + 0.3 * np.sin(6.0 * x + c) * np.cos(4.0 * y - c) for c in range(3)])
    img += 0.05 * rng.standard_normal(img.shape).astype(np.float32)
    mask = np.zeros((size, size), bool)
    while mask.mean() < 0.10:  # free-form strokes, about 12% of the image
        mask |= make_mask(rng, size, size, "stroke")
    m = mask[None].astype(np.float32)
    x4 = np.concatenate([np.clip(img, 0, 1) * (1 - m), m], 0)[None]
    ph = size // PATCH
    hole_patches = sorted({(yy // PATCH) * ph + xx // PATCH for yy, xx in zip(*np.nonzero(mask))})
    return torch.from_numpy(x4.astype(np.float32)).to(device), hole_patches, float(mask.mean())


class Timer:
    """CUDA events on a GPU, perf_counter on the CPU."""

    def __init__(self, device):
        self.cuda = device.type == "cuda"

    def mark(self):
        if self.cuda:
            e = torch.cuda.Event(enable_timing=True)
            e.record()
            return e
        return time.perf_counter()

    def elapsed_ms(self, a, b):
        if self.cuda:
            return a.elapsed_time(b)
        return (b - a) * 1000.0

    def sync(self):
        if self.cuda:
            torch.cuda.synchronize()


def run_case(net, x, hole_patches, mode, runs, warmup, device):
    timer = Timer(device)
    idx = torch.as_tensor(hole_patches, dtype=torch.long, device=device)

    def once():
        t0 = timer.mark()
        g = net(x)
        if isinstance(g, (tuple, list)):
            g = g[0]
        t1 = timer.mark()
        if mode == "all":
            y = render_field(g)
        elif mode == "holes":
            y = render_patches(g[0], idx)
        else:
            y = render_field(g, patch_rows=int(mode.split("=")[1]))
        t2 = timer.mark()
        return t0, t1, t2, y

    with torch.inference_mode():
        for _ in range(warmup):
            once()
        timer.sync()
        if device.type == "cuda":
            torch.cuda.reset_peak_memory_stats(device)
        marks = []
        for _ in range(runs):
            t0, t1, t2, _ = once()
            marks.append((t0, t1, t2))
            if device.type != "cuda":
                pass
        timer.sync()
    pred = np.array([timer.elapsed_ms(a, b) for a, b, _ in marks])
    rast = np.array([timer.elapsed_ms(b, c) for _, b, c in marks])
    tot = np.array([timer.elapsed_ms(a, c) for a, _, c in marks])
    peak = torch.cuda.max_memory_allocated(device) / 2 ** 20 if device.type == "cuda" else float("nan")
    return pred, rast, tot, peak


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/gs-inpaint-v1", help="model package folder or model.pt")
    ap.add_argument("--device", default=None, help="cuda (default when available) or cpu")
    ap.add_argument("--sizes", default="256,1024")
    ap.add_argument("--patch-rows", default="2", help="comma list of R for the patch-wise modes")
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--warmup", type=int, default=20)
    ap.add_argument("--threads", type=int, default=None, help="torch.set_num_threads (CPU)")
    ap.add_argument("--out", default=os.environ.get("OUT"))
    args = ap.parse_args()

    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if args.threads:
        torch.set_num_threads(args.threads)
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        devname = torch.cuda.get_device_name(device)
    else:
        devname = "CPU, %d threads (%d cores)" % (torch.get_num_threads(), os.cpu_count() or 0)
    net, path = load_model(args.model, device)
    modes = ["all"] + ["rows=%d" % int(r) for r in args.patch_rows.split(",") if r.strip()] + ["holes"]

    head = ("| image | holes | mode | predictor ms | rasterizer ms | total ms (median) | total p10-p90 |"
            " peak GPU MiB |")
    lines = ["## Predictor + rasterizer, PyTorch", "",
             "Command: `python3 python/bench_gpu.py %s`  " % " ".join(sys.argv[1:]),
             "Date: %s  " % time.strftime("%Y-%m-%d %H:%M %Z"),
             "Device: %s; torch %s, CUDA %s; %s, Python %s  " % (devname, torch.__version__, torch.version.cuda,
                                                                  platform.platform(), platform.python_version()),
             "Model: `%s`; batch 1, %d timed runs after %d warm-up runs, medians" % (args.model, args.runs,
                                                                                      args.warmup), "",
             head, "|---|---:|---|---:|---:|---:|---:|---:|"]
    tsv = ["size\thole_frac\thole_patches\tmode\tpredictor_ms\trasterizer_ms\ttotal_ms\ttotal_p10\ttotal_p90"
           "\tpeak_gpu_mib"]
    print("\n".join(lines), flush=True)
    for size in [int(s) for s in args.sizes.split(",")]:
        x, holes, frac = make_input(size, 1, device)
        for mode in modes:
            try:
                pred, rast, tot, peak = run_case(net, x, holes, mode, args.runs, args.warmup, device)
            except RuntimeError as e:  # out of memory etc.: record and go on
                msg = str(e).splitlines()[0][:80]
                line = "| %dx%d | %.1f%% | %s | failed: %s | | | | |" % (size, size, 100 * frac, mode, msg)
                if device.type == "cuda":
                    torch.cuda.empty_cache()
            else:
                line = "| %dx%d | %.1f%% (%d patches) | %s | %.2f | %.2f | %.2f | %.2f-%.2f | %s |" % (
                    size, size, 100 * frac, len(holes), mode, np.median(pred), np.median(rast), np.median(tot),
                    np.percentile(tot, 10), np.percentile(tot, 90), "n/a" if np.isnan(peak) else "%.0f" % peak)
                tsv.append("%d\t%.4f\t%d\t%s\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.1f" % (
                    size, frac, len(holes), mode, np.median(pred), np.median(rast), np.median(tot),
                    np.percentile(tot, 10), np.percentile(tot, 90), peak))
            lines.append(line)
            print(line, flush=True)
    lines += ["", "For reference, the method's paper reports 32.52 ms per image and LaMa 15.80 ms."]
    print(lines[-1])
    if args.out:
        os.makedirs(args.out, exist_ok=True)
        with open(os.path.join(args.out, "bench_gpu.md"), "w") as fh:
            fh.write("\n".join(lines) + "\n")
        with open(os.path.join(args.out, "bench_gpu.tsv"), "w") as fh:
            fh.write("\n".join(tsv) + "\n")


if __name__ == "__main__":
    main()

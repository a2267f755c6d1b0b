#!/usr/bin/env python3
"""Exports an UNTRAINED network of the shipped architecture as a model package, for timing only.

    /usr/bin/python3 python/make_proxy_model.py --out target/proxy-model [--size 256]

Speed does not depend on the weights, so the benchmarks of time and memory (bench_cpu.py,
bench_gpu.py, the JMH PredictorBenchmark) can run before a trained model exists. Its fills are
meaningless: never use it for quality figures. Architecture: gsinpaint.model.GSInpaintNet with its
defaults (torch.jit.script); descriptor: the test fixture's, with the tile size set to --size.
"""

import argparse
import hashlib
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
from gsinpaint.model import GSInpaintNet  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--size", type=int, default=256, help="tile size written to model.json")
    args = ap.parse_args()
    torch.manual_seed(0)
    net = GSInpaintNet().eval()
    os.makedirs(args.out, exist_ok=True)
    pt = os.path.join(args.out, "model.pt")
    torch.jit.script(net).save(pt)
    with open(os.path.join(os.path.dirname(HERE), "src", "test", "resources", "fixtures", "fake-model",
                           "model.json")) as fh:
        d = json.load(fh)
    d["name"] = "proxy-untrained"
    d["description"] = "Untrained GSInpaintNet (python/make_proxy_model.py), for timing only."
    d["tile"]["size"] = args.size
    with open(pt, "rb") as fh:
        d["weights"]["torchscript"]["sha256"] = hashlib.sha256(fh.read()).hexdigest()
    d["weights"]["torchscript"]["pytorch_version"] = torch.__version__
    with open(os.path.join(args.out, "model.json"), "w") as fh:
        json.dump(d, fh, indent=2)
        fh.write("\n")
    print("wrote %s (%.1f M parameters)" % (pt, sum(p.numel() for p in net.parameters()) / 1e6))


if __name__ == "__main__":
    main()

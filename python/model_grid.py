#!/usr/bin/env python3
"""A picture grid of models side by side on development cases: masked input, ground truth, each
model's output (TIFFs written by the plugin's command line, named ``<case id>.tif``) and
scikit-image's biharmonic fill. Two cases per image kind, the mask kinds cycling, so every mask
kind appears.

    python3 python/model_grid.py --dev data/dev --out models/gs-inpaint-v2/grid.png \\
        --outputs v1=/tmp/out-v1 v2=/tmp/out-v2 --manifest-for /tmp/grid-cases.tsv

``--manifest-for`` only writes a command-line manifest of the picked cases (image, mask, output
``<dir>/<id>.tif``) for each ``--outputs`` folder, then stops: run the command line on it with
each model, then call again without it.
"""

import argparse
import os

import benchmark
from gsinpaint.data import read_manifest


def pick(rows, per_kind=2):
    kinds, masks = [], []
    for r in rows:
        if r["image_kind"] not in kinds:
            kinds.append(r["image_kind"])
        if r["mask_kind"] not in masks:
            masks.append(r["mask_kind"])
    out, k = [], 0
    for kind in kinds:
        for _ in range(per_kind):
            want = masks[k % len(masks)]
            k += 1
            cand = [r for r in rows if r["image_kind"] == kind and r["mask_kind"] == want]
            if cand:
                out.append(cand[0])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default="data/dev")
    ap.add_argument("--outputs", nargs="+", required=True, help="name=folder of <id>.tif")
    ap.add_argument("--out", default="grid.png")
    ap.add_argument("--manifest-for", default=None)
    ap.add_argument("--size", type=int, default=128)
    args = ap.parse_args()
    cases = pick(read_manifest(args.dev))
    named = [o.split("=", 1) for o in args.outputs]
    if args.manifest_for:
        for name, folder in named:
            with open("%s.%s.tsv" % (os.path.splitext(args.manifest_for)[0], name), "w") as fh:
                for r in cases:
                    fh.write("%s\t%s\t%s\n" % (os.path.abspath(os.path.join(args.dev, r["image_path"])),
                                               os.path.abspath(os.path.join(args.dev, r["mask_path"])),
                                               os.path.join(os.path.abspath(folder), r["id"] + ".tif")))
        return
    outputs = [(name, {r["id"]: (os.path.join(folder, r["id"] + ".tif"),) for r in cases})
               for name, folder in named]
    benchmark.make_grid(args.dev, cases, outputs, ["biharmonic"], args.out, size=args.size)
    print("wrote %s: %d cases" % (args.out, len(cases)))


if __name__ == "__main__":
    main()

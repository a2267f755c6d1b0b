#!/usr/bin/env python3
"""Splits a light checkpoint into parts under a size (the GPU machine returns files of <= 16 MiB)
and joins them again.

    python3 python/split_ckpt.py split runs/v2-light.pt OUTDIR     # OUTDIR/part-0.pt, part-1.pt
    python3 python/split_ckpt.py join OUTDIR runs/v2-light.pt
"""

import glob
import os
import sys

import torch

from gsinpaint.checkpoints import atomic_save, load_own


def split(path, out, parts=2):
    ck = load_own(path)
    keys = list(ck["model"])
    os.makedirs(out, exist_ok=True)
    for i in range(parts):
        part = dict(ck) if i == 0 else {}
        part["model"] = {k: ck["model"][k] for k in keys[i::parts]}
        atomic_save(part, os.path.join(out, "part-%d.pt" % i))


def join(folder, path):
    files = sorted(glob.glob(os.path.join(folder, "part-*.pt")))
    ck = load_own(files[0])
    for f in files[1:]:
        ck["model"].update(load_own(f)["model"])
    atomic_save(ck, path)


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("split", "join"):
        sys.exit(__doc__)
    (split if sys.argv[1] == "split" else join)(sys.argv[2], sys.argv[3])

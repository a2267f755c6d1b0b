#!/usr/bin/env python3
"""Rewrite a model package's TorchScript from its own weights with this checkout's network code.

    python3 python/rescript.py models/gs-inpaint-v2

For changes to the network's code that keep its math (a layout, an order of operations): the
weights are read from the package's ``model.pt``, loaded into ``GSInpaintNet`` with the package's
configuration, scripted and saved over ``model.pt``; the reference tile (``reference-input.npy``)
must come out as the old file gave it (within 1e-4), its output is saved as
``reference-output.npy``, and ``model.json`` gets the new file's sha256. Nothing is written when
the check fails. Run with Debian's torch 1.13, whose TorchScript loads in the plugin's libtorch.
"""

import argparse
import hashlib
import json
import os

import numpy as np
import torch

from gsinpaint.model import GSInpaintNet


def network_of(desc):
    """The package's network, as its descriptor describes it (widths, blocks, prior)."""
    arch = desc.get("architecture", {})
    return GSInpaintNet(widths=tuple(arch.get("widths", (24, 64, 128, 160))),
                        n_bottleneck=int(arch.get("bottleneck_blocks", 3)),
                        prior_input=desc.get("prior", "none") != "none",
                        attention=int(arch.get("attention_blocks", 0)))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("package", help="a model package folder (model.json, model.pt, reference-*.npy)")
    args = ap.parse_args(argv)
    jpath = os.path.join(args.package, "model.json")
    with open(jpath) as fh:
        desc = json.load(fh)
    mpath = os.path.join(args.package, desc["weights"]["source"])
    old = torch.jit.load(mpath, map_location="cpu").eval()
    net = network_of(desc)
    net.load_state_dict(old.state_dict())
    net.eval()
    x = torch.from_numpy(np.load(os.path.join(args.package, "reference-input.npy")))
    tmp = mpath + ".tmp"
    torch.jit.script(net).save(tmp)
    new = torch.jit.load(tmp, map_location="cpu").eval()
    with torch.no_grad():
        y_old, y = old(x), new(x)
    diff = float((y - y_old).abs().max())
    if not diff < 1e-4:
        os.remove(tmp)
        raise SystemExit("rescript.py: the new TorchScript differs from the old by %g on the "
                         "reference tile: the code change is not math-preserving" % diff)
    os.replace(tmp, mpath)
    np.save(os.path.join(args.package, "reference-output.npy"),
            np.ascontiguousarray(y.numpy(), dtype="<f4"))
    with open(mpath, "rb") as fh:
        desc["weights"]["sha256"] = hashlib.sha256(fh.read()).hexdigest()
    desc["weights"]["pytorch_version_saved"] = torch.__version__
    with open(jpath + ".tmp", "w") as fh:
        json.dump(desc, fh, indent=1)  # the layout export.py writes
    os.replace(jpath + ".tmp", jpath)
    print("%s: rescripted, reference tile within %.2g of the old file" % (args.package, diff))


if __name__ == "__main__":
    main()

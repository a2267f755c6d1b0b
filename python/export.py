#!/usr/bin/env python3
"""Export a trained checkpoint as a model package (docs/ARCHITECTURE.md, "Model package format").

    python3 python/export.py --ckpt runs/ckpt-light.pt --out models/gs-inpaint-v1 \
        [--metrics-csv dev_eval.csv] [--metrics-md dev_eval.md]

Writes into ``--out``:
- ``model.pt``: TorchScript (torch.jit.script) of the network, reloaded and checked after saving;
- ``reference-input.npy`` [1,4,256,256] float32 built from a development image and mask, and
  ``reference-output.npy`` [1,9,128,128] float32, the field the saved model gives for it;
- ``model.json``: the descriptor (bioimage.io spirit);
- ``README.md``: the model card.

Save with the torch you want the package to be loaded with; the project saves with Debian's torch
1.13 (known to load in DJL 0.36 / libtorch 2.7.1).
"""

import argparse
import csv
import datetime
import hashlib
import json
import os

import numpy as np
import torch

from gsinpaint.model import GSInpaintNet, count_params, count_flops  # noqa: E402
from gsinpaint import render as R  # noqa: E402
from gsinpaint.checkpoints import load_own  # noqa: E402
from gsinpaint.prior import TRAINING_SWEEPS, harmonic_fill  # noqa: E402
from gsinpaint.gpu_data import DEFAULT_KIND_WEIGHTS  # noqa: E402

NAME = "gs-inpaint-v1"
VERSION = "1.1.0"
TILE = 256


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for b in iter(lambda: fh.read(1 << 20), b""):
            h.update(b)
    return h.hexdigest()


def load_checkpoint(path):
    ck = load_own(path)
    cfg = ck.get("config") or {}  # v2 checkpoints (gsinpaint.trainer) record the architecture
    model = GSInpaintNet(prior_input=cfg.get("prior_input", False),
                         attention=cfg.get("attention", 0))
    model.load_state_dict(ck["model"])
    model.eval()
    return model, ck.get("state", {}), ck.get("args", {})


def reference_case(data_root, prior_input=False):
    """A [1,4,256,256] input from a development image + mask (fallback: a synthetic image); for a
    model conditioned on the harmonic prior, the hole holds that prior."""
    x, desc = _reference_case(data_root)
    if prior_input:
        t = torch.from_numpy(x)
        x = torch.cat([harmonic_fill(t[:, :3], t[:, 3:], iterations=400), t[:, 3:]], 1).numpy()
    return x, desc


def _reference_case(data_root):
    try:
        from gsinpaint.data import read_manifest, load_dev_case
        root = os.path.join(data_root, "dev")
        rows = read_manifest(root)
        pick = [r for r in rows if r["mask_kind"] == "stroke" and r["image_kind"] == "photo"] or rows
        r = pick[0]
        img, mask, _ = load_dev_case(root, r)
        t = np.repeat(img[None], 3, 0) if img.ndim == 2 else img.transpose(2, 0, 1)
        m = mask[None].astype(np.float32)
        x = np.concatenate([t * (1 - m), m], 0)[None].astype(np.float32)
        return x, "development case %s" % r["id"]
    except Exception as e:  # no dev set here
        print("note: no dev case (%s); using a synthetic reference input" % e)
        yy, xx = np.mgrid[0:TILE, 0:TILE].astype(np.float32) / TILE
        img = np.stack([0.5 + 0.4 * np.sin(6 * xx), 0.5 + 0.4 * np.cos(5 * yy), xx * yy])
        m = np.zeros((1, TILE, TILE), np.float32)
        m[:, 96:160, 64:192] = 1
        x = np.concatenate([img * (1 - m), m], 0)[None].astype(np.float32)
        return x, "synthetic gradient image with a 64x128 box hole"


def read_metrics(csv_path):
    """Mean in-hole PSNR / SSIM / MAE per method x image kind and method x mask kind."""
    recs = []
    with open(csv_path) as fh:
        for r in csv.DictReader(fh):
            recs.append(r)
    out = {}
    for key in ("mask_kind", "image_kind"):
        tab = {}
        for r in recs:
            for g in (r[key], "all"):
                d = tab.setdefault(g, {}).setdefault(r["method"], {"psnr": [], "ssim": [], "mae": []})
                for m in ("psnr", "ssim", "mae"):
                    try:
                        v = float(r[m])
                    except (KeyError, ValueError):
                        continue
                    if np.isfinite(v):
                        d[m].append(v)
        out[key] = {g: {meth: {m: (round(float(np.mean(v)), 4) if v else None) for m, v in d.items()}
                        | {"n": len(d["psnr"])} for meth, d in mt.items()} for g, mt in tab.items()}
    return out


def cpu_ms(scripted, x, threads=2, reps=30):
    """(min wall, median wall, min process CPU time) in ms for one forward pass."""
    import time
    torch.set_num_threads(threads)
    with torch.no_grad():
        for _ in range(3):
            scripted(x)
        ts, cs = [], []
        for _ in range(reps):
            t, c = time.time(), time.process_time()
            scripted(x)
            ts.append(time.time() - t)
            cs.append(time.process_time() - c)
    ts.sort()
    return 1000 * ts[0], 1000 * ts[len(ts) // 2], 1000 * min(cs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ckpt", default="runs/ckpt-light.pt")
    ap.add_argument("--out", default="models/" + NAME)
    ap.add_argument("--data", default="data")
    ap.add_argument("--metrics-csv", default=None, help="evaluate.py --out-csv output (optional)")
    ap.add_argument("--metrics-md", default=None, help="evaluate.py --out-md output (optional)")
    ap.add_argument("--time-cpu", action="store_true", help="time the model on 2 CPU threads")
    ap.add_argument("--border-band", type=float, default=None,
                    help="postprocess.border_band for the plugin (px; see python/tune_hybrid.py)")
    ap.add_argument("--border-share", type=float, default=None, help="postprocess.border_share")
    ap.add_argument("--border-note", default=None, help="postprocess.note: how the band was chosen")
    ap.add_argument("--version", default=VERSION, help="package version (bump when weights change)")
    ap.add_argument("--name", default=NAME, help="package name (models/<name>)")
    ap.add_argument("--gpu", default="1x NVIDIA H100 80GB (bf16 autocast)",
                    help="what it was trained on, for the card")
    ap.add_argument("--train-notes", default=None,
                    help="free text on the training history for model.json and the card")
    args = ap.parse_args()

    model, state, targs = load_checkpoint(args.ckpt)
    logmse = float(targs.get("logmse_weight", 0.0) or 0.0)
    # train_gpu.py's hole terms are always per image; its checkpoints record it from 2.7.0 on,
    # and the older ones are known by an option only that trainer has (--prefetch)
    per_image = bool(targs.get("per_image_loss", "prefetch" in targs))
    os.makedirs(args.out, exist_ok=True)
    # keep a post-processing choice made on the development set (python/tune_hybrid.py)
    postprocess = None
    old = os.path.join(args.out, "model.json")
    if os.path.isfile(old):
        try:
            with open(old) as fh:
                postprocess = json.load(fh).get("postprocess")
        except ValueError:
            postprocess = None
    if args.border_band is not None:
        postprocess = dict(postprocess or {})
        postprocess["border_band"] = args.border_band
        if args.border_share is not None:
            postprocess["border_share"] = args.border_share
        if args.border_note is not None:
            postprocess["note"] = args.border_note
    scripted = torch.jit.script(model)
    mpath = os.path.join(args.out, "model.pt")
    scripted.save(mpath)
    reloaded = torch.jit.load(mpath, map_location="cpu")
    reloaded.eval()

    prior_input = bool(model.prior_input)
    x, ref_desc = reference_case(args.data, prior_input)
    with torch.no_grad():
        y_eager = model(torch.from_numpy(x))
        y = reloaded(torch.from_numpy(x))
    diff = float((y - y_eager).abs().max())
    if not diff < 1e-4:
        raise SystemExit("reloaded TorchScript differs from the eager model by %g" % diff)
    np.save(os.path.join(args.out, "reference-input.npy"), np.ascontiguousarray(x, dtype="<f4"))
    np.save(os.path.join(args.out, "reference-output.npy"),
            np.ascontiguousarray(y.numpy(), dtype="<f4"))

    n_params = count_params(model)
    gflop = count_flops(model, TILE, TILE) / 1e9
    timing = None
    if args.time_cpu:
        timing = cpu_ms(reloaded, torch.from_numpy(x))

    sources = None
    sp = os.path.join(args.data, "sources.json")
    if os.path.isfile(sp):
        with open(sp) as fh:
            sources = json.load(fh)
    metrics = read_metrics(args.metrics_csv) if args.metrics_csv else None

    desc = {
        "format_version": "gsinpaint-model/1 (in the spirit of bioimage.io model RDF 0.5)",
        "type": "model",
        "name": args.name,
        "version": args.version,
        "description": "Inpainting of masked regions (scratches, specks, detector gaps, labels, "
                       "damaged regions) as a dense field of 2D Gaussians rendered by a patch-level "
                       "rasterizer; a small U-Net with AdaLN bottleneck modulated by a learned "
                       "global semantic token.",
        "authors": [{"name": "2DGS Inpainting contributors"}],
        "license": "BSD-2-Clause",
        "created": datetime.date.today().isoformat(),
        "documentation": "README.md",
        "weights": {"format": "torchscript", "source": "model.pt", "sha256": sha256(mpath),
                    "pytorch_version_saved": torch.__version__.split("+")[0],
                    "loads_in": "libtorch 2.7.1 (DJL 0.36 pytorch-engine)"},
        "architecture": {"parameters": n_params, "gflop_per_256_tile": round(gflop, 3),
                         "widths": list(model.widths), "bottleneck_blocks": len(model.mid),
                         "attention_blocks": len(model.attn),
                         "semantic_branch": "trained CNN token (no pretrained DINOv2 available)"},
        "inputs": [{"name": "x", "axes": ["b", "c", "y", "x"], "data_type": "float32",
                    "shape": {"min": [1, 4, 16, 16], "step": [1, 0, 16, 16]},
                    "channels": (["image r (hole: harmonic fill)", "image g (hole: harmonic fill)",
                                  "image b (hole: harmonic fill)", "mask (1 = hole)"]
                                 if prior_input else
                                 ["image r (0 in the hole)", "image g (0 in the hole)",
                                  "image b (0 in the hole)", "mask (1 = hole)"]),
                    "test_tensor": "reference-input.npy"}],
        "outputs": [{"name": "g", "axes": ["b", "c", "y", "x"], "data_type": "float32",
                     "shape": {"reference_tensor": "x", "scale": [1, None, 0.5, 0.5],
                               "channels": 9},
                     "channels": ["dx", "dy", "l11", "l21", "l22", "opacity", "c0", "c1", "c2"],
                     "test_tensor": "reference-output.npy"}],
        # v2: the hole of the input holds the harmonic fill of the whole hole, and the rendered
        # Gaussians are a correction added to that input image
        "prior": "harmonic" if prior_input else "none",
        # the plugin solves the prior as training did (red-black sweeps per level of a pyramid)
        **({"prior_sweeps": TRAINING_SWEEPS} if prior_input else {}),
        "render": "correction" if prior_input else "image",
        "tile": {"size": TILE, "multiple": 16, "halo": 32, "minimum": 64},
        "rasterizer": {"stride": R.STRIDE, "patch": R.PATCH, "ring": R.RING, "l_floor": R.L_FLOOR,
                       "l_ceiling": R.L_FLOOR + R.L_SPAN, "offset_bound": 1.0,
                       "sum": "un-normalised, no compositing",
                       "base_centre": "(2j + 0.5, 2i + 0.5)"},
        "normalisation": "per region, robust 0.5 / 99.5 percentiles of the known finite context "
                         "pixels mapped to [0, 1] (per channel, or shared across an RGB image's "
                         "channels); grey images repeated into 3 channels; hole pixels set to 0 "
                         + ("and then to the harmonic fill of the whole hole (solved as in "
                            "training: prior_sweeps red-black sweeps per level of a pyramid); the "
                            "render is added to that input image, " if prior_input
                            else "")
                         + "the rendered output is composited into the hole only and mapped back.",
        "reference": {"input": ref_desc, "max_abs_diff_reloaded_vs_eager": diff},
        "training": {
            "steps": state.get("step"), "images_seen": state.get("images"),
            "chunks": state.get("chunks"),
            "gpu_seconds": round(float(state.get("gpu_seconds", 0.0)), 1),
            "train_seconds": round(float(state.get("train_seconds", 0.0)), 1),
            "gpu": args.gpu,
            "batch": targs.get("batch"), "tile": targs.get("size"), "optimizer": "AdamW",
            "lr": targs.get("lr"), "schedule": "warm-up + cosine over cumulative training time",
            "losses": "L1 (whole image) + 4 x L1 (hole) + 1 x L1 (8-px ring) + 0.5 x (1 - SSIM) "
                      "and 0.5 x gradient L1 of the composite on hole + ring + 0.05 x semantic "
                      "alignment (negative cosine)" + (
                          " + %g x log10(in-hole MSE + 1e-4), mean over images" % logmse
                          if logmse else ""),
            # v1: a DataLoader share; v2: the synthetic pool's kind weight in gsinpaint.gpu_data
            "synthetic_fraction": targs.get("synthetic_frac",
                                            DEFAULT_KIND_WEIGHTS["synthetic"]),
            "last_chunk_options": {"per_image_loss": per_image, "logmse_weight": logmse},
            "notes": args.train_notes,
            "data": sources,
        },
        "postprocess": postprocess,
        "metrics": metrics,
        "cpu_ms_per_256_tile_2_threads": (None if timing is None else
                                          {"min": round(timing[0], 1), "median": round(timing[1], 1),
                                           "process_cpu_ms_min": round(timing[2], 1),
                                           "load_average": round(os.getloadavg()[0], 2),
                                           "torch": torch.__version__.split("+")[0]}),
    }
    if desc["postprocess"] is None:
        del desc["postprocess"]
    with open(os.path.join(args.out, "model.json"), "w") as fh:
        json.dump(desc, fh, indent=1)
    metrics_md = None
    if args.metrics_md and os.path.isfile(args.metrics_md):
        with open(args.metrics_md) as fh:
            metrics_md = fh.read()
    with open(os.path.join(args.out, "README.md"), "w") as fh:
        fh.write(model_card(desc, metrics_md))
    print("exported %s: %d params, %.2f GFLOP/256 tile, sha256 %s"
          % (args.out, n_params, gflop, desc["weights"]["sha256"][:16]))
    if timing:
        print("CPU 2 threads: wall min %.1f ms, median %.1f ms, process CPU min %.1f ms per 256 tile"
              % timing)


def model_card(d, metrics_md):
    t = d["training"]
    a = d["architecture"]
    prior = d.get("prior", "none") != "none"
    lines = [
        "# %s (version %s)" % (d["name"], d["version"]), "",
        d["description"], "",
        "## Use", "",
        "Load `model.pt` (TorchScript) with libtorch / DJL. Input `x` [B,4,H,W] float32, H and W "
        "multiples of 16: the normalised image (grey repeated to 3 channels) with hole pixels "
        + ("holding the harmonic fill of the whole hole as training computes it (`harmonic_fill` "
           "of python/gsinpaint/prior.py, %s red-black sweeps per level: `\"prior_sweeps\": %s`)"
           % (d.get("prior_sweeps"), d.get("prior_sweeps")) if prior else "set to 0")
        + ", and the mask (1 = hole). Output `g` [B,9,H/2,W/2]: activated Gaussian parameters "
        "(dx, dy, l11, l21, l22, opacity, colour x 3), to be rendered by the project's patch "
        "rasterizer (stride 2, 16-px patches, ring of 2 grid points, see docs/ARCHITECTURE.md)"
        + (", added to the input image" if prior else "")
        + " and composited into the hole only. Tiles of 256 px with a 32 px halo.", "",
        "## Architecture", "",
        "- %d parameters, %.2f GFLOP per 256x256 tile." % (a["parameters"], a["gflop_per_256_tile"]),
        "- The input is folded 2x2 into channels (lossless) and encoded by a U-Net-like encoder "
        "(GroupNorm, SiLU, strided convolutions) down to 1/16; three residual blocks at 1/16 are "
        "modulated by AdaLN (instance norm, scale/shift, zero-initialised gated residual) from a "
        "global semantic token; the decoder returns to 1/2 resolution (the Gaussian grid) with "
        "additive skips; a 3x3 head gives the 9 raw channels, activated as in the contract "
        + ("(colour: a correction to the prior, in units of the initial field's weight sum)."
           if prior else "(colour is a residual over the local mean of the known pixels).")
        + ("" if not a.get("attention_blocks") else
           " After the AdaLN blocks, %d global self-attention blocks over the 1/16 cells (a "
           "depthwise 3x3 convolution for position, zero-initialised gates) give every cell the "
           "whole tile as context." % a["attention_blocks"]),
        "- Semantic token: the method's paper uses a frozen DINOv2 ViT-B/14 CLS token, aligned from "
        "the masked to the clean image. No pretrained weights can be obtained in this project's "
        "build environment, so a small CNN branch (the masked image at 1/4 size) is trained with "
        "the network, with the same alignment objective (masked-image token, through an MLP, "
        "towards the stop-gradient token of the clean image). `GSInpaintNet(semantic=\"dinov2\", "
        "dino_weights=...)` keeps a path for a local DINOv2 weights file (not used here).", "",
    ]
    if d.get("cpu_ms_per_256_tile_2_threads"):
        c = d["cpu_ms_per_256_tile_2_threads"]
        lines += ["Time per 256x256 tile, 2 threads (torch %s, TorchScript, network only): "
                  "wall min %.1f ms, median %.1f ms, measured on a shared 2-core build machine "
                  "with load average %.1f; the process CPU time (both threads together) was "
                  "at least %.1f ms. Not measured on an unloaded machine. The rasterizer adds its "
                  "own cost."
                  % (c["torch"], c["min"], c["median"], c["load_average"], c["process_cpu_ms_min"]), ""]
    lines += [
        "## Training", "",
        "- %s steps, batch %s, %s px tiles, %s images seen; %.0f GPU seconds on %s."
        % (t["steps"], t["batch"], t["tile"], t["images_seen"], t["gpu_seconds"], t["gpu"]),
        "- Optimiser %s, peak LR %s in the last chunk (each round's in the notes below), %s."
        % (t["optimizer"], t["lr"], t["schedule"]),
        "- Loss: %s." % t["losses"],
    ] + (["- %s" % t["notes"]] if t.get("notes") else []) + [
        "- Masks: scratches, specks, detector gaps, boxes, strokes, LaMa-style wide strokes "
        "(project's own generators). Images: random crops of the real images below (flips, "
        "rotations, gamma/contrast, noise) and %s synthetic images (dead leaves, "
        "fluorescence-microscopy-like, textures)." % (
            "%d%%" % round(100 * t["synthetic_fraction"]) if t.get("synthetic_fraction") is not None
            else "some"), "",
        "### Training data (Debian packages)", "",
        "| package | version | licence | train images |", "|---|---|---|---:|",
    ]
    srcs = (t.get("data") or {}).get("sources", []) if isinstance(t.get("data"), dict) else []
    for s in srcs:
        lines.append("| %s | %s | %s | %s |" % (s.get("package"), s.get("version"), s.get("licence"),
                                               s.get("train_images")))
    lines += ["", "Reserved for independent evaluation and never used here: scikit-image's bundled "
              "images, OpenCV samples, mate-backgrounds, pydicom test files.", ""]
    lines += ["## Development-set results", ""]
    if metrics_md:
        lines += ["Mean over the project's fixed development set (256x256 crops of held-out "
                  "images, seeded masks); PSNR and MAE in the hole after compositing, SSIM on the "
                  "whole image. `model` is this package.", "", metrics_md.strip(), ""]
    else:
        lines += ["(not evaluated at export)", ""]
    lines += [
        "## Limitations", "",
        "- Trained for about %.0f GPU minutes on a few hundred real photographs plus synthetic "
        "images: it fills smooth structure and continues edges, it does not invent plausible "
        "large-scale content; large holes in textured images come out blurred." % (t["gpu_seconds"] / 60.0),
        "- The fill is a model's guess: never use inpainted pixels for quantitative measurement.",
        "- Known pixels are never altered (the plugin composites into the hole only).", "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()

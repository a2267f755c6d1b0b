#!/usr/bin/env python3
"""Chooses the border band of the hybrid 2DGS fill on the development set.

The 2DGS model renders from one Gaussian per 2x2 pixels, which caps how exactly it can continue
fine texture into a hole 1-3 px wide, while a biharmonic fill is at its best there. The hybrid
keeps the model's values deeper than BAND pixels from the known pixels and re-solves the band
next to the known pixels biharmonically, with the model's interior as extra boundary values, so a
thin defect gets the smooth fill and a wide one the model's content with a seamless border.

    /usr/bin/python3 python/tune_hybrid.py --model models/gs-inpaint-v1/model.pt --bands 0,1,1.5,2,3,4

Prints mean in-hole PSNR per mask kind and image kind for the model alone (band 0), biharmonic
alone and each band and share. The Java core's BorderBand implements the same rule.

``--held-out`` also checks the choice for overfitting: the source images are split in two halves,
and on each half the setting with the best mean PSNR on the other half is scored against
biharmonic, so the margins it prints come from images the choice never saw. The halves pair the
source images (00-01, 04-05, ... against 02-03, 06-07, ...) because the development set gives the
thin masks to even and the wide ones to odd image numbers.

``--from-csv docs/bench/quality.csv --method ours-2dgs`` prints the same per-half margins for a
method of ``python/benchmark.py`` (the plugin's own outputs) without running anything.
"""
import argparse
import os
import sys
import time
from multiprocessing import Pool

import numpy as np
from scipy.ndimage import distance_transform_edt

from gsinpaint.data import read_manifest, load_dev_case  # noqa: E402
from evaluate import run_biharmonic, composite, metrics  # noqa: E402


def band_fill(img, mask, model_out, maxv, band):
    """Biharmonic fill of the band (distance <= band) with the model's deeper values as boundary;
    returns it and the band mask."""
    dist = distance_transform_edt(mask)
    inner = mask & (dist > band)
    seeded = np.where(inner[..., None] if img.ndim == 3 else inner, model_out, img)
    ring = mask & ~inner
    if band <= 0 or not ring.any():
        return model_out, ring
    return run_biharmonic(seeded.astype(np.float32), ring, maxv), ring


def hybrid(img, mask, model_out, maxv, band, alpha=1.0):
    """In the band: alpha * (biharmonic band fill) + (1 - alpha) * model; deeper: the model."""
    smooth, ring = band_fill(img, mask, model_out, maxv, band)
    r = ring[..., None] if img.ndim == 3 else ring
    return np.where(r, alpha * smooth + (1 - alpha) * model_out, model_out)


def model_outputs(root, rows, model_path):
    import torch
    from gsinpaint.render import render_field
    net = torch.jit.load(model_path, map_location="cpu").eval()
    outs = []
    for r in rows:
        img, mask, _ = load_dev_case(root, r)
        t = np.repeat(img[None], 3, 0) if img.ndim == 2 else img.transpose(2, 0, 1)
        m = mask[None].astype(np.float32)
        x = torch.from_numpy(np.concatenate([t * (1 - m), m], 0)[None].astype(np.float32))
        with torch.no_grad():
            y = render_field(net(x))[0].numpy()
        outs.append(y.mean(0) if img.ndim == 2 else y.transpose(1, 2, 0))
    return outs


def _case(args):
    root, row, out, bands, alphas = args
    img, mask, maxv = load_dev_case(root, row)
    res = {}
    for b in bands:
        smooth, ring = band_fill(img, mask, out, maxv, b)
        r = ring[..., None] if img.ndim == 3 else ring
        for a in alphas:
            mix = np.where(r, a * smooth + (1 - a) * out, out)
            res["band %g a %g" % (b, a)] = metrics(img, composite(img, mix, mask, maxv), mask)[0]
    res["biharmonic"] = metrics(img, composite(img, run_biharmonic(img, mask, maxv), mask, maxv), mask)[0]
    return row, res


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default="data/dev")
    ap.add_argument("--model", help="the model.pt to tune (not needed with --from-csv)")
    ap.add_argument("--bands", default="0,1,1.5,2,3,4")
    ap.add_argument("--alphas", default="1")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--show", default=None,
                    help='with --held-out: per-half margins of one setting, e.g. "band 5 a 0.9"')
    ap.add_argument("--held-out", action="store_true",
                    help="choose on one half of the source images, score on the other (both ways)")
    ap.add_argument("--from-csv", default=None, help="a benchmark.py quality.csv: per-half margins only")
    ap.add_argument("--method", default="ours-2dgs", help="with --from-csv: the method to score")
    args = ap.parse_args()
    if args.from_csv:
        show_halves(results_from_csv(args.from_csv), args.method)
        return
    if not args.model:
        ap.error("--model is required unless --from-csv is given")
    bands = [float(b) for b in args.bands.split(",")]
    alphas = [float(a) for a in args.alphas.split(",")]
    rows = read_manifest(args.dev)
    t0 = time.time()
    outs = model_outputs(args.dev, rows, args.model)
    with Pool(args.jobs) as pool:
        results = pool.map(_case, [(args.dev, r, o, bands, alphas) for r, o in zip(rows, outs)], chunksize=4)
    cols = ["band %g a %g" % (b, a) for b in bands for a in alphas] + ["biharmonic"]
    for key in ("mask_kind", "image_kind"):
        groups = sorted({r[key] for r, _ in results}) + ["all"]
        print("\n| %s | %s |" % (key, " | ".join(cols)))
        print("|---|" + "---:|" * len(cols))
        for g in groups:
            sel = [res for r, res in results if g == "all" or r[key] == g]
            print("| %s | %s |" % (g, " | ".join("%.2f" % np.mean([s[c] for s in sel]) for c in cols)))
    if args.held_out:
        held_out_report(results, cols[:-1])
        if args.show:
            show_halves(results, args.show)
    print("(%.0f s)" % (time.time() - t0), file=sys.stderr)


def image_half(row):
    """0 or 1 from the source image's number in the case id: photo_00_scratch, photo_01_box,
    photo_04_gap ... -> 0; photo_02_specks, photo_03_wide ... -> 1."""
    return int(row["id"].split("_")[1]) // 2 % 2


def margins(results, setting, half=None):
    """Mean margin over biharmonic (dB) per mask kind and per image kind, on one half or all."""
    test = [(r, res) for r, res in results if half is None or image_half(r) == half]
    out = {}
    for key in ("mask_kind", "image_kind"):
        for g in sorted({r[key] for r, _ in test}):
            out[g] = np.mean([res[setting] - res["biharmonic"] for r, res in test if r[key] == g])
    return out


def show_halves(results, setting):
    for h in (0, 1):
        m = margins(results, setting, h)
        print("\n%s on half %d, margin over biharmonic in dB: %s"
              % (setting, h, ", ".join("%s %+.2f" % kv for kv in m.items())))


def results_from_csv(path):
    """benchmark.py's quality.csv (one line per case and method) -> [(row, {method: psnr})]."""
    import csv
    cases = {}
    with open(path) as fh:
        for r in csv.DictReader(fh):
            row, res = cases.setdefault(r["id"], (r, {}))
            res[r["method"]] = float(r["psnr"])
    return list(cases.values())


def held_out_report(results, settings):
    print("\n| setting | worst margin half 0 | worst margin half 1 | worst on all |")
    print("|---|---:|---:|---:|")
    for c in settings:
        w = [min(margins(results, c, h).values()) for h in (0, 1)]
        allm = margins(results, c)
        print("| %s | %+.2f | %+.2f | %+.2f (%s) |" % (c, w[0], w[1], min(allm.values()),
                                                    min(allm, key=allm.get)))
    for half in (0, 1):
        pick = [res for r, res in results if image_half(r) != half]
        best = max(settings, key=lambda c: np.mean([s[c] for s in pick]))
        n = sum(1 for r, _ in results if image_half(r) == half)
        m = margins(results, best, half)
        print("\nchosen on half %d: %s; scored on half %d (%d cases), margin over biharmonic in dB:"
              % (1 - half, best, half, n))
        print("  " + ", ".join("%s %+.2f" % kv for kv in m.items()))


if __name__ == "__main__":
    main()

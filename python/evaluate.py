#!/usr/bin/env python3
"""Score inpainting methods on the development set (data/dev/manifest.tsv).

    python3 python/evaluate.py --dev data/dev --out-md dev_peers.md --out-csv dev_peers.csv
    python3 python/evaluate.py --methods telea,ns --limit 20
    python3 python/evaluate.py --methods model --model models/<name>/model.pt

Per case: mean in-hole PSNR (images scaled to [0,1]: 8-bit by 255, 16-bit by 65535), whole-image
SSIM (data_range 1) and in-hole MAE, after compositing the known pixels back (every method).
Methods: telea, ns (cv2.inpaint, radius 3), biharmonic (skimage), gmic (G'MIC patch-based
inpaint), model (TorchScript 2DGS model rendered by gsinpaint.render.render_field).
A method that fails on a case records NaN and the run goes on.
"""

import argparse
import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool

import numpy as np
import cv2

from gsinpaint.data import read_manifest, load_dev_case  # noqa: E402

PEERS = ("telea", "ns", "biharmonic", "gmic")
GMIC_TIMEOUT = 120


# ----------------------------------------------------------------------------- peers
def _to_int(img, maxv):
    return np.round(np.clip(img, 0, 1) * maxv).astype(np.uint16 if maxv > 255 else np.uint8)


def run_cv2(img, mask, maxv, flag):
    m8 = mask.astype(np.uint8) * 255
    if img.ndim == 2 and maxv > 255:
        try:
            out = cv2.inpaint(_to_int(img, 65535), m8, 3, flag)
            return out.astype(np.float32) / 65535.0
        except cv2.error:
            pass  # fall back to 8 bits
    src = _to_int(img, 255)
    if src.ndim == 3:
        src = cv2.cvtColor(src, cv2.COLOR_RGB2BGR)
    out = cv2.inpaint(src, m8, 3, flag)
    if out.ndim == 3:
        out = cv2.cvtColor(out, cv2.COLOR_BGR2RGB)
    return out.astype(np.float32) / 255.0


def run_biharmonic(img, mask, maxv):
    from skimage.restoration import inpaint_biharmonic
    kw = {"channel_axis": -1} if img.ndim == 3 else {}
    src = img.astype(np.float64).copy()
    src[mask] = 0
    try:
        out = inpaint_biharmonic(src, mask, split_into_regions=True, **kw)
    except TypeError:  # older signature
        out = inpaint_biharmonic(src, mask, multichannel=img.ndim == 3)
    return out.astype(np.float32)


def run_gmic(img, mask, maxv):
    exe = shutil.which("gmic")
    if exe is None:
        raise RuntimeError("gmic not found")
    d = tempfile.mkdtemp(prefix="gmic_")
    try:
        src = _to_int(img, maxv)
        if src.ndim == 3:
            src = cv2.cvtColor(src, cv2.COLOR_RGB2BGR)
        src = src.copy()
        src[mask] = 0
        ip, mp, op = os.path.join(d, "img.png"), os.path.join(d, "mask.png"), os.path.join(d, "out.pfm")
        cv2.imwrite(ip, src)
        cv2.imwrite(mp, mask.astype(np.uint8) * 255)
        cmd = [exe, "-v", "-1", ip, mp, "inpaint[0]", "[1],11,22,0.5,1,0,0,0.05,10,1", "keep[0]", "o", op]
        subprocess.run(cmd, check=True, timeout=GMIC_TIMEOUT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        out = cv2.imread(op, cv2.IMREAD_UNCHANGED)
        if out is None:
            raise RuntimeError("gmic wrote no output")
        out = out.astype(np.float32)
        if out.ndim == 3 and img.ndim == 2:
            out = out.mean(2)
        elif out.ndim == 3:
            out = cv2.cvtColor(out, cv2.COLOR_BGR2RGB)
        elif img.ndim == 3:
            out = np.repeat(out[..., None], 3, 2)
        return out / maxv
    finally:
        shutil.rmtree(d, ignore_errors=True)


def run_peer(name, img, mask, maxv):
    if name == "telea":
        return run_cv2(img, mask, maxv, cv2.INPAINT_TELEA)
    if name == "ns":
        return run_cv2(img, mask, maxv, cv2.INPAINT_NS)
    if name == "biharmonic":
        return run_biharmonic(img, mask, maxv)
    if name == "gmic":
        return run_gmic(img, mask, maxv)
    raise ValueError(name)


# ----------------------------------------------------------------------------- metrics
def composite(gt, out, mask, maxv):
    """The repaired image as it would be stored: the method's values in the hole, rounded to the
    image's integer levels (``maxv`` = the stored maximum, e.g. 255), the ground truth elsewhere.
    Every method is scored after that rounding, as every method's output is saved in the input's
    type (OpenCV's already is; a float fill that is not rounded would gain up to 1/12 level^2 of
    MSE for free, which decides ties between near-perfect fills of tiny holes)."""
    out = np.clip(np.nan_to_num(out.astype(np.float32), nan=0.0), 0, 1)
    out = np.round(out * maxv) / np.float32(maxv)
    res = gt.copy()
    res[mask] = out[mask]
    return res


def metrics(gt, res, mask):
    from skimage.metrics import structural_similarity
    d = (res[mask] - gt[mask]).astype(np.float64)
    mse = float(np.mean(d * d))
    psnr = 100.0 if mse <= 1e-10 else 10 * math.log10(1.0 / mse)
    mae = float(np.mean(np.abs(d)))
    kw = {"channel_axis": -1} if gt.ndim == 3 else {}
    ssim = float(structural_similarity(gt, res, data_range=1.0, **kw))
    return psnr, ssim, mae


def _peer_case(args):
    root, row, methods = args
    cv2.setNumThreads(1)
    img, mask, maxv = load_dev_case(root, row)
    recs = []
    for m in methods:
        t0 = time.time()
        try:
            out = run_peer(m, img, mask, maxv)
            if out.shape != img.shape:
                raise RuntimeError("shape %s != %s" % (out.shape, img.shape))
            psnr, ssim, mae = metrics(img, composite(img, out, mask, maxv), mask)
        except Exception as e:  # record and go on
            print("  %s failed on %s: %s" % (m, row["id"], str(e)[:200]), file=sys.stderr)
            psnr = ssim = mae = float("nan")
        recs.append(dict(id=row["id"], image_kind=row["image_kind"], mask_kind=row["mask_kind"], method=m,
                         hole_frac=float(mask.mean()), psnr=psnr, ssim=ssim, mae=mae, seconds=time.time() - t0))
    return recs


# ----------------------------------------------------------------------------- model
def run_model(root, rows, model_path, device=None, batch=16, method_name="model"):
    import torch
    from gsinpaint.render import render_field
    dev = torch.device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    net = torch.jit.load(model_path, map_location=dev)
    net.eval()
    recs = []
    for b0 in range(0, len(rows), batch):
        chunk = rows[b0:b0 + batch]
        cases = [load_dev_case(root, r) for r in chunk]
        xs = []
        for img, mask, _ in cases:
            t = np.repeat(img[None], 3, 0) if img.ndim == 2 else img.transpose(2, 0, 1)
            m = mask[None].astype(np.float32)
            xs.append(np.concatenate([t * (1 - m), m], 0))
        t0 = time.time()
        try:
            with torch.no_grad():
                x = torch.from_numpy(np.stack(xs).astype(np.float32)).to(dev)
                field = net(x)
                if isinstance(field, (tuple, list)):
                    field = field[0]
                y = render_field(field).float().cpu().numpy()
            err = None
        except Exception as e:
            y, err = None, e
            print("  model failed on batch %d: %s" % (b0, str(e)[:300]), file=sys.stderr)
        dt = (time.time() - t0) / len(chunk)
        for k, (r, (img, mask, maxv)) in enumerate(zip(chunk, cases)):
            try:
                if y is None:
                    raise RuntimeError(str(err))
                out = y[k].mean(0) if img.ndim == 2 else y[k].transpose(1, 2, 0)
                psnr, ssim, mae = metrics(img, composite(img, out, mask, maxv), mask)
            except Exception as e:
                print("  model scoring failed on %s: %s" % (r["id"], e), file=sys.stderr)
                psnr = ssim = mae = float("nan")
            recs.append(dict(id=r["id"], image_kind=r["image_kind"], mask_kind=r["mask_kind"], method=method_name,
                             hole_frac=float(mask.mean()), psnr=psnr, ssim=ssim, mae=mae, seconds=dt))
    return recs


# ----------------------------------------------------------------------------- report
def _mean(v):
    v = np.array([x for x in v if not np.isnan(x)], float)
    return (float(v.mean()) if len(v) else float("nan")), len(v)


def table(recs, key, methods, title):
    groups = []
    for r in recs:
        if r[key] not in groups:
            groups.append(r[key])
    lines = ["### %s" % title, "",
             "| %s | method | n | PSNR in hole (dB) | SSIM | MAE in hole |" % key.replace("_", " "),
             "|---|---|---:|---:|---:|---:|"]
    for g in groups + ["all"]:
        for m in methods:
            sel = [r for r in recs if r["method"] == m and (g == "all" or r[key] == g)]
            if not sel:
                continue
            p, n = _mean([r["psnr"] for r in sel])
            s, _ = _mean([r["ssim"] for r in sel])
            a, _ = _mean([r["mae"] for r in sel])
            nfail = len(sel) - n
            ntxt = "%d" % n + (" (%d NaN)" % nfail if nfail else "")
            lines.append("| %s | %s | %s | %.2f | %.4f | %.4f |" % (g, m, ntxt, p, s, a))
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default="data/dev", help="development set folder (with manifest.tsv)")
    ap.add_argument("--methods", default=",".join(PEERS),
                    help="comma list of: %s, model" % ", ".join(PEERS))
    ap.add_argument("--model", default=None, help="TorchScript model.pt (adds method 'model')")
    ap.add_argument("--model-name", default="model", help="name of the model row in the tables")
    ap.add_argument("--device", default=None)
    ap.add_argument("--limit", type=int, default=None, help="only the first N cases (quick runs)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out-md", default=None)
    ap.add_argument("--out-csv", default=None)
    args = ap.parse_args()

    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    if args.model and "model" not in methods:
        methods.append("model")
    rows = read_manifest(args.dev)
    if args.limit:
        # spread a quick run over all cells instead of the first rows
        step = max(1, len(rows) // args.limit)
        rows = rows[::step][:args.limit]
    peers = [m for m in methods if m in PEERS]
    unknown = [m for m in methods if m not in PEERS and m != "model"]
    if unknown:
        ap.error("unknown methods: %s" % unknown)

    t0 = time.time()
    recs = []
    if peers:
        jobs = [(args.dev, r, peers) for r in rows]
        if args.jobs > 1:
            with Pool(args.jobs) as pool:
                for i, rr in enumerate(pool.imap(_peer_case, jobs, chunksize=2)):
                    recs.extend(rr)
                    if (i + 1) % 25 == 0:
                        print("  %d/%d cases (%.0f s)" % (i + 1, len(rows), time.time() - t0), file=sys.stderr)
        else:
            for j in jobs:
                recs.extend(_peer_case(j))
    if "model" in methods:
        if not args.model:
            ap.error("--model is needed for method 'model'")
        recs.extend(run_model(args.dev, rows, args.model, args.device, method_name=args.model_name))
        methods = [args.model_name if m == "model" else m for m in methods]

    secs = {m: _mean([r["seconds"] for r in recs if r["method"] == m])[0] for m in methods}
    md = ["## Development set: %d cases, %s" % (len(rows), ", ".join(methods)), "",
          "Mean seconds per case: " + ", ".join("%s %.3f" % (m, secs[m]) for m in methods), "",
          table(recs, "mask_kind", methods, "By mask kind"), table(recs, "image_kind", methods, "By image kind")]
    text = "\n".join(md)
    print(text)
    if args.out_md:
        with open(args.out_md, "w") as fh:
            fh.write(text)
    if args.out_csv:
        with open(args.out_csv, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["id", "image_kind", "mask_kind", "method", "hole_frac", "psnr",
                                               "ssim", "mae", "seconds"])
            w.writeheader()
            w.writerows(recs)
    print("(%.0f s)" % (time.time() - t0), file=sys.stderr)


if __name__ == "__main__":
    main()

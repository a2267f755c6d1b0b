#!/usr/bin/env python3
"""Quality and speed of the project against its peers on the development set.

    /usr/bin/python3 python/benchmark.py --dev data/dev --model models/gs-inpaint-v1 --out docs/bench

The project runs through its command line, one JVM for all cases (``--manifest``: the model is
loaded once and the time per image is printed); the peers (OpenCV Telea and Navier-Stokes,
scikit-image biharmonic, G'MIC patch-based) and the metrics come from ``python/evaluate.py``
(imported, not copied). Every method sees the same images and masks, and every output is scored
after pasting the known pixels back: mean in-hole PSNR, whole-image SSIM, in-hole MAE.

Writes into ``--out``:
- ``quality.md``: tables by mask kind and by image kind, and the median seconds per image;
- ``quality.csv``: one row per case and method;
- ``grid.png``: several cases side by side (masked input, ground truth, every method).

The Java side runs with ``java -cp target/classes:<classpath>`` when ``target/cp.txt`` exists
(``mvn -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt``), else with
``mvn -q exec:java``. Times: the project's is the command line's per-image time (read, repair,
write TIFF, in one JVM after the first image); the peers' are per case in worker processes of
one thread each (``--jobs`` of them at once). Medians are reported, so the first image's
warm-up does not count.

``--compare-model models/gs-inpaint-v1`` runs 2dgs with a second model side by side: the cases
are cut into ``--rounds`` consecutive parts and the two models alternate part by part, so the
speed of a shared machine drifting during the run weighs on both alike.
"""

import argparse
import csv
import os
import platform
import re
import shlex
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool

import numpy as np
import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
import evaluate  # noqa: E402  (peers and metrics)
from gsinpaint.data import read_manifest, load_dev_case  # noqa: E402

REPO = os.path.dirname(HERE)
LINE = re.compile(r"^(?P<img>.+) -> (?P<out>.+): (?P<ms>[0-9.]+) ms$")


# ----------------------------------------------------------------------------- the project
def java_command(runner, repo):
    """Command prefix that runs the command line's main class."""
    cp_file = os.path.join(repo, "target", "cp.txt")
    classes = os.path.join(repo, "target", "classes")
    if runner == "auto":
        runner = "java" if os.path.isfile(cp_file) and os.path.isdir(classes) else "mvn"
    if runner == "java":
        with open(cp_file) as fh:
            cp = classes + os.pathsep + fh.read().strip()
        return ["java", "-Dai.djl.offline=true", "-Djava.awt.headless=true", "-cp", cp,
                "io.github.gsinpaint.cli.InpaintCli"], runner
    return None, runner


def run_project(dev, rows, method, model, workdir, runner="auto", extra=(), tag=None):
    """Repairs every case in one process; returns {id: (output path, seconds)}."""
    outdir = os.path.join(workdir, tag or method)
    os.makedirs(outdir, exist_ok=True)
    manifest = os.path.join(workdir, "manifest-%s.tsv" % (tag or method))
    by_out = {}
    with open(manifest, "w") as fh:
        for r in rows:
            out = os.path.join(outdir, r["id"] + ".tif")
            by_out[os.path.abspath(out)] = r["id"]
            fh.write("%s\t%s\t%s\n" % (os.path.abspath(os.path.join(dev, r["image_path"])),
                                       os.path.abspath(os.path.join(dev, r["mask_path"])),
                                       os.path.abspath(out)))
    args = ["--manifest", manifest, "--method", method] + list(extra)
    if method == "2dgs" and model:
        args += ["--model", os.path.abspath(model)]
    prefix, used = java_command(runner, REPO)
    if prefix is not None:
        cmd = prefix + args
    else:
        cmd = ["mvn", "-q", "-f", os.path.join(REPO, "pom.xml"), "exec:java",
               "-Dexec.args=" + " ".join(shlex.quote(a) for a in args)]
    print("running (%s): %s" % (used, " ".join(shlex.quote(c) for c in cmd[:3] + ["..."] + args)),
          file=sys.stderr)
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.time() - t0
    res = {}
    identity = None
    for line in proc.stdout.splitlines():
        if line.startswith("Method: "):
            identity = line[len("Method: "):]
        m = LINE.match(line.strip())
        if m:
            rid = by_out.get(os.path.abspath(m.group("out")))
            if rid is not None:
                res[rid] = (m.group("out"), float(m.group("ms")) / 1000.0)
    if proc.returncode != 0:
        print(proc.stderr[-3000:], file=sys.stderr)
        print("the command line exited with %d (%d of %d images done)" % (proc.returncode, len(res),
                                                                           len(rows)), file=sys.stderr)
    return res, identity, wall


def run_models_interleaved(dev, rows, models, workdir, runner, rounds, extra=()):
    """2dgs with several model packages, the cases cut into ``rounds`` consecutive parts and the
    models alternated part by part (A B, B A, A B, ...), so that a machine whose speed drifts
    (a shared one) weighs on every model alike. Returns [(res, identity, wall)] per model."""
    out = [({}, None, 0.0) for _ in models]
    size = -(-len(rows) // rounds)
    for k in range(rounds):
        part = rows[k * size:(k + 1) * size]  # consecutive: every part holds every kind
        if not part:
            break
        order = list(range(len(models)))
        if k % 2:
            order.reverse()
        for i in order:
            res, ident, wall = run_project(dev, part, "2dgs", models[i], workdir, runner,
                                           extra, tag="2dgs-m%d-p%d" % (i, k))
            acc, _, total = out[i]
            acc.update(res)
            out[i] = (acc, ident, total + wall)
    return out


def read_output(path, like, maxv):
    a = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if a is None:
        raise IOError("cannot read %s" % path)
    if a.ndim == 3:
        a = cv2.cvtColor(a[..., :3], cv2.COLOR_BGR2RGB)
    a = a.astype(np.float32) / maxv
    if a.shape != like.shape:
        raise RuntimeError("output shape %s != %s" % (a.shape, like.shape))
    return a


def score_project(dev, rows, res, name):
    recs = []
    for r in rows:
        img, mask, maxv = load_dev_case(dev, r)
        psnr = ssim = mae = secs = float("nan")
        if r["id"] in res:
            path, secs = res[r["id"]]
            try:
                out = read_output(path, img, maxv)
                psnr, ssim, mae = evaluate.metrics(img, evaluate.composite(img, out, mask, maxv), mask)
            except Exception as e:
                print("  %s scoring failed on %s: %s" % (name, r["id"], e), file=sys.stderr)
        recs.append(dict(id=r["id"], image_kind=r["image_kind"], mask_kind=r["mask_kind"], method=name,
                         hole_frac=float(mask.mean()), psnr=psnr, ssim=ssim, mae=mae, seconds=secs))
    return recs


# ----------------------------------------------------------------------------- grid
def _rgb8(a):
    a = np.clip(np.nan_to_num(a), 0, 1)
    if a.ndim == 2:
        a = np.repeat(a[..., None], 3, 2)
    return np.round(a * 255).astype(np.uint8)


def _label(tile, text):
    bar = np.full((18, tile.shape[1], 3), 255, np.uint8)
    cv2.putText(bar, text, (3, 13), cv2.FONT_HERSHEY_SIMPLEX, 0.42, (0, 0, 0), 1, cv2.LINE_AA)
    return np.concatenate([bar, tile], 0)


def pick_grid_cases(rows, n):
    """One case per image kind, cycling through the mask kinds, so the grid shows variety."""
    kinds = []
    for r in rows:
        if r["image_kind"] not in kinds:
            kinds.append(r["image_kind"])
    masks = []
    for r in rows:
        if r["mask_kind"] not in masks:
            masks.append(r["mask_kind"])
    picked = []
    for k, kind in enumerate(kinds):
        want = masks[(2 * k + 4) % len(masks)] if masks else None
        cand = [r for r in rows if r["image_kind"] == kind]
        best = [r for r in cand if r["mask_kind"] == want] or cand
        picked.append(best[0])
    return picked[:n]


def make_grid(dev, cases, project_outputs, peers, path, size=160):
    lines = []
    for r in cases:
        img, mask, maxv = load_dev_case(dev, r)
        shown = _rgb8(img)
        masked = shown.copy()
        masked[mask] = (255, 0, 255)
        cols = [("input + mask", masked), ("ground truth", shown)]
        for name, res in project_outputs:
            if r["id"] in res:
                out = evaluate.composite(img, read_output(res[r["id"]][0], img, maxv), mask, maxv)
                cols.append((name, _rgb8(out)))
        for p in peers:
            try:
                out = evaluate.composite(img, evaluate.run_peer(p, img, mask, maxv), mask, maxv)
            except Exception:
                out = np.zeros_like(img)
            cols.append((p, _rgb8(out)))
        tiles = [_label(cv2.resize(t, (size, size), interpolation=cv2.INTER_AREA), name)
                 for name, t in cols]
        row = np.concatenate([np.concatenate([t, np.full((t.shape[0], 2, 3), 255, np.uint8)], 1)
                              for t in tiles], 1)
        cap = np.full((16, row.shape[1], 3), 255, np.uint8)
        cv2.putText(cap, r["id"], (3, 12), cv2.FONT_HERSHEY_SIMPLEX, 0.4, (80, 80, 80), 1, cv2.LINE_AA)
        lines.append(np.concatenate([cap, row], 0))
    grid = np.concatenate(lines, 0)
    cv2.imwrite(path, cv2.cvtColor(grid, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_PNG_COMPRESSION, 9])


# ----------------------------------------------------------------------------- report
def _median(v):
    v = np.array([x for x in v if not np.isnan(x)], float)
    return float(np.median(v)) if len(v) else float("nan")


def time_table(recs, methods, project):
    lines = ["### Time per image", "",
             "| method | n | median s | mean s | notes |", "|---|---:|---:|---:|---|"]
    for m in methods:
        s = [r["seconds"] for r in recs if r["method"] == m]
        v = np.array([x for x in s if not np.isnan(x)], float)
        note = ("command line, one JVM: read + repair + write TIFF" if m in project
                else "Python, one thread per worker")
        lines.append("| %s | %d | %.4f | %.4f | %s |" % (m, len(v), _median(s),
                                                         float(v.mean()) if len(v) else float("nan"), note))
    return "\n".join(lines) + "\n"


def machine():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        jv = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    except Exception:
        jv = "?"
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return ("%s, %d cores (nproc), %s, %s; load average %.2f %.2f %.2f at start" %
            (platform.node() and "Linux " + platform.release(), os.cpu_count() or 0, cpu, jv, *load))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dev", default="data/dev", help="development set folder (with manifest.tsv)")
    ap.add_argument("--model", default="models/gs-inpaint-v1", help="model package folder for 2dgs")
    ap.add_argument("--project-methods", default="2dgs,harmonic",
                    help="command-line methods to run, comma list of 2dgs, harmonic, biharmonic "
                         "(named ours-<method> in the tables)")
    ap.add_argument("--peers", default=",".join(evaluate.PEERS), help="comma list of peers (may be empty)")
    ap.add_argument("--limit", type=int, default=None, help="only N cases spread over all cells")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="peer worker processes")
    ap.add_argument("--runner", default="auto", choices=("auto", "java", "mvn"))
    ap.add_argument("--grid", type=int, default=6, help="cases in grid.png (0: none)")
    ap.add_argument("--out", default="docs/bench", help="folder for quality.md, quality.csv, grid.png")
    ap.add_argument("--workdir", default=None, help="where outputs go (default: a temporary folder)")
    ap.add_argument("--compare-model", default=None,
                    help="a second model package for 2dgs (e.g. models/gs-inpaint-v1), run "
                         "interleaved with --model (named ours-2dgs-<folder name>)")
    ap.add_argument("--rounds", type=int, default=6,
                    help="with --compare-model: parts the cases are cut into, models alternated")
    ap.add_argument("--project-args", default="",
                    help="more options for the project's command line in every run, e.g. "
                         "'--margin 64' (a pipeline setting to try on the development set)")
    args = ap.parse_args()
    extra = shlex.split(args.project_args)

    rows = read_manifest(args.dev)
    if args.limit:
        step = max(1, len(rows) // args.limit)
        rows = rows[::step][:args.limit]
    os.makedirs(args.out, exist_ok=True)
    workdir = args.workdir or tempfile.mkdtemp(prefix="gsbench_")
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    where = machine()
    t0 = time.time()

    recs, project_outputs, methods, identities = [], [], [], []
    runs = []  # (name, res, identity, wall)
    for pm in [m.strip() for m in args.project_methods.split(",") if m.strip()]:
        name = "ours-" + pm  # the peers keep evaluate.py's names (its "biharmonic" is scikit-image's)
        if pm == "2dgs" and args.compare_model:
            models = [args.model, args.compare_model]
            names = [name, name + "-" + os.path.basename(os.path.normpath(args.compare_model))]
            for n, r in zip(names, run_models_interleaved(args.dev, rows, models, workdir,
                                                          args.runner, max(1, args.rounds),
                                                          extra)):
                runs.append((n,) + r)
        else:
            runs.append((name,) + run_project(args.dev, rows, pm, args.model, workdir, args.runner,
                                              extra))
    for name, res, ident, wall in runs:
        identities.append("%s: `%s`, %d/%d images, %.1f s wall for the process(es)"
                          % (name, ident, len(res), len(rows), wall))
        recs.extend(score_project(args.dev, rows, res, name))
        project_outputs.append((name, res))
        methods.append(name)

    peers = [p.strip() for p in args.peers.split(",") if p.strip()]
    if peers:
        jobs = [(args.dev, r, peers) for r in rows]
        with Pool(max(1, args.jobs)) as pool:
            for rr in pool.imap(evaluate._peer_case, jobs, chunksize=2):
                recs.extend(rr)
        methods.extend(peers)

    # tables: rows of the peers in evaluate's order after the project's
    order = {m: i for i, m in enumerate(methods)}
    recs.sort(key=lambda r: (order[r["method"]],))
    cmd = "python3 python/benchmark.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    md = ["## Quality and speed on the development set", "",
          "Command: `%s`  " % cmd.strip(), "Date: %s  " % started, "Machine: %s  " % where,
          "Cases: %d; methods: %s  " % (len(rows), ", ".join(methods))]
    md += ["Project: %s  " % i for i in identities]
    md += ["Total %.0f s" % (time.time() - t0), "",
           time_table(recs, methods, [n for n, _ in project_outputs]),
           evaluate.table(recs, "mask_kind", methods, "By mask kind"),
           evaluate.table(recs, "image_kind", methods, "By image kind")]
    if args.grid > 0:
        cases = pick_grid_cases(rows, args.grid)
        make_grid(args.dev, cases, project_outputs, peers, os.path.join(args.out, "grid.png"))
        md += ["Grid (`grid.png`, left to right: input with the hole in magenta, ground truth, %s): %s" %
               (", ".join(methods), ", ".join(r["id"] for r in cases)), ""]
    text = "\n".join(md)
    print(text)
    with open(os.path.join(args.out, "quality.md"), "w") as fh:
        fh.write(text)
    with open(os.path.join(args.out, "quality.csv"), "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "image_kind", "mask_kind", "method", "hole_frac", "psnr",
                                           "ssim", "mae", "seconds"])
        w.writeheader()
        w.writerows(recs)
    print("(%.0f s; outputs of the command line in %s)" % (time.time() - t0, workdir), file=sys.stderr)


if __name__ == "__main__":
    main()

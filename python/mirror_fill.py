"""Averaging the fills of an image and its mirror images: runs the command line on the development
set and on its horizontal, vertical and doubly mirrored copies, mirrors the outputs back, and
reports mean in-hole PSNR by mask kind for 1, 2 and 4 fills averaged (model card, tried on 2.4.0).

    python3 python/mirror_fill.py models/gs-inpaint-v2 /tmp/mirror box,stroke,wide
"""
import os, sys, shutil, collections
import numpy as np, cv2
import benchmark as B
from gsinpaint.data import read_manifest, load_dev_case

dev = "data/dev"; model = sys.argv[1]; work = sys.argv[2]
kinds = sys.argv[3].split(",") if len(sys.argv) > 3 else None
rows = [r for r in read_manifest(dev) if kinds is None or r["mask_kind"] in kinds]
flips = {"id": None, "h": 1, "v": 0, "hv": -1}
outs = {}
for name, code in flips.items():
    d = dev if code is None else os.path.join(work, "dev-" + name)
    if code is not None and not os.path.isdir(d):
        os.makedirs(d + "/images"); os.makedirs(d + "/masks")
        for r in read_manifest(dev):
            for key in ("image_path", "mask_path"):
                a = cv2.imread(os.path.join(dev, r[key]), cv2.IMREAD_UNCHANGED)
                cv2.imwrite(os.path.join(d, r[key]), cv2.flip(a, code))
        shutil.copy(dev + "/manifest.tsv", d)
    res, ident, wall = B.run_project(d, rows, "2dgs", model, work, tag="out-" + name)
    outs[name] = (res, code)
    print(name, "wall", round(wall, 1), file=sys.stderr)
combos = {"none": ["id"], "h": ["id", "h"], "hv4": ["id", "h", "v", "hv"]}
acc = {c: collections.defaultdict(list) for c in combos}
for r in rows:
    img, m, maxv = load_dev_case(dev, r)
    preds = {}
    for name, (res, code) in outs.items():
        p = B.read_output(res[r["id"]][0], img, maxv)
        preds[name] = p if code is None else cv2.flip(p, code)
    for c, names in combos.items():
        p = np.mean([preds[n] for n in names], axis=0)
        se = ((np.clip(p, 0, 1) - img) ** 2)[m].mean()
        v = -10 * np.log10(se + 1e-10)
        acc[c][r["mask_kind"]].append(v); acc[c]["all"].append(v)
for c in combos:
    print(c, " ".join("%s %.2f" % (k, np.mean(v)) for k, v in sorted(acc[c].items())))

#!/usr/bin/env python3
"""Build the training set and the fixed development set from Debian packages.

    python3 python/build_dataset.py --out data

Writes
  data/train/<kind>/<source>__<name>.{jpg,png}   longer side <= 768 px
  data/train/index.tsv                           path, kind, source, group
  data/dev/images/*.png, data/dev/masks/*.png    fixed 256x256 crops and masks (255 = hole)
  data/dev/manifest.tsv                          id, image_path, mask_path, image_kind, mask_kind
  data/sources.json                              package, Debian version, licence, counts

Image kinds: photo (8-bit colour), grey (8-bit grey), astro (8-bit colour, stellarium),
medical (16-bit PNG, each volume/slice scaled from its own min..max to 0..65535),
microscopy and texture (synthetic, development set only; training generates them on the fly).

Reserved data (never read here): skimage's bundled data folder, opencv-doc, mate-backgrounds,
pydicom's test files.
"""

import argparse
import bz2
import glob
import hashlib
import io
import json
import os
import pickle
import re
import struct
import subprocess
import sys
import zlib

import numpy as np
import cv2
from PIL import Image

from gsinpaint import masks as gmasks  # noqa: E402
from gsinpaint import synthetic  # noqa: E402

SPLIT_SEED = 20261101
DEV_SEED = 777001  # masks, crops and synthetic dev images (training uses other seeds)
MAX_SIDE = 768
TILE = 256

FORBIDDEN = ("skimage/data", "/opencv", "mate-backgrounds", "pydicom")

# ------------------------------------------------------------------------------- helpers


def _check_allowed(path):
    p = str(path)
    for f in FORBIDDEN:
        if f in p:
            raise RuntimeError("refusing to read reserved data: %s" % p)


def deb_version(pkg):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True,
                             text=True, timeout=20)
        return out.stdout.strip() or None
    except Exception:
        return None


def stable_hash(s):
    return int(hashlib.sha1(s.encode()).hexdigest()[:12], 16)


def downscale(a, max_side=MAX_SIDE):
    h, w = a.shape[:2]
    s = max(h, w)
    if s <= max_side:
        return a
    f = max_side / float(s)
    return cv2.resize(a, (max(1, round(w * f)), max(1, round(h * f))), interpolation=cv2.INTER_AREA)


def pil_load(path, mode):
    _check_allowed(path)
    im = Image.open(path)
    if max(im.size) > 3 * MAX_SIDE:
        im.draft(mode, (MAX_SIDE * 2, MAX_SIDE * 2))
    if im.mode in ("RGBA", "LA", "P"):
        im = im.convert("RGBA")
        bg = Image.new("RGBA", im.size, (0, 0, 0, 255))
        im = Image.alpha_composite(bg, im)
    return np.asarray(im.convert(mode))


def colour_count(a):
    q = (a[::2, ::2, :3] // 8).reshape(-1, 3).astype(np.int32)
    return len(np.unique(q[:, 0] * 1024 + q[:, 1] * 32 + q[:, 2]))


# ------------------------------------------------------------------------------- sources
# Each source yields dicts: name, kind, group, load() -> ndarray (uint8 HxWx3 / uint8 HxW /
# uint16 HxW). "group" is the unit of the train/dev split.


def src_gcompris():
    for f in sorted(glob.glob("/usr/share/gcompris-qt/rcc/*.rcc")):
        data = open(f, "rb").read()
        bundle = os.path.basename(f)[:-4]
        seen = set()
        for k, m in enumerate(re.finditer(b"RIFF(....)WEBP", data, re.S)):
            n = struct.unpack("<I", m.group(1))[0]
            blob = data[m.start():m.start() + 8 + n]
            h = hashlib.sha1(blob).hexdigest()[:12]
            if h in seen:
                continue
            seen.add(h)
            try:
                im = Image.open(io.BytesIO(blob))
                im.load()
            except Exception:
                continue
            if min(im.size) < 200:
                continue
            a = np.asarray(im)
            if im.mode == "RGBA":
                if (a[..., 3] < 250).mean() > 0.01:
                    continue  # cut-out clip art
                a = a[..., :3]
            elif im.mode != "RGB":
                a = np.asarray(im.convert("RGB"))
            if colour_count(a) < 500:
                continue  # drawings / flat graphics
            yield dict(name="%s_%s" % (bundle, h), kind="photo", group="gcompris:" + h,
                       load=(lambda a=a: a), package="gcompris-qt-data")


def src_plasma():
    for d in sorted(glob.glob("/usr/share/wallpapers/*/contents")):
        files = sorted(glob.glob(d + "/images/*.*"))
        files = [f for f in files if f.lower().endswith((".jpg", ".png", ".jpeg"))]
        if not files:
            continue

        def area(f):
            m = re.match(r"(\d+)x(\d+)", os.path.basename(f))
            return int(m.group(1)) * int(m.group(2)) if m else 0
        f = max(files, key=area)
        wp = d.split("/")[-2]
        yield dict(name=wp, kind="photo", group="plasma:" + wp, load=(lambda f=f: pil_load(f, "RGB")),
                   package="plasma-workspace-wallpapers")


def src_lomiri():
    out = subprocess.run(["dpkg", "-L", "lomiri-wallpapers", "lomiri-wallpapers-16.04",
                          "lomiri-wallpapers-20.04"], capture_output=True, text=True).stdout.split()
    pkg_of = {}
    for pkg in ("lomiri-wallpapers", "lomiri-wallpapers-16.04", "lomiri-wallpapers-20.04"):
        for line in subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True).stdout.split("\n"):
            pkg_of[line.strip()] = pkg
    for f in sorted(set(out)):
        if not f.lower().endswith((".jpg", ".png", ".jpeg")) or not os.path.isfile(f):
            continue
        b = os.path.splitext(os.path.basename(f))[0]
        if b in ("warty-final-ubuntu", "lomiri-default-background"):
            continue  # graphics, not photos
        yield dict(name=b, kind="photo", group="lomiri:" + b, load=(lambda f=f: pil_load(f, "RGB")),
                   package=pkg_of.get(f, "lomiri-wallpapers"))


def src_visp(frames_per_scene=5):
    root = "/usr/share/visp-images-data/ViSP-images"
    files = []
    for dp, dn, fn in os.walk(root):
        for f in fn:
            if f.lower().endswith((".pgm", ".ppm", ".png", ".jpg")):
                files.append(os.path.join(dp, f))
    by_scene = {}
    for f in sorted(files):
        rel = os.path.relpath(f, root)
        if any(x in rel for x in ("Bayer", "Depth", "depth/", "endianness")):
            continue
        d = os.path.dirname(rel)
        # a scene is a folder; loose files in the root are scenes of their own
        scene = d if d else os.path.splitext(rel)[0]
        if "solvay" in rel.lower():
            scene = "Solvay"  # the same photograph appears in two folders
        by_scene.setdefault(scene, []).append(f)
    for scene, fs in sorted(by_scene.items()):
        idx = np.unique(np.linspace(0, len(fs) - 1, min(frames_per_scene, len(fs))).round().astype(int))
        for i in idx:
            f = fs[i]
            nm = re.sub(r"[^A-Za-z0-9]+", "_", os.path.relpath(f, root))
            yield dict(name=nm, kind="grey", group="visp:" + scene, load=(lambda f=f: pil_load(f, "L")),
                       package="visp-images-data")


def src_stellarium():
    for f in sorted(glob.glob("/usr/share/stellarium/nebulae/default/*.png")):
        b = os.path.splitext(os.path.basename(f))[0]
        yield dict(name=b, kind="astro", group="stellarium:" + b, load=(lambda f=f: pil_load(f, "RGB")),
                   package="stellarium-data")


def src_libjxl():
    base = "/usr/share/libjxl-testdata"
    fs = sorted(glob.glob(base + "/external/wesaturate/500px/*_srgb8.png")) + [base + "/jxl/flower/flower.png"]
    for f in fs:
        if os.path.isfile(f):
            b = os.path.basename(f).split("_")[0] if "wesaturate" in f else "flower"
            yield dict(name=b, kind="photo", group="libjxl:" + b, load=(lambda f=f: pil_load(f, "RGB")),
                       package="libjxl-testdata")


def src_sklearn():
    import sklearn
    d = os.path.join(os.path.dirname(sklearn.__file__), "datasets", "images")
    for b in ("china", "flower"):
        f = os.path.join(d, b + ".jpg")
        if os.path.isfile(f):
            yield dict(name=b, kind="photo", group="sklearn:" + b, load=(lambda f=f: pil_load(f, "RGB")),
                       package="python3-sklearn")


def src_scipy():
    import scipy
    d = os.path.join(os.path.dirname(scipy.__file__), "misc")
    face = os.path.join(d, "face.dat")
    if os.path.isfile(face):
        def lf():
            raw = bz2.decompress(open(face, "rb").read())
            return np.frombuffer(raw, np.uint8).reshape(768, 1024, 3).copy()
        yield dict(name="face", kind="photo", group="scipy:face", load=lf, package="python3-scipy")
    asc = os.path.join(d, "ascent.dat")
    if os.path.isfile(asc):
        def la():
            with open(asc, "rb") as fh:
                a = np.array(pickle.load(fh))
            return np.clip(a, 0, 255).astype(np.uint8)
        yield dict(name="ascent", kind="grey", group="scipy:ascent", load=la, package="python3-scipy")


def _to16(a, lo=None, hi=None):
    a = a.astype(np.float64)
    lo = np.min(a) if lo is None else lo
    hi = np.max(a) if hi is None else hi
    if hi <= lo:
        hi = lo + 1
    return np.round(np.clip((a - lo) / (hi - lo), 0, 1) * 65535).astype(np.uint16)


def _read_mha(path):
    hdr = {}
    with open(path, "rb") as fh:
        data = fh.read()
    pos = 0
    while True:
        end = data.index(b"\n", pos)
        line = data[pos:end].decode("latin1").strip()
        pos = end + 1
        if "=" in line:
            k, v = [x.strip() for x in line.split("=", 1)]
            hdr[k] = v
            if k == "ElementDataFile":
                break
    dims = [int(x) for x in hdr["DimSize"].split()]
    dt = {"MET_UCHAR": np.uint8, "MET_CHAR": np.int8, "MET_USHORT": np.uint16, "MET_SHORT": np.int16,
          "MET_UINT": np.uint32, "MET_INT": np.int32, "MET_FLOAT": np.float32,
          "MET_DOUBLE": np.float64}[hdr["ElementType"]]
    if hdr["ElementDataFile"] == "LOCAL":
        raw = data[pos:]
    else:
        raw = open(os.path.join(os.path.dirname(path), hdr["ElementDataFile"]), "rb").read()
    if hdr.get("CompressedData", "False").lower() == "true":
        raw = zlib.decompress(raw)
    nch = int(hdr.get("ElementNumberOfChannels", "1"))
    big = hdr.get("BinaryDataByteOrderMSB", hdr.get("ElementByteOrderMSB", "False")).lower() == "true"
    arr = np.frombuffer(raw, dtype=np.dtype(dt).newbyteorder(">" if big else "<"))
    n = int(np.prod(dims)) * nch
    arr = arr[:n].reshape(list(reversed(dims)) + ([nch] if nch > 1 else []))
    return arr


def src_medical(slices_per_volume=12):
    import nibabel as nib
    vols = [
        ("mricron-data", "/usr/share/mricron/templates/ch2better.nii.gz"),
        ("mricron-data", "/usr/share/mricron/templates/ch2.nii.gz"),
        ("mricron-data", "/usr/share/mricron/templates/inia19-t1-brain.nii.gz"),
        ("insighttoolkit4-examples", "/usr/share/doc/insighttoolkit4-examples/examples/Data/KmeansTest_T1UCharRaw.nii.gz"),
        ("python3-nibabel", os.path.join(os.path.dirname(nib.__file__), "tests", "data", "example4d.nii.gz")),
    ]
    for pkg, f in vols:
        if not os.path.isfile(f):
            continue
        vname = os.path.basename(f).split(".")[0]
        # ch2 and ch2better are the same subject (Colin 27) at two resolutions: one group
        gname = "colin27" if vname.startswith("ch2") else vname

        def gen_slices(f=f):
            v = np.asarray(nib.load(f).dataobj, dtype=np.float32)
            if v.ndim == 4:
                v = v[..., 0]
            lo, hi = float(v.min()), float(np.percentile(v, 99.95))
            out = []
            for ax in range(3):
                n = v.shape[ax]
                for t in np.linspace(0.3, 0.7, max(1, slices_per_volume // 3 + 1)):
                    sl = np.take(v, int(n * t), axis=ax)
                    if min(sl.shape) < 48:
                        continue
                    out.append(("ax%d_%02d" % (ax, int(t * 100)), np.rot90(_to16(sl, lo, hi))))
            return out
        # slices of one volume form one group; loading is deferred to a list of slices
        yield dict(name=vname, kind="medical", group="%s:%s" % (pkg, gname), multi=gen_slices, package=pkg)
    itk = "/usr/share/doc/insighttoolkit4-examples/examples/Data/"
    for b in ("BrainProtonDensitySlice.png", "BrainT1Slice.png", "FatMRISlice.png", "VisibleWomanHeadSlice.png",
              "VisibleWomanEyeSlice.png", "BrainMidSagittalSlice.png"):
        f = itk + b
        if os.path.isfile(f):
            def lp(f=f):
                a = cv2.imread(f, cv2.IMREAD_UNCHANGED)
                if a.ndim == 3:
                    a = cv2.cvtColor(a, cv2.COLOR_BGR2GRAY)
                return _to16(a)
            nm = b[:-4]
            yield dict(name=nm, kind="medical", group="itk:" + nm, load=lp, package="insighttoolkit4-examples")
    for b in ("RatLungSlice1.mha", "RatLungSlice2.mha"):
        f = itk + b
        if os.path.isfile(f):
            nm = b[:-4]
            yield dict(name=nm, kind="medical", group="itk:RatLung", load=(lambda f=f: _to16(np.squeeze(_read_mha(f)))),
                       package="insighttoolkit4-examples")


def _photo_files(pkg, exts=(".jpg", ".jpeg", ".png", ".webp")):
    out = subprocess.run(["dpkg", "-L", pkg], capture_output=True, text=True).stdout.split("\n")
    return sorted(f for f in out if f.lower().endswith(exts) and os.path.isfile(f))


def _wallpapers(pkg, prefix):
    for f in _photo_files(pkg):
        _check_allowed(f)
        a = pil_load(f, "RGB")
        if min(a.shape[:2]) < 200 or colour_count(a) < 2000:
            continue  # flat graphics and logos, not photographs
        b = os.path.splitext(os.path.basename(f))[0]
        yield dict(name=b, kind="photo", group="%s:%s" % (prefix, b), load=(lambda a=a: a),
                   package=pkg, train_only=True)


def src_ukui():
    yield from _wallpapers("ukui-wallpapers", "ukui")


def src_gnome():
    yield from _wallpapers("gnome-backgrounds", "gnome")


def src_openarena(min_bytes=60000):
    """Photo-based surface textures (concrete, rust, stone, wood, grass) of a game's data: texture
    continuation. Only the larger JPEGs (the TGAs are mostly decals and light maps)."""
    import zipfile
    pk3 = "/usr/share/games/openarena/baseoa/pak4-textures.pk3"
    if not os.path.isfile(pk3):
        return
    with zipfile.ZipFile(pk3) as z:
        for info in z.infolist():
            n = info.filename
            if not n.lower().endswith(".jpg") or info.file_size < min_bytes:
                continue
            try:
                a = np.asarray(Image.open(io.BytesIO(z.read(n))).convert("RGB"))
            except Exception:
                continue
            if min(a.shape[:2]) < 128 or colour_count(a) < 500:
                continue
            nm = re.sub(r"[^A-Za-z0-9]+", "_", n[len("textures/"):-4])
            yield dict(name=nm, kind="texture", group="openarena:" + nm, load=(lambda a=a: a),
                       package="openarena-081-textures", train_only=True)


SOURCES = [src_gcompris, src_plasma, src_lomiri, src_visp, src_stellarium, src_libjxl, src_sklearn,
           src_scipy, src_medical, src_ukui, src_gnome, src_openarena]

LICENCES = {
    "gcompris-qt-data": "per image: CC-BY-SA-3.0/4.0/2.0, CC-BY-2.0, public domain, GPL-3+ "
                        "(see /usr/share/doc/gcompris-qt-data/copyright)",
    "plasma-workspace-wallpapers": "GPL-2+",
    "lomiri-wallpapers": "per image: CC-BY-4.0, CC-BY-SA-3.0/4.0, CC0-1.0 (see copyright file)",
    "lomiri-wallpapers-16.04": "per image: CC-BY-4.0, CC-BY-SA-3.0/4.0, CC0-1.0 (see copyright file)",
    "lomiri-wallpapers-20.04": "per image: CC-BY-4.0, CC-BY-SA-3.0/4.0, CC0-1.0 (see copyright file)",
    "visp-images-data": "GPL-2",
    "stellarium-data": "GPL-2+",
    "libjxl-testdata": "CC0 / BSD-3-Clause / Apache-2.0 per file (see copyright file)",
    "python3-sklearn": "BSD-3-Clause (sample images china.jpg, flower.jpg)",
    "python3-scipy": "BSD-3-Clause (scipy.misc face.dat, ascent.dat)",
    "insighttoolkit4-examples": "Apache-2.0 / BSD-3-Clause (ITK example data; see copyright file)",
    "mricron-data": "BSD-3-Clause (mricron templates; see copyright file)",
    "python3-nibabel": "Expat (MIT) / BSD-3 (nibabel test data)",
    "ukui-wallpapers": "CC-BY-SA-3.0 (see /usr/share/doc/ukui-wallpapers/copyright)",
    "gnome-backgrounds": "CC-BY-SA-3.0 (see /usr/share/doc/gnome-backgrounds/copyright)",
    "openarena-081-textures": "GPL-2+ / permissive per file (see copyright file)",
}

MIN_DEV = {"photo": 14, "grey": 4, "astro": 14, "medical": 3}


# ------------------------------------------------------------------------------- split & save


# drawn test patterns (ellipses, circles, calibration targets): training only, not dev
NOT_DEV = re.compile(r"^visp:(ellipse|circle|line|mire|calibration|AprilTag|Gaussian-filter|warp)")


def split_groups(items):
    """Assign every group to train or dev: ~10% per kind, at least MIN_DEV groups."""
    rng = np.random.default_rng(SPLIT_SEED)
    dev = set()
    for kind in sorted({it["kind"] for it in items}):
        groups = sorted({it["group"] for it in items if it["kind"] == kind and not NOT_DEV.match(it["group"])})
        groups = [groups[i] for i in rng.permutation(len(groups))]
        n = max(MIN_DEV.get(kind, 1), int(round(0.1 * len(groups))))
        n = min(n, max(1, len(groups) // 3))
        # a group's weight is its number of images (a volume gives ~15 slices); keep the
        # dev share of a kind's images at most ~25% so training keeps most of the data
        weight = {}
        for it in items:
            if it["kind"] == kind:
                weight[it["group"]] = weight.get(it["group"], 0) + (15 if "multi" in it else 1)
        total = sum(weight.values())
        picked, w = [], 0
        for g in groups:
            if len(picked) >= n:
                break
            if picked and w + weight[g] > 0.25 * total:
                continue
            picked.append(g)
            w += weight[g]
        dev.update(picked)
    return dev


def expand(item):
    """(name, array) pairs of one source item."""
    if "multi" in item:
        return [("%s_%s" % (item["name"], s), a) for s, a in item["multi"]()]
    return [(item["name"], item["load"]())]


def save_train(a, kind, path_noext, jpeg_q=92):
    if kind in ("photo", "astro", "texture") and a.ndim == 3:
        p = path_noext + ".jpg"
        cv2.imwrite(p, cv2.cvtColor(a, cv2.COLOR_RGB2BGR), [cv2.IMWRITE_JPEG_QUALITY, jpeg_q])
    else:
        p = path_noext + ".png"
        cv2.imwrite(p, a, [cv2.IMWRITE_PNG_COMPRESSION, 9])
    return p


def best_crop(rng, a, size=TILE, tries=8):
    """A random size x size crop; upsample small images; prefer crops with structure."""
    h, w = a.shape[:2]
    if min(h, w) < size:
        f = size / float(min(h, w))
        a = cv2.resize(a, (max(size, int(round(w * f))), max(size, int(round(h * f)))),
                       interpolation=cv2.INTER_CUBIC)
        h, w = a.shape[:2]
    best, best_s = None, -1
    for _ in range(tries):
        y = int(rng.integers(0, h - size + 1))
        x = int(rng.integers(0, w - size + 1))
        c = a[y:y + size, x:x + size]
        f = c.astype(np.float32)
        s = float(f.std()) * (float((f > f.min() + 0.02 * (f.max() - f.min() + 1)).mean()) ** 0.5)
        if s > best_s:
            best, best_s = c, s
    return np.ascontiguousarray(best)


def write_png(path, a):
    if a.ndim == 3:
        a = cv2.cvtColor(a, cv2.COLOR_RGB2BGR)
    cv2.imwrite(path, a, [cv2.IMWRITE_PNG_COMPRESSION, 9])


def dir_size(d):
    t = 0
    for dp, dn, fn in os.walk(d):
        for f in fn:
            t += os.path.getsize(os.path.join(dp, f))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="data")
    ap.add_argument("--per-cell", type=int, default=7, help="dev cases per (image kind, mask kind)")
    ap.add_argument("--masks-per-crop", type=int, default=3)
    ap.add_argument("--max-side", type=int, default=640,
                    help="longer side of training photos/grey images (<= 768; size budget)")
    ap.add_argument("--astro-max-side", type=int, default=320,
                    help="longer side of stellarium training images (size budget)")
    ap.add_argument("--dev-size", type=int, default=TILE,
                    help="side of the development cases; larger than a tile (e.g. 512, with "
                         "--dev-only) gives cases of several tiles from the same development images")
    ap.add_argument("--dev-only", action="store_true",
                    help="write only <out>/dev: no training images, index or sources.json")
    args = ap.parse_args()
    side = args.dev_size

    out = args.out
    tr_dir = os.path.join(out, "train")
    dev_dir = os.path.join(out, "dev")
    for d in ((os.path.join(dev_dir, "images"), os.path.join(dev_dir, "masks"))
              + (() if args.dev_only else (tr_dir,))):
        os.makedirs(d, exist_ok=True)

    items = []
    for src in SOURCES:
        n0 = len(items)
        try:
            items.extend(src())
        except Exception as e:  # a missing package should not stop the build
            print("source %s failed: %s" % (src.__name__, e), file=sys.stderr)
        print("%-16s %4d items" % (src.__name__, len(items) - n0), flush=True)
    # Sources added after v1 are training-only: the development set stays the one v1 was
    # measured on, so models remain comparable.
    dev_groups = split_groups([it for it in items if not it.get("train_only")])

    index = []
    dev_pool = {}
    counts = {}
    for it in items:
        is_dev = it["group"] in dev_groups
        try:
            pairs = expand(it)
        except Exception as e:
            print("skip %s: %s" % (it["name"], e), file=sys.stderr)
            continue
        for name, a in pairs:
            if is_dev:
                dev_pool.setdefault(it["kind"], []).append((name, a, it["package"], it["group"]))
            elif not args.dev_only:
                ms = args.astro_max_side if it["kind"] == "astro" else args.max_side
                a = downscale(a, ms)
                kd = os.path.join(tr_dir, it["kind"])
                os.makedirs(kd, exist_ok=True)
                safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
                p = save_train(a, it["kind"], os.path.join(kd, "%s__%s" % (it["package"], safe)))
                index.append((os.path.relpath(p, out), it["kind"], it["package"], it["group"]))
            c = counts.setdefault(it["package"], {"train": 0, "dev": 0})
            c["dev" if is_dev else "train"] += 1

    if not args.dev_only:
        with open(os.path.join(tr_dir, "index.tsv"), "w") as fh:
            fh.write("path\tkind\tpackage\tgroup\n")
            for r in sorted(index):
                fh.write("\t".join(r) + "\n")

    # ---------------------------------------------------------------- development set
    rng = np.random.default_rng(DEV_SEED)
    mkinds = list(gmasks.KINDS)
    ikinds = ["photo", "grey", "astro", "medical", "microscopy", "texture"]
    n_crops = int(np.ceil(args.per_cell * len(mkinds) / args.masks_per_crop))
    rows = []
    for ik in ikinds:
        pool = dev_pool.get(ik, [])
        # round robin over the dev groups, so one big group (a volume, a video) cannot dominate
        by_group = {}
        for e in pool:
            by_group.setdefault(e[3], []).append(e)
        gnames = sorted(by_group)
        gnames = [gnames[i] for i in rng.permutation(len(gnames))]
        for g in gnames:
            by_group[g] = [by_group[g][i] for i in rng.permutation(len(by_group[g]))]
        order = []
        for r in range(max([len(v) for v in by_group.values()] or [0])):
            order.extend(by_group[g][r] for g in gnames if r < len(by_group[g]))
        for ci in range(n_crops):
            if ik == "microscopy":
                img = synthetic.microscopy(rng, side, side, bit16=(ci % 2 == 0))
                crop = (np.round(img * 65535).astype(np.uint16) if ci % 2 == 0
                        else np.round(img * 255).astype(np.uint8))
                src = "synthetic"
            elif ik == "texture":
                img = (synthetic.texture(rng, side, side) if ci % 3
                       else synthetic.dead_leaves(rng, side, side))
                crop = np.round(img * 255).astype(np.uint8)
                src = "synthetic"
            else:
                if not len(pool):
                    break
                name, a, src, _ = order[ci % len(order)]
                if ik in ("photo", "astro"):
                    ms = args.max_side if ik == "photo" else args.astro_max_side
                    # the same scale of detail per case side as the 256 px set
                    a = downscale(a, ms * side // TILE)
                crop = best_crop(rng, a, side)
            cid = "%s_%02d" % (ik, ci)
            ipath = os.path.join("images", cid + ".png")
            write_png(os.path.join(dev_dir, ipath), crop)
            for j in range(args.masks_per_crop):
                mk = mkinds[(ci * args.masks_per_crop + j) % len(mkinds)]
                m = gmasks.make_mask(rng, side, side, mk)
                mid = "%s_%s" % (cid, mk)
                mpath = os.path.join("masks", mid + ".png")
                cv2.imwrite(os.path.join(dev_dir, mpath), (m.astype(np.uint8) * 255))
                rows.append((mid, ipath, mpath, ik, mk, src))
    with open(os.path.join(dev_dir, "manifest.tsv"), "w") as fh:
        fh.write("id\timage_path\tmask_path\timage_kind\tmask_kind\n")
        for r in rows:
            fh.write("\t".join(r[:5]) + "\n")

    if args.dev_only:
        print("dev cases (%d px): %d in %s" % (side, len(rows), dev_dir))
        return

    # ---------------------------------------------------------------- provenance
    pk = sorted(counts)
    sources = []
    for p in pk:
        sources.append(dict(package=p, version=deb_version(p), licence=LICENCES.get(p, "see copyright"),
                            train_images=counts[p]["train"], dev_source_images=counts[p]["dev"]))
    cell = {}
    for r in rows:
        cell.setdefault(r[3], {}).setdefault(r[4], 0)
        cell[r[3]][r[4]] += 1
    train_kinds = {}
    for r in index:
        train_kinds[r[1]] = train_kinds.get(r[1], 0) + 1
    meta = dict(split_seed=SPLIT_SEED, dev_seed=DEV_SEED, max_side=args.max_side,
                astro_max_side=args.astro_max_side, sources=sources, train_counts_by_kind=train_kinds,
                dev_groups=sorted(dev_groups), dev_cases=len(rows), dev_cells=cell,
                synthetic="microscopy/texture/dead-leaves generated by python/gsinpaint/synthetic.py")
    with open(os.path.join(out, "sources.json"), "w") as fh:
        json.dump(meta, fh, indent=1)
    size = dir_size(out)
    print("train images by kind:", train_kinds)
    print("dev cases: %d   cells: %s" % (len(rows), json.dumps(cell)))
    print("size of %s: %.1f MiB (train %.1f, dev %.1f)" % (out, size / 2 ** 20, dir_size(tr_dir) / 2 ** 20,
                                                         dir_size(dev_dir) / 2 ** 20))


if __name__ == "__main__":
    main()

"""Training stream and development set.

Training: ``InpaintStream(root="data/train")`` is an ``IterableDataset`` yielding
``(image [3,S,S] float32 in [0,1], mask [1,S,S] float32 0/1)``. It mixes random crops of the
real training images (random scale, flips, 90-degree rotations, robust normalisation,
gamma/contrast changes, noise) with synthetic images (dead leaves, fluorescence-like,
textures; ``synthetic_frac``). Grey images are repeated into 3 channels. Masks come from
``gsinpaint.masks``.

The decoded training images (uint8/uint16, small) are loaded once in the constructor; with
the default fork start method DataLoader workers share those pages copy-on-write. Each worker
seeds its own generator from (seed, worker id, epoch).

    ds = InpaintStream("data/train", size=256, synthetic_frac=0.35, seed=0)
    dl = torch.utils.data.DataLoader(ds, batch_size=32, num_workers=12,
                                     worker_init_fn=worker_init_fn, persistent_workers=True)

Dev: ``load_dev("data/dev")`` returns the fixed development cases as tensors.
"""

import csv
import os

import numpy as np
import cv2
import torch
from torch.utils.data import IterableDataset, get_worker_info

from . import masks as gmasks
from . import synthetic

# how often a real image of each kind is drawn (the real part of the mix)
DEFAULT_KIND_WEIGHTS = {"photo": 0.45, "grey": 0.15, "astro": 0.2, "medical": 0.2}


def read_image(path):
    """Read a PNG/JPEG as uint8 or uint16, RGB order for colour. Returns (array, max_value)."""
    a = cv2.imread(path, cv2.IMREAD_UNCHANGED)
    if a is None:
        raise IOError("cannot read %s" % path)
    if a.ndim == 3:
        if a.shape[2] == 4:
            a = a[..., :3]
        a = cv2.cvtColor(a, cv2.COLOR_BGR2RGB)
    maxv = 65535.0 if a.dtype == np.uint16 else 255.0
    return np.ascontiguousarray(a), maxv


def _list_train(root):
    idx = os.path.join(root, "index.tsv")
    out = []
    if os.path.isfile(idx):
        base = os.path.dirname(os.path.abspath(root))
        with open(idx) as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                out.append((os.path.join(base, r["path"]), r["kind"]))
        if all(os.path.isfile(p) for p, _ in out[:5]):
            return out
        out = []
    for kind in sorted(os.listdir(root)):
        d = os.path.join(root, kind)
        if os.path.isdir(d):
            for f in sorted(os.listdir(d)):
                if f.lower().endswith((".png", ".jpg", ".jpeg")):
                    out.append((os.path.join(d, f), kind))
    return out


def _robust_norm(x, rng):
    """Percentile normalisation as the plugin does it (0.5/99.5 of the known pixels)."""
    lo, hi = np.percentile(x, [0.5, 99.5])
    if hi - lo < 1e-6:
        return x
    return (x - lo) / (hi - lo)


class InpaintStream(IterableDataset):
    """Endless stream of (image[3,S,S], mask[1,S,S]) training pairs.

    Args:
        root: folder written by build_dataset.py (``data/train``); None or missing means
            synthetic images only.
        size: tile size S.
        synthetic_frac: share of synthetic images.
        seed: base seed; each worker uses (seed, worker id, epoch).
        kind_weights: dict kind -> weight for choosing the real image kind.
        mask_weights: dict mask kind -> weight (see ``gsinpaint.masks.DEFAULT_WEIGHTS``).
        length: if set, each worker stops after ``length // num_workers`` samples (an "epoch").
        preload: decode all training images in the constructor (shared with forked workers).
    """

    def __init__(self, root="data/train", size=256, synthetic_frac=0.35, seed=0, kind_weights=None,
                 mask_weights=None, length=None, preload=True, noise_prob=0.3):
        super().__init__()
        self.root = root
        self.size = int(size)
        self.synthetic_frac = float(synthetic_frac)
        self.seed = int(seed)
        self.kind_weights = dict(kind_weights or DEFAULT_KIND_WEIGHTS)
        self.mask_weights = mask_weights
        self.length = length
        self.noise_prob = noise_prob
        self.epoch = 0
        self.files = _list_train(root) if root and os.path.isdir(root) else []
        self._images = None
        if preload:
            self._load()

    def _load(self):
        imgs = {}
        for p, kind in self.files:
            try:
                a, maxv = read_image(p)
            except IOError:
                continue
            imgs.setdefault(kind, []).append((a, maxv))
        self._images = imgs
        kinds = [k for k in self.kind_weights if imgs.get(k)]
        w = np.array([self.kind_weights[k] for k in kinds], float)
        self._kinds = kinds
        self._kind_p = w / w.sum() if len(kinds) else w

    def set_epoch(self, epoch):
        self.epoch = int(epoch)

    # ------------------------------------------------------------------ sampling
    def _real(self, rng):
        S = self.size
        kind = self._kinds[int(rng.choice(len(self._kinds), p=self._kind_p))]
        lst = self._images[kind]
        a, maxv = lst[int(rng.integers(len(lst)))]
        h, w = a.shape[:2]
        # crop side in source pixels: scale factor in [0.5, 2] relative to S, within the image
        c = int(S * np.exp(rng.uniform(np.log(0.5), np.log(2.0))))
        c = max(16, min(c, h, w))
        y = int(rng.integers(0, h - c + 1))
        x = int(rng.integers(0, w - c + 1))
        crop = a[y:y + c, x:x + c]
        if c != S:
            interp = cv2.INTER_AREA if c > S else cv2.INTER_CUBIC
            crop = cv2.resize(crop, (S, S), interpolation=interp)
        img = crop.astype(np.float32) / maxv
        if maxv > 255 or kind in ("medical",) or rng.random() < 0.3:
            img = _robust_norm(img, rng)
        return img

    def _synthetic(self, rng):
        img, _ = synthetic.random_synthetic(rng, self.size, self.size)
        if img.ndim == 2 and rng.random() < 0.5:
            img = _robust_norm(img, rng)
        return img

    def _augment(self, img, rng):
        if rng.random() < 0.5:
            img = img[:, ::-1]
        if rng.random() < 0.5:
            img = img[::-1]
        k = int(rng.integers(4))
        if k:
            img = np.rot90(img, k)
        img = np.clip(img, 0, 1)
        if rng.random() < 0.5:
            img = img ** np.float32(np.exp(rng.uniform(np.log(0.6), np.log(1.6))))
        if rng.random() < 0.3:
            # contrast / offset change inside [0, 1]
            lo = rng.uniform(0, 0.2)
            hi = rng.uniform(0.8, 1.0)
            img = lo + (hi - lo) * img
        if img.ndim == 3 and rng.random() < 0.2:
            img = img[..., rng.permutation(3)]
        if rng.random() < self.noise_prob:
            sd = rng.uniform(0.002, 0.03)
            img = img + rng.normal(0, sd, img.shape).astype(np.float32)
        return np.clip(img, 0, 1).astype(np.float32)

    def sample(self, rng):
        """One (image[3,S,S], mask[1,S,S]) pair as torch tensors."""
        use_syn = (not self._kinds) or rng.random() < self.synthetic_frac
        img = self._synthetic(rng) if use_syn else self._real(rng)
        img = self._augment(img, rng)
        if img.ndim == 2:
            img = np.repeat(img[None], 3, 0)
        else:
            img = np.ascontiguousarray(img.transpose(2, 0, 1))
        m = gmasks.random_mask(rng, self.size, self.size, weights=self.mask_weights)
        return torch.from_numpy(np.ascontiguousarray(img)), torch.from_numpy(m[None].astype(np.float32))

    def __iter__(self):
        if self._images is None:
            self._load()
        info = get_worker_info()
        wid, nw = (info.id, info.num_workers) if info is not None else (0, 1)
        rng = np.random.default_rng([self.seed, wid, self.epoch])
        n = None if self.length is None else max(1, self.length // nw)
        i = 0
        while n is None or i < n:
            yield self.sample(rng)
            i += 1


def worker_init_fn(worker_id):
    """Keep each worker single-threaded in OpenCV/torch (many workers, small work items)."""
    cv2.setNumThreads(1)
    torch.set_num_threads(1)


# ---------------------------------------------------------------------------- dev set
def read_manifest(root="data/dev"):
    with open(os.path.join(root, "manifest.tsv")) as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def load_dev_case(root, row):
    """One case as numpy: image float32 [H,W] or [H,W,3] in [0,1], mask bool [H,W], max_value."""
    a, maxv = read_image(os.path.join(root, row["image_path"]))
    m = cv2.imread(os.path.join(root, row["mask_path"]), cv2.IMREAD_GRAYSCALE) > 127
    return a.astype(np.float32) / maxv, m, maxv


def load_dev(root="data/dev", limit=None):
    """The development set as tensors.

    Returns a dict: ``image`` [N,3,H,W] float in [0,1] (grey repeated), ``mask`` [N,1,H,W] 0/1,
    ``grey`` [N] bool, ``ids``, ``image_kind``, ``mask_kind`` (lists of str), ``max_value`` [N].
    """
    rows = read_manifest(root)
    if limit:
        rows = rows[:limit]
    imgs, ms, grey, maxvs = [], [], [], []
    for r in rows:
        a, m, maxv = load_dev_case(root, r)
        g = a.ndim == 2
        t = np.repeat(a[None], 3, 0) if g else a.transpose(2, 0, 1)
        imgs.append(torch.from_numpy(np.ascontiguousarray(t)))
        ms.append(torch.from_numpy(m[None].astype(np.float32)))
        grey.append(g)
        maxvs.append(maxv)
    return dict(image=torch.stack(imgs), mask=torch.stack(ms), grey=torch.tensor(grey),
                ids=[r["id"] for r in rows], image_kind=[r["image_kind"] for r in rows],
                mask_kind=[r["mask_kind"] for r in rows], max_value=torch.tensor(maxvs))

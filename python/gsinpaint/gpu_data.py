"""Training batches made on the GPU: no DataLoader, no per-sample Python.

v1's CPU loader gave about 264 tiles/s with 14 workers; the network alone can take ~4,000/s. Here
everything is drawn once and then reused with augmentation on the GPU:

- ``ImageAtlas``: every training image (real ones from ``data/train``, plus a pool of synthetic
  ones drawn once with ``gsinpaint.synthetic`` on all CPU cores) decoded once into one float16
  tensor of fixed-size slots on the GPU, with each image's true size and kind;
- a batch of crops: per sample a source (by kind weights), a crop side (0.5x to 2x the tile) and
  a position, sampled bilinearly at twice the tile size and averaged 2 x 2 (anti-aliasing when
  the crop is larger than the tile) by gathers from the atlas that touch only the crops' pixels,
  then one of the 8 flips/rotations;
- intensity: robust per-crop normalisation (percentiles of a pixel sample, always for 16-bit and
  medical sources, else 30%), gamma, contrast/offset, channel permutation, Gaussian noise;
- ``MaskPool``: masks of every kind drawn once with ``gsinpaint.masks`` (in parallel), kept as
  bytes on the GPU with their kind; a batch picks by kind weight and applies one of the 8
  flips/rotations.
"""

import math
import os
from concurrent.futures import ProcessPoolExecutor

import numpy as np
import torch
import torch.nn.functional as F

from . import masks as gmasks
from . import synthetic

# how often each source kind is drawn; "synthetic" is the pool drawn by gsinpaint.synthetic
DEFAULT_KIND_WEIGHTS = {"photo": 0.33, "grey": 0.1, "astro": 0.12, "medical": 0.12,
                        "texture": 0.08, "synthetic": 0.25}
ROBUST_ALWAYS = ("medical",)


# ------------------------------------------------------------------------------- pools on CPU
def _synthetic_one(args):
    seed, size = args
    rng = np.random.default_rng(seed)
    img, _ = synthetic.random_synthetic(rng, size, size)
    if img.ndim == 2:
        img = np.repeat(img[..., None], 3, 2)
    return np.clip(img, 0, 1).astype(np.float16)


def draw_synthetic(n, size, seed, workers=None):
    """``n`` synthetic images [size, size, 3] float16, drawn in parallel (deterministic)."""
    workers = workers or max(1, (os.cpu_count() or 2) - 1)
    jobs = [((seed, i), size) for i in range(n)]
    if workers == 1:
        return [_synthetic_one(j) for j in jobs]
    with ProcessPoolExecutor(workers) as ex:
        return list(ex.map(_synthetic_one, jobs, chunksize=8))


def _mask_one(args):
    seed, size, kind = args
    rng = np.random.default_rng(seed)
    return np.packbits(gmasks.make_mask(rng, size, size, kind).astype(np.uint8), axis=None)


def draw_masks(n_per_kind, size, seed, workers=None):
    """Masks of every kind: (bit-packed uint8 [N, size*size/8], kind index [N], kinds)."""
    kinds = list(gmasks.KINDS)
    jobs = [((seed, k, i), size, kind) for k, kind in enumerate(kinds) for i in range(n_per_kind)]
    workers = workers or max(1, (os.cpu_count() or 2) - 1)
    if workers == 1:
        out = [_mask_one(j) for j in jobs]
    else:
        with ProcessPoolExecutor(workers) as ex:
            out = list(ex.map(_mask_one, jobs, chunksize=64))
    kind_idx = np.repeat(np.arange(len(kinds)), n_per_kind)
    return np.stack(out), kind_idx, kinds


# ------------------------------------------------------------------------------- on the GPU
def _dihedral(x, code):
    """One of the 8 flips/rotations of square images x [B, C, S, S], chosen per sample (0..7)."""
    code = code.view(-1, 1, 1, 1)
    x = torch.where((code & 1) == 1, x.flip(-1), x)
    x = torch.where((code & 2) == 2, x.flip(-2), x)
    return torch.where((code & 4) == 4, x.transpose(-1, -2), x)


class ImageAtlas:
    """Images decoded once into float16 slots ``[N, 3, slot, slot]`` on ``device``."""

    def __init__(self, images, kinds, slot, device, robust=None):
        """``images``: list of float arrays [h, w] or [h, w, 3] in [0, 1] (sides <= slot)."""
        n = len(images)
        self.slot = int(slot)
        self.device = torch.device(device)
        self.pixels = torch.zeros((n, 3, slot, slot), dtype=torch.float16, device=device)
        sizes = []
        for i, a in enumerate(images):
            a = np.asarray(a, dtype=np.float32)
            if a.ndim == 2:
                a = np.repeat(a[..., None], 3, 2)
            h, w = a.shape[:2]
            if h > slot or w > slot:
                raise ValueError("image %d is %dx%d, larger than the slot %d" % (i, h, w, slot))
            self.pixels[i, :, :h, :w] = torch.from_numpy(a.transpose(2, 0, 1)).to(
                device=device, dtype=torch.float16)
            sizes.append((h, w))
        self.sizes = torch.tensor(sizes, dtype=torch.float32, device=device)  # [N, 2] (h, w)
        names = sorted(set(kinds))
        self.kind_names = names
        self.kind = torch.tensor([names.index(k) for k in kinds], device=device)
        self.robust = torch.tensor([bool(r) for r in (robust or [False] * n)], device=device)
        self._sample = _compiled(sample_crops, device)

    def sampler_weights(self, kind_weights):
        """Per-image probabilities: kind weight shared among the images of that kind."""
        w = torch.zeros(len(self.kind), device=self.device)
        for k, name in enumerate(self.kind_names):
            sel = self.kind == k
            cnt = int(sel.sum())
            if cnt and kind_weights.get(name, 0) > 0:
                w[sel] = float(kind_weights[name]) / cnt
        if float(w.sum()) <= 0:
            raise ValueError("no training images of the weighted kinds %s" % sorted(kind_weights))
        return w / w.sum()

    def crops(self, idx, size, generator):
        """Random crops of images ``idx`` resampled to ``size`` x ``size``: [B, 3, S, S] float32.

        Per sample a side of 0.5x to 2x the tile (at most the image's shorter side) and a position
        inside the image; the crop is sampled bilinearly at twice the tile's resolution and
        averaged 2 x 2 (anti-aliasing when it is larger than the tile). ``sample_crops`` reads
        only the pixels under the crops, straight from the float16 atlas."""
        b = idx.shape[0]
        u = torch.rand((b, 3), device=self.device, generator=generator)
        return self._sample(self.pixels, idx, self.sizes[idx], u, int(size))


def crop_taps(hw, u, size):
    """Where the crops of ``sample_crops`` read, along each axis: per sample and output row (or
    column) 4 source indices and their weights ([B, S, 4] each, rows then columns). A crop of
    side ``side`` at ``(y0, x0)`` (pixel edges) is sampled at ``2 * size`` points per axis, the
    centres of its sub-pixels, bilinearly between the two nearest pixel centres (clamped to the
    image, like ``grid_sample``'s border padding), and two neighbouring points are averaged."""
    side = size * torch.exp(math.log(0.5) + u[:, 0] * math.log(4.0))  # 0.5x .. 2x
    side = torch.minimum(side, hw.min(dim=1).values).clamp(min=16.0)
    j = torch.arange(2 * size, device=hw.device, dtype=torch.float32)
    out = []
    for axis, frac in ((0, u[:, 1]), (1, u[:, 2])):
        n = hw[:, axis]
        start = frac * (n - side)
        pos = start[:, None] + (j[None, :] + 0.5) * (side / (2 * size))[:, None] - 0.5
        pos = torch.minimum(pos.clamp(min=0.0), (n - 1)[:, None])
        lo = pos.floor()
        f = pos - lo
        hi = torch.minimum(lo + 1, (n - 1)[:, None])
        # [B, 2S, 2] taps of each sub-pixel, then two sub-pixels per output pixel: [B, S, 4]
        taps = torch.stack([lo, hi], dim=2).reshape(-1, size, 4).long()
        wts = (0.5 * torch.stack([1 - f, f], dim=2)).reshape(-1, size, 4)
        out += [taps, wts]
    return out


def sample_crops(pixels, idx, hw, u, size: int):
    """The crops of ``ImageAtlas.crops`` from the atlas ``pixels`` [N, 3, slot, slot] (any
    float dtype): [B, 3, size, size] float32. Written as 16 gathers per output value with
    separable weights, so that compiled it is one kernel that touches only the crops' pixels
    (no copy of whole slots, no sampling grid in memory)."""
    ry, wy, rx, wx = crop_taps(hw, u, size)
    _, c, slot, _ = pixels.shape
    flat = pixels.reshape(-1)
    b = idx.shape[0]
    base = (idx.view(b, 1, 1, 1) * c + torch.arange(c, device=idx.device).view(1, c, 1, 1)) \
        * (slot * slot)
    out = torch.zeros((b, c, size, size), device=pixels.device, dtype=torch.float32)
    for p in range(4):
        row = base + (ry[:, None, :, p, None] * slot)
        wrow = wy[:, None, :, p, None]
        for q in range(4):
            v = flat[row + rx[:, None, None, :, q]].float()
            out = out + (wrow * wx[:, None, None, :, q]) * v
    return out


def _percentiles(x, generator, sample=4096, lo_q=0.005, hi_q=0.995):
    """Per image the 0.5 / 99.5 percentiles of a random sample of its values: ([B], [B])."""
    b = x.shape[0]
    flat = x.reshape(b, -1)
    pick = torch.randint(0, flat.shape[1], (b, sample), device=x.device, generator=generator)
    q = torch.quantile(torch.gather(flat, 1, pick),
                       torch.tensor([lo_q, hi_q], device=x.device), dim=1)  # [2, B]
    return q[0], q[1]


def augment(x, code, lo, hi, robust, u, perm_key, noise, noise_prob=0.3):
    """The per-sample changes of a batch of crops, as one function of the random numbers drawn
    for it (so that it compiles into a few fused kernels): one of the 8 flips/rotations
    (``code``), robust normalisation where ``robust`` (the percentiles ``lo``/``hi`` mapped to 0 /
    1, as the plugin normalises a region), then gamma, contrast/offset, channel permutation and
    Gaussian noise (grey images get the same noise in every channel and stay grey); clipped to
    [0, 1]. ``u`` [B, 8] uniform, ``perm_key`` [B, 3] uniform, ``noise`` like ``x``, normal."""
    b = x.shape[0]
    x = _dihedral(x, code)
    lo, hi = lo.view(b, 1, 1, 1), hi.view(b, 1, 1, 1)
    ok = ((hi - lo) > 1e-4) & robust.view(b, 1, 1, 1)
    x = torch.where(ok, (x - lo) / (hi - lo).clamp(min=1e-4), x)
    x = x.clamp(0, 1)
    gamma = torch.exp(math.log(0.6) + u[:, 1] * (math.log(1.6) - math.log(0.6)))
    x = torch.where((u[:, 0] < 0.5).view(b, 1, 1, 1), x.clamp(min=1e-6) ** gamma.view(b, 1, 1, 1),
                    x)
    c_lo = (0.2 * u[:, 3]).view(b, 1, 1, 1)
    c_hi = (0.8 + 0.2 * u[:, 4]).view(b, 1, 1, 1)
    x = torch.where((u[:, 2] < 0.3).view(b, 1, 1, 1), c_lo + (c_hi - c_lo) * x, x)
    perm = torch.argsort(perm_key, dim=1)
    permuted = torch.gather(x, 1, perm.view(b, 3, 1, 1).expand_as(x))
    grey = ((x[:, :1] - x[:, 1:2]).abs().amax(dim=(1, 2, 3)) == 0) & \
        ((x[:, :1] - x[:, 2:3]).abs().amax(dim=(1, 2, 3)) == 0)
    x = torch.where(((u[:, 5] < 0.2) & ~grey).view(b, 1, 1, 1), permuted, x)
    sd = (0.002 + 0.028 * u[:, 7]).view(b, 1, 1, 1)
    noise = torch.where(grey.view(b, 1, 1, 1), noise[:, :1].expand_as(noise), noise)
    x = torch.where((u[:, 6] < noise_prob).view(b, 1, 1, 1), x + sd * noise, x)
    return x.clamp(0, 1)


def unpack_masks(bits, code, size, shifts):
    """Bit-packed masks [B, S*S/8] (numpy packbits order) -> [B, 1, S, S] float32 with one of the
    8 flips/rotations each."""
    b = bits.shape[0]
    m = (bits.unsqueeze(-1) >> shifts) & 1
    return _dihedral(m.view(b, 1, size, size).float(), code)


def _compiled(fn, device):
    """``fn`` compiled by torch.compile on CUDA (fused elementwise kernels); as is elsewhere."""
    if torch.device(device).type == "cuda" and hasattr(torch, "compile"):
        return torch.compile(fn, dynamic=False)
    return fn


class MaskPool:
    """Bit-packed masks on the GPU with their kind; batches by kind weight with a random
    flip/rotation."""

    def __init__(self, packed, kind_idx, kinds, size, device):
        self.size = int(size)
        self.device = torch.device(device)
        self.bits = torch.from_numpy(np.ascontiguousarray(packed)).to(device)  # [N, S*S/8] uint8
        self.kind = torch.from_numpy(np.asarray(kind_idx)).to(device)
        self.kinds = list(kinds)
        self._shifts = torch.arange(7, -1, -1, device=device, dtype=torch.uint8)
        self._unpack = _compiled(unpack_masks, device)

    def sampler_weights(self, mask_weights=None):
        mw = dict(gmasks.DEFAULT_WEIGHTS)
        if mask_weights:
            mw.update(mask_weights)
        w = torch.zeros(len(self.kind), device=self.device)
        for k, name in enumerate(self.kinds):
            sel = self.kind == k
            cnt = int(sel.sum())
            if cnt:
                w[sel] = float(mw.get(name, 0.0)) / cnt
        return w / w.sum()

    def batch(self, idx, generator):
        """[B, 1, S, S] float32 masks (1 = hole) and their kind indices [B]."""
        code = torch.randint(0, 8, (idx.shape[0],), device=self.device, generator=generator)
        m = self._unpack(self.bits.index_select(0, idx), code, self.size, self._shifts)
        return m, self.kind[idx]


class GpuBatches:
    """Endless (clean [B,3,S,S], mask [B,1,S,S], mask kind [B]) batches, all made on the GPU."""

    def __init__(self, atlas, masks, size, seed, kind_weights=None, mask_weights=None):
        self.atlas = atlas
        self.masks = masks
        self.size = int(size)
        self.gen = torch.Generator(device=atlas.device)
        self.gen.manual_seed(int(seed))
        self.img_p = atlas.sampler_weights(dict(kind_weights or DEFAULT_KIND_WEIGHTS))
        self.mask_p = masks.sampler_weights(mask_weights)
        self.robust_p = 0.3
        self._augment = _compiled(augment, atlas.device)

    def next(self, batch):
        g = self.gen
        dev = self.atlas.device
        idx = torch.multinomial(self.img_p, batch, replacement=True, generator=g)
        x = self.atlas.crops(idx, self.size, g)
        code = torch.randint(0, 8, (batch,), device=dev, generator=g)
        rob = self.atlas.robust[idx] | (torch.rand(batch, device=dev, generator=g)
                                        < self.robust_p)
        lo, hi = _percentiles(x, g)  # a flip does not change them
        u = torch.rand((batch, 8), device=dev, generator=g)
        perm_key = torch.rand((batch, 3), device=dev, generator=g)
        noise = torch.randn(x.shape, device=dev, generator=g)
        x = self._augment(x, code, lo, hi, rob, u, perm_key, noise)
        midx = torch.multinomial(self.mask_p, batch, replacement=True, generator=g)
        m, kinds = self.masks.batch(midx, g)
        return x, m, kinds


def load_train_images(root, max_side):
    """Real training images of ``data/train`` as (float arrays in [0, 1], kinds, robust flags),
    downscaled so the longer side is at most ``max_side``."""
    import cv2
    from .data import _list_train, read_image
    imgs, kinds, robust = [], [], []
    for path, kind in _list_train(root):
        try:
            a, maxv = read_image(path)
        except IOError:
            continue
        h, w = a.shape[:2]
        s = max(h, w)
        if s > max_side:
            f = max_side / float(s)
            a = cv2.resize(a, (max(1, round(w * f)), max(1, round(h * f))),
                           interpolation=cv2.INTER_AREA)
        imgs.append(a.astype(np.float32) / maxv)
        kinds.append(kind)
        robust.append(maxv > 255 or kind in ROBUST_ALWAYS)
    return imgs, kinds, robust

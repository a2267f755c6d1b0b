#!/usr/bin/env python3
"""Write the cross-language fixtures that prove Java and Python implement the same things.

    python3 python/make_fixture.py [--root src/test/resources/fixtures]

rasterizer/ (docs/ARCHITECTURE.md, "Rasterizer math"):
  field.npy        float32 [9, 16, 16]  seeded random Gaussians in the valid ranges, with strongly
                                        rotated / anisotropic covariances and offsets near +-1
  render.npy       float32 [3, 32, 32]  render_field(field)
  field-wide.npy   float32 [9, 8, 24]   a non-square case
  render-wide.npy  float32 [3, 16, 48]
prior/ (docs/ARCHITECTURE.md, "The prior"; Java: core.CascadicSor):
  image-N.npy      float32 [C, H, W]    seeded smooth values plus noise, odd and even sides
  mask-N.npy       float32 [H, W]       1 = hole: strokes, a box, specks, holes on the sides
  fill-N.npy       float32 [C, H, W]    gsinpaint.prior.harmonic_fill(image, mask), 40 sweeps
torchscript/ (a minimal DJL load test):
  tiny.pt          TorchScript (torch.jit.script) of conv 3x3 (3 -> 2) + ReLU
  tiny-input.npy   float32 [1, 3, 8, 8]
  tiny-output.npy  float32 [1, 2, 8, 8]

Arrays are written with numpy.save: little-endian float32, C order. Run with Debian's torch 1.13
(TorchScript saved by it is known to load in DJL 0.36 / libtorch 2.7.1).
"""

import argparse
import os

import numpy as np
import torch

from gsinpaint import render as R  # noqa: E402
from gsinpaint.prior import harmonic_fill  # noqa: E402

SEED = 20261105


def fixture_field(h, w, seed):
    """Random valid field plus hand-placed extreme Gaussians."""
    g = torch.Generator().manual_seed(seed)
    f = R.random_field(g, h, w)
    rng = np.random.default_rng(seed)
    n_extreme = max(4, (h * w) // 8)
    cells = rng.choice(h * w, size=n_extreme, replace=False)
    for k, cell in enumerate(cells):
        i, j = divmod(int(cell), w)
        s = 1 if k % 2 == 0 else -1
        f[R.DX, i, j] = s * 0.999
        f[R.DY, i, j] = -s * (0.995 if k % 3 else 0.5)
        if k % 4 == 0:  # thin and strongly sheared
            f[R.L11, i, j], f[R.L21, i, j], f[R.L22, i, j] = 0.351, s * 0.999, 0.36
        elif k % 4 == 1:  # wide along y, thin along x
            f[R.L11, i, j], f[R.L21, i, j], f[R.L22, i, j] = 0.36, -s * 0.9, 1.499
        elif k % 4 == 2:  # wide, rotated
            f[R.L11, i, j], f[R.L21, i, j], f[R.L22, i, j] = 1.499, s * 0.95, 0.4
        else:  # large and round
            f[R.L11, i, j], f[R.L21, i, j], f[R.L22, i, j] = 1.45, 0.0, 1.45
        f[R.OPACITY, i, j] = 0.95
    return f.contiguous()


def save(path, arr):
    np.save(path, np.ascontiguousarray(np.asarray(arr, dtype="<f4")))


def write_rasterizer(root):
    d = os.path.join(root, "rasterizer")
    os.makedirs(d, exist_ok=True)
    for name, (h, w), seed in (("", (16, 16), SEED), ("-wide", (8, 24), SEED + 1)):
        f = fixture_field(h, w, seed)
        img = R.render_field(f)
        save(os.path.join(d, "field%s.npy" % name), f.numpy())
        save(os.path.join(d, "render%s.npy" % name), img.numpy())
        print("rasterizer%s: field %s -> render %s, range [%.3f, %.3f]"
              % (name, tuple(f.shape), tuple(img.shape), float(img.min()), float(img.max())))


PRIOR_CASES = ((3, 45, 70), (1, 64, 96))


def prior_case(c, h, w, seed):
    """An image and a mask with every kind of hole the prior meets, including on the sides."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.stack([0.5 + 0.3 * np.sin(x / (7 + 3 * k)) * np.cos(y / (5 + 2 * k))
                    + 0.05 * rng.standard_normal((h, w)) for k in range(c)]).astype(np.float32)
    m = np.zeros((h, w), np.float32)
    m[h // 4:h // 4 + h // 3, w // 3:w // 3 + w // 4] = 1                  # a box
    m[:, w - 3:] = 1                                                         # along a side
    m[np.abs(y - 0.6 * x - 3) < 1.5] = 1                                     # a stroke
    m[rng.integers(0, h, 12), rng.integers(0, w, 12)] = 1                    # specks
    m[0, :5] = 1                                                             # a corner
    return img, m


def write_prior(root):
    d = os.path.join(root, "prior")
    os.makedirs(d, exist_ok=True)
    for n, (c, h, w) in enumerate(PRIOR_CASES):
        img, m = prior_case(c, h, w, SEED + 10 + n)
        fill = harmonic_fill(torch.from_numpy(img)[None], torch.from_numpy(m)[None, None])[0]
        save(os.path.join(d, "image-%d.npy" % n), img)
        save(os.path.join(d, "mask-%d.npy" % n), m)
        save(os.path.join(d, "fill-%d.npy" % n), fill.numpy())
        print("prior-%d: %d x %d x %d, %d hole pixels" % (n, c, h, w, int(m.sum())))


class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 2, 3, padding=1)

    def forward(self, x):
        return torch.relu(self.conv(x))


def write_torchscript(root):
    d = os.path.join(root, "torchscript")
    os.makedirs(d, exist_ok=True)
    torch.manual_seed(SEED)
    m = Tiny().eval()
    s = torch.jit.script(m)
    s.save(os.path.join(d, "tiny.pt"))
    x = torch.randn(1, 3, 8, 8, generator=torch.Generator().manual_seed(SEED))
    with torch.no_grad():
        y = torch.jit.load(os.path.join(d, "tiny.pt"))(x)
    save(os.path.join(d, "tiny-input.npy"), x.numpy())
    save(os.path.join(d, "tiny-output.npy"), y.numpy())
    print("torchscript: tiny.pt saved with torch %s" % torch.__version__)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=os.path.join(here, "..", "src", "test", "resources", "fixtures"))
    ap.add_argument("--skip-torchscript", action="store_true")
    args = ap.parse_args()
    write_rasterizer(args.root)
    write_prior(args.root)
    if not args.skip_torchscript:
        write_torchscript(args.root)


if __name__ == "__main__":
    main()

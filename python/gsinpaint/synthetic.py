"""Seeded synthetic training images.

All generators take a numpy ``Generator`` and a size and return float32 arrays in [0, 1]:
``[h, w, 3]`` for colour, ``[h, w]`` for grey.

- ``dead_leaves``: random occluding shapes (discs, ellipses, rectangles, polygons) with
  power-law sizes, each filled with a flat colour, a gradient, a grating or noise.
- ``microscopy``: fluorescence-microscopy-like single-channel images: background gradient,
  textured cell bodies and nuclei, filaments along smooth random curves, blurred point sources,
  Poisson + Gaussian noise, 8-bit or 16-bit-like quantisation.
- ``texture``: noise fields (1/f), stripes and gratings (warped), and grain maps (Voronoi),
  EM-like and material-science-like.
"""

import numpy as np
import cv2
from scipy.spatial import cKDTree


def _blur(img, sigma):
    if sigma <= 0.05:
        return img
    k = int(2 * round(3 * sigma) + 1)
    return cv2.GaussianBlur(img, (k, k), sigma, borderType=cv2.BORDER_REFLECT)


def _noise_field(rng, h, w, beta=2.0):
    """Gaussian noise with a 1/f^beta power spectrum, normalised to zero mean, unit std."""
    fy = np.fft.fftfreq(h)[:, None]
    fx = np.fft.rfftfreq(w)[None, :]
    f = np.sqrt(fx * fx + fy * fy)
    f[0, 0] = 1.0
    amp = f ** (-beta / 2.0)
    amp[0, 0] = 0.0
    spec = amp * (rng.standard_normal((h, w // 2 + 1)) + 1j * rng.standard_normal((h, w // 2 + 1)))
    n = np.fft.irfft2(spec, s=(h, w)).astype(np.float32)
    n -= n.mean()
    sd = n.std()
    return n / sd if sd > 0 else n


def _norm01(a):
    lo, hi = float(a.min()), float(a.max())
    if hi - lo < 1e-8:
        return np.zeros_like(a, dtype=np.float32)
    return ((a - lo) / (hi - lo)).astype(np.float32)


def _random_colour(rng, color):
    if color:
        return rng.uniform(0, 1, 3).astype(np.float32)
    v = np.float32(rng.uniform(0, 1))
    return np.array([v, v, v], np.float32)


# ----------------------------------------------------------------------------- dead leaves
def _fill_pattern(rng, h, w, color):
    """A small-area fill for one leaf: flat, gradient, grating or noise texture [h, w, 3]."""
    c0 = _random_colour(rng, color)
    kind = rng.choice(4, p=[0.45, 0.2, 0.15, 0.2])
    if kind == 0:
        return np.broadcast_to(c0, (h, w, 3))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, np.pi)
    proj = (np.cos(ang) * xx + np.sin(ang) * yy)
    c1 = _random_colour(rng, color)
    if kind == 1:
        t = _norm01(proj)
    elif kind == 2:
        period = rng.uniform(3, 30)
        t = 0.5 + 0.5 * np.sin(2 * np.pi * proj / period)
    else:
        t = _norm01(_blur(rng.standard_normal((h, w)).astype(np.float32), rng.uniform(0.5, 3)))
    t = t[..., None]
    return c0 * (1 - t) + c1 * t


def dead_leaves(rng, h=256, w=256, color=True, rmin=None, rmax=None, n_shapes=None):
    """Dead-leaves image: occluding random shapes with power-law radii (density ~ r^-3)."""
    rmin = rmin if rmin is not None else rng.uniform(1.5, 4)
    rmax = rmax if rmax is not None else rng.uniform(40, 140) * max(h, w) / 256.0
    n_shapes = n_shapes or int(rng.integers(800, 2000))
    img = np.zeros((h, w, 3), np.float32)
    img[:] = _random_colour(rng, color)
    # pre-computed pattern sheets reused by the leaves (cheap texture)
    sheets = [np.ascontiguousarray(_fill_pattern(rng, h, w, color), dtype=np.float32) for _ in range(4)]
    u = rng.uniform(0, 1, n_shapes)
    # inverse-CDF sampling of p(r) ~ r^-3 on [rmin, rmax]
    r = 1.0 / np.sqrt(1 / rmin ** 2 - u * (1 / rmin ** 2 - 1 / rmax ** 2))
    r = np.sort(r)[::-1]  # large leaves first, small ones on top
    for ri in r:
        cx, cy = rng.uniform(-ri, w + ri), rng.uniform(-ri, h + ri)
        # work in the shape's bounding box only
        R = int(np.ceil(ri)) + 2
        x0, x1 = max(0, int(cx) - R), min(w, int(cx) + R + 1)
        y0, y1 = max(0, int(cy) - R), min(h, int(cy) + R + 1)
        if x1 <= x0 or y1 <= y0:
            continue
        m = np.zeros((y1 - y0, x1 - x0), np.uint8)
        lx, ly = cx - x0, cy - y0
        shape = rng.choice(4, p=[0.45, 0.25, 0.15, 0.15])
        if shape == 0:
            cv2.circle(m, (int(lx), int(ly)), max(1, int(ri)), 1, -1)
        elif shape == 1:
            cv2.ellipse(m, (int(lx), int(ly)), (max(1, int(ri)), max(1, int(ri * rng.uniform(0.3, 1)))),
                        rng.uniform(0, 180), 0, 360, 1, -1)
        elif shape == 2:
            a = rng.uniform(0, np.pi)
            box = cv2.boxPoints(((lx, ly), (2 * ri, 2 * ri * rng.uniform(0.2, 1)), np.degrees(a)))
            cv2.fillPoly(m, [np.round(box).astype(np.int32)], 1)
        else:
            k = int(rng.integers(3, 7))
            t = np.sort(rng.uniform(0, 2 * np.pi, k))
            pts = np.stack([lx + ri * np.cos(t), ly + ri * np.sin(t)], 1)
            cv2.fillPoly(m, [np.round(pts).astype(np.int32)], 1)
        sel = m.astype(bool)
        if not sel.any():
            continue
        view = img[y0:y1, x0:x1]
        if rng.random() < 0.6:
            view[sel] = _random_colour(rng, color)
        else:
            view[sel] = sheets[int(rng.integers(len(sheets)))][y0:y1, x0:x1][sel]
    if rng.random() < 0.5:
        img = _blur(img, rng.uniform(0.3, 1.2))
    img = np.clip(img, 0, 1).astype(np.float32)
    return img if color else np.ascontiguousarray(img[..., 0])


# ----------------------------------------------------------------------------- microscopy
def _smooth_curve(rng, h, w, n=40):
    x, y = rng.uniform(0, w), rng.uniform(0, h)
    ang = rng.uniform(0, 2 * np.pi)
    curv = rng.uniform(-0.15, 0.15)
    step = rng.uniform(2, 6)
    pts = []
    for _ in range(n):
        curv = np.clip(curv + rng.normal(0, 0.05), -0.25, 0.25)
        ang += curv
        x += step * np.cos(ang)
        y += step * np.sin(ang)
        pts.append((x, y))
    return np.array(pts, np.float32)


def microscopy(rng, h=256, w=256, bit16=None):
    """Fluorescence-like single-channel image in [0, 1], quantised to 8 or 16 bits."""
    if bit16 is None:
        bit16 = rng.random() < 0.5
    ss = 4  # draw at 4x sub-pixel precision via cv2 shift
    sig = np.zeros((h, w), np.float32)
    scale = max(h, w) / 256.0
    # cell bodies with textured interiors, and nuclei
    n_cells = int(rng.integers(0, 12))
    tex = _norm01(_blur(rng.standard_normal((h, w)).astype(np.float32), rng.uniform(1, 3)))
    for _ in range(n_cells):
        m = np.zeros((h, w), np.float32)
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        a, b = rng.uniform(12, 45) * scale, rng.uniform(8, 35) * scale
        ang = rng.uniform(0, 180)
        cv2.ellipse(m, (int(cx * ss), int(cy * ss)), (int(a * ss), int(b * ss)), ang, 0, 360,
                    1.0, -1, cv2.LINE_AA, 2)
        bright = rng.uniform(0.1, 0.5)
        sig += _blur(m, 1.5) * bright * (0.6 + 0.8 * tex)
        if rng.random() < 0.8:
            n = np.zeros((h, w), np.float32)
            cv2.ellipse(n, (int((cx + rng.normal(0, a * 0.2)) * ss), int((cy + rng.normal(0, b * 0.2)) * ss)),
                        (int(a * 0.4 * ss), int(b * 0.4 * ss)), ang + rng.normal(0, 20), 0, 360,
                        1.0, -1, cv2.LINE_AA, 2)
            sig += _blur(n, 1.0) * rng.uniform(0.3, 1.0) * (0.7 + 0.6 * tex[::-1, ::-1])
    # filaments along smooth curves
    fil = np.zeros((h, w), np.float32)
    for _ in range(int(rng.integers(0, 40))):
        pts = _smooth_curve(rng, h, w, int(rng.integers(20, 120)))
        cv2.polylines(fil, [np.round(pts * ss).astype(np.int32)], False, float(rng.uniform(0.2, 1.0)),
                      1, cv2.LINE_AA, 2)
    sig += _blur(fil, rng.uniform(0.7, 1.8)) * rng.uniform(1.0, 3.0)
    # blurred point sources (vesicles, beads, single molecules)
    pts_img = np.zeros((h, w), np.float32)
    n_pts = int(rng.integers(0, 300))
    if n_pts:
        ys, xs = rng.integers(0, h, n_pts), rng.integers(0, w, n_pts)
        np.add.at(pts_img, (ys, xs), rng.uniform(0.2, 1.0, n_pts).astype(np.float32))
        sig += _blur(pts_img, rng.uniform(0.8, 2.0)) * rng.uniform(5, 20)
    if sig.max() <= 0:
        sig += _norm01(_blur(rng.standard_normal((h, w)).astype(np.float32), 4.0))
    sig /= max(float(np.percentile(sig, 99.9)), 1e-6)
    # background gradient and offset
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ang = rng.uniform(0, 2 * np.pi)
    grad = (np.cos(ang) * xx / w + np.sin(ang) * yy / h)
    bg = rng.uniform(0.01, 0.15) + rng.uniform(0, 0.1) * grad
    clean = np.clip(bg + sig * rng.uniform(0.4, 0.9), 0, None)
    # Poisson (shot) + Gaussian (read) noise
    photons = rng.uniform(30, 2000)
    noisy = rng.poisson(clean * photons).astype(np.float32) / photons
    noisy += rng.normal(0, rng.uniform(0.002, 0.02), size=(h, w)).astype(np.float32)
    noisy = np.clip(noisy, 0, 1)
    levels = 65535.0 if bit16 else 255.0
    if bit16 and rng.random() < 0.5:
        # 12-bit camera in a 16-bit container: narrower range, finer steps
        noisy = noisy * (4095.0 / 65535.0) * rng.uniform(1.0, 16.0)
        noisy = np.clip(noisy, 0, 1)
    return (np.round(noisy * levels) / levels).astype(np.float32)


# ----------------------------------------------------------------------------- textures
def _warp(rng, h, w, strength):
    dx = _blur(rng.standard_normal((h, w)).astype(np.float32), 12) * strength * 40
    dy = _blur(rng.standard_normal((h, w)).astype(np.float32), 12) * strength * 40
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return xx + dx, yy + dy


def texture(rng, h=256, w=256, color=None, kind=None):
    """Noise fields, stripes, gratings, membranes and grain maps."""
    if color is None:
        color = rng.random() < 0.4
    kinds = ("noise", "stripes", "grating", "membrane", "grains")
    kind = kind or kinds[int(rng.integers(len(kinds)))]
    if kind == "noise":
        t = _norm01(_noise_field(rng, h, w, rng.uniform(1.0, 3.5)))
    elif kind in ("stripes", "grating"):
        xx, yy = _warp(rng, h, w, rng.uniform(0, 1.0))
        ang = rng.uniform(0, np.pi)
        period = rng.uniform(4, 40)
        p = (np.cos(ang) * xx + np.sin(ang) * yy) / period
        t = 0.5 + 0.5 * np.sin(2 * np.pi * p)
        if rng.random() < 0.4:
            t = (t > rng.uniform(0.3, 0.7)).astype(np.float32)  # square wave
        if kind == "grating":
            ang2 = ang + rng.uniform(0.3, np.pi / 2)
            p2 = (np.cos(ang2) * xx + np.sin(ang2) * yy) / rng.uniform(4, 40)
            t = 0.5 * t + 0.5 * (0.5 + 0.5 * np.sin(2 * np.pi * p2))
        t = _blur(t.astype(np.float32), rng.uniform(0, 1.0))
    elif kind == "membrane":
        # EM-like: dark thin membranes at zero-crossings of a smooth field, textured cytoplasm
        f = _blur(rng.standard_normal((h, w)).astype(np.float32), rng.uniform(6, 18))
        f /= f.std() + 1e-8
        edge = np.exp(-(f / rng.uniform(0.05, 0.2)) ** 2)
        base = 0.6 + 0.15 * _noise_field(rng, h, w, 2.0)
        t = base - 0.5 * edge + 0.05 * rng.standard_normal((h, w)).astype(np.float32)
        t = _norm01(np.clip(t, -1, 2))
    else:
        # material-science-like grains: Voronoi cells with per-grain intensity and boundaries
        n = int(rng.integers(20, 200))
        seeds = np.stack([rng.uniform(0, w, n), rng.uniform(0, h, n)], 1).astype(np.float32)
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
        pts = np.stack([xx.ravel(), yy.ravel()], 1)
        _, lab = cKDTree(seeds).query(pts)
        lab = lab.reshape(h, w)
        vals = rng.uniform(0, 1, n).astype(np.float32)
        t = vals[lab]
        bnd = (np.diff(lab, axis=0, prepend=lab[:1]) != 0) | (np.diff(lab, axis=1, prepend=lab[:, :1]) != 0)
        t = np.where(bnd, t * rng.uniform(0, 0.5), t)
        t = _blur(t.astype(np.float32), rng.uniform(0.3, 1.2))
        t = t + 0.03 * rng.standard_normal((h, w)).astype(np.float32)
    t = np.clip(t, 0, 1).astype(np.float32)
    lo, hi = sorted(rng.uniform(0, 1, 2))
    lo, hi = lo * 0.5, 0.5 + hi * 0.5
    t = lo + (hi - lo) * t
    if not color:
        return t.astype(np.float32)
    c0, c1 = rng.uniform(0, 1, 3), rng.uniform(0, 1, 3)
    img = c0[None, None, :] * (1 - t[..., None]) + c1[None, None, :] * t[..., None]
    return np.clip(img, 0, 1).astype(np.float32)


def random_synthetic(rng, h=256, w=256):
    """One synthetic image of a random family; returns (image, family_name)."""
    r = rng.random()
    if r < 0.4:
        return dead_leaves(rng, h, w, color=rng.random() < 0.75), "dead_leaves"
    if r < 0.7:
        return microscopy(rng, h, w), "microscopy"
    return texture(rng, h, w), "texture"

"""Seeded hole-mask generators for the kinds of damage scientific users see.

Every generator takes a numpy ``Generator`` and the image size and returns a bool array
``[h, w]`` (True = hole). Sizes are specified for a 256 px tile and scaled with
``min(h, w) / 256``.

Kinds
-----
scratch  thin lines / stitching seams, 1-5 px wide
specks   dust, hot and dead pixel clusters, 1-8 px
gap      detector-gap bands on a regular grid
box      burned-in labels and scale bars (rectangles, 20-100 px at 256)
stroke   free-form damaged regions, strokes 10-40 px wide, and blobs
wide     LaMa-style wide strokes (up to ~60 px at 256) mixed with boxes
"""

import numpy as np
import cv2

KINDS = ("scratch", "specks", "gap", "box", "stroke", "wide")

MIN_COVERAGE = 0.005
MAX_COVERAGE = 0.5


def _scale(h, w):
    return max(min(h, w) / 256.0, 0.25)


def _smooth_path(rng, h, w, n_points, step, max_turn):
    """A random walk with bounded turning: a list of int (x, y) points."""
    x, y = rng.uniform(0, w), rng.uniform(0, h)
    ang = rng.uniform(0, 2 * np.pi)
    pts = [(x, y)]
    for _ in range(n_points):
        ang += rng.uniform(-max_turn, max_turn)
        x = float(np.clip(x + step * np.cos(ang), 0, w - 1))
        y = float(np.clip(y + step * np.sin(ang), 0, h - 1))
        pts.append((x, y))
    return np.round(np.array(pts)).astype(np.int32)


def scratch_mask(rng, h, w):
    s = _scale(h, w)
    m = np.zeros((h, w), np.uint8)
    for _ in range(rng.integers(1, 6)):
        width = int(rng.integers(1, 6))
        if rng.random() < 0.5:
            # a long nearly straight line across the tile (seam / scratch)
            ang = rng.uniform(0, np.pi)
            cx, cy = rng.uniform(0, w), rng.uniform(0, h)
            L = max(h, w) * 1.5
            p0 = (int(cx - L * np.cos(ang)), int(cy - L * np.sin(ang)))
            p1 = (int(cx + L * np.cos(ang)), int(cy + L * np.sin(ang)))
            cv2.line(m, p0, p1, 1, width)
        else:
            pts = _smooth_path(rng, h, w, int(rng.integers(4, 16)), rng.uniform(10, 40) * s, 0.4)
            cv2.polylines(m, [pts], False, 1, width)
    return m.astype(bool)


def specks_mask(rng, h, w):
    s = _scale(h, w)
    m = np.zeros((h, w), np.uint8)
    n = int(rng.integers(30, 250) * s * s) + 5
    xs = rng.integers(0, w, n)
    ys = rng.integers(0, h, n)
    for x, y in zip(xs, ys):
        size = int(rng.integers(1, 9))
        if size <= 2:
            m[y:y + size, x:x + size] = 1
        elif rng.random() < 0.5:
            cv2.circle(m, (int(x), int(y)), size // 2, 1, -1)
        else:
            # an irregular cluster: a few random pixels inside a size x size box
            k = int(rng.integers(size, size * size + 1))
            dx = rng.integers(0, size, k)
            dy = rng.integers(0, size, k)
            m[np.clip(y + dy, 0, h - 1), np.clip(x + dx, 0, w - 1)] = 1
    return m.astype(bool)


def gap_mask(rng, h, w):
    s = _scale(h, w)
    m = np.zeros((h, w), bool)
    period = rng.uniform(48, 128) * s
    width = int(max(1, round(rng.uniform(2, 12) * s)))
    orient = rng.choice(["h", "v", "both"], p=[0.35, 0.35, 0.3])
    if orient in ("h", "both"):
        off = rng.uniform(0, period)
        for y0 in np.arange(off, h, period):
            m[int(y0):int(y0) + width, :] = True
    if orient in ("v", "both"):
        per2 = period * rng.uniform(0.8, 1.25) if orient == "both" else period
        off = rng.uniform(0, per2)
        for x0 in np.arange(off, w, per2):
            m[:, int(x0):int(x0) + width] = True
    return m


def box_mask(rng, h, w):
    s = _scale(h, w)
    m = np.zeros((h, w), bool)
    for _ in range(rng.integers(1, 4)):
        if rng.random() < 0.3:
            # scale bar: long and thin
            bw, bh = rng.uniform(30, 100) * s, rng.uniform(3, 12) * s
        else:
            bw, bh = rng.uniform(20, 100) * s, rng.uniform(20, 100) * s
        if rng.random() < 0.5:
            bw, bh = bh, bw
        bw, bh = int(min(bw, w - 1)), int(min(bh, h - 1))
        x0 = int(rng.integers(0, max(1, w - bw)))
        y0 = int(rng.integers(0, max(1, h - bh)))
        m[y0:y0 + bh, x0:x0 + bw] = True
    return m


def _strokes(rng, h, w, n, wmin, wmax, s):
    m = np.zeros((h, w), np.uint8)
    for _ in range(n):
        width = int(max(1, rng.uniform(wmin, wmax) * s))
        pts = _smooth_path(rng, h, w, int(rng.integers(2, 8)), rng.uniform(15, 50) * s, 1.2)
        cv2.polylines(m, [pts], False, 1, width, lineType=cv2.LINE_8)
        for p in pts:
            cv2.circle(m, (int(p[0]), int(p[1])), width // 2, 1, -1)
    return m


def stroke_mask(rng, h, w):
    s = _scale(h, w)
    m = _strokes(rng, h, w, int(rng.integers(1, 4)), 10, 40, s)
    if rng.random() < 0.4:
        # a blob: a random smooth closed region
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        r = rng.uniform(8, 30) * s
        t = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        rr = r * (1 + 0.35 * rng.standard_normal(24)).clip(0.4, 1.8)
        pts = np.stack([cx + rr * np.cos(t), cy + rr * np.sin(t)], 1).astype(np.int32)
        cv2.fillPoly(m, [pts], 1)
    return m.astype(bool)


def wide_mask(rng, h, w):
    s = _scale(h, w)
    m = _strokes(rng, h, w, int(rng.integers(1, 5)), 25, 60, s).astype(bool)
    if rng.random() < 0.4:
        m |= box_mask(rng, h, w)
    return m


_GEN = {
    "scratch": scratch_mask,
    "specks": specks_mask,
    "gap": gap_mask,
    "box": box_mask,
    "stroke": stroke_mask,
    "wide": wide_mask,
}

DEFAULT_WEIGHTS = {"scratch": 0.15, "specks": 0.1, "gap": 0.1, "box": 0.15, "stroke": 0.25, "wide": 0.25}


def make_mask(rng, h, w, kind, min_cov=MIN_COVERAGE, max_cov=MAX_COVERAGE, tries=20):
    """A mask of the given kind whose hole fraction lies in [min_cov, max_cov]."""
    if kind not in _GEN:
        raise ValueError("unknown mask kind %r" % (kind,))
    m = None
    for _ in range(tries):
        m = _GEN[kind](rng, h, w)
        cov = m.mean()
        if min_cov <= cov <= max_cov:
            return m
        if cov > max_cov:
            continue
    # fall back: enforce the bounds directly
    if m.mean() > max_cov:
        # keep only a random window of the mask
        ys, xs = np.nonzero(m)
        keep = np.zeros_like(m)
        hh, ww = max(1, int(h * 0.6)), max(1, int(w * 0.6))
        y0 = int(rng.integers(0, h - hh + 1))
        x0 = int(rng.integers(0, w - ww + 1))
        keep[y0:y0 + hh, x0:x0 + ww] = True
        m = m & keep
    if m.mean() < min_cov or m.mean() > max_cov:
        m = box_mask(rng, h, w)
        if m.mean() > max_cov or not m.any():
            m = np.zeros((h, w), bool)
            bh, bw = max(1, h // 8), max(1, w // 8)
            m[h // 2 - bh // 2:h // 2 - bh // 2 + bh, w // 2 - bw // 2:w // 2 - bw // 2 + bw] = True
    return m


def random_mask(rng, h, w, kind=None, weights=None):
    """A random mask; ``kind`` None picks one with ``weights`` (dict kind -> weight)."""
    if kind is None:
        wts = weights or DEFAULT_WEIGHTS
        kinds = list(wts)
        p = np.array([wts[k] for k in kinds], float)
        kind = kinds[int(rng.choice(len(kinds), p=p / p.sum()))]
    return make_mask(rng, h, w, kind)

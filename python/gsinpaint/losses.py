"""Training losses: fidelity first (L1, SSIM, gradients), weighted on the hole and a ring round it.

All images are ``[B, C, H, W]`` in normalised units; ``mask`` is ``[B, 1, H, W]`` with 1 = hole.
``render`` is the raw rasterizer output (no compositing); the composited image
``x * (1 - m) + render * m`` is what the plugin delivers, so the structural terms look at it
(including the seam between known pixels and the fill).
"""

import torch
import torch.nn.functional as F

DEFAULT_WEIGHTS = {
    "l1_all": 1.0,   # raw render vs clean image, every pixel
    "l1_hole": 4.0,  # raw render in the hole
    "l1_ring": 1.0,  # raw render in a ring around the hole
    "ssim": 0.5,     # 1 - SSIM of the composite, on hole + ring
    "grad": 0.5,     # L1 of image gradients of the composite, on hole + ring
    "align": 0.05,   # negative cosine of the semantic tokens
    "logmse": 0.0,   # mean over images of log10(MSE in the hole + 1e-4): the mean-PSNR metric
}


def ring_of(mask, width=8):
    """Pixels within ``width`` px of the hole but outside it (max-pool dilation)."""
    k = 2 * width + 1
    # separable: a square max-pool is a row max-pool of a column max-pool (17x less work)
    dil = F.max_pool2d(mask, (k, 1), stride=1, padding=(width, 0))
    dil = F.max_pool2d(dil, (1, k), stride=1, padding=(0, width))
    return (dil - mask).clamp(min=0)


def _wmean(x, w):
    # x: [B, C, H, W], w: [B, 1, H, W]; pooled over the batch (large holes weigh more)
    return (x * w).sum() / (w.sum() * x.shape[1]).clamp(min=1.0)


def _wmean_per_image(x, w):
    # mean over images of each image's weighted mean (every image weighs the same)
    num = (x * w).sum(dim=(1, 2, 3))
    den = (w.sum(dim=(1, 2, 3)) * x.shape[1])
    has = (den > 0).to(x.dtype)
    return (num / den.clamp(min=1.0) * has).sum() / has.sum().clamp(min=1.0)


def _box_mean(x, window):
    """Mean over a ``window`` x ``window`` square around each pixel (reflected borders), as a
    column mean then a row mean: the same numbers as one square average pool, and windows small
    enough that torch.compile fuses them with the arithmetic around them."""
    pad = window // 2
    x = F.pad(x, (pad,) * 4, mode="reflect")
    x = F.avg_pool2d(x, (window, 1), stride=1)
    return F.avg_pool2d(x, (1, window), stride=1)


def ssim_map(a, b, window=7, c1=0.01 ** 2, c2=0.03 ** 2):
    """Per-pixel SSIM with a uniform window (data range 1)."""
    mu_a = _box_mean(a, window)
    mu_b = _box_mean(b, window)
    aa = _box_mean(a * a, window) - mu_a ** 2
    bb = _box_mean(b * b, window) - mu_b ** 2
    ab = _box_mean(a * b, window) - mu_a * mu_b
    num = (2 * mu_a * mu_b + c1) * (2 * ab + c2)
    den = (mu_a ** 2 + mu_b ** 2 + c1) * (aa + bb + c2)
    return num / den


def _grads(x):
    gx = x[..., :, 1:] - x[..., :, :-1]
    gy = x[..., 1:, :] - x[..., :-1, :]
    return gx, gy


def inpaint_loss(render, clean, mask, weights=None, pred_token=None, target_token=None,
                 ring_width=8, per_image=False, as_float=True):
    """Total loss and a dict of its (detached) parts (floats, or tensors with ``as_float=False``).

    ``per_image``: the hole and ring L1 terms are averaged per image first, so a thin scratch
    weighs as much as a wide stroke (the development metric is a mean over cases).
    """
    wts = dict(DEFAULT_WEIGHTS)
    if weights:
        wts.update(weights)
    render = render.float()
    clean = clean.float()
    mask = mask.float()
    ring = ring_of(mask, ring_width)
    hr = (mask + ring).clamp(max=1.0)
    err = (render - clean).abs()
    parts = {}
    parts["l1_all"] = err.mean()
    wm = _wmean_per_image if per_image else _wmean
    parts["l1_hole"] = wm(err, mask)
    parts["l1_ring"] = wm(err, ring)
    if wts["logmse"] > 0:
        se = ((render - clean) ** 2 * mask).sum(dim=(1, 2, 3))
        n = mask.sum(dim=(1, 2, 3)) * render.shape[1]
        has = (n > 0).to(se.dtype)
        lm = torch.log10(se / n.clamp(min=1.0) + 1e-4)
        parts["logmse"] = (lm * has).sum() / has.sum().clamp(min=1.0)
    comp = clean * (1 - mask) + render * mask
    if wts["ssim"] > 0:
        s = ssim_map(comp.clamp(0, 1), clean)
        parts["ssim"] = _wmean(1 - s, hr)
    if wts["grad"] > 0:
        gxa, gya = _grads(comp)
        gxb, gyb = _grads(clean)
        parts["grad"] = (_wmean((gxa - gxb).abs(), hr[..., :, 1:])
                         + _wmean((gya - gyb).abs(), hr[..., 1:, :]))
    if pred_token is not None and target_token is not None and wts["align"] > 0:
        cos = F.cosine_similarity(pred_token.float(), target_token.detach().float(), dim=1)
        parts["align"] = -cos.mean()
    total = sum(wts[k] * v for k, v in parts.items())
    if not as_float:  # detached tensors: reading them as floats would wait for the GPU
        return total, {k: v.detach() for k, v in parts.items()}
    return total, {k: float(v.detach()) for k, v in parts.items()}


def psnr_in_hole(pred, clean, mask, eps=1e-10):
    """Per-image PSNR (data range 1) over hole pixels: [B]."""
    m = mask.float()
    se = ((pred.float().clamp(0, 1) - clean.float()) ** 2 * m).sum(dim=(1, 2, 3))
    n = (m.sum(dim=(1, 2, 3)) * pred.shape[1]).clamp(min=1.0)
    return -10 * torch.log10(se / n + eps)

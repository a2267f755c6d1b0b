"""The training renderer: the patch rasterizer of ``render.py`` as fused Triton kernels.

Same math as ``render.render_field`` (and therefore as the Java ``PatchRasterizer``; the shared
fixture holds all three to 1e-5), but no weight matrix is ever stored: the forward kernel sums
the 144 Gaussians of each 16 x 16 patch in registers, and the backward kernel recomputes the
weights from the field and the incoming gradient. v1's autograd renderer kept several
``[patches, 256, 144]`` float32 tensors per step (about 90 GiB at batch 256) and took 80% of a
training step.

Gradients: each Gaussian lies in the extended patch of up to four patches, so the backward
kernel writes one gradient per (patch, Gaussian) into a buffer laid out like ``F.unfold``'s
output, and ``F.fold`` (unfold's adjoint) sums them onto the grid: deterministic, no atomics.

``render_field_fast(field)`` uses the kernels on CUDA when Triton is present and falls back to
``render.render_field`` elsewhere (CPU tests, Debian's torch).
"""

import torch
import torch.nn.functional as F

from . import render as R

try:  # Triton ships with CUDA builds of torch; Debian's CPU torch has none
    import triton
    import triton.language as tl
    HAVE_TRITON = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_TRITON = False

G_CHUNK = 16  # Gaussians per inner step: 144 = 9 x 16
N_GAUSS = R.EXT * R.EXT  # 144 per patch
N_PIX = R.PATCH * R.PATCH  # 256 per patch

if HAVE_TRITON:

    @triton.jit
    def _load_chunk(field_ptr, b, P, Q, g0, h, w, HW):
        """Parameters of Gaussians g0..g0+15 of patch (P, Q) of image b; absent ones have o = 0."""
        g = g0 + tl.arange(0, 16)
        a = g // 12
        c = g % 12
        i = 8 * P - 2 + a
        j = 8 * Q - 2 + c
        valid = (i >= 0) & (i < h) & (j >= 0) & (j < w)
        base = field_ptr + b * 9 * HW + i * w + j
        dx = tl.load(base + 0 * HW, mask=valid, other=0.0)
        dy = tl.load(base + 1 * HW, mask=valid, other=0.0)
        l11 = tl.load(base + 2 * HW, mask=valid, other=1.0)
        l21 = tl.load(base + 3 * HW, mask=valid, other=0.0)
        l22 = tl.load(base + 4 * HW, mask=valid, other=1.0)
        o = tl.load(base + 5 * HW, mask=valid, other=0.0)
        c0 = tl.load(base + 6 * HW, mask=valid, other=0.0)
        c1 = tl.load(base + 7 * HW, mask=valid, other=0.0)
        c2 = tl.load(base + 8 * HW, mask=valid, other=0.0)
        # base centre of grid point a (row) / c (column) relative to the patch's first pixel
        gx = (2 * c).to(tl.float32) - 3.5
        gy = (2 * a).to(tl.float32) - 3.5
        return g, dx, dy, l11, l21, l22, o, c0, c1, c2, gx, gy

    @triton.jit
    def _forward_kernel(field_ptr, out_ptr, h, w, pw, n_img):
        pid = tl.program_id(0)
        b = pid // n_img
        r = pid % n_img
        P = r // pw
        Q = r % pw
        HW = h * w
        pix = tl.arange(0, 256)
        px = (pix % 16).to(tl.float32)
        py = (pix // 16).to(tl.float32)
        acc0 = tl.zeros([256], dtype=tl.float32)
        acc1 = tl.zeros([256], dtype=tl.float32)
        acc2 = tl.zeros([256], dtype=tl.float32)
        for g0 in range(0, 144, 16):
            g, dx, dy, l11, l21, l22, o, c0, c1, c2, gx, gy = _load_chunk(
                field_ptr, b, P, Q, g0, h, w, HW)
            z1 = (px[:, None] - gx[None, :] - dx[None, :]) / l11[None, :]
            z2 = (py[:, None] - gy[None, :] - dy[None, :] - l21[None, :] * z1) / l22[None, :]
            wgt = o[None, :] * tl.exp(-0.5 * (z1 * z1 + z2 * z2))
            acc0 += tl.sum(wgt * c0[None, :], axis=1)
            acc1 += tl.sum(wgt * c1[None, :], axis=1)
            acc2 += tl.sum(wgt * c2[None, :], axis=1)
        W2 = 2 * w
        H2W2 = 4 * HW
        y = 16 * P + (pix // 16)
        x = 16 * Q + (pix % 16)
        dst = out_ptr + b * 3 * H2W2 + y * W2 + x
        tl.store(dst, acc0)
        tl.store(dst + H2W2, acc1)
        tl.store(dst + 2 * H2W2, acc2)

    @triton.jit
    def _backward_kernel(field_ptr, gout_ptr, gbuf_ptr, h, w, pw, n_img):
        pid = tl.program_id(0)
        b = pid // n_img
        r = pid % n_img
        P = r // pw
        Q = r % pw
        HW = h * w
        pix = tl.arange(0, 256)
        px = (pix % 16).to(tl.float32)
        py = (pix // 16).to(tl.float32)
        W2 = 2 * w
        H2W2 = 4 * HW
        y = 16 * P + (pix // 16)
        x = 16 * Q + (pix % 16)
        src = gout_ptr + b * 3 * H2W2 + y * W2 + x
        go0 = tl.load(src)
        go1 = tl.load(src + H2W2)
        go2 = tl.load(src + 2 * H2W2)
        # gbuf layout: [B, 9 * 144, n_img] (F.unfold's), element (b, k * 144 + g, r)
        gb = gbuf_ptr + b * 9 * 144 * n_img + r
        for g0 in range(0, 144, 16):
            g, dx, dy, l11, l21, l22, o, c0, c1, c2, gx, gy = _load_chunk(
                field_ptr, b, P, Q, g0, h, w, HW)
            z1 = (px[:, None] - gx[None, :] - dx[None, :]) / l11[None, :]
            z2 = (py[:, None] - gy[None, :] - dy[None, :] - l21[None, :] * z1) / l22[None, :]
            e = tl.exp(-0.5 * (z1 * z1 + z2 * z2))
            wgt = o[None, :] * e
            gw = go0[:, None] * c0[None, :] + go1[:, None] * c1[None, :] + go2[:, None] * c2[None, :]
            s = -0.5 * gw * wgt  # dL/dq, q = z1^2 + z2^2
            gz2 = 2.0 * z2 * s
            gz1 = 2.0 * z1 * s - gz2 * (l21 / l22)[None, :]
            inv11 = 1.0 / l11
            inv22 = 1.0 / l22
            g_dx = -tl.sum(gz1, axis=0) * inv11
            g_l11 = -tl.sum(gz1 * z1, axis=0) * inv11
            g_dy = -tl.sum(gz2, axis=0) * inv22
            g_l21 = -tl.sum(gz2 * z1, axis=0) * inv22
            g_l22 = -tl.sum(gz2 * z2, axis=0) * inv22
            g_o = tl.sum(gw * e, axis=0)
            g_c0 = tl.sum(wgt * go0[:, None], axis=0)
            g_c1 = tl.sum(wgt * go1[:, None], axis=0)
            g_c2 = tl.sum(wgt * go2[:, None], axis=0)
            row = gb + g * n_img
            step = 144 * n_img
            tl.store(row + 0 * step, g_dx)
            tl.store(row + 1 * step, g_dy)
            tl.store(row + 2 * step, g_l11)
            tl.store(row + 3 * step, g_l21)
            tl.store(row + 4 * step, g_l22)
            tl.store(row + 5 * step, g_o)
            tl.store(row + 6 * step, g_c0)
            tl.store(row + 7 * step, g_c1)
            tl.store(row + 8 * step, g_c2)


def _check(field):
    if field.dim() != 4 or field.shape[1] != R.CHANNELS:
        raise ValueError("field must be [B, %d, h, w], got %s" % (R.CHANNELS, tuple(field.shape)))
    b, _, h, w = field.shape
    if h % R.PATCH_GRID or w % R.PATCH_GRID:
        raise ValueError("field sides must be multiples of %d, got %dx%d" % (R.PATCH_GRID, h, w))
    return b, h, w


class _TritonRender(torch.autograd.Function):

    @staticmethod
    def forward(ctx, field):
        field = field.float().contiguous()
        b, h, w = _check(field)
        pw = w // R.PATCH_GRID
        n_img = (h // R.PATCH_GRID) * pw
        out = torch.empty((b, 3, 2 * h, 2 * w), device=field.device, dtype=torch.float32)
        _forward_kernel[(b * n_img,)](field, out, h, w, pw, n_img, num_warps=4)
        ctx.save_for_backward(field)
        return out

    @staticmethod
    def backward(ctx, gout):
        (field,) = ctx.saved_tensors
        b, h, w = _check(field)
        pw = w // R.PATCH_GRID
        n_img = (h // R.PATCH_GRID) * pw
        gout = gout.float().contiguous()
        gbuf = torch.empty((b, R.CHANNELS * N_GAUSS, n_img), device=field.device,
                           dtype=torch.float32)
        _backward_kernel[(b * n_img,)](field, gout, gbuf, h, w, pw, n_img, num_warps=4)
        ring = R.RING
        summed = F.fold(gbuf, output_size=(h + 2 * ring, w + 2 * ring), kernel_size=R.EXT,
                        stride=R.PATCH_GRID)
        return summed[:, :, ring:ring + h, ring:ring + w]


def triton_available(device):
    return HAVE_TRITON and torch.device(device).type == "cuda"


def render_field_fast(field):
    """Renders ``[B, 9, h, w]`` (or ``[9, h, w]``) like ``render.render_field``, in float32.

    On CUDA with Triton: fused kernels, weights recomputed in backward. Elsewhere: the reference
    implementation (identical results to rounding).
    """
    squeeze = field.dim() == 3
    if squeeze:
        field = field.unsqueeze(0)
    if triton_available(field.device):
        with torch.autocast(device_type="cuda", enabled=False):
            img = _TritonRender.apply(field)
    else:
        img = R.render_field(field)
    return img[0] if squeeze else img

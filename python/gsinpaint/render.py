"""Patch-level rasterizer for a dense field of 2D Gaussians (see docs/ARCHITECTURE.md).

The field is ``[B, 9, h, w]`` (or ``[9, h, w]``), already activated:
``dx, dy, l11, l21, l22, o, c0, c1, c2``. The image is ``[B, 3, 2h, 2w]``.

Each 16x16 output patch is the un-normalised sum over the 12x12 Gaussians of its extended patch
(its own 8x8 grid points and a ring of 2 grid points); grid points outside the field are absent.
Inside a patch the geometry is the same for every patch, so the relative pixel/grid offsets are
constants and one group of patches is a single batched matrix product
``[N, 256, 144] @ [N, 144, C]``.

``h`` and ``w`` must be multiples of 8 (image sides multiples of 16).
"""

import math

import torch
import torch.nn.functional as F

STRIDE = 2  # pixels per grid point
PATCH = 16  # output patch side, pixels
PATCH_GRID = PATCH // STRIDE  # 8 grid points per patch side
RING = 2  # grid points of ring around a patch
EXT = PATCH_GRID + 2 * RING  # 12 grid points per extended patch side
L_FLOOR = 0.35
L_SPAN = 1.15
CHANNELS = 9
DX, DY, L11, L21, L22, OPACITY, C0 = 0, 1, 2, 3, 4, 5, 6

# Values given to grid points outside the field: opacity 0 makes them contribute exactly 0, and a
# unit covariance keeps the forward and backward passes finite.
_PAD_VALUES = (0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)


def _offsets(device):
    """Relative offsets (pixel - base centre) for one patch: rx, ry of shape [256, 144]."""
    r = torch.arange(PATCH, dtype=torch.float32, device=device)
    # extended grid point a (0..11) of patch P sits at grid index 8P - 2 + a, base centre
    # 2(8P - 2 + a) + 0.5 = 16P + 2a - 3.5; pixel r of the patch is at 16P + r.
    a = torch.arange(EXT, dtype=torch.float32, device=device)
    g = STRIDE * a - (STRIDE * RING - 0.5)
    d = r[:, None] - g[None, :]  # [16, 12]: pixel coordinate minus base centre
    # pixels in row-major order (row y, column x); Gaussians in row-major order (row a, col b)
    ry = d[:, None, :, None].expand(PATCH, PATCH, EXT, EXT).reshape(PATCH * PATCH, EXT * EXT)
    rx = d[None, :, None, :].expand(PATCH, PATCH, EXT, EXT).reshape(PATCH * PATCH, EXT * EXT)
    return rx.contiguous(), ry.contiguous()


def _pad_field(field):
    """Pads the grid by RING on each side with absent Gaussians (exact inside the field)."""
    b, c, h, w = field.shape
    padded = F.pad(field, (RING, RING, RING, RING))
    fill = torch.tensor(_PAD_VALUES, dtype=field.dtype, device=field.device)[:c]
    inside = torch.zeros((1, 1, h + 2 * RING, w + 2 * RING), dtype=field.dtype, device=field.device)
    inside[:, :, RING:RING + h, RING:RING + w] = 1
    return padded + (1 - inside) * fill.view(1, c, 1, 1)


def _render_groups(params, rx, ry):
    """params: [N, 9, 144] Gaussians per patch -> [N, 256, 3] pixels."""
    dx = params[:, DX].unsqueeze(1)
    dy = params[:, DY].unsqueeze(1)
    l11 = params[:, L11].unsqueeze(1)
    l21 = params[:, L21].unsqueeze(1)
    l22 = params[:, L22].unsqueeze(1)
    o = params[:, OPACITY].unsqueeze(1)
    z1 = (rx - dx) / l11
    z2 = (ry - dy - l21 * z1) / l22
    wgt = o * torch.exp(-0.5 * (z1 * z1 + z2 * z2))  # [N, 256, 144]
    col = params[:, C0:].transpose(1, 2)  # [N, 144, 3]
    return torch.bmm(wgt, col)


def render_field(field, patch_rows=None):
    """Renders a field [B, 9, h, w] (or [9, h, w]) to an image [B, 3, 2h, 2w] (or [3, 2h, 2w]).

    ``patch_rows``: how many rows of 16-px patches to render per group (bounds the memory of the
    weight matrices); None renders all at once. The result does not depend on it.
    Always computed in float32 (autocast is switched off inside).
    """
    squeeze = field.dim() == 3
    if squeeze:
        field = field.unsqueeze(0)
    if field.shape[1] != CHANNELS:
        raise ValueError("field needs %d channels, got %d" % (CHANNELS, field.shape[1]))
    b, c, h, w = field.shape
    if h % PATCH_GRID or w % PATCH_GRID:
        raise ValueError("field sides must be multiples of %d, got %dx%d" % (PATCH_GRID, h, w))
    dev_type = field.device.type
    with torch.autocast(device_type=dev_type if dev_type in ("cuda", "cpu") else "cpu",
                        enabled=False):
        field = field.float()
        ph, pw = h // PATCH_GRID, w // PATCH_GRID
        rx, ry = _offsets(field.device)
        padded = _pad_field(field)
        step = ph if patch_rows is None else max(1, int(patch_rows))
        rows = []
        for p0 in range(0, ph, step):
            p1 = min(ph, p0 + step)
            sub = padded[:, :, p0 * PATCH_GRID:p1 * PATCH_GRID + 2 * RING]
            cols = F.unfold(sub, kernel_size=EXT, stride=PATCH_GRID)  # [B, 9*144, n]
            n = cols.shape[-1]
            params = cols.view(b, c, EXT * EXT, n).permute(0, 3, 1, 2).reshape(b * n, c, EXT * EXT)
            out = _render_groups(params, rx, ry)  # [B*n, 256, 3]
            out = out.view(b, p1 - p0, pw, PATCH, PATCH, 3).permute(0, 5, 1, 3, 2, 4)
            rows.append(out.reshape(b, 3, (p1 - p0) * PATCH, pw * PATCH))
        img = rows[0] if len(rows) == 1 else torch.cat(rows, dim=2)
    return img[0] if squeeze else img


def render_patches(field, patches):
    """Renders only the listed patches (flat indices P * (w/8) + Q) of a single field [9, h, w].

    Returns [len(patches), 3, 16, 16].
    """
    if field.dim() == 4:
        if field.shape[0] != 1:
            raise ValueError("render_patches takes one field")
        field = field[0]
    c, h, w = field.shape
    pw = w // PATCH_GRID
    field = field.float()
    padded = _pad_field(field.unsqueeze(0))
    cols = F.unfold(padded, kernel_size=EXT, stride=PATCH_GRID)[0]  # [9*144, n]
    idx = torch.as_tensor(patches, dtype=torch.long, device=field.device)
    params = cols[:, idx].view(c, EXT * EXT, -1).permute(2, 0, 1)
    rx, ry = _offsets(field.device)
    out = _render_groups(params, rx, ry)  # [n, 256, 3]
    return out.view(-1, PATCH, PATCH, 3).permute(0, 3, 1, 2).contiguous()
    # (pw is kept for readers: patch index = P * pw + Q)


def render_reference(field):
    """Slow reference: explicit loops over every pixel and every Gaussian (float64, pure Python).

    ``field``: array-like [9, h, w]. Returns a nested list / numpy-free float64 tensor [3, 2h, 2w].
    Only for small fields in tests.
    """
    f = torch.as_tensor(field, dtype=torch.float64).tolist()
    h, w = len(f[0]), len(f[0][0])
    H, W = STRIDE * h, STRIDE * w
    out = [[[0.0] * W for _ in range(H)] for _ in range(3)]
    for y in range(H):
        P = y // PATCH
        for x in range(W):
            Q = x // PATCH
            acc = [0.0, 0.0, 0.0]
            for i in range(PATCH_GRID * P - RING, PATCH_GRID * P + PATCH_GRID + RING):
                if i < 0 or i >= h:
                    continue
                for j in range(PATCH_GRID * Q - RING, PATCH_GRID * Q + PATCH_GRID + RING):
                    if j < 0 or j >= w:
                        continue
                    mx = STRIDE * j + 0.5 + f[DX][i][j]
                    my = STRIDE * i + 0.5 + f[DY][i][j]
                    z1 = (x - mx) / f[L11][i][j]
                    z2 = ((y - my) - f[L21][i][j] * z1) / f[L22][i][j]
                    wgt = f[OPACITY][i][j] * math.exp(-0.5 * (z1 * z1 + z2 * z2))
                    for k in range(3):
                        acc[k] += wgt * f[C0 + k][i][j]
            for k in range(3):
                out[k][y][x] = acc[k]
    return torch.tensor(out, dtype=torch.float64)


def random_field(generator, h, w, batch=None):
    """A random field in the valid ranges (tests and fixtures), float32 [9, h, w] or [B, 9, h, w]."""
    shape = (CHANNELS, h, w) if batch is None else (batch, CHANNELS, h, w)
    u = torch.rand(shape, generator=generator)
    n = torch.randn(shape, generator=generator)
    f = torch.empty(shape)
    f[..., DX, :, :] = 0.98 * (2 * u[..., DX, :, :] - 1)
    f[..., DY, :, :] = 0.98 * (2 * u[..., DY, :, :] - 1)
    f[..., L11, :, :] = L_FLOOR + L_SPAN * u[..., L11, :, :]
    f[..., L21, :, :] = 0.98 * (2 * u[..., L21, :, :] - 1)
    f[..., L22, :, :] = L_FLOOR + L_SPAN * u[..., L22, :, :]
    f[..., OPACITY, :, :] = u[..., OPACITY, :, :]
    f[..., C0:, :, :] = 0.5 + 0.5 * n[..., C0:, :, :]
    return f

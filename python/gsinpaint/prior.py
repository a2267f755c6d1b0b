"""The classical prior that model v2 is conditioned on: the harmonic fill of the holes, batched.

Model v2's input holds, at hole pixels, the harmonic (Laplace) fill of the hole instead of zeros,
and its Gaussians render a correction that is added to it. The plugin computes the same prior
exactly with its sparse whole-hole solver (Java core); here it is computed on the GPU for every
training batch, so it must be fast and close to converged:

1. a pyramid of masked means (each coarser pixel is the mean of the known pixels under it,
   "known" if any is) down to where every hole is covered;
2. coarse to fine: a level's unknown pixels start from the bilinear upsampling of the coarser
   level's solution, then red-black successive over-relaxation of the 4-neighbour Laplace
   equation with the known pixels fixed (image borders: zero normal derivative, as in the Java
   solver, which only couples pixels inside the image).

Against a 600-sweep solution on 51 development cases (every mask kind), 40 sweeps per level
are off by at most 3e-5 on scratches, specks and gaps, 1e-3 on average over all hole pixels, and
at most 2e-2 in the middle of the widest strokes (where the coarse levels' start, "known if any
pixel under it is", is least accurate); 20 sweeps at the finest level give 100x more error on
the thin masks. The plugin solves exactly; the network learns to correct either.
"""

import torch
import torch.nn.functional as F

try:  # CUDA builds of torch ship Triton; Debian's CPU torch does not
    import triton
    import triton.language as tl
    HAVE_TRITON = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_TRITON = False

if HAVE_TRITON:

    @triton.jit
    def _half_sweep_kernel(u_ptr, free_ptr, H, W, parity, omega, C: tl.constexpr,
                           BLOCK: tl.constexpr):
        """One red or black half-sweep of SOR in place: pixels of one colour only read pixels of
        the other, so updating in place is exact. u: [B, C, H, W] float32; free: [B, H, W] uint8
        (1 = unknown). A program covers BLOCK pixels of one colour of one image and updates every
        channel there, and it touches memory only at unknown pixels: the cost follows the holes'
        area, not the image's."""
        b = tl.program_id(1)
        w2 = (W + 1) // 2  # pixels of one colour per row, at most
        i = tl.program_id(0) * BLOCK + tl.arange(0, BLOCK)
        y = i // w2
        x = 2 * (i % w2) + ((y + parity) & 1)
        on = (y < H) & (x < W)
        p = y * W + x
        free = tl.load(free_ptr + b * H * W + p, mask=on, other=0)
        upd = on & (free != 0)
        yu = tl.maximum(y - 1, 0) * W + x
        yd = tl.minimum(y + 1, H - 1) * W + x
        xl = y * W + tl.maximum(x - 1, 0)
        xr = y * W + tl.minimum(x + 1, W - 1)
        for c in tl.static_range(C):
            base = u_ptr + (b * C + c) * H * W
            nb = (tl.load(base + yu, mask=upd, other=0.0) + tl.load(base + yd, mask=upd, other=0.0)
                  + tl.load(base + xl, mask=upd, other=0.0) + tl.load(base + xr, mask=upd, other=0.0))
            cur = tl.load(base + p, mask=upd, other=0.0)
            tl.store(base + p, cur + omega * (0.25 * nb - cur), mask=upd)


def _neighbour_mean(u):
    """Mean of the 4 neighbours with replicated borders (Neumann): [B, C, H, W]."""
    p = F.pad(u, (1, 1, 1, 1), mode="replicate")
    return 0.25 * (p[..., :-2, 1:-1] + p[..., 2:, 1:-1] + p[..., 1:-1, :-2] + p[..., 1:-1, 2:])


def _checkerboard(h, w, device, dtype):
    y = torch.arange(h, device=device).view(h, 1)
    x = torch.arange(w, device=device).view(1, w)
    red = ((y + x) % 2 == 0).to(dtype)
    return red, 1 - red


def _sor(u, free, iterations, omega):
    """Red-black SOR on the unknown pixels (``free`` = 1 there); known pixels stay."""
    if HAVE_TRITON and u.is_cuda:
        u = u.float().contiguous()
        b, c, h, w = u.shape
        free = (free.reshape(b, h, w) > 0).to(torch.uint8).contiguous()
        block = 512
        grid = (triton.cdiv(h * ((w + 1) // 2), block), b)
        for _ in range(iterations):
            for parity in (0, 1):
                _half_sweep_kernel[grid](u, free, h, w, parity, float(omega), C=c, BLOCK=block)
        return u
    h, w = u.shape[-2:]
    red, black = _checkerboard(h, w, u.device, u.dtype)
    for _ in range(iterations):
        for colour in (red, black):
            upd = free * colour
            u = u + omega * upd * (_neighbour_mean(u) - u)
    return u


def harmonic_fill(image, mask, iterations=40, omega=1.8, coarsest=4):
    """Harmonic fill of ``mask`` (1 = hole) in ``image`` ``[B, C, H, W]``; known pixels unchanged.

    Sides need not be powers of two. Returns a new tensor; hole pixels hold the fill.
    """
    known = 1.0 - mask.to(image.dtype)
    levels = [(image * known, known)]
    while min(levels[-1][0].shape[-2:]) > coarsest:
        s, k = levels[-1]
        levels.append((F.avg_pool2d(s, 2, ceil_mode=True) * 4.0,
                       F.avg_pool2d(k, 2, ceil_mode=True) * 4.0))
    u = None
    for s, k in reversed(levels):
        has = (k > 0).to(image.dtype)
        value = s / k.clamp(min=1e-12)
        if u is None:  # coarsest: the mean of the known pixels of each image
            tot = k.sum(dim=(-2, -1), keepdim=True)
            mean = s.sum(dim=(-2, -1), keepdim=True) / tot.clamp(min=1e-12)
            start = mean.expand_as(value)
        else:
            start = F.interpolate(u, size=s.shape[-2:], mode="bilinear", align_corners=False)
        u = has * value + (1 - has) * start
        u = _sor(u, 1 - has, iterations, omega)
    return image * known + u * (1 - known)


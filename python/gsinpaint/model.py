"""The 2DGS inpainting network: masked image + mask -> dense field of activated 2D Gaussians.

Input ``x``: ``[B, 4, H, W]`` (channels 0..2 the normalised image with hole pixels 0, channel 3
the mask, 1 = hole), H and W multiples of 16. Output: ``[B, 9, H/2, W/2]`` activated as in
docs/ARCHITECTURE.md (dx, dy, l11, l21, l22, o, c0, c1, c2).

Layout (sized for 2 CPU cores):
- the input is folded 2x2 into channels (pixel-unshuffle, lossless) so the first stage works at
  1/2 resolution, which is also the resolution of the Gaussian grid;
- a U-Net-like encoder (GroupNorm, SiLU, strided 3x3 convolutions) down to 1/16;
- bottleneck residual blocks modulated by AdaLN (instance norm, x * (1 + scale) + shift, gated
  residual with zero-initialised gates, as in DiT) from a global semantic token;
- the semantic token comes from a light semantic branch that sees the masked image at 1/4 size
  (the role DINOv2 has in the method's paper; no pretrained weights can be had here). A predictor
  MLP maps the masked image's token towards the token of the clean image (semantic alignment,
  trained with a negative cosine against a stop-gradient target);
- an optional DINOv2 backbone (``semantic="dinov2"`` and a weights file) replaces the branch;
- a decoder with additive skips back to 1/2 resolution and a Gaussian head.
"""

import math
from typing import Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

from .render import L_FLOOR, L_SPAN


def _groups(c):
    for g in (8, 4, 2, 1):
        if c % g == 0:
            return g
    return 1


class ConvAct(nn.Module):
    """conv 3x3 (optionally strided) -> GroupNorm -> SiLU."""

    def __init__(self, cin, cout, stride=1):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.norm = nn.GroupNorm(_groups(cout), cout)

    def forward(self, x):
        return F.silu(self.norm(self.conv(x)))


class ResBlock(nn.Module):
    """Pre-activation residual block: (GN, SiLU, conv) x 2."""

    def __init__(self, c):
        super().__init__()
        self.n1 = nn.GroupNorm(_groups(c), c)
        self.c1 = nn.Conv2d(c, c, 3, 1, 1)
        self.n2 = nn.GroupNorm(_groups(c), c)
        self.c2 = nn.Conv2d(c, c, 3, 1, 1)
        nn.init.zeros_(self.c2.weight)
        nn.init.zeros_(self.c2.bias)

    def forward(self, x):
        h = self.c1(F.silu(self.n1(x)))
        h = self.c2(F.silu(self.n2(h)))
        return x + h


class AdaLNBlock(nn.Module):
    """Residual block modulated by a global token (DiT-style AdaLN-Zero, instance norm)."""

    def __init__(self, c, token_dim):
        super().__init__()
        self.c = c
        self.c1 = nn.Conv2d(c, c, 3, 1, 1)
        self.c2 = nn.Conv2d(c, c, 3, 1, 1)
        self.mod = nn.Linear(token_dim, 6 * c)
        nn.init.zeros_(self.mod.weight)
        nn.init.zeros_(self.mod.bias)
        # the block starts as the identity: modulation and static gate are zero-initialised
        self.gate0 = nn.Parameter(torch.full((c,), 0.0))

    def forward(self, x, token):
        m = self.mod(F.silu(token))[:, :, None, None]
        s1, b1, g1, s2, b2, g2 = torch.chunk(m, 6, dim=1)
        h = F.instance_norm(x, eps=1e-5) * (1 + s1) + b1
        h = self.c1(F.silu(h))
        h = F.instance_norm(h, eps=1e-5) * (1 + s2) + b2
        h = self.c2(F.silu(h))
        return x + (g1 + g2 + self.gate0[None, :, None, None]) * h


class SemanticCNN(nn.Module):
    """Light global-token branch: the masked image (and mask) at 1/4 size -> token [B, D]."""

    def __init__(self, dim=256, width=32):
        super().__init__()
        w = width
        self.body = nn.Sequential(
            ConvAct(4, w, 2), ConvAct(w, 2 * w, 2), ConvAct(2 * w, 4 * w, 2),
            ConvAct(4 * w, 4 * w, 1), ConvAct(4 * w, 8 * w, 2))
        self.proj = nn.Sequential(nn.Linear(16 * w, dim), nn.SiLU(), nn.Linear(dim, dim))

    def forward(self, x):
        x = F.avg_pool2d(x, 4)
        h = self.body(x)
        pooled = torch.cat([h.mean(dim=(2, 3)), h.amax(dim=(2, 3))], dim=1)
        return self.proj(pooled)


class DinoSemantic(nn.Module):
    """Optional: a DINOv2 ViT-B/14 backbone (timm) from a local weights file -> token [B, D].

    Off by default; needs ``timm`` and a state dict of ``vit_base_patch14_dinov2``. The backbone is
    frozen; a linear layer maps its 768-d CLS token to the token size.
    """

    def __init__(self, weights, dim=256):
        super().__init__()
        import timm  # only needed on this path
        self.vit = timm.create_model("vit_base_patch14_dinov2", pretrained=False, num_classes=0,
                                     img_size=224)
        state = torch.load(weights, map_location="cpu")
        self.vit.load_state_dict(state, strict=False)
        for p in self.vit.parameters():
            p.requires_grad_(False)
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1))
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1))
        self.proj = nn.Linear(768, dim)

    def forward(self, x):
        img = F.interpolate(x[:, :3], size=(224, 224), mode="bilinear", align_corners=False)
        img = (img.clamp(0, 1) - self.mean) / self.std
        return self.proj(self.vit(img))


class GlobalAttention(nn.Module):
    """Self-attention over every bottleneck cell (1/16 of the tile), so wide holes get structure
    from anywhere in the tile. A depthwise 3x3 convolution first gives the cells their position
    (works for any tile size); the attention and MLP residuals start at zero (gates), so the block
    starts as the identity. Written with matmul/softmax (no fused SDPA) so that TorchScript saved by
    torch 1.13 loads in the plugin's libtorch."""

    def __init__(self, c, heads=4):
        super().__init__()
        self.heads = heads
        self.pos = nn.Conv2d(c, c, 3, 1, 1, groups=c)
        self.n1 = nn.LayerNorm(c)
        self.qkv = nn.Linear(c, 3 * c)
        self.proj = nn.Linear(c, c)
        self.n2 = nn.LayerNorm(c)
        self.mlp = nn.Sequential(nn.Linear(c, 2 * c), nn.GELU(), nn.Linear(2 * c, c))
        self.g1 = nn.Parameter(torch.zeros(c))
        self.g2 = nn.Parameter(torch.zeros(c))
        # The position term starts at zero too: with the gates, a block added to a trained network
        # (a warm start with more blocks) leaves its output exactly as it was.
        nn.init.zeros_(self.pos.weight)
        nn.init.zeros_(self.pos.bias)

    def forward(self, x):
        b, c, h, w = x.shape
        x = x + self.pos(x)
        t = x.flatten(2).transpose(1, 2)  # [B, N, C]
        q, k, v = self.qkv(self.n1(t)).chunk(3, dim=2)
        d = c // self.heads
        q = q.reshape(b, -1, self.heads, d).transpose(1, 2)
        k = k.reshape(b, -1, self.heads, d).transpose(1, 2)
        v = v.reshape(b, -1, self.heads, d).transpose(1, 2)
        a = torch.softmax(torch.matmul(q, k.transpose(2, 3)) * (1.0 / math.sqrt(d)), dim=-1)
        o = torch.matmul(a, v).transpose(1, 2).reshape(b, -1, c)
        t = t + self.g1 * self.proj(o)
        t = t + self.g2 * self.mlp(self.n2(t))
        # [B, N, C] back to [B, C, H, W] as a channels-last view: the same values and, for B > 1,
        # the same strides as transpose + reshape; but for B = 1 (the plugin's tiles) that gave a
        # batch stride of C, which libtorch's convolutions do not take for channels-last, so the
        # whole decoder ran in NCHW (docs/BENCHMARKS.md 2.10)
        return t.reshape(b, h, w, c).permute(0, 3, 1, 2)


class GSInpaintNet(nn.Module):
    """``prior_input=False`` (v1): hole pixels of the input are 0 and the render is the image.
    ``prior_input=True`` (v2): hole pixels of the input hold the harmonic fill of the hole
    (``gsinpaint.prior``), and the render is a correction added to that input image; see
    ``compose``. ``attention``: global self-attention blocks after the AdaLN bottleneck."""

    def __init__(self, widths=(24, 64, 128, 160), n_bottleneck=3, token_dim=256,
                 semantic="cnn", dino_weights=None, prior_input=False, attention=0):
        super().__init__()
        self.prior_input = bool(prior_input)
        c1, c2, c3, c4 = widths
        self.widths = tuple(widths)
        # encoder: 1/2 (unshuffled input) -> 1/16
        self.stem = ConvAct(16, c1)
        self.e1 = ConvAct(c1, c1)
        self.d2 = ConvAct(c1, c2, 2)
        self.e2 = ResBlock(c2)
        self.d3 = ConvAct(c2, c3, 2)
        self.e3 = ResBlock(c3)
        self.d4 = ConvAct(c3, c4, 2)
        # semantic token
        if semantic == "dinov2":
            if dino_weights is None:
                raise ValueError("semantic='dinov2' needs dino_weights (a local weights file)")
            self.semantic = DinoSemantic(dino_weights, token_dim)
        else:
            self.semantic = SemanticCNN(token_dim)
        self.align = nn.Sequential(nn.Linear(token_dim, 2 * token_dim), nn.SiLU(),
                                   nn.Linear(2 * token_dim, token_dim))
        self.mid = nn.ModuleList([AdaLNBlock(c4, token_dim) for _ in range(n_bottleneck)])
        self.attn = nn.ModuleList([GlobalAttention(c4) for _ in range(attention)])
        # decoder: 1/16 -> 1/2 with additive skips
        self.u3 = nn.Conv2d(c4, c3, 1)
        self.r3 = ConvAct(c3, c3)
        self.u2 = nn.Conv2d(c3, c2, 1)
        self.r2 = ConvAct(c2, c2)
        self.u1 = nn.Conv2d(c2, c1, 1)
        self.r1 = ConvAct(c1, c1)
        self.head = nn.Conv2d(c1, 9, 3, 1, 1)
        self.l_floor = float(L_FLOOR)
        self.l_span = float(L_SPAN)
        self._init_head()

    # Initial field: centred isotropic Gaussians, l = 0.8, opacity 0.7, colour so that a constant
    # field of colour value 0.5 / sum-of-weights renders an image of 0.5.
    INIT_L = 0.8
    INIT_O = 0.7

    @staticmethod
    def weight_sum(l, o):
        """Sum of weights at a pixel for a constant, centred, isotropic field."""
        s = 0.0
        for a in range(-6, 7):
            for b in range(-6, 7):
                dx, dy = 2 * a + 0.5, 2 * b + 0.5
                s += math.exp(-0.5 * (dx * dx + dy * dy) / (l * l))
        return o * s

    def _init_head(self):
        nn.init.normal_(self.head.weight, std=1e-3)
        b = torch.zeros(9)
        pl = (self.INIT_L - L_FLOOR) / L_SPAN
        b[2] = math.log(pl / (1 - pl))
        b[4] = b[2]
        b[5] = math.log(self.INIT_O / (1 - self.INIT_O))
        self.color_gain = 1.0 / self.weight_sum(self.INIT_L, self.INIT_O)
        # v1: colour starts at grey (0.5); v2: the correction over the prior starts at 0
        b[6:] = 0.0 if self.prior_input else 0.5 * self.color_gain
        with torch.no_grad():
            self.head.bias.copy_(b)
            # the colour channels get a larger weight scale so they learn quickly
            self.head.weight[6:].normal_(std=1e-2)

    def encode_token(self, x):
        return self.semantic(x)

    def features(self, x, token) -> torch.Tensor:
        z = F.pixel_unshuffle(x, 2)
        s1 = self.e1(self.stem(z))
        s2 = self.e2(self.d2(s1))
        s3 = self.e3(self.d3(s2))
        h = self.d4(s3)
        for blk in self.mid:
            h = blk(h, token)
        for att in self.attn:
            h = att(h)
        h = F.interpolate(self.u3(h), scale_factor=2.0, mode="nearest") + s3
        h = self.r3(h)
        h = F.interpolate(self.u2(h), scale_factor=2.0, mode="nearest") + s2
        h = self.r2(h)
        h = F.interpolate(self.u1(h), scale_factor=2.0, mode="nearest") + s1
        h = self.r1(h)
        return self.head(h)

    def activate(self, raw, x):
        if self.prior_input:
            return self._activate_correction(raw)
        # colour: a residual over the local mean of the known pixels at grid resolution, scaled
        # to the weight sum of the initial field
        known = 1.0 - x[:, 3:4]
        num = F.avg_pool2d(x[:, :3] * known, 2)
        den = F.avg_pool2d(known, 2)
        local = num / den.clamp(min=1e-3)
        dx = torch.tanh(raw[:, 0:1])
        dy = torch.tanh(raw[:, 1:2])
        l11 = self.l_floor + self.l_span * torch.sigmoid(raw[:, 2:3])
        l21 = torch.tanh(raw[:, 3:4])
        l22 = self.l_floor + self.l_span * torch.sigmoid(raw[:, 4:5])
        o = torch.sigmoid(raw[:, 5:6])
        c = raw[:, 6:9] + self.color_gain * (local - 0.5) * (den > 0.0).to(x.dtype)
        return torch.cat([dx, dy, l11, l21, l22, o, c], dim=1)

    def _activate_correction(self, raw):
        """v2: the colours are a correction to the prior image, in units of the initial field's
        weight sum, so that a raw colour of 1 changes the rendered image by about 1."""
        dx = torch.tanh(raw[:, 0:1])
        dy = torch.tanh(raw[:, 1:2])
        l11 = self.l_floor + self.l_span * torch.sigmoid(raw[:, 2:3])
        l21 = torch.tanh(raw[:, 3:4])
        l22 = self.l_floor + self.l_span * torch.sigmoid(raw[:, 4:5])
        o = torch.sigmoid(raw[:, 5:6])
        c = raw[:, 6:9] * self.color_gain
        return torch.cat([dx, dy, l11, l21, l22, o, c], dim=1)

    def forward(self, x):
        # inference entry (the plugin's): on tiles of 192 x 192 px and more, channels-last lets
        # oneDNN run every convolution without reordering its input and output (a 256 px tile on
        # 2 cores in libtorch 2.7.1: 85 -> 72 ms); on smaller tiles the layout's own conversions
        # cost more than they save (docs/BENCHMARKS.md 2.6). The training entry below leaves the
        # layout to inductor.
        if x.shape[2] * x.shape[3] >= 192 * 192:
            x = x.contiguous(memory_format=torch.channels_last)
        token = self.semantic(x)
        token = self.align(token)
        # a plain NCHW field whatever memory format the engine's kernels chose: the plugin reads
        # the output's memory in that order
        return self.activate(self.features(x, token), x).contiguous()

    def forward_train(self, x, clean: Optional[torch.Tensor] = None
                      ) -> Tuple[torch.Tensor, Optional[torch.Tensor], Optional[torch.Tensor]]:
        """Field plus (predicted token, stop-gradient target token of the clean image)."""
        t = self.semantic(x)
        pred = self.align(t)
        field = self.activate(self.features(x, pred), x)
        target = None
        if clean is not None:
            with torch.no_grad():
                cin = torch.cat([clean, torch.zeros_like(clean[:, :1])], dim=1)
                target = self.semantic(cin)
        return field, pred, target


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def count_flops(model, h=256, w=256):
    """Multiply-adds x 2 of the convolutions and linear layers for one [1, 4, h, w] input."""
    total = [0]
    hooks = []

    def conv_hook(m, inp, out):
        k = m.weight.shape[1] * m.weight.shape[2] * m.weight.shape[3]
        total[0] += 2 * k * out.numel()

    def lin_hook(m, inp, out):
        total[0] += 2 * m.weight.shape[1] * out.numel()

    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(lin_hook))
    with torch.no_grad():
        model(torch.zeros(1, 4, h, w))
    for hk in hooks:
        hk.remove()
    return total[0]

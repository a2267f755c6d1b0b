"""Regenerates the tiny TorchScript fixture model used by the Java reliability tests.

    /usr/bin/python3 python/make_test_model.py

writes src/test/resources/fixtures/fake-model/{model.pt,model.json}. The model is not trained:
it maps a [1, 4, H, W] input (three normalised colour channels, hole pixels 0, then the mask)
to a valid, already activated Gaussian field [1, 9, H/2, W/2] (the layout of
docs/ARCHITECTURE.md). Its colours are a normalised convolution of the known pixels, so fills
are plausible, and its weights come from a fixed seed (the zip metadata of the .pt, and so its
sha256, may still change between runs; the descriptor is rewritten to match). It is small
(a few KB) so the fault tests can copy and damage it cheaply.
"""

import hashlib
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

class FakeGaussianModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(16, 6, 3, 1, 1)

    def forward(self, x):
        img = x[:, 0:3]
        known = 1.0 - x[:, 3:4]
        # fold 2x2 pixels into channels: the field's grid has stride 2
        folded = F.pixel_unshuffle(x, 2)  # [B, 16, H/2, W/2]
        geo = self.conv(folded)
        dx = torch.tanh(geo[:, 0:1])
        dy = torch.tanh(geo[:, 1:2])
        l11 = 0.35 + 1.15 * torch.sigmoid(geo[:, 2:3])
        l21 = torch.tanh(geo[:, 3:4])
        l22 = 0.35 + 1.15 * torch.sigmoid(geo[:, 4:5])
        # the diagonal floor 0.35 and span 1.15 are the contract of docs/ARCHITECTURE.md
        o = 0.2 + 0.6 * torch.sigmoid(geo[:, 5:6])
        # colour: known pixels averaged over a wide window (normalised convolution)
        num = F.avg_pool2d(img * known, 2)
        den = F.avg_pool2d(known, 2)
        for _ in range(3):
            num = F.avg_pool2d(num, 5, 1, 2, count_include_pad=False)
            den = F.avg_pool2d(den, 5, 1, 2, count_include_pad=False)
        # where no known pixel is near, the colour falls back to mid-grey
        colour = (num + 0.5e-3) / (den + 1e-3)
        return torch.cat([dx, dy, l11, l21, l22, o, colour], dim=1)


def main():
    torch.manual_seed(1234)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "src", "test", "resources", "fixtures", "fake-model")
    os.makedirs(out, exist_ok=True)
    model = FakeGaussianModel().eval()
    scripted = torch.jit.script(model)
    pt = os.path.join(out, "model.pt")
    scripted.save(pt)
    with torch.no_grad():
        y = scripted(torch.rand(1, 4, 32, 48))
    assert tuple(y.shape) == (1, 9, 16, 24), y.shape
    assert torch.isfinite(y).all()
    with open(pt, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    descriptor = {
        "name": "fake-model",
        "version": "0.0.1",
        "description": "Untrained fixture for tests (python/make_test_model.py). Not for use.",
        "weights": {"torchscript": {"source": "model.pt", "sha256": sha,
                                    "pytorch_version": torch.__version__}},
        "inputs": [{"name": "x", "axes": "bchw", "channels": 4, "dtype": "float32"}],
        "outputs": [{"name": "g", "axes": "bchw", "channels": 9, "dtype": "float32",
                     "scale": 0.5}],
        "tile": {"size": 64, "halo": 16, "multiple": 16},
        "rasterizer": {"stride": 2, "patch": 16, "ring": 2},
    }
    with open(os.path.join(out, "model.json"), "w") as f:
        json.dump(descriptor, f, indent=2)
        f.write("\n")
    print("wrote", pt, os.path.getsize(pt), "bytes, sha256", sha)


if __name__ == "__main__":
    main()

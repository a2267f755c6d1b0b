"""The fused training renderer against the reference renderer and the shared fixture.

Needs CUDA and Triton (the GPU machine); on a CPU-only machine only the fallback is checked."""

import os

import numpy as np
import pytest
import torch

from gsinpaint import render as R
from gsinpaint.render_fast import render_field_fast, triton_available

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                        "resources", "fixtures", "rasterizer")
CUDA = torch.cuda.is_available() and triton_available("cuda")
needs_cuda = pytest.mark.skipif(not CUDA, reason="needs CUDA and Triton")


def _field(h, w, seed, batch=None):
    return R.random_field(torch.Generator().manual_seed(seed), h, w, batch)


def test_cpu_fallback_is_the_reference():
    f = _field(16, 8, 1, batch=2)
    assert torch.equal(render_field_fast(f), R.render_field(f))


@needs_cuda
@pytest.mark.parametrize("name", ["", "-wide"])
def test_fused_kernel_matches_the_shared_fixture(name):
    f = torch.from_numpy(np.load(os.path.join(FIXTURES, "field%s.npy" % name))).cuda()
    img = np.load(os.path.join(FIXTURES, "render%s.npy" % name))
    out = render_field_fast(f).cpu().numpy()
    assert np.abs(out - img).max() < 1e-5


@needs_cuda
@pytest.mark.parametrize("h,w,b", [(8, 8, 1), (16, 24, 3), (32, 16, 2)])
def test_fused_gradients_match_autograd_of_the_reference(h, w, b):
    f = _field(h, w, 7 + h, batch=b).double()
    weight = torch.randn((b, 3, 2 * h, 2 * w), dtype=torch.float64)
    ref_f = f.clone().requires_grad_(True)
    (R.render_field(ref_f.float()).double() * weight).sum().backward()
    fast_f = f.float().cuda().requires_grad_(True)
    out = render_field_fast(fast_f)
    (out * weight.float().cuda()).sum().backward()
    assert torch.allclose(out.cpu().double(), R.render_field(f.float()).double(), atol=1e-5)
    g_ref, g_fast = ref_f.grad, fast_f.grad.cpu().double()
    scale = g_ref.abs().max()
    assert float((g_fast - g_ref).abs().max() / scale) < 1e-4

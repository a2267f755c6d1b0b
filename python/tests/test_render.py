"""The rasterizer against a slow reference, the committed cross-language fixture, and gradients."""

import os

import numpy as np
import pytest
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
from gsinpaint import render as R  # noqa: E402

FIXTURES = os.path.join(HERE, "..", "..", "src", "test", "resources", "fixtures", "rasterizer")


def _field(h, w, seed, batch=None):
    return R.random_field(torch.Generator().manual_seed(seed), h, w, batch)


@pytest.mark.parametrize("h,w", [(8, 8), (8, 16), (16, 8)])
def test_matches_slow_reference(h, w):
    f = _field(h, w, 3 + h + w)
    ref = R.render_reference(f)
    out = R.render_field(f)
    assert out.shape == (3, 2 * h, 2 * w)
    assert float((out.double() - ref).abs().max()) < 1e-5


def test_patch_rows_and_batch_do_not_change_the_result():
    f = _field(24, 16, 11, batch=2)
    full = R.render_field(f)
    for rows in (1, 2):
        assert torch.allclose(R.render_field(f, patch_rows=rows), full, atol=1e-6)
    assert torch.allclose(R.render_field(f[1]), full[1], atol=1e-6)


def test_render_patches_matches_full_image():
    f = _field(16, 24, 5)
    full = R.render_field(f)
    p = R.render_patches(f, [0, 4, 5])
    pw = 24 // 8
    for k, idx in enumerate([0, 4, 5]):
        P, Q = divmod(idx, pw)
        assert torch.allclose(p[k], full[:, 16 * P:16 * P + 16, 16 * Q:16 * Q + 16], atol=1e-6)


@pytest.mark.parametrize("name", ["", "-wide"])
def test_committed_fixture(name):
    f = np.load(os.path.join(FIXTURES, "field%s.npy" % name))
    img = np.load(os.path.join(FIXTURES, "render%s.npy" % name))
    assert f.dtype == np.float32 and img.dtype == np.float32
    assert img.shape == (3, 2 * f.shape[1], 2 * f.shape[2])
    out = R.render_field(torch.from_numpy(f)).numpy()
    assert np.abs(out - img).max() < 1e-5
    ref = R.render_reference(torch.from_numpy(f)).numpy()
    assert np.abs(ref - img).max() < 1e-5
    # the fixture is in the valid ranges and exercises the extremes
    assert np.all(np.abs(f[R.DX]) < 1) and np.all(np.abs(f[R.DY]) < 1)
    assert np.all(f[R.L11] > R.L_FLOOR) and np.all(f[R.L22] < R.L_FLOOR + R.L_SPAN)
    assert np.abs(f[R.DX]).max() > 0.99 and np.abs(f[R.L21]).max() > 0.99


def test_padded_gaussians_contribute_zero():
    # one visible Gaussian in a corner, every other one transparent: pixels far from it are 0,
    # and the sum matches the single Gaussian evaluated by hand (nothing leaks from the padding)
    h = w = 8
    f = torch.zeros(9, h, w)
    f[R.L11] = 1.0
    f[R.L22] = 1.0
    f[:, 0, 0] = torch.tensor([-0.9, -0.9, 1.2, 0.5, 1.3, 0.8, 1.0, 2.0, -1.0])
    out = R.render_field(f)
    ys, xs = torch.meshgrid(torch.arange(16.0), torch.arange(16.0), indexing="ij")
    mx, my = 0.5 - 0.9, 0.5 - 0.9
    z1 = (xs - mx) / 1.2
    z2 = ((ys - my) - 0.5 * z1) / 1.3
    wgt = 0.8 * torch.exp(-0.5 * (z1 ** 2 + z2 ** 2))
    expect = torch.stack([wgt * 1.0, wgt * 2.0, wgt * -1.0])
    assert torch.allclose(out, expect, atol=1e-6)


def test_gradients_finite_and_zero_for_transparent_padding():
    f = _field(16, 16, 7, batch=2)
    f[:, R.DX, 0, :] = 0.999
    f[:, R.L11, :, 0] = R.L_FLOOR + 1e-4
    f.requires_grad_(True)
    img = R.render_field(f)
    (img ** 2).mean().backward()
    assert torch.isfinite(f.grad).all()
    assert f.grad.abs().sum() > 0
    # a transparent Gaussian only has an opacity gradient
    g = torch.zeros(9, 8, 8)
    g[R.L11] = 1
    g[R.L22] = 1
    g[R.C0:] = 0.5
    g.requires_grad_(True)
    R.render_field(g).sum().backward()
    assert torch.isfinite(g.grad).all()
    assert float(g.grad[[R.DX, R.DY, R.L11, R.L21, R.L22]].abs().max()) == 0.0
    assert float(g.grad[R.OPACITY].abs().min()) > 0


def test_rejects_bad_shapes():
    with pytest.raises(ValueError):
        R.render_field(torch.zeros(9, 12, 16))
    with pytest.raises(ValueError):
        R.render_field(torch.zeros(8, 16, 16))

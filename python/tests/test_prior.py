"""The GPU harmonic prior: exact on harmonic functions, known pixels untouched, near the Java
solver's converged solution."""

import torch

from gsinpaint.prior import harmonic_fill


def _ramp(h, w):
    y, x = torch.meshgrid(torch.arange(float(h)), torch.arange(float(w)), indexing="ij")
    return (0.1 + 0.004 * x + 0.002 * y)[None, None]


def test_linear_ramp_is_reproduced_in_interior_holes():
    img = _ramp(96, 128).repeat(3, 3, 1, 1)
    m = torch.zeros(3, 1, 96, 128)
    m[0, :, 10:80, 20:100] = 1  # a wide box
    m[1, :, 47:49, 3:125] = 1  # a thin scratch
    m[2, :, ::7, ::5] = 1  # specks
    m[2, :, 0, :] = 0
    m[2, :, -1, :] = 0
    m[2, :, :, 0] = 0  # holes on the border follow its zero normal derivative, not the ramp
    m[2, :, :, -1] = 0
    out = harmonic_fill(img, m)
    assert float((out - img).abs().max()) < 1e-4


def test_known_pixels_are_unchanged_and_values_stay_in_range():
    g = torch.Generator().manual_seed(3)
    img = torch.rand(2, 3, 64, 64, generator=g)
    m = (torch.rand(2, 1, 64, 64, generator=g) < 0.3).float()
    out = harmonic_fill(img, m)
    assert torch.equal(out * (1 - m), img * (1 - m))
    assert float(out.min()) >= 0 and float(out.max()) <= 1  # maximum principle


def test_converges_to_the_discrete_laplace_solution():
    # residual of the 4-neighbour Laplace equation at hole pixels (Neumann at the image border)
    g = torch.Generator().manual_seed(5)
    img = torch.nn.functional.interpolate(torch.rand(1, 1, 8, 8, generator=g), size=(64, 64),
                                          mode="bicubic", align_corners=False)
    m = torch.zeros(1, 1, 64, 64)
    m[:, :, 20:44, 8:56] = 1
    out = harmonic_fill(img, m, iterations=200)
    p = torch.nn.functional.pad(out, (1, 1, 1, 1), mode="replicate")
    lap = p[..., :-2, 1:-1] + p[..., 2:, 1:-1] + p[..., 1:-1, :-2] + p[..., 1:-1, 2:] - 4 * out
    assert float((lap * m).abs().max()) < 1e-5


def _needs_cuda():
    import pytest
    from gsinpaint import prior
    if not (prior.HAVE_TRITON and torch.cuda.is_available()):
        pytest.skip("needs CUDA and Triton")


def test_gpu_sweeps_match_the_reference_sweeps():
    _needs_cuda()
    g = torch.Generator().manual_seed(9)
    # even and odd sides, one and three channels; levels small enough for one launch per level
    # (every level of the first three) and larger ones (one launch per half-sweep)
    for shape in ((2, 3, 48, 80), (3, 1, 37, 53), (1, 3, 29, 64), (2, 3, 200, 256)):
        img = torch.rand(*shape, generator=g)
        m = (torch.rand(shape[0], 1, *shape[2:], generator=g) < 0.4).float()
        ref = harmonic_fill(img, m)
        out = harmonic_fill(img.cuda(), m.cuda()).cpu()
        assert float((out - ref).abs().max()) < 1e-5, shape



def test_compiled_parts_give_the_same_fill():
    _needs_cuda()
    g = torch.Generator().manual_seed(11)
    img = torch.rand(4, 3, 256, 256, generator=g).cuda()
    m = (torch.rand(4, 1, 256, 256, generator=g) < 0.2).float().cuda()
    ref = harmonic_fill(img, m)
    out = harmonic_fill(img, m, compiled=True)
    assert float((out - ref).abs().max()) < 1e-5


def test_the_shared_fixture_is_trainings_prior():
    """src/test/resources/fixtures/prior holds harmonic_fill's output; the Java side
    (core.CascadicSor, CascadicSorTest) is held to the same files."""
    import os
    import numpy as np
    from gsinpaint.prior import TRAINING_SWEEPS, harmonic_fill
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "test",
                        "resources", "fixtures", "prior")
    for n in range(2):
        img = torch.from_numpy(np.load(os.path.join(root, "image-%d.npy" % n)))
        mask = torch.from_numpy(np.load(os.path.join(root, "mask-%d.npy" % n)))
        fill = np.load(os.path.join(root, "fill-%d.npy" % n))
        out = harmonic_fill(img[None], mask[None, None], iterations=TRAINING_SWEEPS)[0].numpy()
        assert np.abs(out - fill).max() < 1e-6
        assert mask.sum() > 500

"""The network: I/O contract, activated ranges, initial render, TorchScript, training step."""

import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
from gsinpaint import render as R  # noqa: E402
from gsinpaint.model import GSInpaintNet, count_params, count_flops  # noqa: E402
from gsinpaint.losses import inpaint_loss, ring_of, psnr_in_hole  # noqa: E402


def _input(b=2, h=64, w=96, seed=0):
    g = torch.Generator().manual_seed(seed)
    img = torch.rand(b, 3, h, w, generator=g)
    m = torch.zeros(b, 1, h, w)
    m[:, :, h // 4:h // 2, w // 3:w // 2] = 1
    return torch.cat([img * (1 - m), m], 1), img, m


def test_output_shape_and_ranges():
    torch.manual_seed(0)
    net = GSInpaintNet().eval()
    x, _, _ = _input()
    with torch.no_grad():
        g = net(x)
    assert g.shape == (2, 9, 32, 48)
    assert g[:, R.DX].abs().max() < 1 and g[:, R.DY].abs().max() < 1
    for c in (R.L11, R.L22):
        assert g[:, c].min() > R.L_FLOOR and g[:, c].max() < R.L_FLOOR + R.L_SPAN
    assert g[:, R.L21].abs().max() < 1
    assert g[:, R.OPACITY].min() > 0 and g[:, R.OPACITY].max() < 1


def test_initial_render_is_sensible():
    torch.manual_seed(0)
    net = GSInpaintNet().eval()
    h = w = 64
    img = torch.full((1, 3, h, w), 0.3)
    img[..., :, w // 2:] = 0.8
    m = torch.zeros(1, 1, h, w)
    m[..., 20:40, 10:30] = 1
    with torch.no_grad():
        out = R.render_field(net(torch.cat([img * (1 - m), m], 1)))
    known = (1 - m).bool().expand_as(out)
    # away from the hole and the edge, the initial render already reproduces the known pixels
    assert float((out - img).abs()[known].mean()) < 0.1
    assert 0.3 < float(out[..., 25:35, 15:25].mean()) < 0.7  # hole: a grey guess


def test_size_budget():
    net = GSInpaintNet()
    assert 2e6 < count_params(net) < 5e6
    assert count_flops(net, 256, 256) < 5e9


def test_torchscript_roundtrip(tmp_path):
    torch.manual_seed(0)
    net = GSInpaintNet().eval()
    s = torch.jit.script(net)
    p = str(tmp_path / "m.pt")
    s.save(p)
    r = torch.jit.load(p)
    x, _, _ = _input(1, 32, 48)
    with torch.no_grad():
        assert torch.allclose(r(x), net(x), atol=1e-5)


def test_inference_layout_changes_nothing():
    """``forward`` runs large tiles channels-last: same field, in plain NCHW memory, as the
    training entry, on both sides of the size where the layout switches."""
    torch.manual_seed(0)
    net = GSInpaintNet(prior_input=True, attention=1).eval()
    for side in (176, 192):
        x, _, _ = _input(1, side, side)
        with torch.no_grad():
            g = net(x)
            ref, _, _ = net.forward_train(x)
        assert g.is_contiguous()
        assert torch.allclose(g, ref, atol=1e-5)


def test_training_step_reduces_loss():
    torch.manual_seed(0)
    net = GSInpaintNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    x, clean, m = _input(2, 32, 32)
    losses = []
    for _ in range(8):
        field, pred, tgt = net.forward_train(x, clean)
        loss, parts = inpaint_loss(R.render_field(field), clean, m, pred_token=pred,
                                   target_token=tgt, weights={"logmse": 0.1}, per_image=True)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
        assert all(torch.isfinite(torch.tensor(v)) for v in parts.values())
    assert losses[-1] < losses[0]


def test_loss_helpers():
    m = torch.zeros(1, 1, 32, 32)
    m[..., 10:12, 10:12] = 1
    r = ring_of(m, 3)
    assert r[..., 10:12, 10:12].sum() == 0 and r.sum() == 8 * 8 - 4
    a = torch.rand(1, 3, 32, 32)
    assert psnr_in_hole(a, a, m)[0] > 90


def test_attention_keeps_a_channels_last_tile_channels_last():
    """A batch of one (the plugin's tile) leaves the attention blocks channels-last with a
    proper batch stride, so the decoder's convolutions stay channels-last too; transpose +
    reshape gave a batch stride of C, and libtorch ran the whole decoder in NCHW."""
    torch.manual_seed(0)
    net = GSInpaintNet(prior_input=True, attention=2).eval()
    for b in (1, 2):
        h = torch.rand(b, 160, 4, 4).contiguous(memory_format=torch.channels_last)
        with torch.no_grad():
            o = net.attn[0](h)
            assert o.is_contiguous(memory_format=torch.channels_last)
            assert o.stride(0) == 160 * 4 * 4
            assert net.u3(o).is_contiguous(memory_format=torch.channels_last)

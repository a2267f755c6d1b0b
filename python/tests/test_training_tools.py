"""The training and scoring helpers added for continued training: LR cycles, mask weights,
starting from a shipped package, scoring after rounding, the held-out split of tune_hybrid."""

import argparse
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
import train  # noqa: E402
from gsinpaint.model import GSInpaintNet  # noqa: E402


def _args(**kw):
    base = dict(lr=4e-4, lr_min=1e-5, budget_minutes=10.0, cycle_start_minutes=30.0, warmup=100)
    base.update(kw)
    return argparse.Namespace(**base)


def test_lr_cycle_restarts_at_the_given_minute():
    a = _args()
    assert train.lr_at(a, 30 * 60.0, 1000, False) == pytest.approx(4e-4)
    assert train.lr_at(a, 35 * 60.0, 1000, False) == pytest.approx((4e-4 + 1e-5) / 2)
    assert train.lr_at(a, 40 * 60.0, 1000, False) == pytest.approx(1e-5)
    assert train.lr_at(a, 20 * 60.0, 1000, False) == pytest.approx(4e-4)  # before the cycle
    # a fresh optimiser warms up within the cycle
    assert train.lr_at(a, 30 * 60.0, 9, True) == pytest.approx(4e-4 * 10 / 100)


def test_mask_weights_parse():
    assert train.parse_weights(None) is None
    assert train.parse_weights("scratch=0.25, box=1") == {"scratch": 0.25, "box": 1.0}


def test_init_from_package_takes_weights_and_counters(tmp_path):
    torch.manual_seed(3)
    ck = tmp_path / "ck.pt"
    src = GSInpaintNet()
    torch.save({"model": src.state_dict(), "args": {"batch": 4, "size": 256},
                "state": {"step": 1234, "gpu_seconds": 56.0, "train_seconds": 55.0,
                          "images": 999, "chunks": 2}}, str(ck))
    out = tmp_path / "pkg"
    subprocess.run([sys.executable, os.path.join(HERE, "..", "export.py"), "--ckpt", str(ck),
                    "--out", str(out), "--data", str(tmp_path / "nodata")], check=True)
    assert json.loads((out / "model.json").read_text())["training"]["chunks"] == 2
    model = GSInpaintNet()
    state = {"step": 0, "gpu_seconds": 0.0, "train_seconds": 0.0, "chunks": 0, "images": 0}
    train.init_from_package(model, state, str(out / "model.pt"))
    assert state == {"step": 1234, "gpu_seconds": 56.0, "train_seconds": 55.0, "chunks": 2,
                     "images": 999}
    for k, v in src.state_dict().items():
        assert torch.equal(v, model.state_dict()[k]), k


def test_composite_rounds_the_fill_to_the_image_levels():
    evaluate = pytest.importorskip("evaluate")
    gt = np.full((4, 4), 100 / 255.0, np.float32)
    mask = np.zeros((4, 4), bool)
    mask[1, 1] = True
    out = np.full((4, 4), 100.4 / 255.0, np.float32)
    res = evaluate.composite(gt, out, mask, 255)
    assert res[1, 1] == pytest.approx(100 / 255.0)  # rounded, so an exact fill
    assert np.array_equal(res[~mask], gt[~mask])
    res16 = evaluate.composite(gt, out, mask, 65535)
    assert res16[1, 1] == pytest.approx(round(100.4 / 255.0 * 65535) / 65535.0)


def test_held_out_halves_pair_the_source_images():
    tune = pytest.importorskip("tune_hybrid")
    half = [tune.image_half({"id": "photo_%02d_box" % i}) for i in range(8)]
    assert half == [0, 0, 1, 1, 0, 0, 1, 1]


def test_held_out_report_picks_on_one_half_and_scores_the_other(capsys):
    tune = pytest.importorskip("tune_hybrid")
    results = []
    for i in range(4):
        for kind in ("box", "scratch"):
            row = {"id": "photo_%02d_%s" % (i, kind), "mask_kind": kind, "image_kind": "photo"}
            # "good" wins by 1 dB on half 0 only, "even" by 0.5 dB everywhere
            good = 21.0 if tune.image_half(row) == 0 else 19.0
            results.append((row, {"good": good, "even": 20.5, "biharmonic": 20.0}))
    assert tune.margins(results, "even") == {"box": 0.5, "scratch": 0.5, "photo": 0.5}
    tune.held_out_report(results, ["good", "even"])
    out = capsys.readouterr().out
    assert "chosen on half 1: even; scored on half 0" in out
    assert "chosen on half 0: good; scored on half 1" in out
    assert "box -1.00" in out


def test_v2_trainer_warm_start_keeps_the_head_only_for_the_same_render(tmp_path):
    from gsinpaint import trainer
    torch.manual_seed(4)
    src = GSInpaintNet(prior_input=True)
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    torch.jit.script(src).save(str(pkg / "model.pt"))
    desc = {"prior": "harmonic", "training": {"steps": 12, "images_seen": 3072,
                                              "gpu_seconds": 9.5, "train_seconds": 9.0,
                                              "chunks": 1}}
    (pkg / "model.json").write_text(json.dumps(desc))
    same = GSInpaintNet(prior_input=True)
    counters = trainer.warm_start(same, str(pkg / "model.pt"))
    assert counters == {"step": 12, "images": 3072, "gpu_seconds": 9.5, "train_seconds": 9.0,
                        "chunks": 1}
    for k, v in src.state_dict().items():
        assert torch.equal(v, same.state_dict()[k]), k
    other = GSInpaintNet(prior_input=False)  # renders the image: the correction head is no use
    head = other.head.weight.detach().clone()
    assert trainer.warm_start(other, str(pkg / "model.pt")) is None
    assert torch.equal(other.head.weight, head)
    assert torch.equal(other.stem.conv.weight, src.stem.conv.weight)


def test_warm_start_with_more_attention_blocks_keeps_the_field(tmp_path):
    """Blocks added by a warm start (``--attention`` above the package's) start as the identity:
    their gates and their position term are zero, so the network renders what the package did."""
    from gsinpaint import trainer
    torch.manual_seed(5)
    src = GSInpaintNet(prior_input=True, attention=2).eval()
    with torch.no_grad():  # trained blocks: gates and position term away from zero
        for p in src.attn.parameters():
            p.add_(0.05 * torch.randn_like(p))
        src.head.weight.add_(0.05 * torch.randn_like(src.head.weight))
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    torch.jit.script(src).save(str(pkg / "model.pt"))
    (pkg / "model.json").write_text(json.dumps({"prior": "harmonic"}))
    more = GSInpaintNet(prior_input=True, attention=4).eval()
    trainer.warm_start(more, str(pkg / "model.pt"))
    img = torch.rand(1, 3, 64, 64)
    m = torch.zeros(1, 1, 64, 64)
    m[..., 20:40, 16:48] = 1
    x = torch.cat([img, m], 1)
    with torch.no_grad():
        a, b = src(x), more(x)
    assert not torch.equal(more.attn[2].qkv.weight, torch.zeros_like(more.attn[2].qkv.weight))
    assert torch.allclose(a, b, atol=1e-6)

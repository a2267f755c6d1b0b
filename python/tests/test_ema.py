"""The moving average of the weights: its arithmetic, and the trainer's files and resumption."""

import os
import subprocess
import sys

import pytest
import torch

from gsinpaint.checkpoints import ema_light_path, load_own
from gsinpaint.ema import WeightAverage

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "train_gpu.py")


def test_average_follows_the_weights_with_the_warmed_up_decay():
    net = torch.nn.Linear(2, 1)
    with torch.no_grad():
        net.weight.fill_(0.0)
    avg = WeightAverage(net, 0.99)
    with torch.no_grad():
        net.weight.fill_(1.0)
    avg.update()  # first decay: min(0.99, 1 / 10) = 0.1, so the average moves 90% of the way
    w = avg.model_state(net)["weight"]
    assert torch.allclose(w, torch.full_like(w, 0.9))
    avg.update()  # second: min(0.99, 2 / 11)
    assert torch.allclose(avg.model_state(net)["weight"], torch.full_like(w, 1 - 0.1 * 2 / 11))
    # the model itself is untouched by the average
    assert torch.equal(net.weight, torch.ones_like(net.weight))


def test_average_resumes_from_its_state_and_refuses_a_bad_decay():
    net = torch.nn.Linear(3, 2)
    avg = WeightAverage(net, 0.9)
    avg.update()
    with torch.no_grad():
        net.weight.add_(1.0)
    again = WeightAverage(net, 0.9, avg.state_dict())
    assert again.updates == 1
    assert torch.equal(again.model_state(net)["weight"], avg.model_state(net)["weight"])
    with pytest.raises(ValueError):
        WeightAverage(net, 1.0)


def test_trainer_saves_the_average_and_carries_it_over_chunks(tmp_path):
    ckpt = str(tmp_path / "v2.pt")
    args = [sys.executable, SCRIPT, "--data", str(tmp_path / "none"), "--synthetic-only",
            "--ckpt", ckpt, "--max-steps", "2", "--batch", "2", "--size", "64", "--slot", "96",
            "--synthetic", "4", "--synthetic-size", "96", "--masks-per-kind", "2",
            "--pool-cache", "", "--dev-limit", "0", "--log-every", "1", "--ema", "0.99"]
    env = dict(os.environ, CUDA_VISIBLE_DEVICES="")
    for chunk in range(2):
        out = subprocess.run(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True, timeout=600)
        assert out.returncode == 0, out.stdout
        assert "%d updates so far" % (2 * chunk) in out.stdout
    full = load_own(ckpt)
    assert full["ema"]["updates"] == 4
    light = load_own(ema_light_path(ckpt))
    assert set(light["model"]) == set(full["model"])
    assert light["state"]["step"] == 4
    # after 4 updates from a moving start the average is not the last weights
    assert any(not torch.equal(light["model"][k], full["model"][k])
               for k in full["ema"]["tensors"])

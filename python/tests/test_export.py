"""Export a (random) checkpoint and check the package; check the shipped package if present."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
from gsinpaint.model import GSInpaintNet  # noqa: E402
from gsinpaint import render as R  # noqa: E402

SHIPPED = os.path.join(ROOT, "models", "gs-inpaint-v1")


def test_export_roundtrip(tmp_path):
    torch.manual_seed(0)
    ck = tmp_path / "ck.pt"
    torch.save({"model": GSInpaintNet().state_dict(), "state": {"step": 1, "gpu_seconds": 2.0},
                "args": {"batch": 4, "size": 256}}, str(ck))
    out = tmp_path / "pkg"
    subprocess.run([sys.executable, os.path.join(HERE, "..", "export.py"), "--ckpt", str(ck),
                    "--out", str(out), "--data", str(tmp_path / "nodata")], check=True)
    for f in ("model.pt", "model.json", "README.md", "reference-input.npy", "reference-output.npy"):
        assert (out / f).is_file(), f
    desc = json.loads((out / "model.json").read_text())
    assert desc["weights"]["format"] == "torchscript"
    assert desc["rasterizer"]["stride"] == 2 and desc["rasterizer"]["l_floor"] == 0.35
    x = np.load(str(out / "reference-input.npy"))
    y = np.load(str(out / "reference-output.npy"))
    assert x.shape == (1, 4, 256, 256) and y.shape == (1, 9, 128, 128)
    with torch.no_grad():
        y2 = torch.jit.load(str(out / "model.pt"))(torch.from_numpy(x)).numpy()
    assert np.abs(y2 - y).max() < 1e-4


@pytest.mark.skipif(not os.path.isfile(os.path.join(SHIPPED, "model.pt")), reason="no shipped model")
def test_shipped_package_is_consistent():
    import hashlib
    desc = json.load(open(os.path.join(SHIPPED, "model.json")))
    with open(os.path.join(SHIPPED, "model.pt"), "rb") as fh:
        assert hashlib.sha256(fh.read()).hexdigest() == desc["weights"]["sha256"]
    x = np.load(os.path.join(SHIPPED, "reference-input.npy"))
    y = np.load(os.path.join(SHIPPED, "reference-output.npy"))
    net = torch.jit.load(os.path.join(SHIPPED, "model.pt"))
    with torch.no_grad():
        y2 = net(torch.from_numpy(x)).numpy()
    assert np.abs(y2 - y).max() < 1e-4
    # the render of the reference output fills the hole with something close to the context
    img = R.render_field(torch.from_numpy(y))[0].numpy()
    assert np.isfinite(img).all()
    size = sum(os.path.getsize(os.path.join(SHIPPED, f)) for f in os.listdir(SHIPPED))
    assert size < 25e6

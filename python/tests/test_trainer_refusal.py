"""A training chunk that would waste its GPU call is refused before anything is built."""

import pytest

from gsinpaint.trainer import main, parse_args, refusal


def _args(tmp_path, *extra):
    return parse_args(["--data", str(tmp_path / "data"), "--ckpt", str(tmp_path / "runs" / "v2.pt"),
                       *extra])


def _light(tmp_path):
    return str(tmp_path / "runs" / "v2-light.pt")


def test_missing_training_images_are_refused_unless_synthetic_only(tmp_path):
    assert "no training images" in refusal(_args(tmp_path), _light(tmp_path))
    (tmp_path / "data" / "train").mkdir(parents=True)
    assert "no training images" in refusal(_args(tmp_path), _light(tmp_path))  # empty
    assert refusal(_args(tmp_path, "--synthetic-only"), _light(tmp_path)) is None
    (tmp_path / "data" / "train" / "photo").mkdir()
    assert refusal(_args(tmp_path), _light(tmp_path)) is None


def test_resume_needs_a_checkpoint_or_init_from(tmp_path):
    a = _args(tmp_path, "--synthetic-only", "--resume")
    assert "--resume" in refusal(a, _light(tmp_path))
    init = tmp_path / "light-in.pt"
    init.write_bytes(b"x")
    assert refusal(_args(tmp_path, "--synthetic-only", "--resume", "--init-from", str(init)),
                   _light(tmp_path)) is None
    (tmp_path / "runs").mkdir()
    (tmp_path / "runs" / "v2-light.pt").write_bytes(b"x")
    assert refusal(a, _light(tmp_path)) is None


def test_main_stops_with_one_line(tmp_path):
    with pytest.raises(SystemExit) as e:
        main(["--data", str(tmp_path / "none"), "--ckpt", str(tmp_path / "v2.pt"), "--resume",
              "--synthetic-only"])
    assert str(e.value).startswith("train_gpu.py: --resume:") and "\n" not in str(e.value)

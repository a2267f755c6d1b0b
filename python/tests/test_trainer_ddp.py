"""The v2 trainer's several-process path (torchrun / DDP), run as two CPU processes over gloo:
both ranks take the same number of steps, and rank 0 saves a checkpoint that counts the tiles of
both."""

import os
import subprocess
import sys

from gsinpaint.checkpoints import load_own

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "train_gpu.py")


def test_two_processes_train_in_step_and_save_once(tmp_path):
    ckpt = str(tmp_path / "v2.pt")
    args = [sys.executable, SCRIPT, "--data", str(tmp_path / "none"), "--synthetic-only",
            "--ckpt", ckpt,
            "--max-steps", "2", "--batch", "2", "--size", "64", "--slot", "96", "--synthetic", "4",
            "--synthetic-size", "96", "--masks-per-kind", "2", "--pool-cache", "", "--dev-limit",
            "0", "--log-every", "1"]
    procs = []
    for rank in (0, 1):
        env = dict(os.environ, MASTER_ADDR="127.0.0.1", MASTER_PORT="29531", WORLD_SIZE="2",
                   RANK=str(rank), LOCAL_RANK=str(rank), CUDA_VISIBLE_DEVICES="")
        procs.append(subprocess.Popen(args, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True))
    outs = [p.communicate(timeout=600)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    ck = load_own(ckpt)
    assert ck["state"]["step"] == 2
    assert ck["state"]["images"] == 2 * 2 * 2  # steps x batch x processes
    assert "saved" in outs[0] and "saved" not in outs[1]

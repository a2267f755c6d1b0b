"""Averages the weights of several light checkpoints of one network (a "soup"); the counters are
the last one's. Used to test whether the ends of training rounds average into a better model
(python/TRAINING.md, round 5: they did not).

    python3 python/average_ckpt.py OUT.pt runs/v2-light-2.3.0.pt runs/v2-light.pt
"""

import sys

import torch

from gsinpaint.checkpoints import atomic_save, load_own


def average(paths):
    cks = [load_own(p) for p in paths]
    out = cks[-1]
    out["model"] = {k: (sum(c["model"][k].float() for c in cks) / len(cks)).to(v.dtype)
                    if torch.is_floating_point(v) else v for k, v in out["model"].items()}
    return out


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    atomic_save(average(sys.argv[2:]), sys.argv[1])

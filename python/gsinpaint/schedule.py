"""The learning-rate schedule both trainers use: warm-up, then a cosine over cumulative training
time, so a run cut into chunks follows one curve."""

import math


def lr_at(args, trained_s, step_in_run, fresh_opt):
    """LR for ``args`` (lr, lr_min, warmup, budget_minutes, cycle_start_minutes) after
    ``trained_s`` seconds of training; the warm-up applies to a fresh optimiser only."""
    start = args.cycle_start_minutes * 60.0
    prog = min(1.0, max(0.0, trained_s - start) / max(1.0, args.budget_minutes * 60.0))
    lr = args.lr_min + 0.5 * (args.lr - args.lr_min) * (1 + math.cos(math.pi * prog))
    warm = args.warmup if fresh_opt else 0
    if warm and step_in_run < warm:
        lr *= (step_in_run + 1) / warm
    return lr

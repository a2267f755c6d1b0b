"""Saving and loading the project's own training checkpoints (written once, used by the trainers,
export and evaluation)."""

import os

import torch


def light_path(ckpt):
    """``runs/x.pt`` -> ``runs/x-light.pt``: weights and counters only, small enough to travel."""
    base, ext = os.path.splitext(ckpt)
    return base + "-light" + (ext or ".pt")


def ema_light_path(ckpt):
    """``runs/x.pt`` -> ``runs/x-ema-light.pt``: the moving average of the weights, in the light
    format."""
    base, ext = os.path.splitext(ckpt)
    return base + "-ema-light" + (ext or ".pt")


def atomic_save(obj, path):
    """torch.save to a temporary file, then rename: a crash never leaves a half-written file."""
    d = os.path.dirname(os.path.abspath(path))
    os.makedirs(d, exist_ok=True)
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def load_own(path):
    """Loads one of our own checkpoints (they hold numpy RNG state and argument dicts, so not
    weights-only; never use this on files from elsewhere)."""
    try:
        return torch.load(path, map_location="cpu", weights_only=False)
    except TypeError:  # torch < 1.13 has no weights_only
        return torch.load(path, map_location="cpu")


def package_descriptor(pt_path):
    """The descriptor (``model.json``) next to a package's ``model.pt``, or {}."""
    import json
    desc = os.path.join(os.path.dirname(os.path.abspath(pt_path)), "model.json")
    if not os.path.isfile(desc):
        return {}
    with open(desc) as f:
        return json.load(f)


def package_counters(desc):
    """The training counters a package's descriptor recorded, in the trainers' state keys, so a
    new round keeps counting steps, tiles and GPU time."""
    tr = desc.get("training", {})
    return {"step": int(tr.get("steps", 0)), "images": int(tr.get("images_seen", 0)),
            "gpu_seconds": float(tr.get("gpu_seconds", 0.0)),
            "train_seconds": float(tr.get("train_seconds", 0.0)),
            "chunks": int(tr.get("chunks", 0))}

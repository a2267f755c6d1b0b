#!/usr/bin/env python3
"""Resumable training of the 2DGS inpainting network.

    python3 python/train.py --data data --ckpt runs/ckpt.pt --minutes 8 --batch 32

Each call trains for ``--minutes`` of wall time and then evaluates on a subset of ``data/dev``
and saves the checkpoint atomically. A later call with the same ``--ckpt`` resumes (model,
optimiser, grad scaler, step, RNG states, cumulative GPU seconds). A "light" checkpoint (model
weights and counters only, no optimiser state) is written beside it (``<ckpt>-light.pt``); it is
small enough to travel between machines, and a resume from it starts a fresh optimiser with a
short warm-up.

The learning rate follows a warm-up and a cosine decay over ``--budget-minutes`` of cumulative
training time, so a run cut into chunks follows one schedule. Once that cycle has run out, a new
one starts at ``--cycle-start-minutes`` (the cumulative minutes trained so far) with a new
``--lr``. ``--init-from models/<name>/model.pt`` starts a fresh checkpoint from a shipped package
(weights and counters), which is smaller to carry to a new GPU machine than a checkpoint.

Logs: ``runs/log.tsv`` (step, time, loss and parts, lr, images/s, dev PSNR in the hole).
"""

import argparse
import math
import os
import random
import sys
import time

import numpy as np
import torch

from gsinpaint.model import GSInpaintNet, count_params  # noqa: E402
from gsinpaint.render import render_field  # noqa: E402
from gsinpaint.losses import inpaint_loss, psnr_in_hole  # noqa: E402
from gsinpaint.checkpoints import (atomic_save, light_path, load_own, package_counters,  # noqa: E402
                                   package_descriptor)
from gsinpaint.schedule import lr_at  # noqa: E402
from gsinpaint.cli import parse_weights  # noqa: E402

SEED = 20261104


def make_input(clean, mask):
    """Model input [B,4,H,W]: the image with hole pixels 0, and the mask."""
    return torch.cat([clean * (1 - mask), mask], dim=1)


def init_from_package(model, state, pt_path):
    """Weights of an exported TorchScript model (same parameter names as GSInpaintNet) and the
    training counters its descriptor recorded, so the model card keeps counting GPU time."""
    model.load_state_dict(torch.jit.load(pt_path, map_location="cpu").state_dict())
    desc = package_descriptor(pt_path)
    if desc:
        state.update(package_counters(desc))
    print("started from %s: step %d, %.0f s trained, optimiser fresh"
          % (pt_path, state["step"], state["train_seconds"]))


def rng_state():
    st = {"torch": torch.get_rng_state(), "numpy": np.random.get_state(), "python": random.getstate()}
    if torch.cuda.is_available():
        st["cuda"] = torch.cuda.get_rng_state_all()
    return st


def set_rng_state(st):
    try:
        torch.set_rng_state(st["torch"])
        np.random.set_state(st["numpy"])
        random.setstate(st["python"])
        if "cuda" in st and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(st["cuda"])
    except Exception as e:  # a checkpoint from another kind of machine
        print("note: RNG state not restored (%s)" % e)


class SyntheticStandIn(torch.utils.data.IterableDataset):
    """Fallback stream (no gsinpaint.data): smooth random blobs and boxes as holes."""

    def __init__(self, size=256, seed=0):
        super().__init__()
        self.size, self.seed = size, seed

    def __iter__(self):
        g = torch.Generator().manual_seed(self.seed)
        S = self.size
        while True:
            low = torch.rand(3, S // 16, S // 16, generator=g)
            img = torch.nn.functional.interpolate(low[None], size=(S, S), mode="bicubic",
                                                  align_corners=False)[0].clamp(0, 1)
            m = torch.zeros(1, S, S)
            y, x = torch.randint(0, S - S // 4, (2,), generator=g).tolist()
            m[:, y:y + S // 4, x:x + S // 4] = 1
            yield img, m


def make_loader(args, epoch):
    try:
        from gsinpaint.data import InpaintStream, worker_init_fn
        root = os.path.join(args.data, "train")
        ds = InpaintStream(root if os.path.isdir(root) else None, size=args.size,
                           synthetic_frac=args.synthetic_frac, seed=SEED + 1,
                           mask_weights=parse_weights(args.mask_weights))
        ds.set_epoch(epoch)
        init = worker_init_fn
    except ImportError:
        ds = SyntheticStandIn(args.size, SEED + epoch)
        init = None
    kw = {}
    if args.workers > 0:
        import multiprocessing as mp
        kw = dict(persistent_workers=False, prefetch_factor=4, timeout=args.loader_timeout,
                  multiprocessing_context=mp.get_context(args.mp))
    return torch.utils.data.DataLoader(ds, batch_size=args.batch, num_workers=args.workers,
                                       worker_init_fn=init, pin_memory=torch.cuda.is_available(),
                                       **kw)


def load_dev_subset(args):
    try:
        from gsinpaint.data import load_dev
        root = os.path.join(args.data, "dev")
        if not os.path.isfile(os.path.join(root, "manifest.tsv")):
            return None
        dev = load_dev(root)
    except (ImportError, OSError) as e:
        print("note: no dev set (%s)" % e)
        return None
    n = dev["image"].shape[0]
    if args.dev_limit and n > args.dev_limit:
        idx = torch.linspace(0, n - 1, args.dev_limit).round().long()
        dev = dict(image=dev["image"][idx], mask=dev["mask"][idx],
                   mask_kind=[dev["mask_kind"][i] for i in idx.tolist()],
                   image_kind=[dev["image_kind"][i] for i in idx.tolist()])
    return dev


@torch.no_grad()
def evaluate_dev(model, dev, device, amp):
    model.eval()
    ps = []
    for i in range(0, dev["image"].shape[0], 16):
        clean = dev["image"][i:i + 16].to(device)
        mask = dev["mask"][i:i + 16].to(device)
        x = make_input(clean, mask)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            field = model(x)
        out = render_field(field.float())
        comp = clean * (1 - mask) + out * mask
        ps.append(psnr_in_hole(comp, clean, mask).cpu())
    model.train()
    p = torch.cat(ps)
    per_kind = {}
    for k in sorted(set(dev["mask_kind"])):
        sel = torch.tensor([mk == k for mk in dev["mask_kind"]])
        per_kind[k] = float(p[sel].mean())
    return float(p.mean()), per_kind


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="data")
    ap.add_argument("--ckpt", default="runs/ckpt.pt")
    ap.add_argument("--log", default=None, help="default: log.tsv beside the checkpoint")
    ap.add_argument("--minutes", type=float, default=8.0, help="wall minutes of training in this call")
    ap.add_argument("--max-steps", type=int, default=0, help="stop after this many steps in this call")
    ap.add_argument("--budget-minutes", type=float, default=40.0,
                    help="training minutes the cosine LR cycle spans (from --cycle-start-minutes)")
    ap.add_argument("--cycle-start-minutes", type=float, default=0.0,
                    help="cumulative training minutes at which this cosine cycle starts (a restart "
                         "with a new --lr after an earlier schedule has run out)")
    ap.add_argument("--mask-weights", default=None,
                    help="mask kind weights, e.g. scratch=0.1,box=0.25 (default: gsinpaint.masks)")
    ap.add_argument("--init-from", default=None,
                    help="with no checkpoint yet: start from a shipped model package's model.pt "
                         "(weights) and model.json (step and time counters), e.g. "
                         "models/gs-inpaint-v1/model.pt; the package is smaller to carry than a "
                         "checkpoint")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--lr-min", type=float, default=2e-5)
    ap.add_argument("--wd", type=float, default=0.01)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--workers", type=int, default=12)
    ap.add_argument("--synthetic-frac", type=float, default=0.35)
    ap.add_argument("--dev-limit", type=int, default=96)
    ap.add_argument("--log-every", type=int, default=50)
    ap.add_argument("--save-every-min", type=float, default=3.0)
    ap.add_argument("--per-image-loss", action="store_true",
                    help="average the hole/ring L1 per image (thin masks weigh as much as wide)")
    ap.add_argument("--logmse-weight", type=float, default=0.0,
                    help="weight of mean log10 MSE in the hole (the mean-PSNR metric)")
    ap.add_argument("--no-amp", action="store_true")
    ap.add_argument("--compile", action="store_true", help="torch.compile the network (CUDA)")
    ap.add_argument("--device", default=None)
    ap.add_argument("--mp", default="fork", choices=("fork", "spawn", "forkserver"),
                    help="start method of the DataLoader workers")
    ap.add_argument("--loader-timeout", type=float, default=120.0)
    ap.add_argument("--loader-test", type=int, default=0,
                    help="only pull this many batches from the loader, report the rate, exit")
    args = ap.parse_args(argv)
    t0 = time.time()

    def stamp(msg):
        print("[%6.1f s] %s" % (time.time() - t0, msg), flush=True)

    if args.loader_test:
        try:
            import cv2
            cv2.setNumThreads(0)
        except ImportError:
            pass
        stamp("python %s, torch %s, numpy %s, mp %s" % (sys.version.split()[0], torch.__version__,
                                                          np.__version__, args.mp))
        if torch.cuda.is_available():
            torch.zeros(1, device="cuda")  # as in training: CUDA is initialised before the fork
        it = iter(make_loader(args, 0))
        stamp("loader made")
        for i in range(args.loader_test):
            b = next(it)
            stamp("batch %d %s" % (i, tuple(b[0].shape)))
        return None

    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    amp = device.type == "cuda" and not args.no_amp
    torch.manual_seed(SEED)
    np.random.seed(SEED)
    random.seed(SEED)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True

    model = GSInpaintNet().to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.wd, betas=(0.9, 0.99))
    scaler = torch.amp.GradScaler("cuda", enabled=False) if hasattr(torch, "amp") and hasattr(torch.amp, "GradScaler") else torch.cuda.amp.GradScaler(enabled=False)  # bf16 needs no loss scaling
    state = {"step": 0, "gpu_seconds": 0.0, "train_seconds": 0.0, "chunks": 0, "images": 0}
    fresh_opt = True
    light = light_path(args.ckpt)
    if os.path.isfile(args.ckpt) or os.path.isfile(light):
        full = os.path.isfile(args.ckpt)
        ck = load_own(args.ckpt if full else light)
        model.load_state_dict(ck["model"])
        state.update(ck["state"])
        if full and "opt" in ck:
            opt.load_state_dict(ck["opt"])
            fresh_opt = False
        if "scaler" in ck:
            scaler.load_state_dict(ck["scaler"])
        if "rng" in ck:
            set_rng_state(ck["rng"])
        print("resumed from %s: step %d, %.0f s trained, optimiser %s"
              % (args.ckpt if full else light, state["step"], state["train_seconds"],
                 "restored" if not fresh_opt else "fresh"))
    elif args.init_from:
        init_from_package(model, state, args.init_from)
    print("params %.3f M, device %s, amp %s" % (count_params(model) / 1e6, device, amp))

    net = torch.compile(model) if args.compile else model

    def checkpoint():
        ck = {"model": model.state_dict(), "opt": opt.state_dict(), "scaler": scaler.state_dict(),
              "state": dict(state), "rng": rng_state(), "args": vars(args)}
        atomic_save(ck, args.ckpt)
        lck = {"model": model.state_dict(), "state": dict(state), "args": vars(args)}
        atomic_save(lck, light)

    log_path = args.log or os.path.join(os.path.dirname(os.path.abspath(args.ckpt)), "log.tsv")
    new_log = not os.path.isfile(log_path)
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    logf = open(log_path, "a")
    if new_log:
        logf.write("step\ttrain_s\tloss\tl1_all\tl1_hole\tl1_ring\tssim\tgrad\talign\tlr\timg_per_s\tdev_psnr_hole\n")

    stamp("model ready")
    try:  # OpenCV's thread pool does not survive fork(): keep the parent single-threaded
        import cv2
        cv2.setNumThreads(0)
    except ImportError:
        pass
    loader = make_loader(args, state["chunks"])
    stamp("loader made (%d workers, %s)" % (args.workers, args.mp))
    dev = load_dev_subset(args)
    stamp("dev set: %s cases" % (None if dev is None else dev["image"].shape[0]))
    model.train()
    t_start = time.time()
    t_last_save = t_start
    t_log = t_start
    n_since = 0
    acc = {}
    step_in_run = 0
    deadline = t_start + args.minutes * 60.0
    it = iter(loader)
    base_train_s = state["train_seconds"]
    while time.time() < deadline and (not args.max_steps or step_in_run < args.max_steps):
        clean, mask = next(it)
        if step_in_run == 0:
            stamp("first batch")
        clean = clean.to(device, non_blocking=True)
        mask = mask.to(device, non_blocking=True)
        x = make_input(clean, mask)
        lr = lr_at(args, state["train_seconds"], step_in_run, fresh_opt)
        for gq in opt.param_groups:
            gq["lr"] = lr
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16, enabled=amp):
            field, pred_t, tgt_t = model.forward_train(x, clean) if not args.compile else \
                net.forward_train(x, clean)
        img = render_field(field.float())
        loss, parts = inpaint_loss(img, clean, mask, pred_token=pred_t, target_token=tgt_t,
                                   weights={"logmse": args.logmse_weight},
                                   per_image=args.per_image_loss)
        opt.zero_grad(set_to_none=True)
        scaler.scale(loss).backward()
        scaler.unscale_(opt)
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        scaler.step(opt)
        scaler.update()
        state["step"] += 1
        state["images"] += clean.shape[0]
        step_in_run += 1
        n_since += clean.shape[0]
        parts["loss"] = float(loss.detach())
        for k, v in parts.items():
            acc[k] = acc.get(k, 0.0) + v
        acc["_n"] = acc.get("_n", 0) + 1
        now = time.time()
        state["train_seconds"] = base_train_s + (now - t_start)
        if not math.isfinite(parts["loss"]):
            raise RuntimeError("non-finite loss at step %d" % state["step"])
        if state["step"] % args.log_every == 0:
            n = acc.pop("_n")
            m = {k: v / n for k, v in acc.items()}
            ips = n_since / max(1e-6, now - t_log)
            logf.write("%d\t%.1f\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%.5f\t%.3g\t%.1f\t\n" % (
                state["step"], state["train_seconds"], m["loss"], m.get("l1_all", 0), m.get("l1_hole", 0),
                m.get("l1_ring", 0), m.get("ssim", 0), m.get("grad", 0), m.get("align", 0), lr, ips))
            logf.flush()
            print("step %d  loss %.4f  hole %.4f  lr %.2e  %.1f img/s" % (
                state["step"], m["loss"], m.get("l1_hole", 0), lr, ips), flush=True)
            acc = {}
            n_since = 0
            t_log = now
        if now - t_last_save > args.save_every_min * 60:
            checkpoint()
            t_last_save = time.time()

    dev_psnr = float("nan")
    if dev is not None:
        dev_psnr, per_kind = evaluate_dev(model, dev, device, amp)
        print("dev PSNR in hole: %.2f dB  %s" % (dev_psnr, "  ".join("%s %.2f" % kv for kv in per_kind.items())))
    elapsed = time.time() - t_start
    if device.type == "cuda":
        state["gpu_seconds"] += elapsed
    state["chunks"] += 1
    logf.write("%d\t%.1f\t\t\t\t\t\t\t\t\t\t%.3f\n" % (state["step"], state["train_seconds"], dev_psnr))
    logf.close()
    checkpoint()
    print("saved %s: step %d, %.0f s trained, %.0f GPU s cumulative, %d images"
          % (args.ckpt, state["step"], state["train_seconds"], state["gpu_seconds"], state["images"]))
    return state, dev_psnr


if __name__ == "__main__":
    main()

"""Fast training of the 2DGS network (model v2), on one GPU or many (torchrun / DDP).

Everything a step needs is made on the GPU (``gsinpaint.gpu_data``): crops of images decoded once,
masks drawn once, the harmonic prior of the holes (``gsinpaint.prior``), the render by fused
kernels that recompute the Gaussian weights in backward (``gsinpaint.render_fast``). The network
runs in bf16 autocast; the renderer in float32.

    python3 python/train_gpu.py --data data --ckpt runs/v2.pt --minutes 8 --batch 128
    torchrun --nproc_per_node=8 python/train_gpu.py ...          # several GPUs
    python3 python/train_gpu.py --bench 30 --batch 128            # tiles/s and where time goes

Chunks resume from ``--ckpt`` (model, optimiser, step, counters); ``<ckpt>-light.pt`` holds the
weights and counters only (small enough to travel). The LR is warm-up + cosine over
``--budget-minutes`` of cumulative training time.
"""

import argparse
import math
import os
import time

import numpy as np
import torch
import torch.distributed as dist

from . import gpu_data
from .cli import parse_weights
from .checkpoints import (atomic_save, ema_light_path, light_path, load_own,
                          package_counters, package_descriptor)
from .ema import WeightAverage
from .losses import inpaint_loss, psnr_in_hole
from .model import GSInpaintNet, count_params
from .prior import harmonic_fill
from .render_fast import render_field_fast
from .schedule import lr_at

SEED = 20261202
V2_CONFIG = dict(prior_input=True, attention=2)


def model_input(clean, mask, prior_input, compiled=False):
    """The network input [B, 4, H, W]: the image with the holes zeroed (v1) or holding the
    harmonic fill (v2), and the mask. ``compiled``: the prior's elementwise parts compiled (one
    batch shape, CUDA)."""
    if prior_input:
        img = harmonic_fill(clean, mask, compiled=compiled)
    else:
        img = clean * (1 - mask)
    return torch.cat([img, mask], dim=1)


def rendered_image(x, field, prior_input):
    """What the model predicts for every pixel: the render (v1) or prior + render (v2)."""
    out = render_field_fast(field.float())
    return x[:, :3].float() + out if prior_input else out


# --------------------------------------------------------------------------------- setup
def _dist_setup():
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1:
        rank = int(os.environ["RANK"])
        local = int(os.environ.get("LOCAL_RANK", rank))
        if torch.cuda.is_available():
            torch.cuda.set_device(local)
            dist.init_process_group("nccl")
            return rank, world, torch.device("cuda", local)
        dist.init_process_group("gloo")  # CPU processes: how the DDP path is tested without GPUs
        return rank, world, torch.device("cpu")
    dev = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return 0, 1, dev


def build_batches(args, device, rank, world):
    """The GPU pools: real images of data/train, a synthetic pool, a mask pool."""
    t0 = time.time()
    workers = max(1, ((os.cpu_count() or 2) - 1) // world)
    imgs, kinds, robust = [], [], []
    root = os.path.join(args.data, "train")
    if os.path.isdir(root):
        imgs, kinds, robust = gpu_data.load_train_images(root, args.slot)
    cache = args.pool_cache and "%s.r%d.npz" % (args.pool_cache, rank)
    if cache and os.path.isfile(cache):
        z = np.load(cache)
        syn, packed, kidx = list(z["syn"]), z["packed"], z["kidx"]
        mkinds = list(z["mkinds"])
    else:
        syn = gpu_data.draw_synthetic(args.synthetic, args.synthetic_size, SEED + 17 * rank,
                                      workers)
        packed, kidx, mkinds = gpu_data.draw_masks(args.masks_per_kind, args.size,
                                                   SEED + 31 * rank, workers)
        if cache:
            os.makedirs(os.path.dirname(os.path.abspath(cache)), exist_ok=True)
            np.savez(cache + ".tmp.npz", syn=np.stack(syn), packed=packed, kidx=kidx,
                     mkinds=np.array(mkinds))
            os.replace(cache + ".tmp.npz", cache)
    atlas = gpu_data.ImageAtlas(imgs + list(syn), kinds + ["synthetic"] * len(syn), args.slot,
                                device, robust + [False] * len(syn))
    masks = gpu_data.MaskPool(packed, kidx, mkinds, args.size, device)
    batches = gpu_data.GpuBatches(atlas, masks, args.size, SEED + 1000 * rank + args.chunk_seed,
                                  kind_weights=parse_weights(args.kind_weights),
                                  mask_weights=parse_weights(args.mask_weights))
    if rank == 0:
        print("pools: %d real + %d synthetic images, %d masks, %.1f s"
              % (len(imgs), len(syn), len(kidx), time.time() - t0), flush=True)
    return batches


@torch.no_grad()
def evaluate_dev(model, dev, device, prior_input, batch=32):
    """Mean in-hole PSNR of the composite on the development subset, and per mask kind; the
    harmonic prior alone for comparison."""
    model.eval()
    ps, pp = [], []
    for i in range(0, dev["image"].shape[0], batch):
        clean = dev["image"][i:i + batch].to(device)
        mask = dev["mask"][i:i + batch].to(device)
        x = model_input(clean, mask, prior_input)
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16,
                            enabled=device.type == "cuda"):
            field = model(x)
        out = rendered_image(x, field, prior_input)
        comp = clean * (1 - mask) + out * mask
        ps.append(psnr_in_hole(comp, clean, mask).cpu())
        pp.append(psnr_in_hole(harmonic_fill(clean, mask), clean, mask).cpu())
    model.train()
    p, q = torch.cat(ps), torch.cat(pp)
    kinds = {}
    for k in sorted(set(dev["mask_kind"])):
        sel = torch.tensor([mk == k for mk in dev["mask_kind"]])
        kinds[k] = (float(p[sel].mean()), float(q[sel].mean()))
    return float(p.mean()), float(q.mean()), kinds


class TrainingForward(torch.nn.Module):
    """``forward_train`` as a module's forward: DDP synchronises the gradients of what goes
    through ``forward()``, and the network's own forward is the inference path that is exported."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    def forward(self, x, clean):
        return self.model.forward_train(x, clean)


def warm_start(model, path, rank=0):
    """Starts from the weights of a model package's ``model.pt`` (TorchScript) or of a checkpoint:
    every tensor whose name and shape match. When the source renders the same thing (a correction
    to the harmonic prior, or the image, as this model does), the Gaussian head comes too and the
    source's training counters are returned, so a new round continues the count; otherwise the
    head is left new (its colour means something else) and None is returned."""
    if os.path.basename(path) == "model.pt":
        src = torch.jit.load(path, map_location="cpu").state_dict()
        desc = package_descriptor(path)
        same = (desc.get("prior", "none") == "harmonic") == model.prior_input
        counters = package_counters(desc)
    else:
        ck = load_own(path)
        src = ck["model"]
        same = bool(ck.get("config", {}).get("prior_input", False)) == model.prior_input
        counters = dict(ck.get("state", {}))
    own = model.state_dict()
    take = {k: v for k, v in src.items()
            if k in own and own[k].shape == v.shape and (same or not k.startswith("head."))}
    model.load_state_dict(take, strict=False)
    if rank == 0:
        print("warm start from %s: %d of %d tensors%s" % (
            path, len(take), len(own), ", training counters carried on" if same else ""),
            flush=True)
    return counters if same else None


def make_model(ck_args):
    cfg = dict(V2_CONFIG)
    cfg.update(ck_args or {})
    return GSInpaintNet(prior_input=cfg["prior_input"], attention=cfg["attention"])


class BatchStream:
    """Inputs of the training steps: (clean, mask, network input). With ``prefetch`` (CUDA only)
    the next batch, crops, masks and harmonic prior, is made on a side stream while the current
    step runs: those kernels are small and memory-bound and fill gaps the network leaves.
    ``compiled``: the prior's elementwise parts compiled."""

    def __init__(self, batches, batch, prior_input, device, prefetch=False, compiled=False):
        self.batches = batches
        self.batch = int(batch)
        self.prior_input = prior_input
        self.compiled = bool(compiled)
        self.stream = None
        if prefetch and device.type == "cuda":
            self.stream = torch.cuda.Stream(device)
            self.stream.wait_stream(torch.cuda.current_stream(device))
            with torch.cuda.stream(self.stream):
                self.pending = self._make()

    def _make(self):
        clean, mask, _ = self.batches.next(self.batch)
        return clean, mask, model_input(clean, mask, self.prior_input, self.compiled)

    def next(self):
        if self.stream is None:
            return self._make()
        cur = torch.cuda.current_stream(self.stream.device)
        cur.wait_stream(self.stream)
        out = self.pending
        for t in out:  # made on the side stream, used and freed on this one
            t.record_stream(cur)
        with torch.cuda.stream(self.stream):
            self.pending = self._make()
        return out


def make_loss(weights, compiled):
    """The training loss of a rendered image (per-image hole terms); compiled, the SSIM windows,
    gradients, ring and weighted means of the loss and of its backward fuse into a few kernels."""

    def loss(img, clean, mask, pred_token, target_token):
        return inpaint_loss(img, clean, mask, pred_token=pred_token, target_token=target_token,
                            weights=weights, per_image=True, as_float=False)

    return torch.compile(loss) if compiled else loss


class TrainStep:
    """One optimisation step of the v2 trainer, the same for training and for ``--bench``."""

    def __init__(self, model, opt, batches, args, device, world=1):
        self.model = model
        self.opt = opt
        self.prior_input = model.prior_input
        self.device = device
        self.cuda = device.type == "cuda"
        net = TrainingForward(model)
        if args.compile:
            if self.cuda and not args.keep_nchw:
                # let inductor lay the whole graph out channels-last: cuDNN runs bf16
                # convolutions in NHWC, and with NCHW tensors every convolution paid two layout
                # conversions (10.6 ms of a 73 ms step at batch 256 in round 3's profile). Its
                # own heuristic leaves this small network in NCHW; forced, a step took 60 ms.
                import torch._inductor.config as inductor_config
                inductor_config.force_layout_optimization = True
            net = torch.compile(net, mode=args.compile_mode)
        if world > 1:
            net = torch.nn.parallel.DistributedDataParallel(
                net, device_ids=[device.index] if self.cuda else None)
        self.net = net
        self.loss = make_loss({"logmse": args.logmse_weight}, args.compile and self.cuda)
        self.inputs = BatchStream(batches, args.batch, self.prior_input, device,
                                  prefetch=args.prefetch, compiled=args.compile and self.cuda)

    def forward(self, x, clean):
        with torch.autocast(device_type=self.device.type, dtype=torch.bfloat16,
                            enabled=self.cuda):
            return self.net(x, clean)

    def __call__(self, lr, marks=None):
        """Trains on one batch at ``lr``; returns (loss, parts) as tensors. ``marks``: a list that
        gets a CUDA event after each part (inputs, forward, loss, backward, optimiser)."""
        def mark():
            if marks is not None:
                e = torch.cuda.Event(enable_timing=True)
                e.record()
                marks.append(e)

        mark()
        clean, mask, x = self.inputs.next()
        mark()
        field, pt, tt = self.forward(x, clean)
        mark()
        img = rendered_image(x, field, self.prior_input)
        loss, parts = self.loss(img, clean, mask, pt, tt)
        mark()
        for gq in self.opt.param_groups:
            gq["lr"] = lr
        self.opt.zero_grad(set_to_none=True)
        loss.backward()
        mark()
        torch.nn.utils.clip_grad_norm_(self.model.parameters(), 1.0)
        self.opt.step()
        mark()
        return loss, parts


# --------------------------------------------------------------------------------- bench
def bench(args, model, batches, device):
    """Prints tiles/s over whole steps (the training step with the given options) and, with CUDA
    events, the time of each part; then the renderer alone, forward + backward."""
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    B = args.batch
    step = TrainStep(model, opt, batches, args, device)
    t0 = time.time()
    for _ in range(3):  # compilation, autotuning, the first pool draws
        step(1e-4)
    torch.cuda.synchronize()
    print("warm-up (3 steps, compilation included): %.1f s" % (time.time() - t0))
    torch.cuda.reset_peak_memory_stats()
    n = args.bench
    t0 = time.time()
    for _ in range(n):
        step(1e-4)
    torch.cuda.synchronize()
    wall = time.time() - t0
    times = []
    for _ in range(max(5, n // 2)):  # events serialise nothing, but keep the figure above clean
        marks = []
        step(1e-4, marks)
        times.append(marks)
    torch.cuda.synchronize()
    parts = np.array([[a.elapsed_time(b) for a, b in zip(t[:-1], t[1:])] for t in times])
    m = parts.mean(axis=0)
    labels = ["inputs (data + prior)", "network fwd", "render + loss fwd",
              "loss, render, net bwd", "clip + optimiser"]
    flags = " ".join(f for f in ("compile", "prefetch") if getattr(args, f))
    print("step [%s], batch %d: %.0f tiles/s (%.1f ms/step), peak %.1f GiB"
          % (flags or "eager", B, n * B / wall, 1000 * wall / n,
             torch.cuda.max_memory_allocated() / 2**30))
    for lab, v in zip(labels, m):
        print("   %-24s %7.2f ms  %4.1f%%" % (lab, v, 100 * v / m.sum()))
    # the parts of the inputs, alone
    clean, mask, _ = batches.next(B)
    for name, fn in (("crops + masks", lambda: batches.next(B)),
                     ("harmonic prior", lambda: harmonic_fill(clean, mask, compiled=args.compile))):
        for _ in range(2):
            fn()
        torch.cuda.synchronize()
        t1 = time.time()
        for _ in range(10):
            fn()
        torch.cuda.synchronize()
        print("   alone: %-16s %7.2f ms" % (name, 100 * (time.time() - t1)))
    f = torch.rand((B, 9, args.size // 2, args.size // 2), device=device)
    f[:, 2:5] = 0.5 + f[:, 2:5]
    ff = f.clone().requires_grad_(True)
    for _ in range(2):
        render_field_fast(ff).sum().backward()
    torch.cuda.synchronize()
    t1 = time.time()
    for _ in range(10):
        render_field_fast(ff).square().sum().backward()
    torch.cuda.synchronize()
    print("   alone: renderer fwd+bwd %7.2f ms" % (100 * (time.time() - t1)))
    if args.profile:
        from torch.profiler import ProfilerActivity, profile
        with profile(activities=[ProfilerActivity.CPU, ProfilerActivity.CUDA]) as prof:
            for _ in range(5):
                step(1e-4)
            torch.cuda.synchronize()
        avg = prof.key_averages()
        try:  # the column's name since torch 2.4; before it, "self_cuda_time_total"
            print(avg.table(sort_by="self_device_time_total", row_limit=args.profile))
        except (KeyError, AttributeError, ValueError):
            print(avg.table(sort_by="self_cuda_time_total", row_limit=args.profile))


# --------------------------------------------------------------------------------- main
def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default="data")
    ap.add_argument("--ckpt", default="runs/v2.pt")
    ap.add_argument("--minutes", type=float, default=8.0)
    ap.add_argument("--max-steps", type=int, default=0)
    ap.add_argument("--batch", type=int, default=128, help="per GPU")
    ap.add_argument("--size", type=int, default=256)
    ap.add_argument("--slot", type=int, default=640, help="atlas slot side (longest image side)")
    ap.add_argument("--synthetic", type=int, default=3000, help="synthetic images in the pool")
    ap.add_argument("--synthetic-size", type=int, default=320)
    ap.add_argument("--masks-per-kind", type=int, default=4000)
    ap.add_argument("--pool-cache", default="/tmp/gsinpaint-pool",
                    help="file stem where the drawn pools are kept for the next chunk ('' = off)")
    ap.add_argument("--mask-weights", default=None, help="e.g. scratch=0.2,specks=0.2,box=0.15")
    ap.add_argument("--kind-weights", default=None,
                    help="image sources, e.g. photo=0.33,texture=0.12,synthetic=0.21 "
                         "(default: gpu_data.DEFAULT_KIND_WEIGHTS)")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--lr-min", type=float, default=2e-5)
    ap.add_argument("--wd", type=float, default=0.01)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--budget-minutes", type=float, default=60.0)
    ap.add_argument("--cycle-start-minutes", type=float, default=0.0)
    ap.add_argument("--logmse-weight", type=float, default=0.15)
    ap.add_argument("--attention", type=int, default=V2_CONFIG["attention"])
    ap.add_argument("--ema", type=float, default=0.0,
                    help="keep a moving average of the weights with this decay (e.g. 0.999; "
                         "0 = none); saved as <ckpt>-ema-light.pt and scored beside the weights")
    ap.add_argument("--compile", action="store_true",
                    help="torch.compile the network and the loss")
    ap.add_argument("--compile-mode", default=None,
                    help="torch.compile mode of the network, e.g. max-autotune-no-cudagraphs")
    ap.add_argument("--keep-nchw", action="store_true",
                    help="with --compile: leave inductor's layout choice alone (NCHW here)")
    ap.add_argument("--prefetch", action="store_true",
                    help="make the next batch on a side CUDA stream during the step")
    ap.add_argument("--dev-limit", type=int, default=252)
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--save-every-min", type=float, default=3.0)
    ap.add_argument("--chunk-seed", type=int, default=0, help="vary per chunk")
    ap.add_argument("--init-from", default=None,
                    help="with no checkpoint yet: matching weights of a model package's model.pt "
                         "(e.g. models/gs-inpaint-v1/model.pt) or of a checkpoint")
    ap.add_argument("--resume", action="store_true",
                    help="this chunk continues a run: stop at once when neither the checkpoint "
                         "(or its light file) nor --init-from is there (a GPU machine that was "
                         "replaced between calls would otherwise train from scratch)")
    ap.add_argument("--synthetic-only", action="store_true",
                    help="train on the synthetic pool alone (tests); without it a --data with "
                         "no train/ images is refused")
    ap.add_argument("--bench", type=int, default=0, help="only time N steps and report")
    ap.add_argument("--profile", type=int, default=0,
                    help="with --bench: then profile 5 steps and print the N costliest GPU ops")
    # not an option: make_loss's hole terms are always averaged per image; recorded in the
    # checkpoints' args so that export.py can say so
    ap.set_defaults(per_image_loss=True)
    return ap.parse_args(argv)


def refusal(args, light):
    """Why this chunk must not start, in one line, or None. Both cases were paid for: a chunk
    on a GPU machine that had been replaced between calls found neither its data nor its
    checkpoint, and trained a fresh network on synthetic images alone for the whole call."""
    root = os.path.join(args.data, "train")
    if not args.synthetic_only and not (os.path.isdir(root) and os.listdir(root)):
        return ("no training images in %s: build them (build_dataset.py) or copy them there; "
                "--synthetic-only trains on synthetic images alone" % root)
    if args.resume and not (os.path.isfile(args.ckpt) or os.path.isfile(light)
                            or (args.init_from and os.path.isfile(args.init_from))):
        return ("--resume: neither %s nor %s nor --init-from is there (a new machine?); "
                "carry a checkpoint and pass it as --init-from" % (args.ckpt, light))
    return None


def main(argv=None):
    args = parse_args(argv)
    why = refusal(args, light_path(args.ckpt))
    if why:
        raise SystemExit("train_gpu.py: " + why)
    rank, world, device = _dist_setup()
    torch.manual_seed(SEED + rank)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
        torch.backends.cudnn.benchmark = True

    light = light_path(args.ckpt)
    ck = None
    if os.path.isfile(args.ckpt):
        ck = load_own(args.ckpt)
    elif os.path.isfile(light):
        ck = load_own(light)
    cfg = dict(V2_CONFIG, attention=args.attention)
    if ck is not None:
        cfg.update(ck.get("config", {}))
    model = make_model(cfg).to(device)
    state = {"step": 0, "gpu_seconds": 0.0, "train_seconds": 0.0, "chunks": 0, "images": 0,
             "gpus": world}
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=args.wd,
                            betas=(0.9, 0.99))
    fresh_opt = True
    if ck is not None:
        model.load_state_dict(ck["model"])
        state.update(ck["state"])
        if "opt" in ck:
            opt.load_state_dict(ck["opt"])
            fresh_opt = False
    elif args.init_from:
        counters = warm_start(model, args.init_from, rank)
        if counters:
            state.update({k: v for k, v in counters.items() if k in state and k != "gpus"})
    if rank == 0:
        print("model: %.3f M parameters, config %s, step %d, %d process(es)"
              % (count_params(model) / 1e6, cfg, state["step"], world), flush=True)
    batches = build_batches(args, device, rank, world)
    if args.bench:
        bench(args, model, batches, device)
        return None

    step = TrainStep(model, opt, batches, args, device, world)
    ema = None
    if args.ema:
        ema = WeightAverage(model, args.ema, ck.get("ema") if ck is not None else None)
        if rank == 0:
            print("weight average: decay %g, %d updates so far" % (ema.decay, ema.updates),
                  flush=True)

    dev = None
    if rank == 0:
        from .data import load_dev
        droot = os.path.join(args.data, "dev")
        if os.path.isfile(os.path.join(droot, "manifest.tsv")):
            dev = load_dev(droot, limit=args.dev_limit or None)

    def checkpoint():
        if rank != 0:
            return
        full = {"model": model.state_dict(), "opt": opt.state_dict(), "state": dict(state),
                "config": cfg, "args": vars(args)}
        if ema is not None:
            full["ema"] = ema.state_dict()
        atomic_save(full, args.ckpt)
        atomic_save({"model": model.state_dict(), "state": dict(state), "config": cfg,
                     "args": vars(args)}, light)
        if ema is not None:  # the same light format, so export and evaluation take either
            atomic_save({"model": ema.model_state(model), "state": dict(state), "config": cfg,
                         "args": vars(args), "ema_decay": ema.decay}, ema_light_path(args.ckpt))

    log_path = os.path.join(os.path.dirname(os.path.abspath(args.ckpt)), "log-v2.tsv")
    if rank == 0:
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
    logf = open(log_path, "a") if rank == 0 else None
    t_start = time.time()
    t_save = t_log = t_start
    base = state["train_seconds"]
    deadline = t_start + args.minutes * 60.0
    step_in_run, n_since = 0, 0
    prior_input = cfg["prior_input"]
    while True:
        if args.max_steps and step_in_run >= args.max_steps:  # the same step on every rank
            break
        late = time.time() >= deadline
        if world > 1 and step_in_run % 10 == 0:
            # every rank stops at the same step: rank 0's clock decides, every 10th step (a
            # broadcast waits for the GPU); an int flag: gloo (CPU) cannot broadcast bools
            stop = torch.tensor([int(late)], dtype=torch.int32, device=device)
            dist.broadcast(stop, 0)
            if bool(stop.item()):
                break
        elif world == 1 and late:
            break
        lr = lr_at(args, state["train_seconds"], step_in_run, fresh_opt)
        loss, parts = step(lr)
        if ema is not None:
            ema.update()
        state["step"] += 1
        state["images"] += args.batch * world
        step_in_run += 1
        n_since += args.batch * world
        now = time.time()
        state["train_seconds"] = base + (now - t_start)
        if state["step"] % args.log_every == 0 and rank == 0:
            parts = {k: float(v) for k, v in parts.items()}
            parts["loss"] = float(loss.detach())
            if not math.isfinite(parts["loss"]):
                raise RuntimeError("non-finite loss at step %d" % state["step"])
            ips = n_since / max(1e-6, now - t_log)
            logf.write("%d\t%.1f\t%.5f\t%.5f\t%.3g\t%.0f\n" % (
                state["step"], state["train_seconds"], parts["loss"], parts["l1_hole"], lr, ips))
            logf.flush()
            print("step %d  loss %.4f  hole %.4f  lr %.2e  %.0f tiles/s" % (
                state["step"], parts["loss"], parts["l1_hole"], lr, ips), flush=True)
            n_since, t_log = 0, now
        if now - t_save > args.save_every_min * 60:
            checkpoint()
            t_save = time.time()
    elapsed = time.time() - t_start
    state["gpu_seconds"] += elapsed * world
    state["chunks"] += 1
    if rank == 0 and dev is not None:
        p, q, kinds = evaluate_dev(model, dev, device, prior_input)
        print("dev PSNR in hole: model %.2f dB, harmonic prior %.2f dB" % (p, q))
        for k, (a, b) in kinds.items():
            print("   %-8s model %.2f  prior %.2f" % (k, a, b))
        logf.write("%d\t%.1f\tdev\t%.3f\t%.3f\n" % (state["step"], state["train_seconds"], p, q))
        if ema is not None:
            averaged = make_model(cfg).to(device)
            averaged.load_state_dict(ema.model_state(model))
            pe, _, kinds_e = evaluate_dev(averaged, dev, device, prior_input)
            print("dev PSNR in hole, weight average: %.2f dB (%s)" % (pe, ", ".join(
                "%s %.2f" % (k, a) for k, (a, _) in kinds_e.items())))
            logf.write("%d\t%.1f\tdev-ema\t%.3f\t%.3f\n"
                       % (state["step"], state["train_seconds"], pe, q))
    checkpoint()
    if rank == 0:
        logf.close()
        print("saved %s: step %d, %d tiles, %.0f GPU s" % (args.ckpt, state["step"],
                                                          state["images"], state["gpu_seconds"]))
    if world > 1:
        dist.destroy_process_group()
    return state

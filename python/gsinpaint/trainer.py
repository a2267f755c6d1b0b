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
from .checkpoints import atomic_save, light_path, load_own
from .losses import inpaint_loss, psnr_in_hole
from .model import GSInpaintNet, count_params
from .prior import harmonic_fill
from .render import render_field
from .render_fast import render_field_fast
from .schedule import lr_at

SEED = 20261202
V2_CONFIG = dict(prior_input=True, attention=2)


def model_input(clean, mask, prior_input):
    """The network input [B, 4, H, W]: the image with the holes zeroed (v1) or holding the
    harmonic fill (v2), and the mask."""
    if prior_input:
        img = harmonic_fill(clean, mask)
    else:
        img = clean * (1 - mask)
    return torch.cat([img, mask], dim=1)


def rendered_image(x, field, prior_input, renderer=render_field_fast):
    """What the model predicts for every pixel: the render (v1) or prior + render (v2)."""
    out = renderer(field.float())
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
            np.savez(cache + ".tmp.npz", syn=np.stack(syn), packed=packed, kidx=kidx,
                     mkinds=np.array(mkinds))
            os.replace(cache + ".tmp.npz", cache)
    atlas = gpu_data.ImageAtlas(imgs + list(syn), kinds + ["synthetic"] * len(syn), args.slot,
                                device, robust + [False] * len(syn))
    masks = gpu_data.MaskPool(packed, kidx, mkinds, args.size, device)
    mw = None
    if args.mask_weights:
        mw = {k: float(v) for k, v in (p.split("=") for p in args.mask_weights.split(","))}
    batches = gpu_data.GpuBatches(atlas, masks, args.size, SEED + 1000 * rank + args.chunk_seed,
                                  mask_weights=mw)
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
    """Starts from the weights of another model package (e.g. v1's TorchScript ``model.pt``, or a
    checkpoint): every tensor whose name and shape match, except the Gaussian head, whose colour
    means something else when the network corrects a prior."""
    if path.endswith(".pt") and os.path.basename(path) == "model.pt":
        src = torch.jit.load(path, map_location="cpu").state_dict()
    else:
        src = load_own(path)["model"]
    own = model.state_dict()
    take = {k: v for k, v in src.items()
            if k in own and own[k].shape == v.shape and not k.startswith("head.")}
    model.load_state_dict(take, strict=False)
    if rank == 0:
        print("warm start from %s: %d of %d tensors" % (path, len(take), len(own)), flush=True)


def make_model(ck_args):
    cfg = dict(V2_CONFIG)
    cfg.update(ck_args or {})
    return GSInpaintNet(prior_input=cfg["prior_input"], attention=cfg["attention"])


# --------------------------------------------------------------------------------- bench
def bench(args, model, batches, device):
    """Prints tiles/s of whole steps and the time of each part (CUDA events, after warm-up),
    with the v1 renderer (autograd through the weight matrices) for comparison."""
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
    B = args.batch
    fwd = TrainingForward(model)
    if args.compile:
        fwd = torch.compile(fwd)
    prior_input = model.prior_input

    def ev():
        e = torch.cuda.Event(enable_timing=True)
        e.record()
        return e

    def step(renderer, times=None):
        e0 = ev()
        clean, mask, _ = batches.next(B)
        e1 = ev()
        x = model_input(clean, mask, prior_input)
        e2 = ev()
        with torch.autocast(device_type="cuda", dtype=torch.bfloat16):
            field, pt, tt = fwd(x, clean)
        e3 = ev()
        f = field.float().detach().requires_grad_(True)
        img = rendered_image(x, f, prior_input, renderer)
        e4 = ev()
        # (the small token-alignment term is left out here: it would tie the loss to the network)
        loss, _ = inpaint_loss(img, clean, mask, per_image=True, as_float=False)
        e5 = ev()
        loss.backward()  # loss and renderer backward, into f
        e6 = ev()
        field.float().backward(f.grad)
        e7 = ev()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)
        e8 = ev()
        if times is not None:
            times.append((e0, e1, e2, e3, e4, e5, e6, e7, e8))

    for name, renderer in (("fused renderer (v2 training)", render_field_fast),
                           ("v1 renderer (autograd)", render_field)):
        if name.startswith("v1") and B > 128:
            print("%s: skipped at batch %d (memory)" % (name, B))
            continue
        for _ in range(3):
            step(renderer)
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
        times = []
        t0 = time.time()
        n = args.bench if name.startswith("fused") else max(3, args.bench // 5)
        for _ in range(n):
            step(renderer, times)
        torch.cuda.synchronize()
        wall = time.time() - t0
        parts = np.array([[a.elapsed_time(b) for a, b in zip(t[:-1], t[1:])] for t in times])
        m = parts.mean(axis=0)
        labels = ["data (crops, masks)", "harmonic prior", "network fwd", "renderer fwd",
                  "loss fwd", "loss + renderer bwd", "network bwd", "optimiser"]
        print("%s, batch %d: %.0f tiles/s (%.1f ms/step), peak %.1f GiB"
              % (name, B, n * B / wall, 1000 * wall / n, torch.cuda.max_memory_allocated() / 2**30))
        for lab, v in zip(labels, m):
            print("   %-22s %7.2f ms  %4.1f%%" % (lab, v, 100 * v / m.sum()))
    # renderer alone, forward + backward
    f = torch.rand((B, 9, args.size // 2, args.size // 2), device=device)
    f[:, 2:5] = 0.5 + f[:, 2:5]
    for name, r in (("fused", render_field_fast), ("v1", render_field)):
        if name == "v1" and B > 128:
            continue
        ff = f.clone().requires_grad_(True)
        for _ in range(2):
            r(ff).sum().backward()
        torch.cuda.synchronize()
        t0 = time.time()
        k = 10
        for _ in range(k):
            r(ff).square().sum().backward()
        torch.cuda.synchronize()
        print("renderer %s fwd+bwd, batch %d: %.2f ms" % (name, B, 1000 * (time.time() - t0) / k))


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
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--lr-min", type=float, default=2e-5)
    ap.add_argument("--wd", type=float, default=0.01)
    ap.add_argument("--warmup", type=int, default=300)
    ap.add_argument("--budget-minutes", type=float, default=60.0)
    ap.add_argument("--cycle-start-minutes", type=float, default=0.0)
    ap.add_argument("--logmse-weight", type=float, default=0.15)
    ap.add_argument("--attention", type=int, default=V2_CONFIG["attention"])
    ap.add_argument("--compile", action="store_true", help="torch.compile the network")
    ap.add_argument("--dev-limit", type=int, default=252)
    ap.add_argument("--log-every", type=int, default=100)
    ap.add_argument("--save-every-min", type=float, default=3.0)
    ap.add_argument("--chunk-seed", type=int, default=0, help="vary per chunk")
    ap.add_argument("--init-from", default=None,
                    help="with no checkpoint yet: matching weights of a model package's model.pt "
                         "(e.g. models/gs-inpaint-v1/model.pt) or of a checkpoint")
    ap.add_argument("--bench", type=int, default=0, help="only time N steps and report")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
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
        warm_start(model, args.init_from, rank)
    if rank == 0:
        print("model: %.3f M parameters, config %s, step %d, %d process(es)"
              % (count_params(model) / 1e6, cfg, state["step"], world), flush=True)
    batches = build_batches(args, device, rank, world)
    if args.bench:
        bench(args, model, batches, device)
        return None

    net = TrainingForward(model)
    if args.compile:
        net = torch.compile(net)
    if world > 1:
        net = torch.nn.parallel.DistributedDataParallel(
            net, device_ids=[device.index] if device.type == "cuda" else None)

    dev = None
    if rank == 0:
        from .data import load_dev
        droot = os.path.join(args.data, "dev")
        if os.path.isfile(os.path.join(droot, "manifest.tsv")):
            dev = load_dev(droot, limit=args.dev_limit or None)

    def checkpoint():
        if rank != 0:
            return
        atomic_save({"model": model.state_dict(), "opt": opt.state_dict(), "state": dict(state),
                     "config": cfg, "args": vars(args)}, args.ckpt)
        atomic_save({"model": model.state_dict(), "state": dict(state), "config": cfg,
                     "args": vars(args)}, light)

    log_path = os.path.join(os.path.dirname(os.path.abspath(args.ckpt)), "log-v2.tsv")
    if rank == 0:
        os.makedirs(os.path.dirname(log_path), exist_ok=True)
    logf = open(log_path, "a") if rank == 0 else None
    t_start = time.time()
    t_save = t_log = t_start
    base = state["train_seconds"]
    deadline = t_start + args.minutes * 60.0
    step_in_run, n_since, acc = 0, 0, {}
    prior_input = cfg["prior_input"]
    while True:
        # every rank stops at the same step: rank 0's clock decides
        # an int flag: gloo (CPU) cannot broadcast bool tensors
        stop = torch.tensor([int(time.time() >= deadline or
                                 bool(args.max_steps and step_in_run >= args.max_steps))],
                            dtype=torch.int32, device=device)
        if world > 1:
            dist.broadcast(stop, 0)
        if bool(stop.item()):
            break
        clean, mask, _ = batches.next(args.batch)
        x = model_input(clean, mask, prior_input)
        lr = lr_at(args, state["train_seconds"], step_in_run, fresh_opt)
        for gq in opt.param_groups:
            gq["lr"] = lr
        with torch.autocast(device_type=device.type, dtype=torch.bfloat16,
                            enabled=device.type == "cuda"):
            field, pt, tt = net(x, clean)
        img = rendered_image(x, field, prior_input)
        loss, parts = inpaint_loss(img, clean, mask, pred_token=pt, target_token=tt,
                                   weights={"logmse": args.logmse_weight}, per_image=True,
                                   as_float=False)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
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
    checkpoint()
    if rank == 0:
        logf.close()
        print("saved %s: step %d, %d tiles, %.0f GPU s" % (args.ckpt, state["step"],
                                                          state["images"], state["gpu_seconds"]))
    if world > 1:
        dist.destroy_process_group()
    return state

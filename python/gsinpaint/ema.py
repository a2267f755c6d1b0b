"""An exponential moving average of a network's weights, kept beside training.

The average of the weights over the last few thousand steps is a smoother estimate than the
weights of the last step: the step-to-step noise of the optimiser averages out. The average is
kept in float32 on the training device and updated after every optimiser step with one fused
``lerp`` over all tensors; it never feeds back into training.
"""

import torch


class WeightAverage:
    """``avg <- avg + (1 - d) (w - avg)`` after every step, with ``d = min(decay, (1 + n) /
    (10 + n))`` after ``n`` updates, so the first updates are not dominated by the starting
    weights (the usual warm-up of the decay)."""

    def __init__(self, model, decay, state=None):
        if not 0.0 < decay < 1.0:
            raise ValueError("the decay of a weight average is in (0, 1), not %r" % decay)
        self.decay = float(decay)
        src = model.state_dict(keep_vars=True)
        self.names = [k for k, v in src.items() if v.is_floating_point()]
        # the model's own tensors: the optimiser updates them in place, so this list stays true
        self.sources = [src[k] for k in self.names]
        self.updates = 0
        if state is not None and set(state.get("tensors", {})) == set(self.names):
            self.tensors = [state["tensors"][k].to(src[k].device, torch.float32).clone()
                            for k in self.names]
            self.updates = int(state.get("updates", 0))
        else:
            self.tensors = [t.detach().float().clone() for t in self.sources]

    def effective_decay(self):
        return min(self.decay, (1.0 + self.updates) / (10.0 + self.updates))

    @torch.no_grad()
    def update(self):
        current = [t.detach().float() for t in self.sources]
        w = 1.0 - self.effective_decay()
        if hasattr(torch, "_foreach_lerp_"):  # torch >= 2.0: one fused launch
            torch._foreach_lerp_(self.tensors, current, w)
        else:  # Debian's torch 1.13 (CPU tests)
            for a, b in zip(self.tensors, current):
                a.lerp_(b, w)
        self.updates += 1

    def state_dict(self):
        """What a checkpoint keeps to resume the average (CPU tensors)."""
        return {"decay": self.decay, "updates": self.updates,
                "tensors": {k: t.detach().cpu() for k, t in zip(self.names, self.tensors)}}

    def model_state(self, model):
        """The model's state dict with the averaged weights in place (dtypes as the model's)."""
        out = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
        for k, t in zip(self.names, self.tensors):
            out[k] = t.detach().cpu().to(out[k].dtype)
        return out

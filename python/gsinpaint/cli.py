"""Command-line helpers shared by the trainers."""


def parse_weights(text):
    """"kind=w,kind=w" -> {"kind": w, ...}; None when not given. Unknown kinds fail where the
    weights are used (gsinpaint.masks, gsinpaint.gpu_data)."""
    if not text:
        return None
    return {k.strip(): float(v) for k, v in (part.split("=") for part in text.split(","))}

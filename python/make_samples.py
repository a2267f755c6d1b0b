"""Writes the sample image and mask used by the README's run command and the end-to-end tests.

The photo is SciPy's `face` (BSD-3-Clause, Debian package python3-scipy), downscaled; the mask
has the defects scientists mark: thin scratches, specks, a burned-in label and a free-form stroke.
Run with Debian's python: /usr/bin/python3 python/make_samples.py
"""
import os

import numpy as np
from PIL import Image, ImageDraw

OUT = os.path.join(os.path.dirname(__file__), "..", "src", "test", "resources", "samples")


def main():
    import scipy.misc
    face = scipy.misc.face()  # 768 x 1024 x 3
    img = Image.fromarray(face).resize((512, 384), Image.LANCZOS)
    mask = Image.new("L", img.size, 0)
    d = ImageDraw.Draw(mask)
    d.line([(20, 40), (490, 90)], fill=255, width=3)            # scratch
    d.line([(60, 350), (300, 200)], fill=255, width=2)          # scratch
    d.rectangle([400, 330, 490, 350], fill=255)                 # burned-in label
    rng = np.random.default_rng(7)
    for x, y in rng.integers(10, 370, size=(25, 2)):             # dust and hot pixels
        r = int(rng.integers(0, 3))
        d.ellipse([x - r, y - r, x + r, y + r], fill=255)
    d.line([(330, 150), (360, 190), (420, 200), (450, 260)], fill=255, width=14, joint="curve")
    os.makedirs(OUT, exist_ok=True)
    img.save(os.path.join(OUT, "face.png"))
    mask.save(os.path.join(OUT, "face-mask.png"))
    grey = np.asarray(img.convert("L"), dtype=np.uint16) * 257   # a 16-bit grey variant
    Image.fromarray(grey).save(os.path.join(OUT, "face-16bit.png"))


if __name__ == "__main__":
    main()

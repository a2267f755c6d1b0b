#!/usr/bin/env python3
"""Writes the palette (indexed-colour) images that ij.IndexedColourTest opens with ImageJ.

Pillow quantises the way users do (`Image.quantize`, `convert('P', palette=ADAPTIVE)`): its
palettes are sorted by brightness, and short ones are padded with black, so ImageJ's
pseudo-colour test took them for LUTs of intensities. The source is the sample photo, downscaled.
Run with Debian's python: /usr/bin/python3 python/make_palettes.py

  face-q32.png, face-q32.gif     quantize(32): a 32-entry PLTE; the GIF's table is 256 entries
  face-adaptive32.png            convert('P', ADAPTIVE, 32): 32 colours in a 256-entry PLTE
  face-q256.png, face-q256.gif   quantize(256)
  face-greyish32.png             quantize(32) of the photo at a quarter of its saturation: a
                                 palette of near-greys with a few colours
  face-grey-octree16.png         a grey palette that is not in brightness order (fast octree)
  face-grey.gif                  the grey photo saved as GIF: a grey ramp of the greys it holds,
                                 then black (intensities in all but name: must still open)
"""
import os

from PIL import Image, ImageEnhance

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "src", "test", "resources", "samples", "face.png")
OUT = os.path.join(HERE, "..", "src", "test", "resources", "fixtures", "palette")


def main():
    os.makedirs(OUT, exist_ok=True)
    src = Image.open(SAMPLE).convert("RGB").resize((80, 60), Image.LANCZOS)

    def save(img, name):
        img.save(os.path.join(OUT, name))

    save(src.quantize(32), "face-q32.png")
    save(src.quantize(32), "face-q32.gif")
    save(src.convert("P", palette=Image.ADAPTIVE, colors=32), "face-adaptive32.png")
    save(src.quantize(256), "face-q256.png")
    save(src.quantize(256), "face-q256.gif")
    save(ImageEnhance.Color(src).enhance(0.25).quantize(32), "face-greyish32.png")
    grey = src.convert("L")
    save(grey.convert("RGB").quantize(16, method=Image.Quantize.FASTOCTREE), "face-grey-octree16.png")
    save(grey, "face-grey.gif")


if __name__ == "__main__":
    main()

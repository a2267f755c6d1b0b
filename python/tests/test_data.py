import os
import shutil
import tempfile
import unittest

import numpy as np
import cv2
import torch

from gsinpaint import data  # noqa: E402
from gsinpaint import synthetic  # noqa: E402


class DataTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # a tiny training folder of synthetic images in the layout build_dataset.py writes
        cls.tmp = tempfile.mkdtemp(prefix="gsdata_")
        rng = np.random.default_rng(0)
        os.makedirs(os.path.join(cls.tmp, "train", "photo"))
        os.makedirs(os.path.join(cls.tmp, "train", "medical"))
        for i in range(3):
            a = (synthetic.dead_leaves(rng, 200, 300) * 255).astype(np.uint8)
            cv2.imwrite(os.path.join(cls.tmp, "train", "photo", "p%d.jpg" % i), a)
            b = (synthetic.microscopy(rng, 180, 150, bit16=True) * 65535).astype(np.uint16)
            cv2.imwrite(os.path.join(cls.tmp, "train", "medical", "m%d.png" % i), b)
        # a tiny dev set
        dev = os.path.join(cls.tmp, "dev")
        os.makedirs(os.path.join(dev, "images"))
        os.makedirs(os.path.join(dev, "masks"))
        with open(os.path.join(dev, "manifest.tsv"), "w") as fh:
            fh.write("id\timage_path\tmask_path\timage_kind\tmask_kind\n")
            m = np.zeros((64, 64), np.uint8)
            m[10:20, 10:30] = 255
            cv2.imwrite(os.path.join(dev, "masks", "m.png"), m)
            cv2.imwrite(os.path.join(dev, "images", "c.png"), (rng.uniform(0, 1, (64, 64, 3)) * 255).astype(np.uint8))
            cv2.imwrite(os.path.join(dev, "images", "g.png"), (rng.uniform(0, 1, (64, 64)) * 65535).astype(np.uint16))
            fh.write("c\timages/c.png\tmasks/m.png\tphoto\tbox\n")
            fh.write("g\timages/g.png\tmasks/m.png\tmedical\tbox\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_stream_shapes_ranges(self):
        ds = data.InpaintStream(os.path.join(self.tmp, "train"), size=64, synthetic_frac=0.4, seed=3, length=12)
        n = 0
        for img, m in ds:
            self.assertEqual(tuple(img.shape), (3, 64, 64))
            self.assertEqual(tuple(m.shape), (1, 64, 64))
            self.assertEqual(img.dtype, torch.float32)
            self.assertGreaterEqual(float(img.min()), 0.0)
            self.assertLessEqual(float(img.max()), 1.0)
            self.assertTrue(bool(((m == 0) | (m == 1)).all()))
            self.assertTrue(0 < float(m.mean()) < 1)
            n += 1
        self.assertEqual(n, 12)

    def test_stream_seeded(self):
        root = os.path.join(self.tmp, "train")
        a = next(iter(data.InpaintStream(root, size=32, seed=7)))
        b = next(iter(data.InpaintStream(root, size=32, seed=7)))
        self.assertTrue(torch.equal(a[0], b[0]) and torch.equal(a[1], b[1]))

    def test_synthetic_only(self):
        ds = data.InpaintStream(None, size=32, length=3)
        self.assertEqual(len(list(ds)), 3)

    def test_dev_loader(self):
        d = data.load_dev(os.path.join(self.tmp, "dev"))
        self.assertEqual(tuple(d["image"].shape), (2, 3, 64, 64))
        self.assertEqual(tuple(d["mask"].shape), (2, 1, 64, 64))
        self.assertEqual(d["grey"].tolist(), [False, True])
        self.assertEqual(d["max_value"].tolist(), [255.0, 65535.0])
        self.assertLessEqual(float(d["image"].max()), 1.0)
        self.assertAlmostEqual(float(d["mask"].mean()), 200 / 4096.0, places=5)


if __name__ == "__main__":
    unittest.main()

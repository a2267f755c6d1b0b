import os
import unittest

import numpy as np

from gsinpaint import synthetic  # noqa: E402


class SyntheticTest(unittest.TestCase):
    def check(self, a, shape):
        self.assertEqual(a.shape, shape)
        self.assertEqual(a.dtype, np.float32)
        self.assertTrue(np.isfinite(a).all())
        self.assertGreaterEqual(a.min(), 0.0)
        self.assertLessEqual(a.max(), 1.0)
        self.assertGreater(a.std(), 1e-3)  # not flat

    def test_dead_leaves(self):
        rng = np.random.default_rng(0)
        self.check(synthetic.dead_leaves(rng, 96, 128, color=True), (96, 128, 3))
        self.check(synthetic.dead_leaves(rng, 96, 128, color=False), (96, 128))

    def test_microscopy(self):
        rng = np.random.default_rng(1)
        a = synthetic.microscopy(rng, 128, 96, bit16=False)
        self.check(a, (128, 96))
        np.testing.assert_allclose(a * 255, np.round(a * 255), atol=1e-3)
        b = synthetic.microscopy(rng, 128, 96, bit16=True)
        self.check(b, (128, 96))

    def test_textures(self):
        rng = np.random.default_rng(2)
        for kind in ("noise", "stripes", "grating", "membrane", "grains"):
            self.check(synthetic.texture(rng, 64, 80, color=False, kind=kind), (64, 80))
            self.check(synthetic.texture(rng, 64, 80, color=True, kind=kind), (64, 80, 3))

    def test_seeded(self):
        a, fa = synthetic.random_synthetic(np.random.default_rng(5), 64, 64)
        b, fb = synthetic.random_synthetic(np.random.default_rng(5), 64, 64)
        self.assertEqual(fa, fb)
        np.testing.assert_array_equal(a, b)


if __name__ == "__main__":
    unittest.main()

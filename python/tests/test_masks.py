import os
import unittest

import numpy as np

from gsinpaint import masks  # noqa: E402


class MaskTest(unittest.TestCase):
    def test_kinds_coverage_and_type(self):
        rng = np.random.default_rng(0)
        for kind in masks.KINDS:
            for h, w in ((256, 256), (128, 192)):
                for _ in range(15):
                    m = masks.make_mask(rng, h, w, kind)
                    self.assertEqual(m.shape, (h, w))
                    self.assertEqual(m.dtype, bool)
                    self.assertTrue(m.any(), kind)
                    self.assertFalse(m.all(), kind)
                    self.assertGreaterEqual(m.mean(), masks.MIN_COVERAGE * 0.999, kind)
                    self.assertLessEqual(m.mean(), masks.MAX_COVERAGE, kind)

    def test_random_mask_picks_kinds(self):
        rng = np.random.default_rng(1)
        for _ in range(40):
            m = masks.random_mask(rng, 256, 256)
            self.assertTrue(0 < m.mean() < 1)

    def test_seeded_determinism(self):
        for kind in masks.KINDS:
            a = masks.make_mask(np.random.default_rng(42), 256, 256, kind)
            b = masks.make_mask(np.random.default_rng(42), 256, 256, kind)
            np.testing.assert_array_equal(a, b)

    def test_shapes_match_kinds(self):
        rng = np.random.default_rng(3)
        # gap masks are full-length straight bands: some row or column is entirely hole
        for _ in range(10):
            m = masks.make_mask(rng, 256, 256, "gap")
            self.assertTrue(m.all(axis=1).any() or m.all(axis=0).any())
        # specks are small: no connected piece bigger than ~8x8 clusters merged rarely
        import cv2
        for _ in range(5):
            m = masks.make_mask(rng, 256, 256, "specks")
            n, lab, stats, _ = cv2.connectedComponentsWithStats(m.astype(np.uint8))
            self.assertGreater(n - 1, 5)
            self.assertLess(np.median(stats[1:, cv2.CC_STAT_AREA]), 64)
        # scratches are thin: eroding with a 7x7 square removes them
        for _ in range(5):
            m = masks.make_mask(rng, 256, 256, "scratch")
            er = cv2.erode(m.astype(np.uint8), np.ones((7, 7), np.uint8))
            self.assertLess(er.sum(), 0.05 * m.sum() + 1)
        # boxes are rectangles: the mask equals the union of its components' bounding boxes
        for _ in range(5):
            m = masks.make_mask(rng, 256, 256, "box")
            n, lab, stats, _ = cv2.connectedComponentsWithStats(m.astype(np.uint8))
            self.assertGreaterEqual(n - 1, 1)


if __name__ == "__main__":
    unittest.main()

"""The batches the v2 trainer makes on the GPU, checked on the CPU: shapes and ranges, masks of
0/1, grey stays grey, and the augmentation is the identity when every change is switched off."""

import numpy as np
import torch

from gsinpaint import gpu_data


def _pools(grey_only=False, n_masks=2, size=64):
    rng = np.random.default_rng(1)
    imgs = [rng.random((80, 96)).astype(np.float32) for _ in range(3)]
    kinds = ["grey"] * 3
    if not grey_only:
        imgs += [rng.random((70, 90, 3)).astype(np.float32) for _ in range(3)]
        kinds += ["photo"] * 3
    atlas = gpu_data.ImageAtlas(imgs, kinds, 96, "cpu")
    packed, kidx, mkinds = gpu_data.draw_masks(n_masks, size, 5, workers=1)
    masks = gpu_data.MaskPool(packed, kidx, mkinds, size, "cpu")
    return atlas, masks


def test_batches_have_the_tile_shape_and_range():
    atlas, masks = _pools()
    batches = gpu_data.GpuBatches(atlas, masks, 64, seed=3,
                                  kind_weights={"grey": 0.5, "photo": 0.5})
    x, m, kinds = batches.next(8)
    assert x.shape == (8, 3, 64, 64) and m.shape == (8, 1, 64, 64) and kinds.shape == (8,)
    assert float(x.min()) >= 0 and float(x.max()) <= 1
    assert set(torch.unique(m).tolist()) <= {0.0, 1.0}
    assert float(m.sum()) > 0


def test_grey_sources_give_grey_crops():
    atlas, masks = _pools(grey_only=True)
    batches = gpu_data.GpuBatches(atlas, masks, 64, seed=4, kind_weights={"grey": 1.0})
    for _ in range(3):
        x, _, _ = batches.next(8)
        assert torch.equal(x[:, 0], x[:, 1]) and torch.equal(x[:, 0], x[:, 2])


def test_augment_with_every_change_off_is_the_identity_and_code_4_transposes():
    g = torch.Generator().manual_seed(2)
    x = torch.rand(2, 3, 16, 16, generator=g)
    off = torch.tensor([[0.9, 0, 0.9, 0, 0, 0.9, 0.9, 0]] * 2)
    args = dict(lo=torch.zeros(2), hi=torch.ones(2), robust=torch.tensor([False, False]), u=off,
                perm_key=torch.rand(2, 3, generator=g), noise=torch.randn(2, 3, 16, 16))
    same = gpu_data.augment(x, torch.tensor([0, 0]), **args)
    assert torch.equal(same, x)
    turned = gpu_data.augment(x, torch.tensor([4, 0]), **args)
    assert torch.equal(turned[0], x[0].transpose(-1, -2)) and torch.equal(turned[1], x[1])


def _grid_sample_crops(atlas, idx, u, size):
    """The crops as ``grid_sample`` takes them: each image on its own (border padding at the
    image's edge), an affine grid at twice the tile size, then a 2 x 2 mean."""
    import torch.nn.functional as F
    out = []
    for b in range(idx.shape[0]):
        h, w = (int(v) for v in atlas.sizes[idx[b]])
        img = atlas.pixels[idx[b], :, :h, :w].float()[None]
        side = size * torch.exp(torch.log(torch.tensor(0.5)) + u[b, 0] * torch.log(torch.tensor(4.0)))
        side = torch.clamp(torch.minimum(side, torch.tensor(float(min(h, w)))), min=16.0)
        y0, x0 = u[b, 1] * (h - side), u[b, 2] * (w - side)
        theta = torch.tensor([[[float(side / w), 0.0, float((2 * x0 + side) / w - 1)],
                               [0.0, float(side / h), float((2 * y0 + side) / h - 1)]]])
        grid = F.affine_grid(theta, (1, 3, 2 * size, 2 * size), align_corners=False)
        s = F.grid_sample(img, grid, mode="bilinear", padding_mode="border", align_corners=False)
        out.append(F.avg_pool2d(s, 2))
    return torch.cat(out)


def test_crops_equal_grid_sample_of_each_image_alone():
    atlas, _ = _pools()
    g = torch.Generator().manual_seed(7)
    idx = torch.tensor([0, 1, 2, 3, 4, 5, 0, 4])
    u = torch.rand((8, 3), generator=g)
    u[0] = torch.tensor([1.0, 1.0, 1.0])  # largest crop, at the far corner: the border clamps
    u[1] = torch.tensor([0.0, 0.0, 0.0])  # smallest, at the origin
    got = gpu_data.sample_crops(atlas.pixels, idx, atlas.sizes[idx], u, 32)
    want = _grid_sample_crops(atlas, idx, u, 32)
    assert got.shape == (8, 3, 32, 32)
    assert float((got - want).abs().max()) < 1e-5

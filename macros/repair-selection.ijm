// Repair the selected pixels of the active image with 2D Gaussian Splatting inpainting.
// Select the damage first (any selection: rectangle, oval, freehand, wide line, composite).
// The result opens as a new image "<title>-inpainted"; the original is not changed.
// Keys: method=2dgs|harmonic|biharmonic  dilation=<pixels> shape=disk|square
//       planes=[current plane]|[current channel]|[all planes]  device=auto|cpu|gpu
//       tile_size=<pixels, 0 = default>  model=<model folder, empty = bundled>  outline

if (nImages == 0) exit("Open an image and select the damaged pixels first.");
if (selectionType() == -1) exit("Select the damaged pixels first.");
run("2DGS Inpainting...", "method=2dgs mask_source=selection dilation=0 shape=disk planes=[current plane] device=auto tile_size=0 outline");

// Repair the selected pixels of the active image with 2D Gaussian Splatting inpainting.
// Select the damage first (any selection: rectangle, oval, freehand, wide line, composite).
// The result opens beside the original as "<title>-inpainted"; the original is not changed.
// On a composite (e.g. a 48-bit RGB TIFF) every channel of the shown position is repaired.
// Keys: method=2dgs|harmonic|biharmonic  dilation=<pixels> shape=disk|square
//       planes=[current position]|[current plane]|[current channel]|[all planes]
//       device=auto|cpu|gpu  tile_size=<pixels, 0 = default>  model=<folder, empty = bundled>
//       outline (outlines the filled pixels in an overlay; PNG/JPEG export burns it in)

if (nImages == 0) exit("Open an image and select the damaged pixels first.");
if (selectionType() == -1) exit("Select the damaged pixels first.");
id = getImageID();
run("2DGS Inpainting...", "method=2dgs mask_source=selection dilation=0");
// An error goes to the Log and the macro goes on: no new image then.
if (getImageID() == id) exit("Nothing was repaired: see the Log for the reason.");

// Remove a burned-in scale bar (and its label) from the active image into a new image.
// Draw a rectangle around the bar and its text, then run this macro. Inside the rectangle, the
// pixels much brighter than the rectangle's background (its median) are the bar and the text;
// the threshold sits a quarter of the way from the background to the bar, so the anti-aliased
// rim of the letters counts too, and the mask is then grown by 2 pixels (within the rectangle)
// to leave no fringe. Only those pixels are repaired; the rest of the image, the outside of the
// rectangle included, is copied unchanged. Bright structure inside the rectangle counts as bar
// too: draw the rectangle tightly.
// Built from ImageJ commands (no per-pixel macro loop): well under 2 s on any image size.

dark = false;      // true for a black bar and label on a bright image
method = "2dgs";   // or harmonic, biharmonic; runMacro(path, "harmonic") chooses too
grow = 2;          // pixels added around the bar and letters

if (getArgument() != "") method = getArgument();
if (nImages == 0) exit("Open an image first.");
if (selectionType() != 0) exit("Draw a rectangle around the scale bar and its label first.");
id = getImageID();
getSelectionBounds(x0, y0, w, h);
// Leaving batch mode closes every image made in it that is not shown: a caller macro in batch
// mode (runMacro from a batch script) would lose its own images. So this macro leaves batch mode
// at the end only if it entered it here.
enteredBatchMode = !is("Batch Mode");
if (enteredBatchMode) setBatchMode(true);
run("Duplicate...", "title=scale-bar-probe"); // the rectangle of the shown plane only
probe = getImageID();
if (bitDepth() == 24) run("8-bit");
getRawStatistics(n, mean, min, max);
List.setMeasurements;
background = List.getValue("Median");
if (dark) { lower = min; upper = background - 0.25 * (background - min); }
else { lower = background + 0.25 * (max - background); upper = max; }
if (upper <= lower) { close(); if (enteredBatchMode) setBatchMode(false); exit("The rectangle holds no bar: it has one grey level."); }
setThreshold(lower, upper);
run("Create Selection");
if (selectionType() == -1) { close(); if (enteredBatchMode) setBatchMode(false); exit("No bar found inside the rectangle."); }
// The probe becomes the mask: 255 on the bar and letters, 0 elsewhere. (Restore Selection on a
// new image gave back the user's rectangle in batch mode, not this selection, so the whole
// rectangle was filled.) Grown on the probe, of the rectangle's size, so the growth stops at the
// rectangle's sides.
run("Set...", "value=255");
run("Make Inverse");
run("Set...", "value=0");
run("Select None");
if (grow > 0) run("Maximum...", "radius=" + grow);
setThreshold(255, 255);
run("Create Selection");
getSelectionBounds(bx, by, bw, bh);
close();
selectImage(id);
run("Restore Selection");
Roi.move(x0 + bx, y0 + by);
run("2DGS Inpainting...", "method=" + method + " mask_source=selection dilation=0");
result = getImageID();
selectImage(id);
makeRectangle(x0, y0, w, h); // give the user their rectangle back
selectImage(result);
if (enteredBatchMode) setBatchMode(false); // shows the result; a batch caller shows it itself

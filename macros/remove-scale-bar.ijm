// Remove a burned-in scale bar (and its label) from the active image.
// Draw a rectangle around the bar and its text, then run this macro. Pixels inside the rectangle
// that have the bar's colour (the brightest value inside it; set barValue to force one) become
// the mask, grown by 2 pixels to take the anti-aliased rim; only those pixels are repaired.

barValue = -1; // -1: use the brightest value inside the rectangle (white bar); else e.g. 0

if (nImages == 0) exit("Open an image first.");
if (selectionType() == -1) exit("Draw a rectangle around the scale bar first.");
id = getImageID();
title = getTitle();
rgb = bitDepth() == 24;
getSelectionBounds(x0, y0, w, h);
if (barValue < 0) {
	if (rgb) {
		barValue = 0;
		for (y = y0; y < y0 + h; y++)
			for (x = x0; x < x0 + w; x++) {
				v = getPixel(x, y);
				grey = minOf(minOf((v >> 16) & 0xff, (v >> 8) & 0xff), v & 0xff);
				barValue = maxOf(barValue, grey);
			}
	} else {
		getRawStatistics(n, mean, min, max);
		barValue = max;
	}
}
newImage("scale-bar-mask", "8-bit black", getWidth(), getHeight(), 1);
maskId = getImageID();
n = 0;
for (y = y0; y < y0 + h; y++) {
	for (x = x0; x < x0 + w; x++) {
		selectImage(id);
		if (!selectionContains(x, y)) continue;
		v = getPixel(x, y);
		if (rgb) hit = ((v >> 16) & 0xff) == barValue && ((v >> 8) & 0xff) == barValue && (v & 0xff) == barValue;
		else hit = v == barValue;
		if (hit) { selectImage(maskId); setPixel(x, y, 255); n++; }
	}
}
if (n == 0) exit("No pixel of value " + barValue + " inside the rectangle.");
selectImage(id);
run("2DGS Inpainting...", "method=2dgs mask_source=[mask image] mask_image=scale-bar-mask dilation=2 shape=disk planes=[current plane] device=auto tile_size=0 outline");
result = getImageID();
selectImage(maskId); close();
if (result != id && result != maskId) selectImage(result);

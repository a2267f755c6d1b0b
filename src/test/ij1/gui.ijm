// GUI integration test of the ImageJ 1.x plugin, run by src/test/ij1/run.sh in a real ImageJ
// window under Xvfb (not batch mode: images and the dialog are shown):
//   xvfb-run -a java -Dplugins.dir=<dir> -jar ij.jar -macro gui.ijm "<samples>|<out>|<macros>|<method>"
// Drives the real dialog (DialogDriver ticks Preview, takes screenshots, presses OK), then checks
// what a Fiji user relies on by default. PASS/FAIL lines go to <out>/gui-report.txt.

args = split(getArgument(), "|");
samples = args[0]; out = args[1]; macros = args[2]; method = args[3];
report = out + "/gui-report.txt";

function check(ok, what) {
	if (ok) File.append("PASS " + what, report);
	else File.append("FAIL " + what, report);
}

// Counts the pixels that differ between two one-plane images (RGB: in any channel).
function differences(a, b) {
	imageCalculator("Difference create", a, b);
	if (bitDepth() == 24) { // the largest difference of the three channels
		d = getImageID();
		run("RGB Stack");
		run("Z Project...", "projection=[Max Intensity]");
		selectImage(d); close();
	}
	setThreshold(1, 1e30);
	run("Create Selection");
	n = 0;
	if (selectionType() != -1) getRawStatistics(n);
	close();
	return n;
}

// 1. The real dialog, with a preview, from the menu command; the result beside the original.
open(samples + "/face-mask.png");
maskId = getImageID();
setThreshold(1, 255);
run("Create Selection");
roiManager("reset");
roiManager("add");
close();
open(samples + "/face.png");
id = getImageID();
roiManager("select", 0);
setForegroundColor(128, 128, 128);
run("Fill", "slice"); // the damage to repair: grey scratches, visible in the screenshots
call("DialogDriver.start", out, report);
n0 = nImages;
run("2DGS Inpainting..."); // no options: the dialog opens; the driver presses OK
wait(300);
ok = nImages == n0 + 1;
check(ok, "gui: OK in the dialog gives one new image");
r = getImageID();
ok = matches(getTitle(), "face-inpainted");
check(ok, "gui: result title " + getTitle());
getLocationAndSize(rx, ry, rw, rh);
selectImage(id);
getLocationAndSize(sx, sy, sw, sh);
ok = rx != sx || ry != sy;
check(ok, "gui: the result is not placed exactly over the source (" + rx + "," + ry + " vs " + sx + "," + sy + ")");
ok = Overlay.size == 0;
check(ok, "gui: no preview left on the source's overlay");
call("DialogDriver.captureImages", out + "/before-after.png");

// 2. A second run gives a new, unique title.
selectImage(id);
run("2DGS Inpainting...", "method=harmonic mask_source=selection");
ok = matches(getTitle(), "face-inpainted-1");
check(ok, "gui: second result has a unique title (" + getTitle() + ")");
r2 = getImageID();

// 3. The default result saved as PNG carries no overlay pixels: outside the mask it equals the input.
saveAs("PNG", out + "/face-default.png");
open(out + "/face-default.png");
png = getImageID();
selectImage(id); run("Select None");
run("Duplicate...", "title=outside-in");
roiManager("select", 0); setForegroundColor(0, 0, 0); run("Fill", "slice"); run("Select None");
inOutside = getImageID();
selectImage(png);
run("Duplicate...", "title=outside-out");
roiManager("select", 0); run("Fill", "slice"); run("Select None");
outOutside = getImageID();
d = differences(inOutside, outOutside);
ok = d == 0;
check(ok, "gui: saved PNG of the default result has no overlay or other pixels outside the mask (" + d + " differ)");
close("outside-*");
selectImage(png); close();
selectImage(r2); close();
selectImage(r); close();

// 4. A 3-channel composite (a 48-bit RGB TIFF opens so): all channels repaired by default.
newImage("rgb48", "16-bit ramp", 64, 48, 3, 1, 1);
run("Make Composite", "display=Composite");
cid = getImageID();
for (c = 1; c <= 3; c++) { Stack.setChannel(c); setPixel(30, 20, 60000); setPixel(31, 20, 60000); }
Stack.setChannel(2);
makeRectangle(28, 18, 6, 5);
run("2DGS Inpainting...", "method=harmonic mask_source=selection");
res = getImageID();
fixed = 0;
for (c = 1; c <= 3; c++) { Stack.setChannel(c); if (getPixel(30, 20) < 50000) fixed++; }
ok = fixed == 3;
check(ok, "gui: composite repaired in all 3 channels by default (" + fixed + ")");
close(); selectImage(cid); close();

// 5. In an interactive (non-batch) macro an error does not abort the macro: it goes to the Log.
newImage("no-selection", "8-bit ramp", 64, 64, 1);
n0 = nImages;
run("2DGS Inpainting...", "method=harmonic mask_source=selection");
ok = nImages == n0;
check(ok, "gui: a failing run gives no image and the macro goes on");
ok = indexOf(getInfo("log"), "There is no selection") >= 0;
check(ok, "gui: the reason is in the Log");
close();

// 6. ROI Manager as mask source, saturation level for a 12-bit camera.
newImage("cells", "16-bit ramp", 80, 60, 1);
setPixel(10, 10, 4095); setPixel(50, 40, 4095);
n0 = nImages;
run("2DGS Inpainting...", "method=harmonic mask_source=saturated saturation_level=4095");
ok = nImages == n0 + 1;
if (ok) ok = getPixel(10, 10) < 4095 && getPixel(50, 40) < 4095;
check(ok, "gui: saturation_level=4095 repairs a 12-bit camera's saturated pixels");
if (nImages == n0 + 1) close();
roiManager("reset");
makeRectangle(5, 5, 4, 4); roiManager("add");
makeRectangle(60, 30, 5, 5); roiManager("add");
run("Select None");
run("2DGS Inpainting...", "method=harmonic mask_source=[ROI Manager]");
ok = nImages == n0 + 1 && endsWith(getTitle(), "-inpainted");
check(ok, "gui: the ROI Manager's ROIs as mask source");
if (nImages == n0 + 1) close();
close("cells");
roiManager("reset");

// 7. The scale-bar macro: under 2 s with the shipped method (the model is loaded by now, as after a
// user's first run in a session), and the label's anti-aliased fringe gone.
newImage("micrograph", "8-bit black", 400, 300, 1);
run("Set...", "value=60");
run("Add Specified Noise...", "standard=6");
setColor(255); fillRect(300, 270, 80, 6);
setFont("SansSerif", 16, "antialiased"); setColor(255); drawString("50 um", 315, 266);
orig = getImageID();
makeRectangle(292, 244, 100, 40);
t0 = getTime();
runMacro(macros + "/remove-scale-bar.ijm", method);
ms = getTime() - t0;
ok = ms < 2000;
check(ok, "gui: remove-scale-bar.ijm runs in under 2 s (" + ms + " ms)");
ok = getImageID() != orig;
check(ok, "gui: remove-scale-bar.ijm gives a new image");
if (ok) {
	makeRectangle(292, 244, 100, 40);
	getRawStatistics(n, mean, min, max);
	run("Select None");
	// the background is 60 plus noise: a leftover white or grey fringe of the label would stand
	// out above the noise of an untouched rectangle just above
	makeRectangle(292, 200, 100, 40);
	getRawStatistics(n2, mean2, min2, max2);
	ok = max < max2 + 25;
	check(ok, "gui: no bright fringe left where the label was (max " + max + " vs " + max2 + " above it)");
	// only the bar and the letters, grown by 2 px, are repaired: the noisy background between
	// them stays (the macro once filled the whole rectangle: 3,790 of its 4,000 pixels changed)
	result = getImageID();
	imageCalculator("Difference create", orig, result);
	makeRectangle(292, 244, 100, 40);
	getHistogram(values, counts, 256);
	changed = 4000 - counts[0];
	close();
	selectImage(result);
	ok = changed > 500 && changed < 2000;
	check(ok, "gui: remove-scale-bar.ijm repairs the bar and letters, not the rectangle (" + changed + " of 4000 changed)");
}
// A rectangle that cuts through the bar and the label: the mask grown by 2 pixels stops at its
// sides, so nothing outside it changes.
selectImage(orig);
makeRectangle(302, 252, 76, 22);
runMacro(macros + "/remove-scale-bar.ijm", method);
fixed = getImageID();
outside = -1;
if (fixed != orig) {
	imageCalculator("Difference create", orig, fixed);
	makeRectangle(302, 252, 76, 22);
	run("Set...", "value=0"); // the changes inside the rectangle are wanted
	run("Select None");
	setThreshold(1, 255);
	run("Create Selection");
	outside = 0;
	if (selectionType() != -1) getRawStatistics(outside);
	close();
}
ok = fixed != orig && outside == 0; // (a comparison as a function argument stops ImageJ's macro parser)
check(ok, "gui: remove-scale-bar.ijm changes nothing outside the rectangle (" + outside + " changed)");
close("*");

// 8. Damage found automatically: planted hot and dead pixels, then a dead row; exactly those repaired.
newImage("sensor", "16-bit black", 120, 90, 1);
run("Set...", "value=1000");
run("Add Specified Noise...", "standard=10");
setPixel(30, 30, 65535); setPixel(80, 60, 0);
sensor = getImageID();
run("2DGS Inpainting...", "method=harmonic mask_source=[outlier pixels]");
fixedId = getImageID();
d = differences(sensor, fixedId);
ok = fixedId != sensor && d == 2 && getPixel(30, 30) < 1100 && getPixel(80, 60) > 900;
check(ok, "gui: mask_source=[outlier pixels] repairs the hot and the dead pixel and nothing else (" + d + " changed)");
if (fixedId != sensor) close();
selectImage(sensor);
for (x = 0; x < 120; x++) setPixel(x, 45, 0);
setPixel(30, 30, 1000); setPixel(80, 60, 1000);
run("2DGS Inpainting...", "method=harmonic mask_source=[bad rows and columns]");
fixedId = getImageID();
d = differences(sensor, fixedId);
ok = fixedId != sensor && d == 120;
check(ok, "gui: mask_source=[bad rows and columns] repairs the dead row and nothing else (" + d + " changed)");
close("*");

File.append("done", report);
call("DialogDriver.exit", "0");

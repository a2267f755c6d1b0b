// Integration test of the ImageJ 1.x entry point, run by src/test/ij1/run.sh in batch mode:
//   xvfb-run -a java -Dplugins.dir=<dir> -jar ij.jar -batch integration.ijm "<samples>|<out>|<methods>"
// For every case: open an image, make a selection (or use another mask source), run the command
// by its label, save the result, then check it: same size and type, only masked pixels changed,
// masked pixels did change, the input image untouched. Writes one PASS/FAIL line per check to
// <out>/report.txt; run.sh fails unless every check passed and the expected files exist.

var report;

args = split(getArgument(), "|");
samples = args[0];
out = args[1];
methods = split(args[2], ",");
setBatchMode(true);
report = File.open(out + "/report.txt");

function check(ok, what) {
	if (ok) print(report, "PASS " + what);
	else print(report, "FAIL " + what);
}

// Compares result (id r) with input (id i) plane by plane inside the mask image (id m; 255 = hole).
// Returns "changedInside outsideDiffs".
function compare(i, r, m, slices) {
	changed = 0; outside = 0;
	for (s = 1; s <= slices; s++) {
		selectImage(m); if (nSlices > 1) setSlice(s);
		w = getWidth(); h = getHeight();
		for (y = 0; y < h; y++) {
			for (x = 0; x < w; x++) {
				selectImage(m); hole = getPixel(x, y) > 0;
				selectImage(i); setSlice(s); a = getPixel(x, y);
				selectImage(r); setSlice(s); b = getPixel(x, y);
				same = (a == b) || (isNaN(a) && isNaN(b));
				if (hole && !same) changed++;
				if (!hole && !same) outside++;
			}
		}
	}
	return "" + changed + " " + outside;
}

function fingerprint(id) {
	selectImage(id);
	sum = 0;
	for (s = 1; s <= nSlices; s++) {
		setSlice(s);
		getRawStatistics(n, mean);
		sum += mean * (s + 1);
	}
	return sum;
}

// Runs one case. setup() has made the selection on image `id`; maskId holds the expected holes.
function runCase(name, id, maskId, options, slices) {
	selectImage(id);
	title = getTitle();
	before = fingerprint(id);
	selectImage(id);
	n0 = nImages;
	t0 = getTime();
	run("2DGS Inpainting...", options);
	ms = getTime() - t0;
	made = nImages == n0 + 1;
	check(made, name + ": one new image (" + ms + " ms)");
	if (!made) return;
	r = getImageID();
	ok = endsWith(getTitle(), "-inpainted");
	check(ok, name + ": title " + getTitle());
	info = getMetadata("Info");
	ok = indexOf(info, "Inpainting: method=") >= 0;
	check(ok, name + ": method in the info");
	saveAs("Tiff", out + "/" + name + ".tif");
	close();
	open(out + "/" + name + ".tif");
	r = getImageID();
	selectImage(id); w = getWidth(); h = getHeight(); bd = bitDepth(); ns = nSlices;
	selectImage(r);
	ok = getWidth() == w && getHeight() == h && bitDepth() == bd && nSlices == ns;
	check(ok, name + ": saved result has the input's size and type");
	res = split(compare(id, r, maskId, slices), " ");
	ok = parseInt(res[1]) == 0;
	check(ok, name + ": no pixel outside the mask changed (" + res[1] + ")");
	ok = parseInt(res[0]) > 0;
	check(ok, name + ": masked pixels were filled (" + res[0] + ")");
	ok = fingerprint(id) == before;
	check(ok, name + ": input untouched");
	selectImage(r); close();
}

// Expected-hole image from the current selection of `id`.
function maskFromSelection(id) {
	selectImage(id);
	run("Create Mask");
	rename("expected-" + id);
	return getImageID();
}

for (k = 0; k < methods.length; k++) {
	method = methods[k];

	// 1. RGB photo, oval selection
	open(samples + "/face.png");
	id = getImageID();
	makeOval(200, 120, 40, 30);
	m = maskFromSelection(id);
	selectImage(id); makeOval(200, 120, 40, 30);
	runCase(method + "-rgb-oval", id, m, "method=" + method + " mask_source=selection planes=[current plane] device=cpu tile_size=0 outline", 1);
	selectImage(m); close(); selectImage(id); close();

	// 2. 16-bit, wide line selection
	open(samples + "/face-16bit.png");
	id = getImageID();
	makeLine(100, 300, 300, 280);
	Roi.setStrokeWidth(6);
	run("Line to Area");
	m = maskFromSelection(id);
	selectImage(id); makeLine(100, 300, 300, 280); Roi.setStrokeWidth(6);
	runCase(method + "-16bit-line", id, m, "method=" + method + " mask_source=selection device=cpu", 1);
	selectImage(m); close(); selectImage(id); close();
}

// 3. 32-bit stack with NaN holes that differ per plane (classical method: quick)
newImage("nan-stack", "32-bit ramp", 96, 64, 3);
id = getImageID();
newImage("expected-nan", "8-bit black", 96, 64, 3);
m = getImageID();
for (s = 1; s <= 3; s++) {
	selectImage(id); setSlice(s);
	selectImage(m); setSlice(s);
	for (y = 10 * s; y < 10 * s + 4; y++) {
		for (x = 20 * s; x < 20 * s + 5; x++) {
			selectImage(id); setPixel(x, y, NaN);
			selectImage(m); setPixel(x, y, 255);
		}
	}
}
selectImage(id); setSlice(1);
runCase("harmonic-nan-stack", id, m, "method=harmonic mask_source=[NaN pixels] planes=[all planes] device=cpu", 3);
selectImage(m); close(); selectImage(id); close();

// 4. Bad input: no selection. Expect no new image (the message goes to stderr / the Log).
newImage("no-selection", "8-bit ramp", 64, 64, 1);
n0 = nImages;
run("2DGS Inpainting...", "method=harmonic mask_source=selection");
ok = nImages == n0;
check(ok, "no selection: no output image");
close("*");

File.close(report);
File.saveString("done", out + "/done.txt");

// Batch repair: every image of a folder with its mask from a mask folder (non-zero mask pixels are
// repaired), saved as <name>-inpainted.tif into an output folder.
//
// Masks are matched by name without extension: images/cell-01.tif takes masks/cell-01.png (or
// .tif, ...). Files that are not images (notes, .DS_Store, sub-folders) are ignored; an image
// without a mask, or one that fails (e.g. a mask of another size), is named in the Log with the
// reason, and the others go on. The 2dgs model is loaded once and reused for every image.
//
// From the menu it asks for the three folders. Without a display (a server, a cluster node):
//   ImageJ -batch batch-repair-folder.ijm "/images/|/masks/|/output/"
//   (Fiji: ImageJ-linux64 --headless -batch batch-repair-folder.ijm "/images/|/masks/|/output/")
//   a fourth part replaces the options: "/images/|/masks/|/output/|method=harmonic dilation=1"
// The repair goes through call(...) rather than run("2DGS Inpainting..."), because run() needs
// ImageJ's menus and so a display; the options below are the command's own macro keys. Without an
// ImageJ window the process ends with exit status 1 if any image failed or had no mask.

options = "method=2dgs dilation=0 planes=[all planes]"; // any keys of 2DGS Inpainting...
var extensions = newArray(".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".dcm", ".fits", ".pgm");

args = getArgument();
if (args != "") {
	parts = split(args, "|");
	if (parts.length < 3) exit("Give three folders: \"images/|masks/|output/\" (got \"" + args + "\").");
	input = parts[0]; masks = parts[1]; output = parts[2];
	if (parts.length > 3) options = parts[3]; // e.g. "method=harmonic dilation=1"
} else {
	input = getDirectory("Folder of images to repair");
	masks = getDirectory("Folder of masks (same names, any image extension)");
	output = getDirectory("Output folder");
}
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(masks, File.separator)) masks = masks + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
if (!File.isDirectory(input)) exit("The image folder " + input + " does not exist.");
if (!File.isDirectory(masks)) exit("The mask folder " + masks + " does not exist.");
if (!File.isDirectory(output)) File.makeDirectory(output);

// The file name without its extension, or "" when it is not an image file we know.
function imageStem(name) {
	if (startsWith(name, ".") || endsWith(name, "/")) return "";
	lower = toLowerCase(name);
	for (e = 0; e < extensions.length; e++)
		if (endsWith(lower, extensions[e])) return substring(name, 0, lengthOf(name) - lengthOf(extensions[e]));
	return "";
}

maskFiles = getFileList(masks);
files = getFileList(input);
done = 0; failed = 0; missing = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	stem = imageStem(name);
	if (stem == "") continue; // not an image: ignored
	// An output folder that is the image folder holds this macro's own outputs from an earlier
	// run: they are results, not images to repair.
	if (output == input && endsWith(name, "-inpainted.tif")) continue;
	mask = "";
	for (j = 0; j < maskFiles.length; j++) {
		maskStem = imageStem(maskFiles[j]); // (a function's result cannot be compared directly)
		if (maskStem == stem) mask = masks + maskFiles[j];
	}
	if (mask == "") { print(name + ": no mask named " + stem + ".* in " + masks + " (skipped)"); missing++; continue; }
	showProgress(i, files.length);
	showStatus("Batch repair: " + name);
	error = call("io.github.gsinpaint.plugin.MacroCalls.repairFile", input + name, mask, output + stem + "-inpainted.tif", options);
	if (error == "") done++;
	else { print("Could not repair " + error); failed++; }
}
print("Batch repair: " + done + " repaired, " + failed + " failed, " + missing + " without a mask.");
if (failed + missing > 0) call("io.github.gsinpaint.plugin.MacroCalls.exitIfBatch", "1");

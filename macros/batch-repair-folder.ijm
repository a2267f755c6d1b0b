// Batch repair: every image of a folder with the mask of the same name from a mask folder
// (non-zero mask pixels are repaired), saved as TIFF into an output folder. The model is
// loaded once per ImageJ session and reused. Run from the GUI (it asks for the folders) or:
//   ImageJ -batch batch-repair-folder.ijm "/images/|/masks/|/output/"
// A failing image (e.g. mask of another size) is reported in the Log and the others go on.

method = "2dgs"; // or harmonic, biharmonic
dilation = 0;

args = getArgument();
if (args != "") {
	parts = split(args, "|");
	input = parts[0]; masks = parts[1]; output = parts[2];
} else {
	input = getDirectory("Folder of images to repair");
	masks = getDirectory("Folder of masks (same file names)");
	output = getDirectory("Output folder");
}
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(masks, File.separator)) masks = masks + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;

setBatchMode(true);
files = getFileList(input);
done = 0; failed = 0;
for (i = 0; i < files.length; i++) {
	name = files[i];
	if (endsWith(name, "/")) continue;
	if (!File.exists(masks + name)) { print("No mask for " + name + ": skipped"); failed++; continue; }
	open(input + name);
	id = getImageID();
	open(masks + name);
	maskTitle = "mask-" + i;
	rename(maskTitle);
	maskId = getImageID();
	selectImage(id);
	run("2DGS Inpainting...", "method=" + method + " mask_source=[mask image] mask_image=" + maskTitle + " dilation=" + dilation + " shape=disk planes=[all planes] device=auto tile_size=0");
	if (getImageID() != id && getImageID() != maskId) {
		dot = lastIndexOf(name, ".");
		stem = name; if (dot > 0) stem = substring(name, 0, dot);
		saveAs("Tiff", output + stem + "-inpainted.tif");
		close();
		done++;
	} else {
		print("Could not repair " + name + " (see the message above)");
		failed++;
	}
	selectImage(maskId); close();
	selectImage(id); close();
}
print("Batch repair: " + done + " repaired, " + failed + " failed or skipped.");

// Batch repair: every image of a folder with its mask from a mask folder (non-zero mask pixels are
// repaired), saved as <name>-inpainted.tif into an output folder.
//
// Masks are matched by name without extension: images/cell-01.tif takes masks/cell-01.png (or
// .tif, ...). Files that are not images (notes, .DS_Store, sub-folders) are ignored; an image
// without a mask, or one that fails (e.g. a mask of another size), is named in the Log with the
// reason, and the others go on. Two images with the same name before the extension (cell-01.png
// and cell-01.tif) would write the same cell-01-inpainted.tif: the first is repaired, the other is
// named in the Log and skipped, never written over the first. The output folder is made if it is
// missing, with any missing folders above it. The 2dgs model is loaded once and reused for every
// image.
//
// From the menu it asks for the three folders. Without a display (a server, a cluster node):
//   java -Djava.awt.headless=true -Dplugins.dir=/path/to/ImageJ -jar ij.jar \
//       -batch batch-repair-folder.ijm "/images/|/masks/|/output/"
//   (ImageJ 1.x loads no plugins under -batch without -Dplugins.dir, and call(...) then fails)
//   (Fiji: ImageJ-linux64 --headless -batch batch-repair-folder.ijm "/images/|/masks/|/output/")
//   a fourth part gives options; each key it names replaces that key's default below, the other
//   defaults stay (so every plane of a stack is still repaired):
//   "/images/|/masks/|/output/|method=harmonic dilation=1"
//   "/images/|/masks/|/output/|planes=[current plane]" repairs only the first plane of a stack.
// The repair goes through call(...) rather than run("2DGS Inpainting..."), because run() needs
// ImageJ's menus and so a display; the options are the command's own macro keys. Without an
// ImageJ window the process ends with exit status 1 if any image failed, had no mask or was
// skipped, or if the folders are wrong.

// The defaults, one key each (any keys of 2DGS Inpainting... can be given). planes=[all planes]
// differs from the command's own default ([current position], the shown plane of a plain stack):
// a batch has no shown plane, and a stack in a folder is meant to be repaired whole.
defaults = newArray("method=2dgs", "dilation=0", "planes=[all planes]");
var extensions = newArray(".tif", ".tiff", ".png", ".jpg", ".jpeg", ".bmp", ".gif", ".dcm", ".fits", ".pgm");

// Stops the whole run with one line, before any image is read: a dialog with an ImageJ window;
// without one (ImageJ -batch) the line is printed and the process ends with exit status 1, so a
// script sees that nothing was repaired (ImageJ's own exit() would end with status 0).
function stop(message) {
	print(message);
	call("io.github.gsinpaint.plugin.MacroCalls.exitIfBatch", "1");
	exit(message);
}

// The user's options with the defaults of the keys they do not give. Replacing all the defaults
// by the user's options lost planes=[all planes], so "method=harmonic dilation=1" repaired the
// first plane of a stack only. A key counts as given the way ImageJ reads options (Macro.getValue):
// "key=" at the start or after a character that is not a letter.
function withDefaults(given, defaults) {
	all = given;
	for (k = 0; k < defaults.length; k++) {
		key = substring(defaults[k], 0, indexOf(defaults[k], "=") + 1);
		named = matches(" " + given, "(?s).*[^A-Za-z]" + key + ".*");
		if (!named) all = all + " " + defaults[k];
	}
	while (startsWith(all, " ")) all = substring(all, 1);
	return all;
}

// Makes a folder with every missing folder above it. File.makeDirectory makes one level only, so
// out/a/b with no out/a made nothing, and then every image failed to be written. The missing
// levels are made top down, each checked; one that cannot be made stops the run with one line.
function makeFolders(folder) {
	levels = newArray(0); // the missing ones, top first
	level = folder;
	// File.getParent answers "null" above the first level of a relative path or above a root
	while (level != "" && level != "null" && !File.isDirectory(level)) {
		levels = Array.concat(level, levels);
		level = File.getParent(level);
	}
	for (k = 0; k < levels.length; k++) {
		File.makeDirectory(levels[k]);
		if (!File.isDirectory(levels[k])) {
			if (File.exists(levels[k])) why = "a file of that name is in the way";
			else why = "check the path and that you may write there";
			stop("Cannot create the output folder " + levels[k] + " (" + why + ").");
		}
	}
}

args = getArgument();
options = "";
if (args != "") {
	parts = split(args, "|");
	if (parts.length < 3) stop("Give three folders: \"images/|masks/|output/\" (got \"" + args + "\").");
	input = parts[0]; masks = parts[1]; output = parts[2];
	if (parts.length > 3) options = parts[3]; // e.g. "method=harmonic dilation=1"
} else {
	input = getDirectory("Folder of images to repair");
	masks = getDirectory("Folder of masks (same names, any image extension)");
	output = getDirectory("Output folder");
}
options = withDefaults(options, defaults);
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(masks, File.separator)) masks = masks + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
if (!File.isDirectory(input)) stop("The image folder " + input + " does not exist.");
if (!File.isDirectory(masks)) stop("The mask folder " + masks + " does not exist.");
makeFolders(output);

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
done = 0; failed = 0; missing = 0; skipped = 0;
// The output names taken so far in this run (lower case) and the images that took them: x1.png
// and x1.tif both give x1-inpainted.tif, and the second would silently replace the first. Case
// is ignored because on Windows and macOS X1-inpainted.tif and x1-inpainted.tif are one file.
taken = newArray(0); takenBy = newArray(0);
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
	outName = stem + "-inpainted.tif";
	key = toLowerCase(outName);
	first = "";
	for (t = 0; t < taken.length; t++)
		if (taken[t] == key) first = takenBy[t];
	if (first != "") {
		print(name + ": skipped: " + outName + " is the output of " + first + " (the same name before the extension); rename one of the two to repair both.");
		skipped++;
		continue;
	}
	taken = Array.concat(taken, key); takenBy = Array.concat(takenBy, name);
	showProgress(i, files.length);
	showStatus("Batch repair: " + name);
	error = call("io.github.gsinpaint.plugin.MacroCalls.repairFile", input + name, mask, output + outName, options);
	if (error == "") done++;
	else { print("Could not repair " + error); failed++; }
}
summary = "Batch repair: " + done + " repaired, " + failed + " failed, " + missing + " without a mask";
if (skipped > 0) summary = summary + ", " + skipped + " skipped (an output name taken twice)";
print(summary + ".");
if (failed + missing + skipped > 0) call("io.github.gsinpaint.plugin.MacroCalls.exitIfBatch", "1");

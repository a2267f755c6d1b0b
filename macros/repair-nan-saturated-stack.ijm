// Repair NaN pixels (32-bit) or saturated pixels (8/16-bit, RGB) in every plane of the active
// stack or hyperstack. Each plane is repaired where that plane is damaged; planes without damage
// are copied unchanged. A 1-pixel dilation also replaces the blooming rim around saturated spots.

saturationLevel = 0; // 0: the type's maximum (255, 65535); a 12-bit camera in 16-bit: 4095

if (nImages == 0) exit("Open a stack first.");
if (bitDepth() == 32) source = "[NaN pixels]";
else source = "saturated saturation_level=" + saturationLevel;
id = getImageID();
run("2DGS Inpainting...", "method=2dgs mask_source=" + source + " dilation=1 shape=disk planes=[all planes]");
// An error goes to the Log and the macro goes on: no new image then.
if (getImageID() == id) exit("Nothing was repaired: see the Log for the reason.");
print("Repaired " + source + " in " + getTitle());

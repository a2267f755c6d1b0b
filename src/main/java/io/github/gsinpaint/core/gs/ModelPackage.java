package io.github.gsinpaint.core.gs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.github.gsinpaint.core.BorderBand;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Prior;

/**
 * A model package folder: {@code model.json} (the descriptor), the TorchScript weights it names and
 * their sha256. Reading checks everything a user could get wrong (missing folder, truncated or
 * swapped weights, a model made for another rasterizer) before any native code runs.
 */
public final class ModelPackage {

	public static final String DESCRIPTOR = "model.json";

	private final Path folder;
	private final String name, version, weightsFile, sha256;
	private final int tileSize;
	private final BorderBand borderBand;
	private final Prior prior;
	private final boolean rendersCorrection;

	private ModelPackage(final Path folder, final String name, final String version,
		final String weightsFile, final String sha256, final int tileSize, final BorderBand borderBand,
		final Prior prior, final boolean rendersCorrection)
	{
		this.prior = prior;
		this.rendersCorrection = rendersCorrection;
		this.borderBand = borderBand;
		this.folder = folder;
		this.name = name;
		this.version = version;
		this.weightsFile = weightsFile;
		this.sha256 = sha256;
		this.tileSize = tileSize;
	}

	/** @param location the package folder, or its model.json */
	public static ModelPackage read(final Path location) {
		final Path folder = Files.isDirectory(location) ? location : location.getParent();
		final Path descriptor = folder == null ? location : folder.resolve(DESCRIPTOR);
		if (!Files.isRegularFile(descriptor)) throw new InpaintException("No model package at " +
			location + " (expected a folder with " + DESCRIPTOR + " and the TorchScript weights). " +
			"Reinstall the plugin, give the path of a model folder, or use a classical method.");
		final JsonObject json;
		try {
			json = JsonParser.parseString(new String(Files.readAllBytes(descriptor),
				StandardCharsets.UTF_8)).getAsJsonObject();
		}
		catch (final IOException | RuntimeException e) {
			throw new InpaintException("The model descriptor " + descriptor +
				" cannot be read or is not valid JSON (" + e.getMessage() + "). Reinstall the model.",
				e);
		}
		final JsonObject weights = object(json, "weights");
		final JsonObject ts = weights != null && weights.has("torchscript") ? object(weights,
			"torchscript") : weights;
		final String file = string(ts, "source", "model.pt");
		final String sha = string(ts, "sha256", null);
		final JsonObject tile = object(json, "tile");
		final int size = tile != null && tile.has("size") ? tile.get("size").getAsInt() : 256;
		checkRasterizer(object(json, "rasterizer"), descriptor);
		// Optional post-processing chosen on the development set (python/tune_hybrid.py).
		final JsonObject post = object(json, "postprocess");
		final double band = post != null && post.has("border_band") ? post.get("border_band")
			.getAsDouble() : 0;
		final double share = post != null && post.has("border_share") ? post.get("border_share")
			.getAsDouble() : 1;
		final ModelPackage p = new ModelPackage(folder, string(json, "name", "unnamed"), string(
			json, "version", "0"), file, sha, size, BorderBand.of(band, share), prior(json, descriptor), rendersCorrection(
				json, descriptor));
		p.verifyWeights();
		return p;
	}

	/**
	 * What the input's hole holds: "none" (zeros; v1 and descriptors without the key) or the
	 * whole-hole "harmonic" / "biharmonic" fill (v2).
	 */
	private static Prior prior(final JsonObject json, final Path descriptor) {
		final String p = string(json, "prior", "none");
		switch (p) {
			case "none":
				return Prior.NONE;
			case "harmonic":
				return Prior.HARMONIC;
			case "biharmonic":
				return Prior.BIHARMONIC;
			default:
				throw new InpaintException("The model " + descriptor + " wants the prior \"" + p +
					"\", which this plugin does not know. Update the plugin or use another model.");
		}
	}

	/** "image": the render is the fill (v1); "correction": it is added to the input image (v2). */
	private static boolean rendersCorrection(final JsonObject json, final Path descriptor) {
		final String r = string(json, "render", "image");
		if (r.equals("image")) return false;
		if (r.equals("correction")) return true;
		throw new InpaintException("The model " + descriptor + " renders \"" + r +
			"\", which this plugin does not know. Update the plugin or use another model.");
	}

	private static void checkRasterizer(final JsonObject r, final Path descriptor) {
		if (r == null) return;
		final int stride = r.has("stride") ? r.get("stride").getAsInt() : GaussianField.STRIDE;
		final int patch = r.has("patch") ? r.get("patch").getAsInt() : GaussianField.PATCH;
		final int ring = r.has("ring") ? r.get("ring").getAsInt() : GaussianField.RING;
		if (stride != GaussianField.STRIDE || patch != GaussianField.PATCH ||
			ring != GaussianField.RING) throw new InpaintException("The model " + descriptor +
				" was made for another rasterizer (stride " + stride + ", patch " + patch + ", ring " +
				ring + "); this plugin renders stride " + GaussianField.STRIDE + ", patch " +
				GaussianField.PATCH + ", ring " + GaussianField.RING + ". Update the plugin or the model.");
	}

	private void verifyWeights() {
		final Path w = weights();
		if (!Files.isRegularFile(w)) throw new InpaintException("The model weights " + w +
			" are missing. Reinstall the model package.");
		if (sha256 == null) return;
		final String actual = sha256(w);
		if (!actual.equalsIgnoreCase(sha256)) throw new InpaintException("The model weights " + w +
			" are damaged or do not belong to this descriptor (sha256 " + actual + ", expected " +
			sha256 + "). Reinstall the model package.");
	}

	static String sha256(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			final MessageDigest md = MessageDigest.getInstance("SHA-256");
			final byte[] buf = new byte[1 << 16];
			int n;
			while ((n = in.read(buf)) > 0)
				md.update(buf, 0, n);
			final StringBuilder sb = new StringBuilder();
			for (final byte b : md.digest())
				sb.append(String.format("%02x", b));
			return sb.toString();
		}
		catch (final IOException | NoSuchAlgorithmException e) {
			throw new InpaintException("Cannot read the model weights " + file + ": " + e
				.getMessage(), e);
		}
	}

	private static JsonObject object(final JsonObject o, final String key) {
		if (o == null || !o.has(key)) return null;
		final JsonElement e = o.get(key);
		return e.isJsonObject() ? e.getAsJsonObject() : null;
	}

	private static String string(final JsonObject o, final String key, final String fallback) {
		return o != null && o.has(key) && o.get(key).isJsonPrimitive() ? o.get(key).getAsString()
			: fallback;
	}

	public Path folder() {
		return folder;
	}

	public Path weights() {
		return folder.resolve(weightsFile);
	}

	public String name() {
		return name;
	}

	public String version() {
		return version;
	}

	public int tileSize() {
		return tileSize;
	}

	/** The band of the hole's border re-solved biharmonically after rendering. */
	public BorderBand borderBand() {
		return borderBand;
	}

	/** The classical fill the network's input holds in the hole ({@link Prior#NONE}: zeros). */
	public Prior prior() {
		return prior;
	}

	/** Whether the rendered Gaussians are a correction added to the input image (else the fill). */
	public boolean rendersCorrection() {
		return rendersCorrection;
	}

	/** Model name without the file extension, as DJL wants it. */
	String weightsStem() {
		final int dot = weightsFile.lastIndexOf('.');
		return dot > 0 ? weightsFile.substring(0, dot) : weightsFile;
	}
}

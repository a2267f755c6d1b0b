/*-
 * #%L
 * 2DGS Inpainting for ImageJ/Fiji.
 * %%
 * Copyright (C) 2026 2DGS Inpainting developers
 * %%
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 *
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the documentation
 *    and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS"
 * AND ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE
 * IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 * #L%
 */
package io.github.gsinpaint.core.gs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;

import io.github.gsinpaint.core.BorderBand;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.Prior;

/**
 * A model package folder: {@code model.json} (the descriptor, read into {@link Descriptor} by
 * Gson), the TorchScript weights it names and their sha256. Reading checks everything a user could
 * get wrong (missing folder, truncated or swapped weights, a model made for another rasterizer)
 * before any native code runs.
 */
public final class ModelPackage {

	public static final String DESCRIPTOR = "model.json";

	private final Path folder;
	private final String name, version, weightsFile, sha256;
	private final int tileSize, minimumTileSize;
	private final BorderBand borderBand;
	private final Prior prior;
	private final int priorSweeps;
	private final boolean rendersCorrection;

	private ModelPackage(final Path folder, final String name, final String version,
		final String weightsFile, final String sha256, final int tileSize, final int minimumTileSize, final BorderBand borderBand,
		final Prior prior, final int priorSweeps, final boolean rendersCorrection)
	{
		this.prior = prior;
		this.priorSweeps = priorSweeps;
		this.rendersCorrection = rendersCorrection;
		this.borderBand = borderBand;
		this.folder = folder;
		this.name = name;
		this.version = version;
		this.weightsFile = weightsFile;
		this.sha256 = sha256;
		this.tileSize = tileSize;
		this.minimumTileSize = minimumTileSize;
	}

	/**
	 * The keys of {@code model.json} that the plugin reads, mapped by Gson; every other key is
	 * documentation. Absent keys keep the defaults given here (a v1 descriptor has no prior and no
	 * render key).
	 */
	static final class Descriptor {

		String name = "unnamed";
		String version = "0";
		Weights weights;
		Tile tile = new Tile();
		Rasterizer rasterizer;
		/** Optional post-processing chosen on the development set (python/tune_hybrid.py). */
		Postprocess postprocess = new Postprocess();
		/** What the input's hole holds: none (zeros), harmonic or biharmonic (the whole-hole fill). */
		String prior = "none";
		/** image: the render is the fill (v1); correction: it is added to the input image (v2). */
		String render = "image";
		/**
		 * 0: the prior is solved exactly; n > 0: as training solved it, n red-black sweeps per
		 * level of a pyramid (harmonic only; python/gsinpaint/prior.py).
		 */
		@SerializedName("prior_sweeps")
		int priorSweeps;

		static final class Weights {

			String source = "model.pt";
			String sha256;
			/** bioimage.io style: the TorchScript entry one level down */
			Weights torchscript;
		}

		static final class Tile {

			int size = 256;
			/**
			 * The smallest tile side: the network downsamples 16 times and instance-normalises its
			 * bottleneck, which needs more than one cell there; 64 px also gives small defects some
			 * context. v1 and v2 were trained and checked with tiles of at least 64 px.
			 */
			int minimum = DEFAULT_MINIMUM_TILE;
		}

		static final class Rasterizer {

			int stride = GaussianField.STRIDE;
			int patch = GaussianField.PATCH;
			int ring = GaussianField.RING;
		}

		static final class Postprocess {

			@SerializedName("border_band")
			double borderBand;
			@SerializedName("border_share")
			double borderShare = 1;
		}
	}

	/** The most sweeps per level a descriptor may ask for (training used 40). */
	static final int MAX_PRIOR_SWEEPS = 1000;

	/** The smallest tile side of a descriptor without {@code tile.minimum}. */
	static final int DEFAULT_MINIMUM_TILE = 64;

	/** @param location the package folder, or its model.json */
	public static ModelPackage read(final Path location) {
		final Path folder = Files.isDirectory(location) ? location : location.getParent();
		final Path descriptor = folder == null ? location : folder.resolve(DESCRIPTOR);
		if (!Files.isRegularFile(descriptor)) throw new InpaintException("No model package at " +
			location + " (expected a folder with " + DESCRIPTOR + " and the TorchScript weights). " +
			"Reinstall the plugin, give the path of a model folder, or use a classical method.");
		final Descriptor d;
		try {
			d = new Gson().fromJson(new String(Files.readAllBytes(descriptor),
				StandardCharsets.UTF_8), Descriptor.class);
			if (d == null) throw new JsonParseException("empty file");
		}
		catch (final IOException | RuntimeException e) {
			throw new InpaintException("The model descriptor " + descriptor +
				" cannot be read or is not valid JSON (" + withoutClassName(e.getMessage()) +
				"). Reinstall the model.",
				e);
		}
		final Descriptor.Weights w = d.weights == null ? new Descriptor.Weights()
			: d.weights.torchscript != null ? d.weights.torchscript : d.weights;
		if (d.rasterizer != null) checkRasterizer(d.rasterizer, descriptor);
		final int multiple = GaussianField.PATCH;
		if (d.tile.minimum < 2 * multiple || d.tile.minimum % multiple != 0) throw new InpaintException(
			"The model " + descriptor + " asks for tiles of at least " + d.tile.minimum + " px; the " +
				"plugin needs a multiple of " + multiple + " of at least " + 2 * multiple + ".");
		final Prior prior = prior(d.prior, descriptor);
		if (d.priorSweeps < 0 || d.priorSweeps > MAX_PRIOR_SWEEPS || d.priorSweeps > 0 &&
			prior != Prior.HARMONIC) throw new InpaintException("The model " + descriptor +
				" asks for " + d.priorSweeps + " prior sweeps with the prior \"" + d.prior + "\"; " +
				"the plugin sweeps only the harmonic prior, 1 to " + MAX_PRIOR_SWEEPS +
				" times per level. Update the plugin or use another model.");
		final ModelPackage p = new ModelPackage(folder, d.name, d.version, w.source, w.sha256,
			d.tile.size, d.tile.minimum, BorderBand.of(d.postprocess.borderBand,
				d.postprocess.borderShare), prior, d.priorSweeps, rendersCorrection(d.render,
					descriptor));
		p.verifyWeights();
		return p;
	}

	private static Prior prior(final String p, final Path descriptor) {
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

	private static boolean rendersCorrection(final String r, final Path descriptor) {
		if (r.equals("image")) return false;
		if (r.equals("correction")) return true;
		throw new InpaintException("The model " + descriptor + " renders \"" + r +
			"\", which this plugin does not know. Update the plugin or use another model.");
	}

	private static void checkRasterizer(final Descriptor.Rasterizer r, final Path descriptor) {
		if (r.stride != GaussianField.STRIDE || r.patch != GaussianField.PATCH ||
			r.ring != GaussianField.RING) throw new InpaintException("The model " + descriptor +
				" was made for another rasterizer (stride " + r.stride + ", patch " + r.patch +
				", ring " + r.ring + "); this plugin renders stride " + GaussianField.STRIDE +
				", patch " + GaussianField.PATCH + ", ring " + GaussianField.RING +
				". Update the plugin or the model.");
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

	/** @return the smallest tile side the network works on ({@code tile.minimum}, default 64) */
	public int minimumTileSize() {
		return minimumTileSize;
	}

	/** The band of the hole's border re-solved biharmonically after rendering. */
	public BorderBand borderBand() {
		return borderBand;
	}

	/** The classical fill the network's input holds in the hole ({@link Prior#NONE}: zeros). */
	public Prior prior() {
		return prior;
	}

	/** 0: the prior is solved exactly; n > 0: n sweeps per level, as in training. */
	public int priorSweeps() {
		return priorSweeps;
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

	/**
	 * Gson passes on its reader's exception as "java.io.EOFException: End of input at line 2":
	 * the user needs the part after the class name.
	 */
	static String withoutClassName(final String message) {
		return message == null ? "no detail" : message.replaceFirst(
			"^([a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error): ", "");
	}
}

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
package io.github.gsinpaint.methods;

import java.io.Serializable;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.core.InpaintSettings;
import io.github.gsinpaint.core.TileFiller;
import io.github.gsinpaint.core.gs.DeviceChoice;

/**
 * The one options object of a repair, as far as the method goes: which method, which model
 * package and device (2dgs only), the tile size and the context margin. Built by the SciJava
 * command and the ImageJ 1.x plugin (inside {@code ij.InpaintOptions}) and by the command line
 * and Spark (inside {@code batch.RepairOptions}); its defaults are the defaults of every front
 * end. Immutable and serializable (Spark ships it to the executors); every {@code with...}
 * checks its value and returns a new object.
 */
public final class MethodOptions implements Serializable {

	private static final long serialVersionUID = 1L;

	private final Method method;
	/** a model package folder, or null for the bundled model (a String: Path is not serializable) */
	private final String model;
	private final DeviceChoice device;
	private final int tileSize;
	private final int contextMargin;

	private MethodOptions(final Method method, final String model, final DeviceChoice device,
		final int tileSize, final int contextMargin)
	{
		this.method = method;
		this.model = model;
		this.device = device;
		this.tileSize = tileSize;
		this.contextMargin = contextMargin;
	}

	/**
	 * 2dgs with the bundled model on the automatically chosen device, the method's own tile size
	 * and the pipeline's context margin.
	 */
	public static MethodOptions defaults() {
		return new MethodOptions(Method.GAUSSIAN_SPLATTING, null, DeviceChoice.AUTO, 0,
			InpaintSettings.DEFAULT_CONTEXT_MARGIN);
	}

	public MethodOptions withMethod(final Method m) {
		return new MethodOptions(Objects.requireNonNull(m, "method"), model, device, tileSize,
			contextMargin);
	}

	/** @throws InpaintException for an unknown name */
	public MethodOptions withMethod(final String name) {
		return withMethod(Method.parse(name));
	}

	/** @param path a model package folder, or null for the bundled model */
	public MethodOptions withModelPath(final Path path) {
		return new MethodOptions(method, path == null ? null : path.toString(), device, tileSize,
			contextMargin);
	}

	public MethodOptions withDevice(final DeviceChoice d) {
		return new MethodOptions(method, model, Objects.requireNonNull(d, "device"), tileSize,
			contextMargin);
	}

	/** @throws InpaintException for an unknown device name ({@link DeviceChoice#parse}) */
	public MethodOptions withDevice(final String name) {
		return withDevice(DeviceChoice.parse(name));
	}

	/**
	 * @param pixels 0 for the method's own tile size
	 * @throws InpaintException for a negative size
	 */
	public MethodOptions withTileSize(final int pixels) {
		if (pixels < 0) throw new InpaintException(
			"The tile size must be 0 (the method's default) or a positive number of pixels.");
		return new MethodOptions(method, model, device, pixels, contextMargin);
	}

	/** @throws InpaintException for a margin below 1 pixel */
	public MethodOptions withContextMargin(final int pixels) {
		if (pixels < 1) throw new InpaintException("The context margin must be at least 1 pixel.");
		return new MethodOptions(method, model, device, tileSize, pixels);
	}

	public Method method() {
		return method;
	}

	/** @return the model package folder, or null for the bundled model */
	public Path modelPath() {
		return model == null ? null : Paths.get(model);
	}

	public DeviceChoice device() {
		return device;
	}

	/** @return the tile size, 0 for the method's own */
	public int tileSize() {
		return tileSize;
	}

	public int contextMargin() {
		return contextMargin;
	}

	/** @return the pipeline's settings for these options */
	public InpaintSettings settings() {
		return InpaintSettings.defaults().withTileSize(tileSize).withContextMargin(contextMargin);
	}

	/**
	 * What these options ask for that the opened method does otherwise, one sentence each for
	 * the user of the command line (a silently changed setting looks like a setting without
	 * effect): a model folder given to a classical method, and {@link #tileNote}.
	 *
	 * @param opened the method these options opened
	 * @return the notes; empty when the method does what was asked
	 */
	public List<String> notes(final TileFiller opened) {
		final List<String> notes = new ArrayList<>();
		if (model != null && method != Method.GAUSSIAN_SPLATTING) notes.add("The " + method +
			" fill uses no model: the model folder " + model + " is not used.");
		final String tile = tileNote(opened);
		if (tile != null) notes.add(tile);
		return notes;
	}

	/**
	 * @param opened the method these options opened
	 * @return a sentence saying which tile size is used instead of the one asked for, when the
	 *         method rounds it (2dgs: to whole patches, at least its smallest tile); null otherwise
	 */
	public String tileNote(final TileFiller opened) {
		final int used = opened.tileSizeFor(tileSize);
		if (tileSize <= 0 || used == tileSize) return null;
		return String.format(Locale.ROOT,
			"Tile size %d px is used as %d px: %s tiles are multiples of %d px, at least %d px.",
			tileSize, used, method, opened.tileMultiple(), opened.tileSizeFor(1));
	}

	/**
	 * @return what an opened method depends on (method, model, device; a classical method only on
	 *         itself): options with equal keys may share an opened method
	 */
	public String openKey() {
		return method == Method.GAUSSIAN_SPLATTING ? method + "|" + (model == null ? "" : model) +
			"|" + device : method.key();
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof MethodOptions)) return false;
		final MethodOptions x = (MethodOptions) o;
		return method == x.method && Objects.equals(model, x.model) && device == x.device &&
			tileSize == x.tileSize && contextMargin == x.contextMargin;
	}

	@Override
	public int hashCode() {
		return Objects.hash(method, model, device, tileSize, contextMargin);
	}

	@Override
	public String toString() {
		return "MethodOptions[" + method + ", model=" + (model == null ? "default" : model) +
			", device=" + device + ", tile=" + tileSize + ", margin=" + contextMargin + "]";
	}
}

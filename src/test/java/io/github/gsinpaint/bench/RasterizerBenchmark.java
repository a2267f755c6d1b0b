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
package io.github.gsinpaint.bench;

import static io.github.gsinpaint.core.gs.GaussianField.*;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.gsinpaint.core.gs.JavaRasterizer;
import io.github.gsinpaint.core.gs.PatchRasterizer;
import io.github.gsinpaint.core.gs.Rasterizer;
import io.github.gsinpaint.core.gs.TorchEngine;

/**
 * Both rasterizers on one 256 x 256 tile (256 patches, or 32 of them), in the same run: the
 * plain-Java one (on all processors, and on one thread) and the DJL one in patch groups of
 * various sizes, the largest being the whole tile at once. The field is a CPU NDArray, as the
 * model gives it, so the Java one's copy to the heap is timed too. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="RasterizerBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Dai.djl.offline=true" })
public class RasterizerBenchmark {

	/**
	 * {@code java}: {@link JavaRasterizer} on every processor; {@code java-1}: on the caller's
	 * thread only; {@code djl-G}: {@link PatchRasterizer} with G patches per batched product (256 =
	 * the whole tile at once).
	 */
	@Param({ "java", "java-1", "djl-16", "djl-32", "djl-64", "djl-256" })
	public String rasterizer;

	/** Patches of the tile that contain holes (all 256, or 12% of them). */
	@Param({ "256", "32" })
	public int patches;

	private NDManager manager;
	private NDArray field;
	private int[] indices;
	private Rasterizer impl;

	@Setup
	public void setup() {
		TorchEngine.get();
		manager = NDManager.newBaseManager(ai.djl.Device.cpu(), TorchEngine.NAME);
		final int h = 128, w = 128;
		final float[] f = BenchInputs.randomField(h, w, 1);
		field = manager.create(f, new Shape(CHANNELS, h, w));
		indices = new int[patches];
		for (int k = 0; k < patches; k++)
			indices[k] = (int) ((long) k * 256 / patches);
		impl = rasterizer.equals("java") ? new JavaRasterizer() : rasterizer.equals("java-1")
			? new JavaRasterizer(1, JavaRasterizer.DEFAULT_PER_THREAD) : new PatchRasterizer(Integer
				.parseInt(rasterizer.substring("djl-".length())));
	}

	@Benchmark
	public float[] render() {
		return impl.render(field, indices);
	}

	@TearDown
	public void tearDown() {
		manager.close();
	}
}

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.gsinpaint.TestModels;
import io.github.gsinpaint.core.InpaintException;
import io.github.gsinpaint.methods.MethodOptions;
import io.github.gsinpaint.core.TileFiller;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged model package gives a message the user can act on (an {@link InpaintException}, never
 * a native crash or a raw engine exception), leaves the package folder as it was, and does not
 * spoil later loads of a good package in the same JVM.
 */
public class ModelFaultTest {

	@TempDir
	Path tmp;

	private Path pkg() {
		return TestModels.copyFixture(tmp.resolve("pkg"));
	}

	private static void setSha(final Path pkg) throws IOException {
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		Files.write(json, text.replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" +
			ModelPackage.sha256(pkg.resolve("model.pt")) + "\"").getBytes(StandardCharsets.UTF_8));
	}

	private static InpaintException openFails(final Path pkg) throws IOException {
		final List<String> before = listing(pkg);
		final InpaintException e = assertThrows(InpaintException.class, () -> TestModels.open(
			"2dgs", MethodOptions.defaults().withDevice("cpu")
				.withModelPath(pkg)));
		assertEquals(before, listing(pkg), "the package folder changed");
		return e;
	}

	private static List<String> listing(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	/** After every fault, the good fixture still loads and runs in this JVM. */
	private static void goodPackageStillLoads() {
		try (TileFiller f = TestModels.open("2dgs", MethodOptions
			.defaults().withDevice("cpu").withModelPath(TestModels.fixture())))
		{
			final boolean[] hole = new boolean[64 * 64];
			hole[100] = true;
			final float[][] out = f.fill(new float[][] { new float[64 * 64] }, hole, 64, 64,
				io.github.gsinpaint.core.Progress.NONE);
			assertTrue(Float.isFinite(out[0][100]));
		}
	}

	@Test
	public void corruptWeightsWithAMatchingChecksum() throws IOException {
		final Path pkg = pkg();
		final byte[] noise = new byte[9000];
		new Random(1).nextBytes(noise);
		Files.write(pkg.resolve("model.pt"), noise);
		setSha(pkg); // the descriptor vouches for the bytes: only the loader can notice
		final InpaintException e = openFails(pkg);
		assertTrue(e.getMessage().startsWith("Could not load the model"), e.getMessage());
		assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
		goodPackageStillLoads();
	}

	@Test
	public void truncatedWeightsWithAMatchingChecksum() throws IOException {
		final Path pkg = pkg();
		final byte[] all = Files.readAllBytes(pkg.resolve("model.pt"));
		Files.write(pkg.resolve("model.pt"), Arrays.copyOf(all, all.length / 2));
		setSha(pkg);
		final InpaintException e = openFails(pkg);
		assertTrue(e.getMessage().startsWith("Could not load the model"), e.getMessage());
		goodPackageStillLoads();
	}

	@Test
	public void truncatedWeightsAreCaughtByTheChecksum() throws IOException {
		final Path pkg = pkg();
		final byte[] all = Files.readAllBytes(pkg.resolve("model.pt"));
		Files.write(pkg.resolve("model.pt"), Arrays.copyOf(all, all.length - 100));
		final InpaintException e = openFails(pkg);
		assertTrue(e.getMessage().contains("are damaged or do not belong to this descriptor"), e
			.getMessage());
	}

	@Test
	public void descriptorOfOtherWeights() throws IOException {
		final Path pkg = pkg();
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final String text = new String(Files.readAllBytes(json), StandardCharsets.UTF_8);
		Files.write(json, text.replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" + String
			.join("", java.util.Collections.nCopies(64, "a")) + "\"").getBytes(
				StandardCharsets.UTF_8));
		final InpaintException e = openFails(pkg);
		assertTrue(e.getMessage().contains("sha256"), e.getMessage());
		assertTrue(e.getMessage().contains("Reinstall the model package"), e.getMessage());
	}

	@Test
	public void missingWeights() throws IOException {
		final Path pkg = pkg();
		Files.delete(pkg.resolve("model.pt"));
		assertTrue(openFails(pkg).getMessage().contains("are missing"));
	}

	@Test
	public void truncatedDescriptor() throws IOException {
		final Path pkg = pkg();
		final Path json = pkg.resolve(ModelPackage.DESCRIPTOR);
		final byte[] all = Files.readAllBytes(json);
		Files.write(json, Arrays.copyOf(all, all.length / 3));
		assertTrue(openFails(pkg).getMessage().contains("is not valid JSON"));
	}

	@Test
	public void emptyWeightsFile() throws IOException {
		final Path pkg = pkg();
		Files.write(pkg.resolve("model.pt"), new byte[0]);
		setSha(pkg);
		assertTrue(openFails(pkg).getMessage().startsWith("Could not load the model"));
		goodPackageStillLoads();
	}
}

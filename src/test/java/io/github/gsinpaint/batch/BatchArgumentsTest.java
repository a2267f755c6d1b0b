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
package io.github.gsinpaint.batch;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The parser's messages: each says in one line what is wrong and what to give instead. */
class BatchArgumentsTest {

	private static String refusal(final BatchArguments.Frontend frontend, final String... args) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> BatchArguments.parse(args, frontend));
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
		return e.getMessage();
	}

	private static String refusal(final String... args) {
		return refusal(BatchArguments.Frontend.COMMAND_LINE, args);
	}

	/** A typo as the last argument said "Option --bogus needs a value". */
	@Test
	void anUnknownOptionIsUnknownWhereverItIs() {
		final String[] base = { "--image", "i.tif", "--mask", "m.tif", "--output", "o.tif" };
		assertEquals("Unknown option --bogus.", refusal(concat(base, "--bogus")));
		assertEquals("Unknown option --bogus.", refusal(concat(base, "--bogus", "--verbose")));
		assertEquals("Unknown option --bogus.", refusal(concat(base, "--bogus", "3")));
		assertEquals("Unknown option --bogus.", refusal(concat(base, "--bogus", "--bogus")));
		assertEquals("Unknown option --bogus.", refusal(BatchArguments.Frontend.SPARK, "--manifest",
			"m.tsv", "--bogus"));
		// a known option without its value still says so
		assertEquals("Option --tile needs a value.", refusal(concat(base, "--tile")));
		assertEquals("Option --image is not available here.", refusal(
			BatchArguments.Frontend.SPARK, "--image", "i.tif"));
	}

	/** "--tile 99999999999" said "needs a whole number >= 1", which it is. */
	@Test
	void aWholeNumberTooLargeForTheOptionSaysSo() {
		final String[] base = { "--image", "i.tif", "--mask", "m.tif", "--output", "o.tif" };
		assertEquals("Option --tile got 99999999999, which is too large: give a whole number " +
			"from 1 to 2147483647.", refusal(concat(base, "--tile", "99999999999")));
		assertEquals("Option --dilation got 2147483648, which is too large: give a whole number " +
			"from 0 to 2147483647.", refusal(concat(base, "--dilation", "2147483648")));
		for (final String option : new String[] { "--margin", "--torch-threads" })
			assertTrue(refusal(concat(base, option, "123456789012345678901234567890")).contains(
				"too large"), option);
		assertTrue(refusal(BatchArguments.Frontend.SPARK, "--manifest", "m.tsv", "--partitions",
			"99999999999").contains("too large"));
		// not too large, just wrong: the old message
		assertEquals("Option --tile needs a whole number >= 1, got '-99999999999'.", refusal(concat(
			base, "--tile", "-99999999999")));
		assertEquals("Option --tile needs a whole number >= 1, got '1.5'.", refusal(concat(base,
			"--tile", "1.5")));
		assertDoesNotThrow(() -> BatchArguments.parse(concat(base, "--tile", "2147483647"),
			BatchArguments.Frontend.COMMAND_LINE), "the largest int is a whole number");
	}

	private static String[] concat(final String[] a, final String... b) {
		final String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, all, a.length, b.length);
		return all;
	}
}

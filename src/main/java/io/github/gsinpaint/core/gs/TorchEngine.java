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

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.github.gsinpaint.core.InpaintException;

/**
 * Loads DJL's PyTorch engine the way a plugin needs it: offline by default (the CPU libtorch ships
 * inside a jar, nothing is downloaded unless the user asks), with the plugin's own class loader as
 * the thread's context loader (DJL discovers engines through it, and in ImageJ/Fiji the macro
 * thread's loader cannot see plugin jars; a failed discovery is cached for the JVM), and with
 * every failure turned into a message the user can act on.
 */
public final class TorchEngine {

	public static final String NAME = "PyTorch";

	private TorchEngine() {}

	public static synchronized Engine get() {
		if (System.getProperty("ai.djl.offline") == null) System.setProperty("ai.djl.offline",
			"true");
		// The profiling graph executor re-optimises for every new input shape, and tiles come in
		// many shapes (small defects get small tiles): plain execution is faster here.
		if (System.getProperty("ai.djl.pytorch.graph_optimizer") == null) System.setProperty(
			"ai.djl.pytorch.graph_optimizer", "false");
		passiveOpenMp();
		// A libtorch cut short in DJL's cache would crash the JVM (SIGBUS) when mapped.
		NativeCache.removeDamaged(NativeCache.root());
		try {
			return withPluginLoader(() -> Engine.getEngine(NAME));
		}
		catch (final Throwable t) { // UnsatisfiedLinkError, EngineException, IllegalArgument...
			throw new InpaintException("The PyTorch native engine could not be loaded (" + rootMessage(
				t) + "). Use the classical method ('harmonic' or 'biharmonic'), or check that the " +
				"pytorch-native-cpu jar for your platform is installed next to the plugin.", t);
		}
	}

	/** Work that may throw anything. */
	interface Work<T> {

		T run() throws Exception;
	}

	/**
	 * Runs DJL work with the plugin's own class loader as the thread's context loader (DJL finds
	 * engines and model loaders through it; in ImageJ/Fiji the macro thread's loader cannot see
	 * the plugin's jars) and puts the previous loader back.
	 */
	static <T> T withPluginLoader(final Work<T> work) throws Exception {
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(TorchEngine.class.getClassLoader());
		try {
			return work.run();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** @return the device of a choice; {@link DeviceChoice#AUTO}: the GPU when PyTorch sees one */
	public static Device device(final DeviceChoice choice) {
		switch (choice) {
			case CPU:
				return Device.cpu();
			case GPU:
				if (gpuCount() == 0) throw new InpaintException("A GPU was asked for, but PyTorch " +
					"sees no CUDA device. Choose device 'auto' or 'cpu', or install a CUDA build of " +
					"libtorch 2.7.1 (see the README, section 'Devices').");
				return Device.gpu();
			case AUTO:
			default:
				return gpuCount() > 0 ? Device.gpu() : Device.cpu();
		}
	}

	private static int gpuCount() {
		try {
			return get().getGpuCount();
		}
		catch (final InpaintException e) {
			throw e;
		}
		catch (final RuntimeException e) {
			return 0;
		}
	}

	/** libgomp's variable for how its idle threads wait (read once, when libtorch is loaded). */
	static final String WAIT_POLICY = "OMP_WAIT_POLICY";

	/**
	 * Makes libtorch's OpenMP threads sleep, not spin, while they wait, unless the user chose
	 * (OMP_WAIT_POLICY in the environment). libgomp spins by default, which on a machine whose
	 * cores are also used by other processes (a shared workstation, builds, a second Fiji) stalls
	 * every one of the network's hundreds of parallel regions: a waiting thread burns the core
	 * that the thread it waits for needs. Measured on this project's 2-core machine with other
	 * work running (docs/BENCHMARKS.md 2.4): one 256 px tile through the network took 1.1 to 2.0
	 * s with spinning threads and 0.10 to 0.15 s with sleeping ones (2 intra-op threads). libgomp
	 * reads the variable when it is loaded, so it is set in this process's own environment (C's
	 * setenv, through JNA) before the engine loads libtorch; where that is not possible (Windows,
	 * or libtorch already loaded by someone else) nothing changes.
	 */
	static void passiveOpenMp() {
		if (System.getenv(WAIT_POLICY) != null) return;
		try {
			com.sun.jna.Function.getFunction("c", "setenv").invokeInt(new Object[] { WAIT_POLICY,
				"PASSIVE", 0 });
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			// no C library with setenv: libtorch keeps its default
		}
	}

	/** @return the variable as the native side sees it now, or null (tests) */
	static String nativeEnvironment(final String name) {
		try {
			return (String) com.sun.jna.Function.getFunction("c", "getenv").invoke(String.class,
				new Object[] { name });
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			return null;
		}
	}

	/**
	 * The executor setting is per thread in libtorch: call this on every thread that runs a model.
	 */
	static void configureThread() {
		ai.djl.pytorch.jni.JniUtils.setGraphExecutorOptimize(Boolean.parseBoolean(System
			.getProperty("ai.djl.pytorch.graph_optimizer", "false")));
	}

	static String rootMessage(Throwable t) {
		while (t.getCause() != null && t.getCause() != t)
			t = t.getCause();
		final String m = t.getMessage();
		return m == null ? t.getClass().getSimpleName() : m;
	}
}

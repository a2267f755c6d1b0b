#!/usr/bin/env python3
"""CPU benchmarks of the Java side: JMH (rasterizer, one predictor tile), end-to-end scaling, and
peak memory of the rasterizer; writes TSVs, PNG plots and markdown (cpu-<part>.md) into --out.

    mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
    /usr/bin/python3 python/bench_cpu.py --model models/gs-inpaint-v1 --out docs/bench

Parts (--parts, comma list):
- ``jmh``: RasterizerBenchmark and PredictorBenchmark (io.github.gsinpaint.bench, JMH, 1 fork);
- ``scaling``: ScalingBenchmark: Inpainting.inpaint with the 2dgs filler after warm-up, median of
  --reps, against the image size at a fixed hole area and against the hole fraction at a fixed
  size, plus the 512 x 512 / 12% strokes target case; plots scaling-size.png, scaling-area.png;
- ``memory``: MemoryBenchmark in a fresh JVM per case: rasterizer over every patch of a tile,
  patch-wise (group 32) against the whole tile at once, with glibc's default malloc and with a
  fixed mmap threshold (MALLOC_MMAP_THRESHOLD_=131072, which returns freed blocks to the OS).
``--only-plot`` redraws the plots from the TSVs in --out.
"""

import argparse
import os
import platform
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def classpath():
    cp_file = os.path.join(REPO, "target", "cp.txt")
    if not os.path.isfile(cp_file):
        sys.exit("target/cp.txt is missing: run mvn -q test-compile dependency:build-classpath "
                 "-Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test")
    with open(cp_file) as fh:
        deps = fh.read().strip()
    return os.pathsep.join([os.path.join(REPO, "target", "test-classes"),
                            os.path.join(REPO, "target", "classes"), deps])


def java(args, env=None, heap="-Xmx4g"):
    cmd = ["java", "-Dai.djl.offline=true", "-Djava.awt.headless=true", heap, "-cp", classpath()] + args
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=e)
    if p.returncode != 0:
        print(p.stderr[-3000:], file=sys.stderr)
        raise RuntimeError("java %s exited with %d" % (args[0], p.returncode))
    return p.stdout


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    jv = subprocess.run(["java", "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()[0]
    return "Linux %s, %d cores (nproc), %s, %s" % (platform.release(), os.cpu_count() or 0, cpu, jv)


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def read_tsv(path):
    with open(path) as fh:
        rows = [l.rstrip("\n").split("\t") for l in fh if l.strip() and not l.startswith("#")]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:]]


def plot(out):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    rows = read_tsv(os.path.join(out, "scaling.tsv"))
    size = [r for r in rows if r["series"] == "size"]
    area = [r for r in rows if r["series"] == "area"]
    if size:
        fig, ax = plt.subplots(figsize=(5, 3.4))
        x = [int(r["width"]) for r in size]
        ax.plot(x, [float(r["median_ms"]) / 1000 for r in size], "o-", label="median, 2dgs")
        ax.fill_between(x, [float(r["min_ms"]) / 1000 for r in size], [float(r["max_ms"]) / 1000 for r in size],
                        alpha=0.25, label="min-max")
        for f in sorted(os.listdir(out)):
            if f.startswith("scaling-") and f.endswith(".tsv"):
                b = [r for r in read_tsv(os.path.join(out, f)) if r["series"] == "size"]
                ax.plot([int(r["width"]) for r in b], [float(r["median_ms"]) / 1000 for r in b], "s--",
                        label="median, %s" % f[len("scaling-"):-4])
        ax.set_xscale("log", base=2)
        ax.set_xticks(x)
        ax.set_xticklabels(["%d²" % v for v in x])
        ax.set_xlabel("image size (px), RGB 8-bit")
        ax.set_ylabel("seconds per image")
        ax.set_ylim(bottom=0)
        ax.set_title("fixed hole area: %s px" % size[0]["hole_pixels"])
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(out, "scaling-size.png"), dpi=90)
        plt.close(fig)
    if area:
        fig, ax = plt.subplots(figsize=(5, 3.4))
        x = [100 * float(r["hole_frac"]) for r in area]
        ax.plot(x, [float(r["median_ms"]) / 1000 for r in area], "o-", label="median")
        ax.fill_between(x, [float(r["min_ms"]) / 1000 for r in area], [float(r["max_ms"]) / 1000 for r in area],
                        alpha=0.25, label="min-max")
        ax.set_xlabel("hole area (% of the image), strokes")
        ax.set_ylabel("seconds per image")
        ax.set_ylim(bottom=0)
        ax.set_title("fixed image size: %s x %s RGB" % (area[0]["width"], area[0]["height"]))
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(os.path.join(out, "scaling-area.png"), dpi=90)
        plt.close(fig)


def md_table(rows, cols):
    lines = ["| " + " | ".join(cols) + " |", "|" + "---:|" * len(cols)]
    for r in rows:
        lines.append("| " + " | ".join(str(r[c]) for c in cols) + " |")
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="models/gs-inpaint-v1")
    ap.add_argument("--out", default="docs/bench")
    ap.add_argument("--parts", default="jmh,scaling,memory")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--sizes", default="512,1024,2048,4096,8192")
    ap.add_argument("--area-size", type=int, default=1024)
    ap.add_argument("--fractions", default="0.005,0.01,0.02,0.05,0.12,0.25")
    ap.add_argument("--mem-sizes", default="256,512,1024")
    ap.add_argument("--jmh-args", default="-bm sample -tu ms -wi 3 -i 5 -w 2 -r 2 -f 1",
                    help="JMH options (sample mode: the text result lists the median, p0.50)")
    ap.add_argument("--baseline", default="harmonic",
                    help="classical method also timed on the size series (separates the per-image "
                         "overhead from the model's cost; empty: none)")
    ap.add_argument("--jmh-include", default="RasterizerBenchmark|PredictorBenchmark",
                    help="regular expression of the JMH benchmarks to run")
    ap.add_argument("--only-plot", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    if args.only_plot:
        plot(args.out)
        return
    parts = [p.strip() for p in args.parts.split(",") if p.strip()]
    cmd = "python3 python/bench_cpu.py " + " ".join(sys.argv[1:])
    header = ["Command: `%s`  " % cmd.strip(), "Date: %s  " % time.strftime("%Y-%m-%d %H:%M %Z"),
              "Machine: %s  " % machine(), "Model: `%s`" % args.model, ""]
    md = []

    def flush(part):
        with open(os.path.join(args.out, "cpu-%s.md" % part), "w") as fh:
            fh.write("\n".join(header + md) + "\n")
        print("\n".join(header + md))
        del md[:]

    if "jmh" in parts:
        jmh = args.jmh_args.split()
        default = ap.get_default("jmh_include")
        suffix = ("" if args.jmh_include == default else
                  "-" + "-".join(w.lower() for w in args.jmh_include.replace("|", " ").split()))
        res = os.path.abspath(os.path.join(args.out, "jmh%s.txt" % suffix))
        md += ["### JMH (%s, before: %s)" % (args.jmh_args, load()), ""]
        text = java(["org.openjdk.jmh.Main", args.jmh_include, "-p",
                     "model=" + args.model] + jmh + ["-rf", "text", "-rff", res])
        with open(res) as fh:
            md += ["```", fh.read().strip(), "```", ""]
        print(text[-2000:])
        flush("jmh" + suffix)

    if "scaling" in parts:
        tsv = os.path.join(args.out, "scaling.tsv")
        md += ["### End to end (Inpainting.inpaint, 2dgs on CPU; before: %s)" % load(), ""]
        text = java(["io.github.gsinpaint.bench.ScalingBenchmark", "--model", args.model, "--out", tsv,
                     "--reps", str(args.reps), "--warmup", str(args.warmup), "--sizes", args.sizes,
                     "--area-size", str(args.area_size), "--fractions", args.fractions], heap="-Xmx6g")
        print(text)
        ident = [l for l in text.splitlines() if l.startswith("# ")]
        md += [ident[0][2:] if ident else "", "", md_table(read_tsv(tsv), ["series", "width", "height",
               "hole_pixels", "hole_frac", "reps", "median_ms", "min_ms", "max_ms", "tiles", "fill_ms"]),
               "median_ms: end to end per image; tiles: tiles filled per image; fill_ms: median time inside "
               "the method (model + rasterizer), the rest being damage map, normalisation, blending and the "
               "copy of the image.", "",
               "After: %s. Plots: `scaling-size.png`, `scaling-area.png`." % load(), ""]
        if args.baseline:
            btsv = os.path.join(args.out, "scaling-%s.tsv" % args.baseline)
            java(["io.github.gsinpaint.bench.ScalingBenchmark", "--model", args.model, "--out", btsv,
                  "--method", args.baseline, "--series", "size", "--reps", str(args.reps), "--warmup",
                  str(args.warmup), "--sizes", args.sizes], heap="-Xmx6g")
            md += ["Same size series with the `%s` method (no model: what the image size alone costs):" %
                   args.baseline, "", md_table(read_tsv(btsv), ["series", "width", "height", "hole_pixels",
                                                                "reps", "median_ms", "min_ms", "max_ms", "tiles",
                                                                "fill_ms"]), ""]
        plot(args.out)
        flush("scaling")

    if "memory" in parts:
        rows = []
        md += ["### Rasterizer peak memory, one tile, every patch (fresh JVM each; before: %s)" % load(), ""]
        for env_name, env in (("default malloc", {}), ("MALLOC_MMAP_THRESHOLD_=131072",
                                                       {"MALLOC_MMAP_THRESHOLD_": "131072"})):
            for s in [int(v) for v in args.mem_sizes.split(",")]:
                for g in (32, 0):
                    line = java(["io.github.gsinpaint.bench.MemoryBenchmark", str(s), str(g)], env=env,
                                heap="-Xmx2g").strip().splitlines()[-1].split("\t")
                    r = dict(zip(["tile", "group", "patches", "ms", "heap_peak_mib", "hwm_before_mib",
                                  "hwm_after_mib", "native_peak_mib"], line))
                    r["malloc"] = env_name
                    print(r)
                    rows.append(r)
        with open(os.path.join(args.out, "memory.tsv"), "w") as fh:
            cols = ["malloc", "tile", "group", "patches", "ms", "heap_peak_mib", "hwm_before_mib",
                    "hwm_after_mib", "native_peak_mib"]
            fh.write("\t".join(cols) + "\n")
            for r in rows:
                fh.write("\t".join(r[c] for c in cols) + "\n")
        md += [md_table(rows, ["malloc", "tile", "group", "patches", "ms", "heap_peak_mib", "hwm_before_mib",
                               "hwm_after_mib", "native_peak_mib"]),
               "native_peak_mib = VmHWM after rendering minus VmHWM before (engine loaded, field made); "
               "heap_peak_mib = peak of the Java heap pools during rendering.", ""]
        flush("memory")


if __name__ == "__main__":
    main()

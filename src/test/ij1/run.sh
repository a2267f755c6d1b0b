#!/usr/bin/env bash
# Integration test: the built plugin jar in a plain ImageJ 1.x, run by its menu label from a
# batch macro under Xvfb (ImageJ 1.x needs a display to build its menus; see docs/FIJI.md).
# Uses target/GS_Inpainting-*.jar (built if missing). Checks the report and files the macro
# writes, not the exit code: ImageJ ends a failing -batch macro with status 0.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=$(ls target/GS_Inpainting-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | head -1 || true)
if [ -z "$jar" ]; then
  mvn -B -ntp -q -DskipTests package
  jar=$(ls target/GS_Inpainting-*.jar | grep -v -e sources -e javadoc -e tests | head -1)
fi
mkdir -p "$work/ImageJ/plugins/jars" "$work/out"
cp "$jar" "$work/ImageJ/plugins/"
mvn -B -ntp -q dependency:copy-dependencies -DincludeScope=runtime \
  -DoutputDirectory="$work/ImageJ/plugins/jars"
# ImageJ itself runs from ij.jar, not from plugins/jars (one copy of ij.* only).
mv "$work/ImageJ/plugins/jars"/ij-*.jar "$work/ImageJ/ij.jar"

methods=harmonic
if [ -f models/gs-inpaint-v1/model.json ] && [ -f models/gs-inpaint-v1/model.pt ]; then
  methods=harmonic,2dgs
fi
echo "ImageJ 1.x integration test: methods $methods"
start=$(date +%s)
set +e
# A private home keeps the user's ImageJ preferences out; DJL's unpacked engine is shared.
export ENGINE_CACHE_DIR="${ENGINE_CACHE_DIR:-$HOME/.djl.ai}" DJL_CACHE_DIR="${DJL_CACHE_DIR:-$HOME/.djl.ai}"
(cd "$work/ImageJ" && timeout 300 xvfb-run -a java -Xmx2g -Dai.djl.offline=true \
  -Dplugins.dir="$work/ImageJ" -Duser.home="$work/home" \
  -jar ij.jar -batch "$root/src/test/ij1/integration.ijm" \
  "$root/src/test/resources/samples|$work/out|$methods") >"$work/stdout.txt" 2>"$work/stderr.txt"
rc=$?
set -e
echo "ImageJ exited with $rc after $(( $(date +%s) - start )) s"

fail=0
if [ ! -f "$work/out/done.txt" ]; then echo "FAIL: the macro did not finish"; fail=1; fi
if [ -f "$work/out/report.txt" ]; then cat "$work/out/report.txt"; else echo "FAIL: no report"; fail=1; fi
grep -q '^FAIL' "$work/out/report.txt" 2>/dev/null && fail=1
npass=$(grep -c '^PASS' "$work/out/report.txt" 2>/dev/null || true)
IFS=, read -ra ms <<<"$methods"
expected=$(( 7 * 2 * ${#ms[@]} + 7 + 1 ))
[ "$npass" -eq "$expected" ] || { echo "FAIL: $npass checks passed, expected $expected"; fail=1; }
for m in "${ms[@]}"; do
  for c in rgb-oval 16bit-line; do
    [ -s "$work/out/$m-$c.tif" ] || { echo "FAIL: missing $m-$c.tif"; fail=1; }
  done
done
# The bad-input case must explain itself on stderr, without a stack trace.
grep -q "2DGS Inpainting: There is no selection" "$work/stderr.txt" \
  || { echo "FAIL: no clear message for the missing selection"; fail=1; }
if grep -q "at io.github.gsinpaint" "$work/stderr.txt" "$work/stdout.txt"; then
  echo "FAIL: stack trace in the output"; fail=1
fi
if [ $fail -ne 0 ]; then
  echo "--- stdout"; tail -50 "$work/stdout.txt"; echo "--- stderr"; tail -50 "$work/stderr.txt"
  exit 1
fi
echo "ImageJ 1.x integration test passed ($npass checks)"

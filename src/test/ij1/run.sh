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

# The ready ImageJ 1.x folder that `mvn package` leaves (target/ImageJ: ij.jar, plugins/,
# plugins/jars/): the test installs nothing by hand, so it also proves that folder works.
if [ ! -f target/ImageJ/ij.jar ] || ! ls target/ImageJ/plugins/GS_Inpainting-*.jar >/dev/null 2>&1; then
  mvn -B -ntp -q -DskipTests package
fi
mkdir -p "$work/out"
cp -r target/ImageJ "$work/ImageJ"
# The GUI test's dialog driver, compiled against this ImageJ (a class in plugins/ is on its path).
javac -nowarn -d "$work/ImageJ/plugins" -cp "$work/ImageJ/ij.jar" src/test/ij1/DialogDriver.java

methods=harmonic
if [ -f models/gs-inpaint-v2/model.json ] && [ -f models/gs-inpaint-v2/model.pt ]; then
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
echo "ImageJ (batch) exited with $rc after $(( $(date +%s) - start )) s"
# The GUI test: a real ImageJ window, the real dialog driven by DialogDriver, screenshots.
gmethod=harmonic; [[ $methods == *2dgs* ]] && gmethod=2dgs
start=$(date +%s)
(cd "$work/ImageJ" && timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" java -Xmx2g \
  -Dai.djl.offline=true -Dplugins.dir="$work/ImageJ" -Duser.home="$work/home" \
  -jar ij.jar -macro "$root/src/test/ij1/gui.ijm" \
  "$root/src/test/resources/samples|$work/out|$root/macros|$gmethod") >"$work/gui-stdout.txt" 2>"$work/gui-stderr.txt"
echo "ImageJ (GUI) exited with $? after $(( $(date +%s) - start )) s"
set -e
# The batch macro headless (no display at all, as on a server): masks by name without extension,
# stray files ignored, a broken file named, exit status 1 because one failed.
b="$work/batch"; mkdir -p "$b/images/sub" "$b/masks" "$b/out"
cp src/test/resources/samples/face.png "$b/images/scratched.png"
cp src/test/resources/samples/face-mask.png "$b/masks/scratched.tif"
echo "not an image" >"$b/images/notes.txt"
echo "not a PNG" >"$b/images/broken.png"; cp src/test/resources/samples/face-mask.png "$b/masks/broken.png"
batch_rc=0
(cd "$work/ImageJ" && timeout 120 java -Djava.awt.headless=true -Dai.djl.offline=true \
  -Dplugins.dir="$work/ImageJ" -Duser.home="$work/home" -jar ij.jar -batch \
  "$root/macros/batch-repair-folder.ijm" "$b/images|$b/masks|$b/out|method=harmonic") >"$work/batch.txt" 2>&1 \
  || batch_rc=$?
# Screenshots for docs/ (docs/FIJI.md shows them); kept when SCREENSHOTS_DIR is set.
if [ -n "${SCREENSHOTS_DIR:-}" ]; then
  mkdir -p "$SCREENSHOTS_DIR"; cp "$work/out"/*.png "$SCREENSHOTS_DIR"/ 2>/dev/null || true
fi

fail=0
if [ ! -f "$work/out/done.txt" ]; then echo "FAIL: the macro did not finish"; fail=1; fi
if [ -f "$work/out/gui-report.txt" ]; then
  grep -v '^done$' "$work/out/gui-report.txt"
  grep -qx done "$work/out/gui-report.txt" || { echo "FAIL: the GUI macro did not finish"; fail=1; }
  grep -q '^FAIL' "$work/out/gui-report.txt" && fail=1
  gpass=$(grep -c '^PASS' "$work/out/gui-report.txt" || true)
  [ "$gpass" -eq 21 ] || { echo "FAIL: $gpass GUI checks passed, expected 21"; fail=1; }
  for f in dialog.png dialog-preview.png before-after.png; do
    [ -s "$work/out/$f" ] || { echo "FAIL: no screenshot $f"; fail=1; }
  done
else
  echo "FAIL: no GUI report"; fail=1
fi
echo "headless batch macro (exit status $batch_rc):"; sed 's/^/  /' "$work/batch.txt"
[ "$batch_rc" -eq 1 ] || { echo "FAIL: headless batch: exit status $batch_rc, expected 1 (one broken file)"; fail=1; }
[ -s "$b/out/scratched-inpainted.tif" ] || { echo "FAIL: headless batch: no scratched-inpainted.tif"; fail=1; }
grep -q "Could not repair broken.png" "$work/batch.txt" || { echo "FAIL: headless batch: the broken file is not named"; fail=1; }
grep -q "notes" "$work/batch.txt" && { echo "FAIL: headless batch: a stray file was reported"; fail=1; }
grep -q "1 repaired, 1 failed, 0 without a mask" "$work/batch.txt" || { echo "FAIL: headless batch: wrong summary"; fail=1; }
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
  echo "--- GUI stdout"; tail -30 "$work/gui-stdout.txt"; echo "--- GUI stderr"; tail -30 "$work/gui-stderr.txt"
  exit 1
fi
echo "ImageJ 1.x integration test passed ($npass checks)"

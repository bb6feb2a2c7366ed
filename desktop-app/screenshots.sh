#!/usr/bin/env bash
# Screenshots of every main window in Japanese and English, taken under Xvfb, saved as
# docs/screenshots/<lang>-<window>.png (linked from the README).
#
#   desktop-app/screenshots.sh            # from anywhere in the checkout
#
# Needs xvfb-run (Debian: xvfb) and a Japanese font (fonts-noto-cjk) for the Japanese pictures. Builds the app and
# its test classes when needed, then starts the real app twice (--lang=ja, --lang=en) on a fresh data folder,
# so the first-run set-up is in the pictures too. The pictures are JavaFX snapshots of each window's scene
# (dev.hikyaku.app.ScreenshotMain in the test tree): every tab of the main window, every page of a tab that has
# pages, and every other open window; new tabs are picked up without touching this script.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/docs/screenshots"
cd "$root"

for tool in xvfb-run java; do
    command -v "$tool" >/dev/null || { echo "screenshots.sh: $tool is missing (Debian: apt-get install xvfb)" >&2; exit 1; }
done
fc-list :lang=ja 2>/dev/null | grep -q . \
    || echo "screenshots.sh: no Japanese font found; the Japanese pictures will show boxes (apt-get install fonts-noto-cjk)" >&2

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./mvnw -B -ntp -q -pl desktop-app test-compile
./mvnw -B -ntp -q -pl desktop-app org.apache.maven.plugins:maven-dependency-plugin:3.7.0:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
classpath="desktop-app/target/test-classes:desktop-app/target/classes:$(cat "$work/classpath.txt")"

mkdir -p "$out"
rm -f "$out"/*.png
for lang in ja en; do
    data="$work/data-$lang"
    mkdir -p "$data"
    # The software renderer: Xvfb has no GPU, and the pictures should not depend on one.
    xvfb-run -a -s "-screen 0 1280x800x24" \
        java -Dprism.order=sw -Duser.language="$lang" -cp "$classpath" \
        dev.hikyaku.app.ScreenshotMain "$out" "$lang" "$data" \
        | grep '^wrote ' || { echo "screenshots.sh: the $lang run failed" >&2; exit 1; }
done
echo "screenshots in $out"

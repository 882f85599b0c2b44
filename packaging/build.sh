#!/usr/bin/env bash
# Build the one-folder bundle from a clean checkout: dist/spacetrash/spacetrash (+ its _internal/).
#
#   bash packaging/build.sh                 # own build venv in build/pkg-venv
#   VENV=.venv bash packaging/build.sh      # reuse an existing venv (CI reuses the test venv)
#
# Then: dist/spacetrash/spacetrash self-test
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null 2>&1 || PY=python3
VENV=${VENV:-build/pkg-venv}
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/pip" install -q -e '.[packaging]'
# Qt's X11 platform plugin needs these client libraries; the bundle carries them only if the build
# machine has them (otherwise the window works only where the laptop has them installed).
XCB_LIBS="libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-cursor.so.0 libxcb-image.so.0 libxcb-render-util.so.0 libxkbcommon-x11.so.0"
for lib in $XCB_LIBS; do
  if ! ldconfig -p 2>/dev/null | grep -q "$lib"; then
    echo "build: WARNING: $lib is not installed here, so the bundle will not carry it" >&2
    echo "       (Debian: apt-get install libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 libxkbcommon-x11-0)" >&2
  fi
done
rm -rf dist/spacetrash build/pyinstaller
start=$(date +%s)
"$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN packaging/spacetrash.spec \
  --distpath dist --workpath build/pyinstaller
# Debug symbols of a few large libraries are ~35 MB of the bundle. Strip only these: stripping the
# auditwheel-repaired libraries (numpy.libs, scipy.libs) breaks them.
if command -v strip >/dev/null 2>&1; then
  for lib in dist/spacetrash/_internal/libpython3*.so* dist/spacetrash/_internal/pyarrow/lib*.so* \
             dist/spacetrash/_internal/xgboost/lib/libxgboost.so; do
    [ -f "$lib" ] && strip --strip-unneeded "$lib" 2>/dev/null || true
  done
fi
secs=$(( $(date +%s) - start ))
size=$(du -sm dist/spacetrash | cut -f1)
echo "build: dist/spacetrash built in ${secs} s, ${size} MB"
echo "largest parts:"
# awk reads the whole list (head would close the pipe early: SIGPIPE, exit 141 under pipefail)
du -sm dist/spacetrash/_internal/* | sort -rn | awk 'NR <= 8 {printf "  %5d MB  %s\n", $1, $2}'

#!/usr/bin/env bash
# Prints the path of a Python that has scikit-learn and numpy, for the benchmarks that run the
# scikit-learn side themselves (./emolab bench classifiers). Makes build/bench-venv on first use
# (pip, from whatever index pip is configured with); kept apart from the project venv build/venv so
# that the notebooks' environment does not carry scikit-learn. Exit 1 (and a reason on stderr) when
# no such Python can be had; the benchmark then runs EmoLab's side alone.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VENV="$ROOT/build/bench-venv"
ok() { "$1" -c 'import sklearn, numpy' 2>/dev/null; }
if [ -x "$VENV/bin/python" ] && ok "$VENV/bin/python"; then echo "$VENV/bin/python"; exit 0; fi
base=${EMOLAB_PYTHON:-python3}
command -v "$base" >/dev/null || base=/usr/bin/python3
echo "[bench] making $VENV with scikit-learn and numpy (pip install scikit-learn numpy)" >&2
mkdir -p "$ROOT/build"
if ! { [ -x "$VENV/bin/python" ] || "$base" -m venv "$VENV" >&2; } \
   || ! "$VENV/bin/python" -m pip install --disable-pip-version-check -q scikit-learn numpy >&2 \
   || ! ok "$VENV/bin/python"; then
  echo "[bench] could not set up scikit-learn in $VENV" >&2
  exit 1
fi
echo "$VENV/bin/python"

#!/usr/bin/env bash
# EmoLab environment set-up: Python with Jupyter (the project venv build/venv from
# environment/requirements.txt, or Debian's packages as the fallback), the lib jar and its classpath,
# the Java kernel (rapaio-jupyter-kernel, fetched through Maven) and a kernelspec "Java 17 (EmoLab)"
# under build/jupyter. Idempotent: a second run with nothing changed prints and writes nothing. Environment:
#   EMOLAB_HEAP   kernel heap (-Xmx), default 4g
#   EMOLAB_SKIP_BUILD=1   do not (re)build the lib jar (the test command builds it itself)
#   EMOLAB_TEST_DEPS=1    also install the test-only parts (selenium; as root on Debian: chromium, chromium-driver)
#   EMOLAB_PYTHON         the python3 (>= 3.9) to make the venv with (default: python3 on PATH)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build"
KERNEL_VERSION=3.0.1
HEAP=${EMOLAB_HEAP:-4g}
MVN=(mvn -B -q -Dstyle.color=never)
say() { echo "[setup] $*" >&2; }

mkdir -p "$BUILD"

# 1. Java and Maven -----------------------------------------------------------------------------
command -v java >/dev/null || { say "java not found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)"; exit 1; }
command -v mvn >/dev/null || { say "mvn not found: install Maven 3.8+ (Debian: apt-get install maven)"; exit 1; }
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/{print $2}')
if [ "${jv%%.*}" -lt 17 ] 2>/dev/null; then say "Java $jv found; EmoLab needs Java 17 or newer"; exit 1; fi

# 2. Python and Jupyter: the project venv build/venv, else Debian's packages ----------------------
# build/python is the interpreter every EmoLab command uses: a tiny wrapper script (a symlink to a
# venv's python would not activate the venv) that runs build/venv/bin/python, or /usr/bin/python3 in
# the Debian fallback. The venv is (re)installed only when environment/requirements.txt changes
# (stamp: build/venv/.emolab-requirements); a venv or pip failure is remembered in
# build/.venv-failed (delete it to try again) so that later runs stay quiet.
VENV="$BUILD/venv"
REQ="$ROOT/environment/requirements.txt"
REQ_TEST="$ROOT/environment/requirements-test.txt"
VSTAMP="$VENV/.emolab-requirements"
TSTAMP="$VENV/.emolab-requirements-test"
VFAILED="$BUILD/.venv-failed"
# pip retries an unreachable index 5 times with back-off, for every package: where pip is set up
# with local indexes and no public one (as on the CI machine) that costs minutes. One retry here,
# unless PIP_RETRIES says otherwise.
PIP=(--disable-pip-version-check --progress-bar off)
[ -n "${PIP_RETRIES:-}" ] || PIP+=(--retries 1)
pip_install() {   # pip's output goes to build/pip-install.log; its tail is shown when it fails
  local log="$BUILD/pip-install.log"
  if "$VENV/bin/python" -m pip install "${PIP[@]}" -r "$1" > "$log" 2>&1; then return 0; fi
  tail -n 15 "$log" >&2; say "pip install -r $1 failed (full log: build/pip-install.log)"; return 1
}
is_root_debian() { [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; }
apt_updated=0
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ "$apt_updated" = 1 ] || { apt-get update -q >&2; apt_updated=1; }
  apt-get install -y -q --no-install-recommends "$@" >&2
}
# the base interpreter for the venv: $EMOLAB_PYTHON, else python3 on PATH, else /usr/bin/python3 (>= 3.9)
base_python() {
  local c
  for c in "${EMOLAB_PYTHON:-}" python3 /usr/bin/python3; do
    [ -n "$c" ] && command -v "$c" >/dev/null 2>&1 || continue
    "$c" -c 'import sys, venv; sys.exit(sys.version_info < (3, 9))' 2>/dev/null && { command -v "$c"; return 0; }
  done
  return 1
}
venv_works() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import sys; sys.exit(sys.prefix == sys.base_prefix)' 2>/dev/null; }
make_venv() {   # prints nothing on success but the progress lines; returns non-zero on any failure
  local base
  base=$(base_python) || { say "no python3 >= 3.9 with the venv module found"; return 1; }
  if ! venv_works; then
    rm -rf "$VENV"
    say "creating the project venv build/venv with $base ($("$base" -c 'import platform; print(platform.python_version())'))"
    if ! "$base" -m venv "$VENV" >&2; then
      rm -rf "$VENV"
      # Debian's python3 ships venv's ensurepip separately
      is_root_debian && [ "$base" = /usr/bin/python3 ] || return 1
      say "installing Debian's python3-venv"
      apt_install python3-venv || return 1
      "$base" -m venv "$VENV" >&2 || { rm -rf "$VENV"; return 1; }
    fi
  fi
  if ! cmp -s "$REQ" "$VSTAMP"; then
    say "installing JupyterLab, Notebook, nbconvert, nbclient into build/venv (environment/requirements.txt; a minute or two; log: build/pip-install.log)"
    rm -f "$VSTAMP" "$TSTAMP"
    pip_install "$REQ" || return 1
    "$VENV/bin/python" -c 'import jupyterlab, notebook, nbconvert, nbclient, nbformat, jupyter_client' || return 1
    cp "$REQ" "$VSTAMP.tmp" && mv "$VSTAMP.tmp" "$VSTAMP"
  fi
}
debian_jupyter_ok() {
  [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import nbclient, nbconvert, nbformat, jupyter_client, notebook' 2>/dev/null
}
debian_jupyter() {
  debian_jupyter_ok && return 0
  if is_root_debian; then
    say "installing Debian's Jupyter packages (jupyter-notebook python3-nbconvert python3-nbclient)"
    apt_install jupyter-notebook python3-nbconvert python3-nbclient python3-ipykernel
  else
    cat >&2 <<'MSG'
[setup] Jupyter is missing and the project venv could not be made (see above). Either
  make `python3 -m venv` and pip work (Python >= 3.9; Debian/Ubuntu: apt-get install python3-venv),
  or set EMOLAB_PYTHON to a python3 >= 3.9 that has venv, then run this again;
  or install Debian's packages as root: apt-get install jupyter-notebook python3-nbconvert python3-nbclient
MSG
    exit 1
  fi
  debian_jupyter_ok || { say "Jupyter still not importable by /usr/bin/python3 after installing"; exit 1; }
}
USE_VENV=0
if [ -f "$VFAILED" ] && cmp -s "$REQ" "$VFAILED"; then
  :   # venv or pip failed before with these requirements: stay with the fallback, quietly
elif make_venv; then
  USE_VENV=1; rm -f "$VFAILED"
else
  say "the project venv could not be set up; falling back to Debian's Jupyter packages (classic Notebook 6, no JupyterLab)."
  say "  (this is remembered in build/.venv-failed: delete it, or change requirements.txt, to try the venv again)"
  cp "$REQ" "$VFAILED"
fi
if [ "$USE_VENV" = 1 ]; then TARGET_PY="$VENV/bin/python"; else debian_jupyter; TARGET_PY=/usr/bin/python3; fi
# the wrapper build/python (rewritten only when it changes; set-up says which Python it now uses)
WRAP="#!/bin/sh
# Generated by environment/setup.sh: the Python EmoLab uses ($( [ "$USE_VENV" = 1 ] && echo 'the project venv' || echo "Debian's, the fallback")).
exec '$TARGET_PY' \"\$@\"
"
if [ "$(cat "$BUILD/python" 2>/dev/null)
" != "$WRAP" ]; then
  rm -f "$BUILD/python.tmp"; printf '%s' "$WRAP" > "$BUILD/python.tmp"; chmod 755 "$BUILD/python.tmp"; mv -f "$BUILD/python.tmp" "$BUILD/python"
  if [ "$USE_VENV" = 1 ]; then say "Python: the project venv (build/python -> $TARGET_PY)"
  else say "Python: Debian's /usr/bin/python3 with Debian's Jupyter packages (fallback; build/python -> /usr/bin/python3)"; fi
fi
PY="$BUILD/python"

# 2b. Test-only: selenium (venv) and Debian's chromium + chromium-driver for the JupyterLab browser test
if [ "${EMOLAB_TEST_DEPS:-0}" = 1 ]; then
  if [ "$USE_VENV" = 1 ] && ! cmp -s "$REQ_TEST" "$TSTAMP"; then
    say "installing the test-only Python packages into build/venv (environment/requirements-test.txt: selenium)"
    if pip_install "$REQ_TEST"; then
      cp "$REQ_TEST" "$TSTAMP.tmp" && mv "$TSTAMP.tmp" "$TSTAMP"
    else say "could not install selenium: the browser test will be skipped"; fi
  fi
  if ! { command -v chromium >/dev/null && command -v chromedriver >/dev/null; }; then
    if is_root_debian; then
      say "installing Debian's chromium and chromium-driver (test only: the JupyterLab browser test)"
      apt_install chromium chromium-driver || say "could not install chromium: the browser test will be skipped"
    elif [ ! -f "$BUILD/.chromium-missing-said" ]; then
      say "chromium/chromedriver not found: the JupyterLab browser test will be skipped (Debian: apt-get install chromium chromium-driver)"
      touch "$BUILD/.chromium-missing-said"
    fi
  fi
fi

# 3. The lib jar (rebuilt only when a source or POM is newer than the last build) ----------------
JAR="$ROOT/lib/target/emolab-lib.jar"
STAMP="$BUILD/.lib-built"
if [ "${EMOLAB_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$JAR" ] || [ ! -f "$STAMP" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT/lib/pom.xml" "$ROOT/lib/src/main" -newer "$STAMP" -print -quit)" ]; then
    say "building lib (mvn package -DskipTests)"
    (cd "$ROOT" && "${MVN[@]}" -DskipTests package -pl lib -am)
    touch "$STAMP"
  fi
fi

# 4. The lib's runtime classpath (dependency jars in the local Maven repository) ----------------
CP_FILE="$BUILD/lib-deps.classpath"
if [ ! -s "$CP_FILE" ] || [ "$ROOT/pom.xml" -nt "$CP_FILE" ] || [ "$ROOT/lib/pom.xml" -nt "$CP_FILE" ]; then
  say "resolving the lib's runtime classpath"
  (cd "$ROOT" && "${MVN[@]}" dependency:build-classpath -pl lib -DincludeScope=runtime -Dmdep.outputFile="$CP_FILE.tmp")
  mv "$CP_FILE.tmp" "$CP_FILE"
fi

# 5. The kernel jar, through Maven ----------------------------------------------------------------
KJAR="$BUILD/kernel/rapaio-jupyter-kernel-$KERNEL_VERSION.jar"
if [ ! -f "$KJAR" ]; then
  say "fetching io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION through Maven"
  (cd "$ROOT" && "${MVN[@]}" dependency:copy -Dartifact=io.github.padreati:rapaio-jupyter-kernel:$KERNEL_VERSION \
      -DoutputDirectory="$BUILD/kernel" -Dmdep.overWriteIfNewer=true)
fi

# 5b. EmoLab's fixes of the kernel (environment/kernel-patch/): five of rapaio-jupyter-kernel
#     3.0.1's classes replaced — every kernel start answers (LoopThread, ShellChannel), an
#     interrupted cell stops and answers and the kernel lives on (ControlChannel,
#     RapaioExecutionControl), control requests are answered on the control socket without
#     disturbing the shell thread (ControlChannel, IOPubChannel). Compiled against the jar and put before it on the kernel's class
#     path; the class comments say why. Recompiled when the sources change.
PATCH_ROOT="$ROOT/environment/kernel-patch"
PATCH_DIR="$BUILD/kernel/patch-$KERNEL_VERSION"
PATCH_STAMP="$PATCH_DIR/.sources"
PATCH_SUM="$(cd "$PATCH_ROOT" && find . -name '*.java' | LC_ALL=C sort | xargs cat | cksum)"
if [ ! -f "$PATCH_STAMP" ] || [ "$(cat "$PATCH_STAMP")" != "$PATCH_SUM" ]; then
  say "compiling EmoLab's fixes of the kernel (environment/kernel-patch)"
  rm -rf "$PATCH_DIR.tmp"
  javac -nowarn --release 17 -d "$PATCH_DIR.tmp" -cp "$KJAR" $(find "$PATCH_ROOT" -name '*.java' | LC_ALL=C sort) \
    || { echo "[setup] javac failed on $PATCH_ROOT" >&2; exit 1; }
  echo "$PATCH_SUM" > "$PATCH_DIR.tmp/.sources"
  rm -rf "$PATCH_DIR" && mv "$PATCH_DIR.tmp" "$PATCH_DIR"
fi

# 6. The kernelspec (rewritten only when its content changes) ------------------------------------
SPEC_DIR="$BUILD/jupyter/kernels/emolab-java"
mkdir -p "$SPEC_DIR" "$BUILD/home" "$BUILD/javacpp-cache" "$BUILD/mima-cache"
"$PY" - "$SPEC_DIR" "$ROOT" "$BUILD" "$KJAR" "$JAR" "$CP_FILE" "$HEAP" "$PATCH_DIR" <<'PYEOF'
import json, os, shlex, sys
spec_dir, root, build, kjar, jar, cpfile, heap, patch = sys.argv[1:]
deps = open(cpfile).read().strip()
logs = os.path.join(build, "kernel-logs")

def write_if_changed(path, text, mode=None):
    old = open(path).read() if os.path.exists(path) else None
    if text != old:
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        if mode:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
        print("[setup] wrote " + path, file=sys.stderr)

# The launcher: the JVM options of the kernel (heap, headless AWT, user.home and the JavaCPP cache
# inside build/), with the kernel's own log lines sent to build/kernel-logs/ instead of the terminal.
jvm = ["-Xmx" + heap, "-Djava.awt.headless=true",
       "-Duser.home=" + os.path.join(build, "home"),
       "-Dorg.bytedeco.javacpp.cachedir=" + os.path.join(build, "javacpp-cache"),
       "-Demolab.home=" + root]
launcher = "\n".join([
    "#!/bin/sh",
    "# Generated by environment/setup.sh: starts rapaio-jupyter-kernel for EmoLab.",
    "mkdir -p " + shlex.quote(logs),
    "exec java ${EMOLAB_KERNEL_JAVA_OPTS:-} " + " ".join(shlex.quote(a) for a in jvm)
    + " -cp " + shlex.quote(patch + os.pathsep + kjar) + " org.rapaio.jupyter.kernel.MainApp"
    + ' "$1" >> ' + shlex.quote(os.path.join(logs, "kernel.log")) + " 2>&1",
    ""])
write_if_changed(os.path.join(spec_dir, "kernel.sh"), launcher, 0o755)
spec = {
    "argv": ["/bin/sh", os.path.join(spec_dir, "kernel.sh"), "{connection_file}"],
    "display_name": "Java 17 (EmoLab)",
    "language": "java",
    "interrupt_mode": "message",
    "env": {
        # the kernel splits RJK_CLASSPATH on ';' (on every OS)
        "RJK_CLASSPATH": ";".join([jar] + [d for d in deps.split(os.pathsep) if d]),
        "RJK_COMPILER_OPTIONS": "",
        "RJK_INIT_SCRIPT": "",
        "RJK_TIMEOUT_MILLIS": "-1",
        "RJK_MIMA_CACHE": os.path.join(build, "mima-cache"),
        "EMOLAB_HOME": root,
    },
}
write_if_changed(os.path.join(spec_dir, "kernel.json"), json.dumps(spec, indent=2) + "\n")
PYEOF

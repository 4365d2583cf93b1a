#!/usr/bin/env bash
# EmoLab environment set-up: Jupyter (Debian packages), the lib jar and its classpath, the Java kernel
# (rapaio-jupyter-kernel, fetched through Maven) and a kernelspec "Java 17 (EmoLab)" under build/jupyter.
# Idempotent: a second run with nothing changed does nothing. Environment:
#   EMOLAB_HEAP   kernel heap (-Xmx), default 4g
#   EMOLAB_SKIP_BUILD=1   do not (re)build the lib jar (the test command builds it itself)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build"
PY=/usr/bin/python3
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

# 2. Jupyter (classic Notebook + nbconvert + nbclient) --------------------------------------------
jupyter_ok() {
  [ -x /usr/bin/jupyter ] && [ -x "$PY" ] && "$PY" -c 'import nbclient, nbconvert, nbformat, jupyter_client' 2>/dev/null
}
if ! jupyter_ok; then
  if [ "$(id -u)" = 0 ] && [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    say "installing Debian's Jupyter packages (jupyter-notebook python3-nbconvert python3-nbclient)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2
    apt-get install -y -q jupyter-notebook python3-nbconvert python3-nbclient python3-ipykernel >&2
  else
    cat >&2 <<'MSG'
[setup] Jupyter is missing. Install it, then run this again:
  Debian/Ubuntu (as root):  apt-get install jupyter-notebook python3-nbconvert python3-nbclient
  elsewhere (needs PyPI):   pip install notebook nbconvert nbclient      (JupyterLab: pip install jupyterlab)
  EmoLab calls /usr/bin/jupyter and /usr/bin/python3; with a pip install, set EMOLAB_PYTHON to that python.
MSG
    exit 1
  fi
  jupyter_ok || { say "Jupyter still not importable by $PY after installing"; exit 1; }
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

# 6. The kernelspec (rewritten only when its content changes) ------------------------------------
SPEC_DIR="$BUILD/jupyter/kernels/emolab-java"
mkdir -p "$SPEC_DIR" "$BUILD/home" "$BUILD/javacpp-cache" "$BUILD/mima-cache"
"$PY" - "$SPEC_DIR" "$ROOT" "$BUILD" "$KJAR" "$JAR" "$CP_FILE" "$HEAP" <<'PYEOF'
import json, os, shlex, sys
spec_dir, root, build, kjar, jar, cpfile, heap = sys.argv[1:]
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
    + " -jar " + shlex.quote(kjar) + ' "$1" >> ' + shlex.quote(os.path.join(logs, "kernel.log")) + " 2>&1",
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

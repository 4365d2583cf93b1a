#!/usr/bin/python3
"""EmoLab notebook runner: executes every notebook in notebooks/ in order, headless, with the
"Java 17 (EmoLab)" kernel, and writes reports/<notebook>.html plus reports/index.html.

The clean notebooks in notebooks/ are never written to: executed copies go to build/executed/.
A kernel that does not start within --startup-timeout seconds (rapaio-jupyter-kernel hangs on
about one start in ten) is killed and started again, up to --start-attempts times. When a cell
fails the runner stops, names the notebook and the cell, and exits non-zero.

Run it through `./emolab run` (which sets everything up); by hand:
    JUPYTER_PATH=build/jupyter /usr/bin/python3 environment/run_notebooks.py [--out reports] [NOTEBOOK ...]
"""
import argparse
import datetime as dt
import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, DeadKernelError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "emolab-java"


def log(msg):
    print(f"[runner] {msg}", file=sys.stderr, flush=True)


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def first_error(nb):
    """(index, source head, ename, evalue) of the first cell with an error output, or None."""
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                head = cell.source.strip().splitlines()[0] if cell.source.strip() else ""
                return i, head, out.get("ename", ""), out.get("evalue", "")
    return None


def any_cell_ran(nb):
    return any(c.cell_type == "code" and c.get("execution_count") for c in nb.cells)


class RunFailure(Exception):
    def __init__(self, msg, nb=None):
        super().__init__(msg)
        self.nb = nb


def execute(path, cell_timeout, startup_timeout, attempts):
    """Executes one notebook; returns the executed notebook. Retries kernels that hang at start."""
    for attempt in range(1, attempts + 1):
        nb = nbformat.read(str(path), as_version=4)
        # a hung start is retried; later attempts wait a little longer, for a machine under load
        wait = int(startup_timeout * (1 + 0.5 * (attempt - 1)))
        client = NotebookClient(nb, timeout=cell_timeout, kernel_name=KERNEL, startup_timeout=wait,
                                allow_errors=False, resources={"metadata": {"path": str(path.parent)}})
        try:
            client.execute()
            return nb
        except CellExecutionError as e:
            err = first_error(nb)
            where = f"cell {err[0]} ({err[1]!r}): {err[2]}: {err[3]}" if err else str(e).splitlines()[-1]
            raise RunFailure(f"{path.name}: {where}", nb) from None
        except DeadKernelError as e:
            raise RunFailure(f"{path.name}: the kernel died while running ({e})", nb) from None
        except Exception as e:  # kernel start failures (RuntimeError/TimeoutError from nbclient)
            if any_cell_ran(nb):
                raise RunFailure(f"{path.name}: {type(e).__name__}: {e}", nb) from None
            log(f"{path.name}: kernel did not start within {wait} s (attempt {attempt}/{attempts}: {type(e).__name__}); retrying")
    raise RunFailure(f"{path.name}: the kernel did not start in {attempts} attempts (see build/kernel-logs/kernel.log)")


def data_source(java_cp):
    """Asks the library which data the notebooks will use (and prepares the embedded corpus)."""
    try:
        out = subprocess.run(["java", "-Xmx1g", "-Djava.awt.headless=true", "-cp", java_cp, "emolab.notebook.RunInfo"],
                             check=True, capture_output=True, text=True, cwd=ROOT)
        sys.stderr.write(out.stderr)
        return json.loads(out.stdout.strip().splitlines()[-1])
    except Exception as e:  # the index still gets written; the notebooks say what they used
        log(f"could not determine the data source: {e}")
        return {"kind": "unknown", "description": "unknown (see the notebooks)"}


def write_atomic(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name("." + path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_index(out_dir, rows, source, started, total_s):
    synthetic = source.get("kind") == "SYNTHETIC"
    banner = ("<p style='border-left:4px solid #d9822b;background:#fff4e5;padding:6px 10px'><b>Synthetic data.</b> "
              "These reports ran on EmoLab's embedded synthetic corpus (generated voices, not real speech); "
              "figures say nothing about real emotion recognition. See data/README.md for real RAVDESS.</p>"
              if synthetic else "")
    items = "\n".join(
        f"<tr><td><a href='{html.escape(r['html'])}'>{html.escape(r['title'])}</a></td>"
        f"<td><code>{html.escape(r['notebook'])}</code></td><td>{r['status']}</td>"
        f"<td style='text-align:right'>{r['seconds']:.1f} s</td></tr>" for r in rows)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>EmoLab reports</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}} td,th{{padding:4px 10px;border-bottom:1px solid #ddd}}</style>
</head><body>
<h1>EmoLab reports</h1>
{banner}
<p>Run on {html.escape(started)} · data source: <b>{html.escape(source.get('description', '?'))}</b> ·
total time {total_s:.1f} s</p>
<table><tr><th>Notebook</th><th>File</th><th>Status</th><th>Time</th></tr>
{items}
</table>
<p>Made by <code>environment/run_notebooks.py</code>; the notebooks themselves are in <code>notebooks/</code>.</p>
</body></html>
"""
    write_atomic(out_dir / "index.html", page)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("notebooks", nargs="*", help="notebooks to run (default: every notebooks/*.ipynb, in order)")
    ap.add_argument("--out", default=str(ROOT / "reports"), help="report folder (default: reports/)")
    ap.add_argument("--executed", default=str(ROOT / "build" / "executed"), help="where executed .ipynb copies go")
    ap.add_argument("--cell-timeout", type=int, default=3600, help="seconds one cell may take")
    ap.add_argument("--startup-timeout", type=int, default=20, help="seconds a kernel may take to start")
    ap.add_argument("--start-attempts", type=int, default=4, help="kernel starts per notebook (1 + 3 retries)")
    args = ap.parse_args()

    os.environ.setdefault("JUPYTER_PATH", str(ROOT / "build" / "jupyter"))
    nb_dir = ROOT / "notebooks"
    paths = [Path(p).resolve() for p in args.notebooks] or sorted(nb_dir.glob("*.ipynb"))
    if not paths:
        log(f"no notebooks in {nb_dir}")
        return 1
    out_dir, exec_dir = Path(args.out).resolve(), Path(args.executed).resolve()
    for p in paths:
        if not p.is_file():
            log(f"no such notebook: {p}")
            return 2

    cp_file = ROOT / "build" / "lib-deps.classpath"
    java_cp = str(ROOT / "lib" / "target" / "emolab-lib.jar") + os.pathsep + (cp_file.read_text().strip() if cp_file.exists() else "")
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    t_all = time.time()
    source = data_source(java_cp)
    log(f"data source: {source.get('description')}")

    exporter = HTMLExporter()
    rows, failure = [], None
    for i, path in enumerate(paths, 1):
        log(f"[{i}/{len(paths)}] {path.name} ...")
        t0 = time.time()
        html_name = path.stem + ".html"
        try:
            nb = execute(path, args.cell_timeout, args.startup_timeout, args.start_attempts)
            status = "ok"
        except RunFailure as e:
            failure, status, nb = str(e), "FAILED", e.nb
        secs = time.time() - t0
        if nb is not None:
            exec_dir.mkdir(parents=True, exist_ok=True)
            write_atomic(exec_dir / path.name, nbformat.writes(nb))
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem}})
            write_atomic(out_dir / html_name, body)
            title = title_of(nb, path.stem)
        else:
            title = title_of(nbformat.read(str(path), as_version=4), path.stem)
        rows.append({"notebook": path.name, "title": title, "html": html_name, "status": status, "seconds": secs})
        log(f"[{i}/{len(paths)}] {path.name}: {status} in {secs:.1f} s")
        if failure:
            break
    write_index(out_dir, rows, source, started, time.time() - t_all)
    if failure:
        log(f"FAILED: {failure}")
        return 1
    log(f"wrote {out_dir / 'index.html'} ({len(rows)} notebooks, {time.time() - t_all:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

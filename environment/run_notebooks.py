#!/usr/bin/python3
"""EmoLab notebook runner: executes every notebook in notebooks/ in order, headless, with the
"Java 17 (EmoLab)" kernel, and writes reports/<notebook>.html plus reports/index.html.

Every notebook is run, whatever happened to the ones before it. A notebook stops at its first
failing cell; the index shows each notebook's status (`ok`, or `failed at cell N: <what>`, N
counting every cell of the notebook from 1) and the runner exits 1 at the end, naming every
failure. A failure says which kind it was: an exception in a cell, the kernel running out of heap
(OutOfMemoryError), the kernel dying (exit code or signal), a cell time-out, a kernel that never
started.

The clean notebooks in notebooks/ are never written to: executed copies go to build/executed/.
Every file is written to a temp file and renamed, so an interrupted run leaves no half-written
report. A kernel that does not start within --startup-timeout seconds (rapaio-jupyter-kernel hangs
on about one start in ten) is killed and started again, up to --start-attempts times. The runner
owns each kernel and shuts it down itself (one asyncio loop, no atexit clean-up); on Linux a
kernel also dies with the runner if the runner is killed.

Run it through `./emolab run` (which sets everything up); by hand:
    JUPYTER_PATH=build/jupyter build/python environment/run_notebooks.py [--out reports] [NOTEBOOK ...]
Exit codes: 0 every notebook ok · 1 some notebook failed (all were still run) · 2 bad arguments ·
130/143 interrupted (SIGINT/SIGTERM).
"""
import argparse
import asyncio
import datetime as dt
import html
import inspect
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "emolab-java"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def log(msg):
    print(f"[runner] {msg}", file=sys.stderr, flush=True)


async def maybe_await(value):
    return await value if inspect.isawaitable(value) else value


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def one_line(text, limit=240):
    text = " ".join(ANSI.sub("", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def error_of(cell):
    """(kind, message) of the error output of a cell: kind is 'oom' or 'exception'."""
    for out in cell.get("outputs", []):
        if out.get("output_type") != "error":
            continue
        ename, evalue = out.get("ename", ""), out.get("evalue", "")
        trace = [ANSI.sub("", t).strip() for t in out.get("traceback", []) if ANSI.sub("", t).strip()]
        # the Java kernel reports every exception as "EvalException"; the first traceback line
        # names the real one (java.lang.IllegalStateException: message)
        head = trace[0] if trace and ename in ("EvalException", "") else f"{ename}: {evalue}"
        if "OutOfMemoryError" in " ".join([ename, evalue] + trace[:3]):
            return "oom", f"out of memory in the kernel ({one_line(head)})"
        return "exception", one_line(head)
    return "exception", "the cell raised an error (no error output)"


def describe_exit(code):
    if code is None:
        return "the kernel died"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"the kernel was killed by {name}"
    return f"the kernel died (exit code {code})"


def _die_with_parent():
    """Runs in the kernel's process before exec: the kernel gets SIGKILL when the runner dies."""
    try:
        import ctypes
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Outcome:
    def __init__(self, path):
        self.path = path
        self.nb = None
        self.status = "ok"       # "ok" or "failed at cell N: ..." / "failed: ..."
        self.kind = "ok"         # ok | exception | oom | died | timeout | no-start
        self.seconds = 0.0

    @property
    def ok(self):
        return self.kind == "ok"

    def fail(self, kind, cell_index, message):
        self.kind = kind
        where = f"failed at cell {cell_index + 1}" if cell_index is not None else "failed"
        self.status = f"{where}: {message}"


class Runner:
    def __init__(self, args):
        self.args = args
        self.stopping = False  # set on SIGINT/SIGTERM: a cancelled cell is not a dead kernel

    async def start_kernel(self, cwd, wait):
        km = AsyncKernelManager(kernel_name=KERNEL)
        kw = {"cwd": cwd}
        if sys.platform.startswith("linux"):
            kw["preexec_fn"] = _die_with_parent
        await km.start_kernel(**kw)
        kc = km.client()
        kc.start_channels()
        try:
            await kc.wait_for_ready(timeout=wait)
        except BaseException:
            await self.stop_kernel(km, kc)
            raise
        return km, kc

    async def stop_kernel(self, km, kc):
        """Shuts the kernel down (politely, then by force) and releases its ports and files."""
        try:
            kc.stop_channels()
        except Exception:
            pass
        try:
            alive = await maybe_await(km.is_alive())
            await maybe_await(km.shutdown_kernel(now=not alive))
        except Exception as e:  # already dead or half-started: make sure the process is gone
            try:
                if km.has_kernel:
                    await maybe_await(km.provisioner.kill())
                    await maybe_await(km.provisioner.wait())
            except Exception:
                pass
            if not isinstance(e, RuntimeError):
                log(f"shutting the kernel down: {type(e).__name__}: {e}")
        try:
            await maybe_await(km.cleanup_resources())
        except Exception:
            pass

    async def kernel_exit_code(self, km):
        try:
            prov = km.provisioner
            if prov is not None and getattr(prov, "process", None) is not None:
                for _ in range(50):  # the process may take a moment to be reaped
                    code = prov.process.poll()
                    if code is not None:
                        return code
                    await asyncio.sleep(0.1)
        except Exception:
            pass
        return None

    async def execute(self, path):
        """Executes one notebook; returns its Outcome (never raises for a notebook's own failure)."""
        a = self.args
        res = Outcome(path)
        nb = nbformat.read(str(path), as_version=4)
        res.nb = nb
        for attempt in range(1, a.start_attempts + 1):
            # a hung start is retried; later attempts wait a little longer, for a machine under load
            wait = int(a.startup_timeout * (1 + 0.5 * (attempt - 1)))
            try:
                km, kc = await self.start_kernel(str(path.parent), wait)
                break
            except (RuntimeError, TimeoutError, asyncio.TimeoutError) as e:
                log(f"{path.name}: kernel did not start within {wait} s (attempt {attempt}/{a.start_attempts}: "
                    f"{type(e).__name__}); {'retrying' if attempt < a.start_attempts else 'giving up'}")
        else:
            res.fail("no-start", None, f"the kernel did not start in {a.start_attempts} attempts "
                                       "(see build/kernel-logs/kernel.log)")
            return res

        client = NotebookClient(nb, km=km, kernel_name=KERNEL, timeout=a.cell_timeout, allow_errors=False,
                                resources={"metadata": {"path": str(path.parent)}})
        client.kc = kc
        index = None
        try:
            info = await client.async_wait_for_reply(kc.kernel_info())
            if info and "language_info" in info.get("content", {}):
                nb.metadata["language_info"] = info["content"]["language_info"]
            for index, cell in enumerate(nb.cells):
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            index = None
        except CellTimeoutError:
            res.fail("timeout", index, f"timed out after {a.cell_timeout} s (--cell-timeout)")
        except DeadKernelError:
            if self.stopping:  # nbclient turns the cancellation of a running cell into DeadKernelError
                raise asyncio.CancelledError() from None
            res.fail("died", index, describe_exit(await self.kernel_exit_code(km))
                     + " (see build/kernel-logs/kernel.log)")
        except CellExecutionError:
            kind, message = error_of(nb.cells[index])
            res.fail(kind, index, message)
        finally:
            await self.stop_kernel(km, kc)
        return res


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
    failed = [r for r in rows if r["status"] != "ok"]
    summary = (f"<p style='color:#b00020'><b>{len(failed)} of {len(rows)} notebooks failed.</b></p>" if failed
               else f"<p>All {len(rows)} notebooks ran to the end.</p>")
    items = "\n".join(
        f"<tr><td>{link(r)}</td>"
        f"<td><code>{html.escape(r['notebook'])}</code></td>"
        f"<td class='{'ok' if r['status'] == 'ok' else 'failed'}'>{html.escape(r['status'])}</td>"
        f"<td style='text-align:right'>{r['seconds']:.1f} s</td></tr>" for r in rows)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>EmoLab reports</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}} td,th{{padding:4px 10px;border-bottom:1px solid #ddd}}
td.ok{{color:#1b5e20}} td.failed{{color:#b00020}}</style>
</head><body>
<h1>EmoLab reports</h1>
{banner}
<p>Run on {html.escape(started)} · data source: <b>{html.escape(source.get('description', '?'))}</b> ·
total time {total_s:.1f} s</p>
{summary}
<table><tr><th>Notebook</th><th>File</th><th>Status</th><th>Time</th></tr>
{items}
</table>
<p>Made by <code>environment/run_notebooks.py</code>; the notebooks themselves are in <code>notebooks/</code>.</p>
</body></html>
"""
    write_atomic(out_dir / "index.html", page)


def link(r):
    if r.get("html"):
        return f"<a href='{html.escape(r['html'])}'>{html.escape(r['title'])}</a>"
    return html.escape(r["title"])


async def run_all(runner, paths, out_dir, exec_dir):
    cp_file = ROOT / "build" / "lib-deps.classpath"
    java_cp = str(ROOT / "lib" / "target" / "emolab-lib.jar") + os.pathsep + (cp_file.read_text().strip() if cp_file.exists() else "")
    started = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    t_all = time.time()
    source = data_source(java_cp)
    log(f"data source: {source.get('description')}")

    exporter = HTMLExporter()
    rows, failures = [], []
    for i, path in enumerate(paths, 1):
        log(f"[{i}/{len(paths)}] {path.name} ...")
        t0 = time.time()
        res = await runner.execute(path)
        if runner.stopping:
            raise asyncio.CancelledError()
        res.seconds = time.time() - t0
        html_name = path.stem + ".html"
        exec_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(exec_dir / path.name, nbformat.writes(res.nb))
        try:
            body, _ = exporter.from_notebook_node(res.nb, resources={"metadata": {"name": path.stem}})
            write_atomic(out_dir / html_name, body)
        except Exception as e:  # a report that cannot be converted is a failure too, but not the end
            log(f"{path.name}: could not write the HTML report: {type(e).__name__}: {e}")
            html_name = None
            if res.ok:
                res.fail("report", None, f"the HTML report could not be written ({type(e).__name__}: {one_line(e)})")
        rows.append({"notebook": path.name, "title": title_of(res.nb, path.stem), "html": html_name,
                     "status": res.status, "kind": res.kind, "seconds": res.seconds})
        log(f"[{i}/{len(paths)}] {path.name}: {res.status} ({res.seconds:.1f} s)")
        if not res.ok:
            failures.append(f"{path.name}: {res.status}")
        # the index is rewritten after every notebook: an interrupted run still has one that is true so far
        write_index(out_dir, rows, source, started, time.time() - t_all)
    total = time.time() - t_all
    log(f"wrote {out_dir / 'index.html'} ({len(rows)} notebooks, {total:.1f} s)")
    if failures:
        log(f"{len(failures)} of {len(rows)} notebooks FAILED:")
        for f in failures:
            log(f"  {f}")
        return 1
    return 0


async def main_async(args, paths, out_dir, exec_dir):
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    got = []
    runner = Runner(args)

    def on_signal(signum):
        got.append(signum)
        runner.stopping = True
        log(f"{signal.Signals(signum).name}: stopping (shutting the kernel down)")
        task.cancel()

    for s in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(s, on_signal, s)
        except (NotImplementedError, RuntimeError):
            pass
    try:
        return await run_all(runner, paths, out_dir, exec_dir)
    except asyncio.CancelledError:
        if got:
            return 128 + got[0]
        raise


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
    for p in paths:
        if not p.is_file():
            log(f"no such notebook: {p}")
            return 2
    out_dir, exec_dir = Path(args.out).resolve(), Path(args.executed).resolve()
    return asyncio.run(main_async(args, paths, out_dir, exec_dir))


if __name__ == "__main__":
    sys.exit(main())

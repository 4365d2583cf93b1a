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
on about one start in ten without EmoLab's fix in environment/kernel-patch; kept as a safety net) is killed and started again, up to --start-attempts times. The runner
owns each kernel and shuts it down itself (one asyncio loop, no atexit clean-up); on Linux a
kernel also dies with the runner if the runner is killed.

Run it through `./emolab run` (which sets everything up); by hand:
    JUPYTER_PATH=build/jupyter build/python environment/run_notebooks.py [--out reports] [NOTEBOOK ...]
Exit codes: 0 every notebook ok · 1 some notebook failed (all were still run) · 2 bad arguments ·
130/143 interrupted (SIGINT/SIGTERM).
"""
import argparse
import asyncio
import base64
import datetime as dt
import html
import inspect
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
from jupyter_client import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
KERNEL = "emolab-java"
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HEADLINE_MIME = "text/vnd.emolab.headline"      # emolab.notebook.Headline.MIME (Session.headline)
DATA_SOURCE_MIME = "text/vnd.emolab.datasource"  # EmoLabDisplayProvider.DATA_SOURCE_MIME (a displayed DataSource)
THUMB_WIDTH = 240
# hidden cells, run by the runner around a notebook and never saved in it or its report
WATCH_HEAP = "emolab.notebook.KernelStats.watch();"
WATCH_HEAP_TO = "emolab.notebook.KernelStats.watch({});"  # + a file the kernel keeps its peak in
REPORT_HEAP = "System.out.println(emolab.notebook.KernelStats.json());"


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
        if trace and ename in ("EvalException", ""):
            head = trace[0]
        elif evalue.strip():
            head = f"{ename}: {evalue}"
        else:  # e.g. CompilerException: the traceback has the message, between lines quoting the source
            head = f"{ename}: " + "; ".join(t for t in trace if not t.startswith("|"))
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
        self.heap = None         # {"peakHeapBytes": ..., "maxHeapBytes": ..., "method": ...} from the kernel
        self.start_seconds = None  # wall time until the kernel answered, retries of a hung start included

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

    async def hidden(self, client, code, timeout=120):
        """Runs `code` in the kernel as a cell that is not part of the notebook; its stdout, or None."""
        cell = nbformat.v4.new_code_cell(code)
        saved, old_timeout = client.code_cells_executed, client.timeout
        client.timeout = timeout
        client.nb.cells.append(cell)  # nbclient stores the executed cell back at its index
        try:
            await client.async_execute_cell(cell, len(client.nb.cells) - 1, store_history=False)
            return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")
        except (CellExecutionError, CellTimeoutError) as e:
            log(f"hidden cell {code!r} failed: {one_line(e, 160)}")
            return None
        except DeadKernelError:
            if self.stopping:
                raise asyncio.CancelledError() from None
            return None  # the notebook's own cells will meet (and report) the dead kernel
        finally:
            client.nb.cells.pop()
            client.code_cells_executed, client.timeout = saved, old_timeout

    async def heap_stats(self, client):
        text = await self.hidden(client, REPORT_HEAP, timeout=30)
        if not text:  # a kernel that cannot answer (e.g. wedged by an OutOfMemoryError): its last written peak
            try:
                text = self.heap_file.read_text()
            except (OSError, AttributeError):
                text = None
        for line in reversed((text or "").splitlines()):
            if line.startswith("{"):
                try:
                    return json.loads(line)
                except ValueError:
                    break
        return None

    async def execute(self, path):
        """Executes one notebook; returns its Outcome (never raises for a notebook's own failure)."""
        a = self.args
        res = Outcome(path)
        nb = nbformat.read(str(path), as_version=4)
        res.nb = nb
        t_start = time.time()
        for attempt in range(1, a.start_attempts + 1):
            # a hung start is retried; later attempts wait a little longer, for a machine under load
            wait = int(a.startup_timeout * (1 + 0.5 * (attempt - 1)))
            try:
                km, kc = await self.start_kernel(str(path.parent), wait)
                res.start_seconds = time.time() - t_start
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
        self.heap_file = None
        try:
            info = await client.async_wait_for_reply(kc.kernel_info())
            if info and "language_info" in info.get("content", {}):
                nb.metadata["language_info"] = info["content"]["language_info"]
            heap_file = Path(tempfile.mkdtemp(prefix="emolab-heap-")) / "heap.json"
            self.heap_file = heap_file
            await self.hidden(client, WATCH_HEAP_TO.format(json.dumps(str(heap_file))))
            for index, cell in enumerate(nb.cells):
                await client.async_execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
            index = None
            res.heap = await self.heap_stats(client)
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
            res.heap = await self.heap_stats(client)  # the kernel lives on after an exception or an OutOfMemoryError
        finally:
            await self.stop_kernel(km, kc)
            if self.heap_file is not None:
                shutil.rmtree(self.heap_file.parent, ignore_errors=True)
        return res


SLOWEST_CELLS = 5  # how many of a notebook's slowest cells the index lists


def cell_times(nb):
    """(cell number counting every cell from 1, seconds, first source line) of each executed code cell,
    from nbclient's timing metadata (execute_input to execute_reply on the kernel's side)."""
    times = []
    for i, cell in enumerate(nb.cells):
        ex = cell.get("metadata", {}).get("execution", {}) if cell.cell_type == "code" else {}
        a, b = ex.get("iopub.execute_input"), ex.get("shell.execute_reply")
        if not a or not b:
            continue
        try:
            secs = (dt.datetime.fromisoformat(b.replace("Z", "+00:00"))
                    - dt.datetime.fromisoformat(a.replace("Z", "+00:00"))).total_seconds()
        except ValueError:
            continue
        first = next((line.strip() for line in cell.source.splitlines() if line.strip()), "")
        times.append((i + 1, max(0.0, secs), one_line(first, 100)))
    return times


def slowest_cells(nb, k=SLOWEST_CELLS):
    """The k slowest executed code cells of nb, slowest first, as dicts for the index."""
    ranked = sorted(cell_times(nb), key=lambda t: (-t[1], t[0]))[:k]
    return [{"cell": c, "seconds": round(s, 2), "source": src} for c, s, src in ranked]


def mime_outputs(nb, mime):
    """The values of `mime` in the outputs of nb's code cells, in order, as (cell index, text)."""
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []) if cell.cell_type == "code" else []:
            value = out.get("data", {}).get(mime)
            if value is not None:
                yield i, "".join(value) if isinstance(value, list) else str(value)


def headline_of(nb):
    found = [v for _, v in mime_outputs(nb, HEADLINE_MIME)]
    return found[-1].strip() if found else None


def data_source_of(nb):
    return next((v.strip() for _, v in mime_outputs(nb, DATA_SOURCE_MIME)), None)


def main_chart_of(nb):
    """The PNG bytes of the notebook's main chart: the first image output whose cell is tagged
    `main-chart`, else its first image output; None without one."""
    pngs = list(mime_outputs(nb, "image/png"))
    tagged = [v for i, v in pngs if "main-chart" in nb.cells[i].get("metadata", {}).get("tags", [])]
    chosen = tagged[0] if tagged else pngs[0][1] if pngs else None
    try:
        return base64.b64decode(chosen) if chosen else None
    except ValueError:
        return None


class Headings(HTMLParser):
    """The headings (h1-h4 with an id) of the markdown cells of an nbconvert HTML report."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.stack, self.heading, self.skip = [], [], None, 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            self.stack.append("jp-MarkdownCell" in (a.get("class") or "").split())
        elif tag in ("h1", "h2", "h3", "h4") and any(self.stack) and a.get("id") and self.heading is None:
            self.heading = [int(tag[1]), a["id"], ""]
        elif tag == "a" and self.heading is not None and "anchor-link" in (a.get("class") or ""):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag == "div" and self.stack:
            self.stack.pop()
        elif tag == "a" and self.skip:
            self.skip -= 1
        elif self.heading is not None and tag == f"h{self.heading[0]}":
            level, hid, text = self.heading
            self.found.append((level, hid, " ".join(text.split())))
            self.heading = None

    def handle_data(self, data):
        if self.heading is not None and not self.skip:
            self.heading[2] += data


NAV_STYLE = ("<style>.emolab-nav{font-family:sans-serif;font-size:14px;max-width:1100px;margin:0 auto;padding:10px 20px;"
             "border-bottom:1px solid #ddd;background:#fafafa}.emolab-nav a{margin-right:1.2em}"
             ".emolab-nav ul{margin:4px 0;padding-left:1.2em}.emolab-nav li{margin:1px 0}"
             ".emolab-nav .l2{margin-left:1em}.emolab-nav .l3{margin-left:2em}.emolab-nav .l4{margin-left:3em}</style>")


def decorate_report(body, title, prev_row, next_row):
    """Adds a header to an nbconvert report: previous / index / next links and a table of contents."""
    parser = Headings()
    parser.feed(body)
    top = min((lvl for lvl, _, _ in parser.found), default=1)
    toc = "".join(f"<li class='l{lvl - top + 1}'><a href='#{html.escape(hid, quote=True)}'>{html.escape(text)}</a></li>"
                  for lvl, hid, text in parser.found)
    links = [f"<a href='{html.escape(prev_row[0])}'>&larr; {html.escape(prev_row[1])}</a>" if prev_row else "",
             "<a href='index.html'>&uarr; index</a>",
             f"<a href='{html.escape(next_row[0])}'>{html.escape(next_row[1])} &rarr;</a>" if next_row else ""]
    nav = (f"{NAV_STYLE}<nav class='emolab-nav'><div>{''.join(x for x in links if x)}</div>"
           f"<details open><summary><b>Contents</b> — {html.escape(title)}</summary><ul>{toc}</ul></details></nav>")
    m = re.search(r"<body[^>]*>", body)
    return body[: m.end()] + "\n" + nav + body[m.end():] if m else nav + body


def write_thumbnail(png, out_dir, stem, java_cp):
    """reports/thumbs/<stem>.png: the chart scaled to THUMB_WIDTH px by the library (the full image if that fails)."""
    thumbs = out_dir / "thumbs"
    thumbs.mkdir(parents=True, exist_ok=True)
    target, full = thumbs / f"{stem}.png", thumbs / f".{stem}.full.png"
    full.write_bytes(png)
    try:
        subprocess.run(["java", "-Xmx256m", "-Djava.awt.headless=true", "-cp", java_cp, "emolab.notebook.Thumbnails",
                        str(THUMB_WIDTH), str(full), str(target)], check=True, capture_output=True, text=True, timeout=120)
        full.unlink()
    except Exception as e:
        why = one_line(getattr(e, "stderr", None) or e, 200)
        log(f"{stem}: could not scale the chart thumbnail ({why}); using the full image")
        os.replace(full, target)
    return f"thumbs/{stem}.png"


def gb(n):
    return f"{n / 2**30:.2f} GB"


def heap_text(heap):
    if not heap:
        return "?"
    return f"{gb(heap['peakHeapBytes'])} of {gb(heap['maxHeapBytes'])}"


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
    summary = (f"<p class='failed'><b>{len(failed)} of {len(rows)} notebooks failed.</b></p>" if failed
               else f"<p>All {len(rows)} notebooks ran to the end.</p>")
    peaks = [r["heap"]["peakHeapBytes"] for r in rows if r.get("heap")]
    heap_line = f" · largest kernel heap {gb(max(peaks))}" if peaks else ""

    def row(r):
        thumb = (f"<a href='{html.escape(r['html'] or '')}'><img src='{html.escape(r['thumb'])}' alt='main chart' "
                 f"style='width:{THUMB_WIDTH // 2}px'></a>" if r.get("thumb") else "")
        split = (f"<br><span class='split'>cells {r['cellSeconds']:.1f} s · kernel start {r['startSeconds']:.1f} s</span>"
                 if r.get("cellSeconds") is not None and r.get("startSeconds") is not None else "")
        slow = "".join(f"<li><span class='t'>{c['seconds']:.1f} s</span> cell {c['cell']}: <code>{html.escape(c['source'])}</code></li>"
                       for c in r.get("slowestCells") or [])
        return (f"<tr><td>{link(r)}<br><code>{html.escape(r['notebook'])}</code></td>"
                f"<td class='{'ok' if r['status'] == 'ok' else 'failed'}'>{html.escape(r['status'])}</td>"
                f"<td class='num'>{r['seconds']:.1f} s{split}</td><td class='num'>{heap_text(r.get('heap'))}</td>"
                f"<td class='cells'>{'<ol>' + slow + '</ol>' if slow else '—'}</td>"
                f"<td class='data'>{html.escape(r.get('data') or '?')}</td><td class='headline'>{html.escape(r.get('headline') or '—')}</td>"
                f"<td>{thumb}</td></tr>")
    items = "\n".join(row(r) for r in rows)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>EmoLab reports</title>
<style>body{{font-family:sans-serif;max-width:75em;margin:2em auto}} td,th{{padding:4px 10px;border-bottom:1px solid #ddd;vertical-align:top;text-align:left}}
td.num{{text-align:right;white-space:nowrap}} span.split{{font-size:11px;color:#666}} td.cells{{font-size:12px;max-width:24em}} td.cells ol{{margin:0;padding-left:1.2em}} td.cells code{{overflow-wrap:anywhere}} span.t{{font-weight:bold}} td.data{{font-size:12px;max-width:14em;overflow-wrap:anywhere;color:#444}} td.headline{{min-width:16em}} td.ok{{color:#1b5e20}} td.failed,p.failed{{color:#b00020}} img{{border:1px solid #ddd}}</style>
</head><body>
<h1>EmoLab reports</h1>
{banner}
<p>Run on {html.escape(started)} · data source: <b>{html.escape(source.get('description', '?'))}</b> ·
total time {total_s:.1f} s{heap_line}</p>
{summary}
<table><tr><th>Notebook</th><th>Status</th><th>Time</th><th>Peak heap</th><th>Slowest cells</th><th>Data</th><th>Headline</th><th>Main chart</th></tr>
{items}
</table>
<p>Made by <code>environment/run_notebooks.py</code>; the notebooks themselves are in <code>notebooks/</code>.
Peak heap: the kernel JVM's largest heap use while running the notebook, of its maximum (-Xmx).
Time: the whole notebook, kernel start and shut-down included; below it the sum of its cells' execution times
(as the kernel answered them) and the kernel's start. Slowest cells: the notebook's {SLOWEST_CELLS} longest-running
code cells, numbered like the status column (every cell from 1), with their first line.</p>
</body></html>
"""
    write_atomic(out_dir / "index.html", page)
    # the same, for programs (tests, the README's timings)
    write_atomic(out_dir / "index.json", json.dumps({
        "started": started, "totalSeconds": round(total_s, 1), "dataSource": source,
        "notebooks": [{"notebook": r["notebook"], "title": r["title"], "html": r["html"], "status": r["status"],
                       "kind": r["kind"], "seconds": round(r["seconds"], 1), "heap": r.get("heap"),
                       "cellSeconds": r.get("cellSeconds"), "startSeconds": r.get("startSeconds"),
                       "slowestCells": r.get("slowestCells") or [], "data": r.get("data"),
                       "headline": r.get("headline"), "thumb": r.get("thumb")} for r in rows]}, indent=1) + "\n")


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

    exporter = HTMLExporter(template_name="lab")
    titles = {p: title_of(nbformat.read(str(p), as_version=4), p.stem) for p in paths}
    neighbours = [(p.stem + ".html", titles[p]) for p in paths]
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
            body = decorate_report(body, titles[path], neighbours[i - 2] if i > 1 else None,
                                   neighbours[i] if i < len(paths) else None)
            write_atomic(out_dir / html_name, body)
        except Exception as e:  # a report that cannot be converted is a failure too, but not the end
            log(f"{path.name}: could not write the HTML report: {type(e).__name__}: {e}")
            html_name = None
            if res.ok:
                res.fail("report", None, f"the HTML report could not be written ({type(e).__name__}: {one_line(e)})")
        png = main_chart_of(res.nb)
        times = cell_times(res.nb)
        rows.append({"notebook": path.name, "title": titles[path], "html": html_name,
                     "status": res.status, "kind": res.kind, "seconds": res.seconds, "heap": res.heap,
                     "cellSeconds": round(sum(t[1] for t in times), 1) if times else None,
                     "startSeconds": round(res.start_seconds, 1) if res.start_seconds is not None else None,
                     "slowestCells": slowest_cells(res.nb),
                     "data": data_source_of(res.nb) or source.get("description"), "headline": headline_of(res.nb),
                     "thumb": write_thumbnail(png, out_dir, path.stem, java_cp) if png else None})
        log(f"[{i}/{len(paths)}] {path.name}: {res.status} ({res.seconds:.1f} s, peak heap {heap_text(res.heap)})")
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
    ap.add_argument("--startup-timeout", type=int, default=10,
                    help="seconds a kernel may take to start (a healthy one answers in 1-2 s; later attempts wait longer)")
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

"""JupyterLab in a real browser: EmoLab's notebook 01 with the "Java 17 (EmoLab)" kernel.

Starts JupyterLab (the project venv's) on 127.0.0.1 with a free port and a random token, on a temp
folder holding a COPY of notebooks/01-data-understanding-and-preparation.ipynb (notebooks/ is never
written to), and drives headless Chromium through selenium (Debian's chromium + chromedriver):
  1. opens the notebook; the kernel it names ("Java 17 (EmoLab)", from build/jupyter) starts; a
     kernel that does not reach "idle" in time is restarted (rapaio-jupyter-kernel hangs on about
     one start in ten unpatched; EmoLab's kernel fixes make this a safety net only);
  2. runs the notebook's cells from the top, one Shift+Enter at a time, until a cell has shown a
     Tablesaw table (an HTML <table> in the output area) and a cell has shown an XChart chart (an
     <img> in the output area), at most --max-cells code cells;
  3. with --interrupt: adds a cell with a 60 s busy loop, runs it, interrupts it from the toolbar's
     interrupt button, and checks that the cell stops within --interrupt-wait seconds, that the
     kernel is the same one (no restart) and that a following cell `1 + 1` shows 2.
     rapaio-jupyter-kernel 3.0.1 alone fails this (the interrupted cell never answers and the kernel
     answers nothing more); EmoLab's replacement classes in environment/kernel-patch fix it, and
     LabBrowserIT runs this step every time.
Screenshots of each step and result.json (what was seen) go to --out (default build/browser-test).
Exit code 0 when every check passed, 1 when one failed (the reason on stderr and in result.json),
2 when the browser test cannot run here (no chromium/chromedriver/selenium/jupyterlab).
Everything is time-bound (--deadline); the server and the browser are always stopped.

    JUPYTER_PATH=build/jupyter build/python environment/lab_browser_test.py [--out DIR] [--interrupt]
"""
import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = "01-data-understanding-and-preparation.ipynb"
KERNEL = "emolab-java"
BUSY_LOOP = ("long t0 = System.nanoTime(); long spins = 0;\n"
             "while (System.nanoTime() - t0 < 60_000_000_000L) { spins++; }\n"
             "spins")


def log(msg):
    print(f"[browser-test] {msg}", file=sys.stderr, flush=True)


class Failure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Deadline:
    def __init__(self, seconds):
        self.end = time.monotonic() + seconds

    def left(self):
        return self.end - time.monotonic()

    def wait(self, what, cond, timeout, poll=0.25):
        """Polls cond() until it returns a truthy value; Failure after timeout (or the deadline)."""
        end = time.monotonic() + min(timeout, max(self.left(), 0))
        last_exc = None
        while True:
            try:
                v = cond()
                if v:
                    return v
            except Exception as e:  # stale elements while the page re-renders
                last_exc = e
            if time.monotonic() >= end:
                extra = f" (last error: {type(last_exc).__name__}: {last_exc})" if last_exc else ""
                raise Failure(f"timed out after {timeout:.0f} s waiting for {what}{extra}")
            time.sleep(poll)


class Lab:
    """A JupyterLab server in its own process group, with private config/data/runtime folders."""

    def __init__(self, python, workdir, logfile):
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        home = Path(tempfile.mkdtemp(prefix="emolab-lab-home-"))
        self.home = home
        env = dict(os.environ)
        env["JUPYTER_PATH"] = str(ROOT / "build" / "jupyter") + (os.pathsep + env["JUPYTER_PATH"] if env.get("JUPYTER_PATH") else "")
        env["JUPYTER_CONFIG_DIR"] = str(home / "config")
        env["JUPYTER_RUNTIME_DIR"] = str(home / "runtime")
        # no "would you like news?" toast over the page
        (home / "config" / "labconfig").mkdir(parents=True)
        (home / "config" / "labconfig" / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        args = [python, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
                "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                f"--ServerApp.root_dir={workdir}", f"--LabApp.user_settings_dir={home / 'settings'}",
                f"--LabApp.workspaces_dir={home / 'workspaces'}", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if os.geteuid() == 0:
            args.append("--allow-root")
        self.log = open(logfile, "w")
        self.proc = subprocess.Popen(args, cwd=workdir, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def api(self, path, method="GET"):
        req = urllib.request.Request(f"{self.base}{path}", method=method, data=b"" if method == "POST" else None,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=10) as r:
            body = r.read()
            return json.loads(body) if body else None

    def ready(self):
        if self.proc.poll() is not None:
            raise Failure(f"JupyterLab exited with code {self.proc.returncode} (see its log)")
        try:
            return self.api("/api/status") is not None
        except OSError:
            return False

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(timeout=10)
            except (subprocess.TimeoutExpired, ProcessLookupError):
                pass
            if self.proc.poll() is None:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        # kernels are children in the same process group; make sure none is left behind
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.log.close()
        shutil.rmtree(self.home, ignore_errors=True)


def notebook_copy(workdir):
    src = ROOT / "notebooks" / NOTEBOOK
    nb = json.loads(src.read_text(encoding="utf-8"))
    for c in nb["cells"]:
        if c["cell_type"] == "code" and c.get("outputs"):
            raise Failure(f"{src} has committed outputs; the test needs a clean notebook")
    dst = Path(workdir) / NOTEBOOK
    shutil.copyfile(src, dst)
    return dst


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "build" / "browser-test"))
    ap.add_argument("--deadline", type=float, default=170, help="seconds for the whole test")
    ap.add_argument("--kernel-start", type=float, default=30, help="seconds for the kernel to reach idle")
    ap.add_argument("--kernel-attempts", type=int, default=3)
    ap.add_argument("--cell-timeout", type=float, default=60)
    ap.add_argument("--interrupt-wait", type=float, default=20)
    ap.add_argument("--max-cells", type=int, default=12)
    ap.add_argument("--interrupt", action="store_true", help="also interrupt a busy cell (step 3)")
    ap.add_argument("--long-cell", default=BUSY_LOOP, help="the code of the cell to interrupt")
    ap.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or "")
    ap.add_argument("--chromedriver", default=shutil.which("chromedriver") or "")
    a = ap.parse_args()

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in out.glob("*.png"):
        f.unlink()
    result = {"passed": False, "steps": []}

    def save_result():
        tmp = out / "result.json.tmp"
        tmp.write_text(json.dumps(result, indent=2) + "\n")
        os.replace(tmp, out / "result.json")

    missing = [n for n, p in (("chromium", a.chromium), ("chromedriver", a.chromedriver)) if not p]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (environment/requirements-test.txt)")
    try:
        import jupyterlab  # noqa: F401
    except ImportError:
        missing.append("jupyterlab (environment/requirements.txt)")
    if missing:
        result["skipped"] = "missing: " + ", ".join(missing)
        save_result()
        log("cannot run: missing " + ", ".join(missing))
        return 2

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.common.action_chains import ActionChains

    dl = Deadline(a.deadline)
    t_start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="emolab-lab-test-")
    profile = tempfile.mkdtemp(prefix="emolab-chromium-")
    lab = driver = None
    shot_no = [0]

    def step(msg, **facts):
        facts = {"step": msg, "t": round(time.monotonic() - t_start, 1), **facts}
        result["steps"].append(facts)
        log(f"{facts['t']:6.1f} s  {msg}" + (f"  {json.dumps({k: v for k, v in facts.items() if k not in ('step', 't')})}" if len(facts) > 2 else ""))

    def shot(name):
        if driver is None:
            return
        shot_no[0] += 1
        p = out / f"{shot_no[0]:02d}-{name}.png"
        try:
            driver.save_screenshot(str(p))
            result.setdefault("screenshots", []).append(p.name)
        except Exception as e:
            log(f"screenshot {p.name} failed: {e}")

    try:
        nb_path = notebook_copy(workdir)
        lab = Lab(sys.executable, workdir, out / "jupyterlab.log")
        dl.wait("JupyterLab to answer on " + lab.base, lab.ready, 40)
        step("JupyterLab up", port=lab.port)

        opts = webdriver.ChromeOptions()
        opts.binary_location = a.chromium
        for o in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                  "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                  f"--user-data-dir={profile}"):
            opts.add_argument(o)
        os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager go looking for drivers
        driver = webdriver.Chrome(service=Service(executable_path=a.chromedriver, log_output=str(out / "chromedriver.log")),
                                  options=opts)
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(20)

        driver.get(f"{lab.base}/lab/tree/{NOTEBOOK}?token={lab.token}")
        panel_sel = ".jp-NotebookPanel:not(.lm-mod-hidden)"
        dl.wait("the notebook's cells in the page",
                lambda: driver.find_elements(By.CSS_SELECTOR, f"{panel_sel} .jp-Cell"), 60)

        def kernel():
            sessions = [s for s in lab.api("/api/sessions") if s["path"].endswith(NOTEBOOK)]
            return sessions[0]["kernel"] if sessions else None

        # the kernel the notebook names; restart it when it hangs at start
        kid = None
        for attempt in range(1, a.kernel_attempts + 1):
            k = dl.wait("a kernel session for the notebook", kernel, 30)
            if k["name"] != KERNEL:
                raise Failure(f"the notebook got kernel {k['name']!r}, not {KERNEL!r}")
            try:
                dl.wait(f"kernel {k['id'][:8]} to be idle (attempt {attempt})",
                        lambda: (kernel() or {}).get("execution_state") == "idle", a.kernel_start)
                kid = k["id"]
                break
            except Failure as e:
                step(f"kernel start hung, restarting it ({e})", attempt=attempt)
                shot(f"kernel-hang-{attempt}")
                if attempt == a.kernel_attempts:
                    raise Failure(f"the kernel did not start in {a.kernel_attempts} attempts")
                lab.api(f"/api/kernels/{k['id']}/restart", "POST")
        kernel_status = driver.find_elements(By.CSS_SELECTOR, ".jp-Toolbar-kernelName, .jp-KernelName")
        kernel_label = kernel_status[0].text if kernel_status else ""
        step("kernel idle", kernel=KERNEL, kernel_id=kid[:8], toolbar_label=kernel_label)
        shot("notebook-open")

        def cells():
            return driver.find_elements(By.CSS_SELECTOR, f"{panel_sel} .jp-Notebook .jp-Cell")

        def prompt(cell):
            p = cell.find_elements(By.CSS_SELECTOR, ".jp-InputArea-prompt")
            return p[0].text.strip() if p else ""

        def run_cell(i, what):
            """Clicks cell i's prompt area (selecting it in command mode) and runs it with Shift+Enter."""
            c = cells()[i]
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", c)
            ActionChains(driver).move_to_element(c.find_element(By.CSS_SELECTOR, ".jp-InputPrompt")).click().perform()
            ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
            return c

        def finished(i):
            p = prompt(cells()[i])
            return p not in ("", "[*]:", "[ ]:") and "*" not in p

        def errors_in(i):
            return [e.text for e in cells()[i].find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")]

        # run from the top until a table and a chart were shown
        table_cell = chart_cell = None
        code_run = 0
        i = 0
        while (table_cell is None or chart_cell is None) and i < len(cells()):
            c = cells()[i]
            is_code = "jp-CodeCell" in (c.get_attribute("class") or "")
            if is_code:
                code_run += 1
                if code_run > a.max_cells:
                    break
                run_cell(i, "code")
                dl.wait(f"cell {i} to finish", lambda: finished(i), a.cell_timeout)
                c = cells()[i]
                if c.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output [data-mime-type='application/vnd.jupyter.error'], .jp-RenderedText[data-mime-type='application/vnd.jupyter.stderr'] .ansi-red-fg"):
                    raise Failure(f"cell {i} shows an error: {c.text[:300]!r}")
                tables = c.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output table")
                imgs = c.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output img")
                if tables and table_cell is None:
                    rows = len(tables[0].find_elements(By.CSS_SELECTOR, "tr"))
                    table_cell = {"cell": i, "rows": rows, "html_class": tables[0].get_attribute("class"),
                                  "first_row": tables[0].find_elements(By.CSS_SELECTOR, "tr")[0].text[:200] if rows else ""}
                    step("HTML table shown", **table_cell)
                    shot("table")
                if imgs and chart_cell is None:
                    img = imgs[0]
                    dl.wait("the chart image to load", lambda: driver.execute_script(
                        "return arguments[0].complete && arguments[0].naturalWidth > 0", img), 10)
                    chart_cell = {"cell": i, "src_prefix": (img.get_attribute("src") or "")[:22],
                                  "width": driver.execute_script("return arguments[0].naturalWidth", img),
                                  "height": driver.execute_script("return arguments[0].naturalHeight", img)}
                    step("chart shown as <img>", **chart_cell)
                    shot("chart")
            i += 1
        result["table"] = table_cell
        result["chart"] = chart_cell
        if table_cell is None:
            raise Failure(f"no HTML table in the output area after {code_run} code cells")
        if chart_cell is None:
            raise Failure(f"no chart <img> in the output area after {code_run} code cells")
        if not chart_cell["src_prefix"].startswith("data:image/png"):
            raise Failure(f"the chart <img> is not an inline PNG: {chart_cell['src_prefix']!r}")

        if not a.interrupt:
            result["passed"] = True
            step("passed (no interrupt step)", seconds=round(time.monotonic() - t_start, 1))
            return 0

        # a long-running cell, typed in below the chart cell, interrupted from the toolbar
        def add_cell_below(j, source):
            ActionChains(driver).move_to_element(cells()[j].find_element(By.CSS_SELECTOR, ".jp-InputPrompt")).click().perform()
            n = len(cells())
            ActionChains(driver).send_keys("b").perform()          # command mode: insert a cell below
            dl.wait("a new cell", lambda: len(cells()) == n + 1, 10)
            new = cells()[j + 1]
            editor = new.find_element(By.CSS_SELECTOR, ".cm-content")
            editor.click()
            for k, line in enumerate(source.split("\n")):
                if k:
                    editor.send_keys(Keys.ENTER)
                editor.send_keys(line)
            ActionChains(driver).send_keys(Keys.ESCAPE).perform()
            typed = driver.execute_script("return arguments[0].innerText", editor)
            if [l.strip() for l in typed.strip().split("\n")] != [l.strip() for l in source.split("\n")]:
                raise Failure(f"the typed cell reads {typed!r}, not {source!r}")
            return j + 1

        busy = add_cell_below(chart_cell["cell"], a.long_cell)
        run_cell(busy, "busy loop")
        dl.wait("the busy cell to be running ([*])", lambda: "*" in prompt(cells()[busy]), 15)
        dl.wait("the kernel to be busy", lambda: (kernel() or {}).get("execution_state") == "busy", 15)
        time.sleep(3)
        shot("busy")
        buttons = driver.find_elements(By.CSS_SELECTOR, f"{panel_sel} .jp-Toolbar [data-command='notebook:interrupt-kernel']")
        if not buttons:
            raise Failure("no interrupt button in the notebook toolbar")
        t_int = time.monotonic()
        buttons[0].click()
        step("clicked the toolbar's interrupt button")
        try:
            dl.wait("the interrupted cell to stop", lambda: finished(busy), a.interrupt_wait)
        except Failure as e:
            result["interrupt"] = {"stopped": False, "kernel_state": (kernel() or {}).get("execution_state")}
            raise Failure(f"{e}: the kernel did not stop the cell on the interrupt "
                          f"(kernel state now {result['interrupt']['kernel_state']!r})")
        finally:
            shot("interrupted")
        stopped_after = round(time.monotonic() - t_int, 1)
        busy_text = cells()[busy].find_element(By.CSS_SELECTOR, ".jp-Cell-outputWrapper").text
        step("busy cell stopped", seconds=stopped_after, output=busy_text[:200])
        dl.wait("the kernel to be idle after the interrupt", lambda: (kernel() or {}).get("execution_state") == "idle", 15)
        after = kernel()
        if after["id"] != kid:
            raise Failure(f"the kernel changed after the interrupt ({kid[:8]} -> {after['id'][:8]}): it was restarted, not interrupted")

        check = add_cell_below(busy, "1 + 1")
        run_cell(check, "1 + 1")
        dl.wait("`1 + 1` to finish", lambda: finished(check), 30)
        shot("after-interrupt")
        res = cells()[check].find_element(By.CSS_SELECTOR, ".jp-Cell-outputWrapper").text.strip()
        result["interrupt"] = {"stopped": True, "stopped_after_s": stopped_after, "busy_output": busy_text[:300],
                               "same_kernel": after["id"] == kid, "one_plus_one": res}
        step("1 + 1 after the interrupt", output=res)
        if res.split("\n")[-1].strip() != "2":
            raise Failure(f"`1 + 1` after the interrupt shows {res!r}, not 2")
        if (kernel() or {}).get("id") != kid:
            raise Failure("the kernel was replaced while running `1 + 1`")
        result["passed"] = True
        step("passed", seconds=round(time.monotonic() - t_start, 1))
        return 0
    except Failure as e:
        result["failure"] = str(e)
        log(f"FAILED: {e}")
        shot("failure")
        return 1
    except Exception as e:
        result["failure"] = f"{type(e).__name__}: {e}"
        log(f"FAILED: {type(e).__name__}: {e}")
        shot("failure")
        return 1
    finally:
        result["seconds"] = round(time.monotonic() - t_start, 1)
        if driver is not None:
            try:
                driver.quit()
            except Exception as e:
                log(f"closing the browser: {e}")
        if lab is not None:
            lab.stop()
        save_result()
        shutil.rmtree(workdir, ignore_errors=True)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

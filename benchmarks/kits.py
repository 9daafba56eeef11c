"""Memory and throughput of streaming a big session kit, next to a plain copy of the same files.

    .venv/bin/python benchmarks/kits.py [--files 40] [--megabytes 25]

Builds a throwaway database with one course of 40 modules, each with one 25 MB handout, serves it
with gunicorn (1 worker, production settings) and downloads the 40-item kit (about 1 GB) while
sampling the worker's resident memory. Then copies the same 40 files into one file on disk.
Prints the worker's peak memory growth during the download and both throughputs as a ratio.
Targets (issue 4): growth under 50 MB; at least half the plain copy's throughput.
Nothing here asserts: the machine is shared and noisy. Needs about 2.5 GB of free disk.
"""

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pages import PYTHON, ROOT, free_port, run

SETUP = """
import os
from django.core.files import File
from courses.models import CourseIndexPage, CoursePage, CourseDocument, ModuleHandout, ModulePage
from wagtail.models import Collection
index = CourseIndexPage.objects.get()
course = CoursePage(title="Benchmark course", slug="benchmark", summary="For benchmarks/kits.py.")
index.add_child(instance=course)
course.save_revision().publish()
ids, urls = [], []
for number in range({files}):
    path = os.path.join({folder!r}, f"file-{{number:02d}}.pdf")
    with open(path, "rb") as handle:
        document = CourseDocument(title=f"Big handout {{number}}", kind="handout",
                                  collection=Collection.get_first_root_node())
        document.file.save(f"big-{{number:02d}}.pdf", File(handle), save=False)
        document.save()
    module = ModulePage(title=f"Module {{number}}", slug=f"module-{{number}}", summary="x",
                        duration_minutes=30, learning_objectives=[("objective", "Learn")])
    module.handout_links = [ModuleHandout(document=document)]
    course.add_child(instance=module)
    module.save_revision().publish()
    ids.append(str(module.pk))
    urls.append(document.url)
print(" ".join(urls))
print(",".join(ids))
"""


def make_files(folder, count, size):
    chunk = os.urandom(1024 * 1024)
    for number in range(count):
        with open(folder / f"file-{number:02d}.pdf", "wb") as handle:
            handle.write(b"%PDF-1.4\n")
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return sorted(folder.glob("file-*.pdf"))


def resident_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def worker_pid(master_pid):
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    return int(children[0])


class Sampler(threading.Thread):
    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, resident_kb(pid), True

    def run(self):
        while self.running:
            self.peak = max(self.peak, resident_kb(self.pid))
            time.sleep(0.02)


def download(url, target):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response, open(target, "wb") as out:
        length = int(response.headers["Content-Length"])
        shutil.copyfileobj(response, out, 1024 * 1024)
    elapsed = time.perf_counter() - started
    received = target.stat().st_size
    if received != length:
        raise RuntimeError(f"received {received} bytes, Content-Length said {length}")
    return received, elapsed


def download_each(urls, target):
    """The same files fetched one by one from the same server (Wagtail's document view)."""
    started = time.perf_counter()
    with open(target, "wb") as out:
        for url in urls:
            with urllib.request.urlopen(url, timeout=600) as response:
                shutil.copyfileobj(response, out, 1024 * 1024)
    return target.stat().st_size, time.perf_counter() - started


def plain_copy(files, target):
    started = time.perf_counter()
    with open(target, "wb") as out:
        for path in files:
            with open(path, "rb") as source:
                shutil.copyfileobj(source, out, 1024 * 1024)
    return target.stat().st_size, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=40)
    parser.add_argument("--megabytes", type=int, default=25)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sts-kit-bench-") as tmp:
        tmp = Path(tmp)
        (tmp / "source").mkdir()
        files = make_files(tmp / "source", options.files, options.megabytes * 1024 * 1024)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
               "MEDIA_ROOT": str(tmp / "media"), "DEMO_PASSWORD": "benchmark-only-password",
               "DJANGO_SETTINGS_MODULE": "sts_learn.settings.dev"}  # fmt: skip
        env.pop("REDIS_URL", None)
        run([PYTHON, "manage.py", "migrate", "--noinput"], env)
        run([PYTHON, "manage.py", "load_demo_content"], env)
        code = SETUP.format(files=options.files, folder=str(tmp / "source"))
        lines = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, env=env, check=True,
            capture_output=True, text=True,
        ).stdout.strip().splitlines()  # fmt: skip
        document_paths, ids = lines[-2].split(), lines[-1]
        env.update(
            DJANGO_SETTINGS_MODULE="sts_learn.settings.production",
            SECRET_KEY="benchmark-only-secret-key-6f1d0c9b8a7e6d5c4b3a2f1e0d9c8b7a",
            ALLOWED_HOSTS="127.0.0.1", SECURE_SSL_REDIRECT="false", PAGE_CACHE_SECONDS="0",
            STATIC_ROOT=str(tmp / "static"), KIT_MAX_BYTES=str(4 * 1024**3),
        )  # fmt: skip
        run([PYTHON, "manage.py", "collectstatic", "--noinput"], env)
        port = free_port()
        server = subprocess.Popen(
            [str(Path(PYTHON).with_name("gunicorn")), "sts_learn.wsgi", "--workers", "1",
             "--bind", f"127.0.0.1:{port}", "--timeout", "600", "--log-level", "warning"],
            cwd=ROOT, env=env,
        )  # fmt: skip
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/kits/", timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.3)
            url = f"{base}/kits/download/?items={ids}&title=Benchmark+kit"
            plain_copy(files, tmp / "warm.bin")  # same page-cache state for both runs
            (tmp / "warm.bin").unlink()
            pid = worker_pid(server.pid)
            urllib.request.urlopen(f"{base}/kits/?items={ids}", timeout=60).read()  # warm up
            sampler = Sampler(pid)
            baseline = resident_kb(pid)
            sampler.start()
            size, zip_seconds = download(url, tmp / "kit.zip")
            sampler.running = False
            sampler.join()
            (tmp / "kit.zip").unlink()
            copied, copy_seconds = plain_copy(files, tmp / "copy.bin")
            (tmp / "copy.bin").unlink()
            one_by_one, http_seconds = download_each(
                [base + path for path in document_paths], tmp / "each.bin"
            )
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    growth = (sampler.peak - baseline) / 1024
    zip_rate, copy_rate = size / zip_seconds / 1e6, copied / copy_seconds / 1e6
    http_rate = one_by_one / http_seconds / 1e6
    print(f"\nKit of {options.files} files x {options.megabytes} MB "
          f"({size / 1e6:.0f} MB ZIP), gunicorn 1 worker, production settings\n")  # fmt: skip
    print(f"  worker memory before: {baseline / 1024:8.1f} MB")
    print(f"  worker memory peak:   {sampler.peak / 1024:8.1f} MB   growth {growth:.1f} MB "
          "(target < 50 MB)")  # fmt: skip
    print(f"  kit download:         {zip_rate:8.1f} MB/s ({zip_seconds:.1f} s)")
    print(f"  plain copy:           {copy_rate:8.1f} MB/s ({copy_seconds:.1f} s)")
    print(f"  same files one by one over HTTP from the same server: {http_rate:.1f} MB/s")
    print(f"  download / copy:      {zip_rate / copy_rate:8.2f}   (target >= 0.50)")
    print(f"  download / one by one over HTTP: {zip_rate / http_rate:.2f}")


if __name__ == "__main__":
    main()

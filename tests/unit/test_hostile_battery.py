"""The hostile-input battery: every way of feeding rsp-tui's commands a bad file that we know
of, each case generated here (nothing big is committed) and run through the real command
line, in a separate process with an address-space limit.

Each case asserts: the exit status; a Swedish message and no traceback; that no raw control
character reaches the terminal; that every file that existed before is byte for byte (or,
for FIFOs and device nodes, kind for kind) as it was. The process running the cases may use
at most `MEMORY_LIMIT` of address space (a zip bomb or a span of 200 000 000 columns used to
take gigabytes), and each case gets `HANG_GUARD` seconds before it counts as hung (a FIFO used
to block for ever): both are guards against runaway input, not speed targets.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.hostile_files import (
    big_document,
    body_of,
    docx_with_row_xml,
    incompressible_media,
    minimal_docx,
    replace_part,
    with_checksum,
    write,
    zip_bomb,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs, device nodes, rlimits")

MEMORY_LIMIT = 300 * 1024 * 1024
"""Address space for the process running the cases (an import needs about 60 MB)."""

HANG_GUARD = 20
"""Seconds one case may take before it counts as hung (a busy 2-core machine included: the
slowest case takes about 1 s of CPU)."""

EXAMPLE = (REPO / "examples" / "exempel-2023.toml").read_text(encoding="utf-8")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Case:
    name: str
    argv: list[str]
    """The command line, run in the case's own folder."""
    code: int
    says: str
    """Swedish text the output must contain."""
    make: Callable[[Path], object] = lambda folder: None
    """Creates the case's input files in its folder (what it returns is not used)."""
    check: Callable[[Path], None] | None = None
    """Further checks after the run."""
    results: dict[str, Any] = field(default_factory=dict, repr=False)


def _example(folder: Path, name: str = "utkast.toml", change: Callable[[str], str] = lambda b: b) -> Path:
    return write(folder / name, with_checksum(change(body_of(EXAMPLE))))


def _answer(key: str, value: str) -> Callable[[str], str]:
    return lambda body: body.replace("[answers]\n", f"[answers]\n{key} = {value}\n", 1)


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _deep_arrays(folder: Path) -> None:
    write(folder / "utkast.toml", with_checksum("format = 1\nx = " + "[" * 100_000 + "\n"))


def _deep_tables(folder: Path) -> None:
    nested = "{ a = " * 5000 + "1" + " }" * 5000
    _example(folder, change=_answer("q2", nested))


def _bom(folder: Path) -> None:
    write(folder / "utkast.toml", b"\xef\xbb\xbf" + with_checksum(body_of(EXAMPLE)).encode())


def _created(folder: Path) -> None:
    _example(folder, change=lambda b: re.sub(r"(?m)^created = .*$", 'created = "igår"', b))


OSC52 = r'"\u001b]52;c;SGVqIGTDpQ==\u0007"'
CLEAR = r'"\u001b[2J\u001b]0;fönstertitel\u0007"'
LINK = r'"\u001b]8;;https://example.org\u0007klicka\u001b]8;;\u0007"'


def _escape_email(folder: Path) -> None:
    _example(
        folder,
        change=lambda b: b.replace(
            'epost = "anna.exempelsson@example.org"\n',
            'epost = "\\u001b[2J\\u001b]52;c;SGVq\\u0007anna@@example"\n',
            1,
        ),
    )


def _long_author(folder: Path) -> None:
    _example(folder, change=lambda b: b.replace('"Anna Exempelsson"', '"' + "Anna " * 80 + 'Exempelsson"'))


def _author_check(folder: Path) -> None:
    import docx

    document = docx.Document(str(folder / "ut.docx"))
    assert len(document.core_properties.author) == 255
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "Anna " * 80 + "Exempelsson" in text  # the document keeps the whole name


def _large(folder: Path) -> None:
    with open(folder / "utkast.toml", "wb") as fh:
        fh.truncate(30 * 1024 * 1024)


def _docx(name: str, data: Callable[[], bytes]) -> Callable[[Path], object]:
    return lambda folder: write(folder / name, data())


def _deep_xml() -> bytes:
    nest = "<w:sdt><w:sdtContent>" * 20_000 + "</w:sdtContent></w:sdt>" * 20_000
    return replace_part(
        minimal_docx(), "word/document.xml", lambda xml: xml.replace("<w:body>", "<w:body>" + nest, 1)
    )


def _device_target(folder: Path) -> str:
    """A character device to export onto. Never the system's /dev/null when we are root: a
    regression (as before this battery) would replace it with a regular file for the whole
    machine. Root makes its own null device in the case folder instead; anyone else cannot
    replace anything in /dev, so /dev/null is safe for them."""
    if os.geteuid() == 0:
        return str(folder / "enhet")
    return "/dev/null"


def _make_device(folder: Path) -> None:
    _example(folder)
    if os.geteuid() == 0:
        os.mknod(folder / "enhet", stat.S_IFCHR | 0o600, os.makedev(1, 3))


def _still_a_device(folder: Path) -> None:
    assert stat.S_ISCHR(os.stat(_device_target(folder)).st_mode)


def _folder(path: Path) -> Path:
    path.mkdir()
    return path


CASES = [
    # -- files that are not drafts at all
    Case("check-fifo", ["check", "utkast.toml"], 2, "FIFO", _fifo("utkast.toml")),
    Case("export-fifo", ["export", "utkast.toml", "--draft"], 2, "FIFO", _fifo("utkast.toml")),
    Case("rollover-fifo", ["rollover", "utkast.toml"], 2, "FIFO", _fifo("utkast.toml")),
    Case("check-device", ["check", "/dev/zero"], 2, "enhetsfil"),
    Case("check-folder", ["check", "utkast.toml"], 2, "mapp", lambda f: (f / "utkast.toml").mkdir()),
    Case("check-30-mb", ["check", "utkast.toml"], 2, "för stor", _large),
    Case("check-not-utf8", ["check", "utkast.toml"], 2, "UTF-8",
         lambda f: write(f / "utkast.toml", with_checksum(body_of(EXAMPLE)).encode().replace("Jämtland".encode(), b"J\xe4mtland"))),
    Case("check-cut-short", ["check", "utkast.toml"], 2, "ofullständig",
         lambda f: write(f / "utkast.toml", EXAMPLE[: len(EXAMPLE) // 2])),
    Case("check-empty", ["check", "utkast.toml"], 2, "tom", lambda f: write(f / "utkast.toml", "")),
    # -- nesting no reader expects
    Case("check-deep-arrays", ["check", "utkast.toml"], 2, "djupt nästlad", _deep_arrays),
    Case("check-deep-tables", ["check", "utkast.toml"], 2, "djupt nästlad", _deep_tables),
    Case("export-deep-tables", ["export", "utkast.toml", "--draft"], 2, "djupt nästlad", _deep_tables),
    Case("rollover-deep-arrays", ["rollover", "utkast.toml"], 2, "djupt nästlad", _deep_arrays),
    # -- odd but acceptable, or wrong in a way that must be said in Swedish
    Case("check-bom", ["check", "utkast.toml"], 0, "Inget hindrar", _bom),
    Case("check-created-igar", ["check", "utkast.toml"], 2, "ska vara en tidpunkt", _created),
    Case("check-newer-format", ["check", "utkast.toml"], 2, "nyare version",
         lambda f: _example(f, change=lambda b: re.sub(r"(?m)^format = \d+", "format = 999", b))),
    # -- terminal escape sequences quoted from the file
    Case("check-key-osc52", ["check", "utkast.toml"], 2, "okänd", lambda f: _example(f, change=_answer(OSC52, "1"))),
    Case("check-key-clear", ["check", "utkast.toml"], 2, "okänd", lambda f: _example(f, change=_answer(CLEAR, "1"))),
    Case("rollover-key-link", ["rollover", "utkast.toml"], 2, "okänd", lambda f: _example(f, change=_answer(LINK, "1"))),
    Case("export-key-link", ["export", "utkast.toml", "--draft"], 2, "okänd", lambda f: _example(f, change=_answer(LINK, "1"))),
    Case("check-email-escapes", ["check", "utkast.toml"], 1, "e-post", _escape_email),
    Case("export-email-escapes", ["export", "utkast.toml"], 1, "hindrar", _escape_email),
    # -- exports that would destroy something
    Case("export-onto-itself", ["export", "utkast.toml", "-o", "utkast.toml"], 2, "utkast", _example),
    Case("export-onto-a-draft", ["export", "utkast.toml", "-o", "annat.docx"], 2, "utkast",
         lambda f: (_example(f), _example(f, "annat.docx"))),
    Case("export-onto-bak", ["export", "utkast.toml", "-o", "utkast.toml.bak"], 2, "utkast",
         lambda f: (_example(f), write(f / "utkast.toml.bak", "gammal version"))),
    Case("export-onto-folder", ["export", "utkast.toml", "-o", "ut.docx"], 2, "mapp",
         lambda f: (_example(f), _folder(f / "ut.docx"))),
    Case("export-onto-fifo", ["export", "utkast.toml", "-o", "ut.docx"], 2, "FIFO",
         lambda f: (_example(f), _fifo("ut.docx")(f))),
    Case("export-onto-device", ["export", "utkast.toml", "-o", "{device}"], 2, "enhetsfil",
         _make_device, _still_a_device),
    Case("export-long-author", ["export", "utkast.toml", "-o", "ut.docx"], 0, "ut.docx",
         _long_author, _author_check),
    # -- Word documents
    Case("import-fifo", ["import", "in.docx", "-o", "ut.toml"], 2, "FIFO", _fifo("in.docx")),
    Case("import-folder", ["import", "in.docx", "-o", "ut.toml"], 2, "mapp", lambda f: (f / "in.docx").mkdir()),
    Case("import-not-zip", ["import", "in.docx", "-o", "ut.toml"], 2, "formatet .docx",
         lambda f: write(f / "in.docx", "inte ett dokument")),
    Case("import-grid-before", ["import", "in.docx", "-o", "ut.toml"], 0, "kontrollera",
         _docx("in.docx", lambda: docx_with_row_xml('<w:trPr><w:gridBefore w:val="200000000"/></w:trPr>'))),
    Case("import-grid-span", ["import", "in.docx", "-o", "ut.toml"], 0, "kontrollera",
         _docx("in.docx", lambda: docx_with_row_xml("", '<w:gridSpan w:val="200000000"/>'))),
    Case("import-grid-span-text", ["import", "in.docx", "-o", "ut.toml"], 2, "gridSpan är inget heltal",
         _docx("in.docx", lambda: docx_with_row_xml("", '<w:gridSpan w:val="tre"/>'))),
    Case("import-grid-before-text", ["import", "in.docx", "-o", "ut.toml"], 2, "gridBefore är inget heltal",
         _docx("in.docx", lambda: docx_with_row_xml('<w:trPr><w:gridBefore w:val="1e9"/></w:trPr>'))),
    Case("import-zip-bomb", ["import", "in.docx", "-o", "ut.toml"], 2, "uppackad",
         _docx("in.docx", lambda: zip_bomb(1024))),
    Case("import-10-mb", ["import", "in.docx", "-o", "ut.toml"], 0, "kontrollera",
         _docx("in.docx", lambda: incompressible_media(10))),
    Case("import-many-paragraphs", ["import", "in.docx", "-o", "ut.toml"], 2, "fler än",
         _docx("in.docx", lambda: big_document(6000))),
    Case("import-deep-xml", ["import", "in.docx", "-o", "ut.toml"], 2, "går inte att läsa",
         _docx("in.docx", _deep_xml)),
    Case("import-onto-draft", ["import", "in.docx", "-o", "utkast.toml"], 2, "finns redan",
         lambda f: (_example(f), write(f / "in.docx", minimal_docx()))),
]

RUNNER = r"""
import contextlib, io, json, os, signal, sys, time
from rsp_tui.cli import main

class Hung(Exception):
    pass

def hung(*_):
    raise Hung()

signal.signal(signal.SIGALRM, hung)
results = {}
for case in json.loads(sys.stdin.read()):
    os.chdir(case["folder"])
    out, err = io.StringIO(), io.StringIO()
    cpu = time.process_time()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        signal.alarm(case["guard"])
        try:
            code = main(case["argv"])
        except Hung:
            code = "hung"
        except SystemExit as exc:
            code = exc.code
        except BaseException as exc:
            code = "raised " + type(exc).__name__
        finally:
            signal.alarm(0)
    results[case["name"]] = {
        "code": code, "out": out.getvalue(), "err": err.getvalue(),
        "cpu": round(time.process_time() - cpu, 3),
    }
print(json.dumps(results))
"""


def _state(folder: Path) -> dict[str, Any]:
    """Every file in `folder` (recursively): the checksum of its bytes, or its kind for
    non-regular ones (a FIFO, a device node, a folder)."""
    out: dict[str, Any] = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        if stat.S_ISREG(st.st_mode):
            out[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            out[str(path)] = stat.S_IFMT(st.st_mode)
    return out


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


@pytest.fixture(scope="module")
def battery(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Make every case's files, run all cases in one limited process, keep what came out."""
    began = time.monotonic()
    root = tmp_path_factory.mktemp("battery")
    env = dict(os.environ, RSP_TUI_DRAFTS_DIR=str(root / "utkast"), RSP_TUI_STATE_DIR=str(root / "state"))
    env.pop("RSP_TUI_FORMS_DIR", None)
    todo = []
    before = {}
    for case in CASES:
        folder = root / case.name
        folder.mkdir()
        case.make(folder)
        before[case.name] = _state(folder)
        argv = [a.replace("{device}", _device_target(folder)) for a in case.argv]
        todo.append({"name": case.name, "folder": str(folder), "argv": argv, "guard": HANG_GUARD})
    made = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", RUNNER],
        input=json.dumps(todo),
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limit_memory,
        timeout=HANG_GUARD * len(CASES) + 60,  # every case hung: each is still reported
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    print(f"battery: files made in {made - began:.1f} s, cases run in {time.monotonic() - made:.1f} s")
    results = json.loads(proc.stdout)
    by_name = {}
    for case in CASES:
        folder = root / case.name
        after = _state(folder)
        case.results = dict(results[case.name], before=before[case.name], after=after, folder=folder)
        by_name[case.name] = case
    return by_name


@pytest.mark.parametrize("name", [c.name for c in CASES])
def test_hostile_case(battery: dict[str, Case], name: str) -> None:
    case = battery[name]
    r = case.results
    said = r["out"] + r["err"]
    assert r["code"] == case.code, said
    print(f"{name}: {r['cpu']} s CPU")
    assert "Traceback" not in said and "Error" not in said, said
    assert case.says.casefold() in said.casefold(), said
    assert not RAW_CONTROL.search(said), repr(said)
    for path, content in r["before"].items():  # everything that was there is as it was
        assert r["after"].get(path) == content, f"{path} changed"
    if case.check is not None:
        case.check(r["folder"])


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`rsp-tui forms | head -1`: the reader goes away; no traceback, the shell's status."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will read: the first write fails with EPIPE
    proc = subprocess.run(
        [sys.executable, "-m", "rsp_tui", "forms"], stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=HANG_GUARD
    )
    os.close(write_end)
    assert proc.returncode == 141
    assert proc.stderr == ""


def test_a_closed_pipe_through_head(tmp_path: Path) -> None:
    proc = subprocess.run(
        f"'{sys.executable}' -m rsp_tui forms | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True, executable="/bin/bash", capture_output=True, text=True, timeout=HANG_GUARD,
    )
    assert proc.stdout == "Formulär:\n"
    assert proc.returncode in (0, 141)  # 0 when everything fitted in the pipe before head left
    assert "Traceback" not in proc.stderr and proc.stderr == ""

"""The headless core never imports Textual (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CORE = [
    "rsp_tui",
    "rsp_tui.cli",
    "rsp_tui.forms",
    "rsp_tui.drafts",
    "rsp_tui.drafts.store",
    "rsp_tui.validation",
    "rsp_tui.structure",
    "rsp_tui.export",
    "rsp_tui.safefile",
    "rsp_tui.summary",
    "rsp_tui.summary.build",
    "rsp_tui.summary.csvout",
]


def test_core_modules_do_not_import_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rsp_tui.tui')))\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_check_does_not_import_docx_or_textual(tmp_path: Path) -> None:
    """Keeps the subcommands fast: heavy libraries load only where they are needed."""
    code = (
        "import sys\nfrom rsp_tui.cli import main\n"
        f"main(['new', '--region', 'Skåne', '--year', '2023', '-o', {str(tmp_path / 'x.toml')!r}])\n"
        f"main(['check', {str(tmp_path / 'x.toml')!r}])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'docx', 'lxml', 'matplotlib'}), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "[]"


HEAVY = ("textual", "docx", "lxml", "matplotlib", "tomlkit", "email_validator", "filelock")


def _check_imports(draft: str) -> tuple[int, list[str]]:
    """Run `rsp-tui check DRAFT` alone in a fresh interpreter: its exit status and which of
    HEAVY it imported."""
    code = (
        "import json, sys\nfrom rsp_tui.cli import main\n"
        f"status = main(['check', {draft!r}])\n"
        f"loaded = sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})\n"
        "print(json.dumps([status, loaded]), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    status, loaded = json.loads(result.stderr.strip().splitlines()[-1])
    return status, loaded


def test_check_alone_imports_no_ui_document_or_toml_writer() -> None:
    """`rsp-tui check` of the example reads and validates only: no Textual, python-docx,
    lxml, matplotlib or tomlkit, no drafts folder lock (filelock); and no email_validator, since the example's addresses are
    plain ones (`values._plainly_valid`)."""
    from rsp_tui.paths import example_path

    status, loaded = _check_imports(str(example_path()))
    assert status == 0
    assert loaded == []


def test_check_of_an_unusual_address_asks_email_validator(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from rsp_tui.paths import example_path

    draft = tmp_path / "udda.toml"
    text = example_path().read_text(encoding="utf-8")
    draft.write_text(
        text.replace("anna.exempelsson@example.org", "Anna.Exempelsson@Example.ORG"),
        encoding="utf-8",
    )
    status, loaded = _check_imports(str(draft))
    assert loaded == ["email_validator"]


def test_check_without_addresses_does_not_import_email_validator(tmp_path: Path) -> None:
    from rsp_tui.cli import main

    draft = tmp_path / "ny.toml"
    assert main(["new", "--region", "Skåne", "--year", "2023", "-o", str(draft)]) == 0
    assert "@" not in draft.read_text(encoding="utf-8")
    status, loaded = _check_imports(str(draft))
    assert status == 1  # a new draft lacks required answers
    assert loaded == []


def test_export_does_not_import_the_drafts_folder_or_its_lock(tmp_path: Path) -> None:
    """Exporting one file reads it and writes a document: the drafts folder, its lock and
    filelock (about 20 ms) are for the app and `new`."""
    from rsp_tui.paths import example_path

    code = (
        "import sys\nfrom rsp_tui.cli import main\n"
        f"status = main(['export', {str(example_path())!r}, '-o', {str(tmp_path / 'x.docx')!r}])\n"
        "later = ('filelock', 'rsp_tui.drafts.lock', 'rsp_tui.drafts.folder')\n"
        "print(status, sorted(m for m in later if m in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "0 []", result.stderr
    assert (tmp_path / "x.docx").exists()


def test_model_fields_have_no_builtin_default_factory() -> None:
    """pydantic reads a default factory's signature when it builds a class; for a builtin such
    as `list` that compiles the tokenizer's regular expressions (about 8 ms at every start).
    Every model of rsp-tui uses `rsp_tui.defaults` instead."""
    import inspect

    from pydantic import BaseModel

    import rsp_tui.drafts.model
    import rsp_tui.forms.schema

    def models(cls: type[BaseModel]) -> list[type[BaseModel]]:
        found = [cls]
        for sub in cls.__subclasses__():
            found += models(sub)
        return found

    ours = [m for m in models(BaseModel) if m.__module__.startswith("rsp_tui.")]
    assert len(ours) > 20, [m.__name__ for m in ours]
    builtin = [
        f"{m.__name__}.{name}"
        for m in ours
        for name, info in m.model_fields.items()
        if info.default_factory is not None and inspect.isbuiltin(info.default_factory)
        or isinstance(info.default_factory, type) and info.default_factory in (list, dict, set)
    ]
    assert builtin == []
    assert rsp_tui.drafts.model.Draft.model_fields["answers"].default_factory is not dict


def test_pydantic_plugin_discovery_is_off() -> None:
    """rsp-tui uses no pydantic plugins; looking for them reads every package's metadata."""
    code = (
        "import rsp_tui.forms\n"
        "from pydantic.plugin._loader import get_plugins\n"
        "import os\nprint(os.environ['PYDANTIC_DISABLE_PLUGINS'], list(get_plugins()))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.stdout.split() == ["__all__", "[]"], result.stderr


def test_check_does_not_import_package_metadata() -> None:
    """With plugins off, pydantic's plugin loader (which imports `importlib.metadata`, and with
    it `email`, `zipfile`, `csv` …) is not needed: `rsp_tui` puts a stand-in in its place."""
    from rsp_tui.paths import example_path

    code = (
        "import sys\nfrom rsp_tui.cli import main\n"
        f"status = main(['check', {str(example_path())!r}])\n"
        "print(status, 'importlib.metadata' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stderr.strip().splitlines()[-1] == "0 False", result.stderr


def test_plugin_loader_stand_in_gives_way_to_pydantic_when_plugins_are_on() -> None:
    """Plugins asked for in the environment: pydantic's own loader answers, and any other name
    asked of the stand-in loads pydantic's module."""
    code = (
        "import sys, rsp_tui\n"
        "from pydantic import BaseModel\n"
        "class M(BaseModel):\n    x: int\n"
        "loader = sys.modules['pydantic.plugin._loader']\n"
        "print(type(loader).__name__, M(x=1).x)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    off = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert off.stdout.split() == ["_PluginLoaderStub", "1"], off.stderr
    env["PYDANTIC_DISABLE_PLUGINS"] = "some_plugin"
    on = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert on.stdout.split() == ["module", "1"], on.stderr
    code = (
        "import sys, rsp_tui\n"
        "stub = sys.modules['pydantic.plugin._loader']\n"
        "print(stub.PYDANTIC_ENTRY_POINT_GROUP, type(sys.modules['pydantic.plugin._loader']).__name__)\n"
    )
    env["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    real = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert real.stdout.split() == ["pydantic", "module"], real.stderr


def test_the_app_does_not_import_what_only_later_screens_need() -> None:
    """Opening a draft shows its first part: the start screen, the insatser list and
    Textual's DataTable load when first shown (an område, the list of drafts)."""
    code = (
        "import sys\nfrom rsp_tui.tui.app import make_app\n"
        "later = ('textual.widgets._data_table', 'rsp_tui.tui.widgets.insatser',"
        " 'rsp_tui.tui.screens.start', 'docx', 'tomlkit')\n"
        "print(sorted(m for m in later if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr

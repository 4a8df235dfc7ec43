"""Personal data: every file rsp-tui creates is readable by the owner only, and no command
opens a network connection."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

from rsp_tui.cli import main
from rsp_tui.drafts import backup_path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "examples" / "exempel-2023.toml"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_drafts_backups_and_documents_are_owner_only(tmp_path: Path) -> None:
    draft = tmp_path / "d.toml"
    assert main(["new", "--region", "Skåne", "--year", "2023", "-o", str(draft)]) == 0
    assert main(["rollover", str(draft), "-o", str(tmp_path / "n.toml")]) == 0
    assert main(["export", str(EXAMPLE), "-o", str(tmp_path / "r.docx")]) == 0
    assert main(["import", str(tmp_path / "r.docx"), "-o", str(tmp_path / "i.toml")]) == 0
    assert main(["rollover", str(tmp_path / "i.toml"), "-o", str(tmp_path / "i2.toml")]) == 0
    from rsp_tui.drafts import load_draft, save_draft

    loaded = load_draft(draft)
    save_draft(loaded.draft, draft)  # a second save makes the .bak
    created = [draft, backup_path(draft), tmp_path / "n.toml", tmp_path / "r.docx", tmp_path / "i.toml"]
    for path in created:
        assert _mode(path) == 0o600, path
    assert _mode(tmp_path) != 0  # the folder itself is the user's own choice


def test_new_drafts_folder_is_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "nya-utkast"
    assert main(["new", "--region", "Skåne", "--year", "2023", "--dir", str(folder)]) == 0
    assert _mode(folder) == 0o700


NO_NETWORK = r"""
import socket, sys
BLOCKED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request", "http.client.connect")
attempts = []
def hook(event, args):
    if event in BLOCKED:
        attempts.append(event)
        raise PermissionError("network blocked by test: " + event)
sys.addaudithook(hook)
try:  # the hook itself works: a real attempt is caught
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
assert attempts, "audit hook did not see a connection attempt"
attempts.clear()
from rsp_tui.cli import main
codes = [main(cmd) for cmd in COMMANDS]
print(codes, attempts)
"""


def test_no_command_opens_a_network_connection(tmp_path: Path) -> None:
    commands = [
        ["new", "--region", "Jämtland Härjedalen", "--year", "2023", "-o", str(tmp_path / "a.toml")],
        ["check", str(tmp_path / "a.toml")],
        ["check", str(EXAMPLE)],
        ["export", str(EXAMPLE), "-o", str(tmp_path / "a.docx")],
        ["import", str(tmp_path / "a.docx"), "-o", str(tmp_path / "b.toml")],
        ["rollover", str(tmp_path / "b.toml"), "-o", str(tmp_path / "c.toml")],
        ["forms"],
    ]
    code = NO_NETWORK.replace("COMMANDS", repr(commands))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[0, 1, 0, 0, 0, 0, 0] []"

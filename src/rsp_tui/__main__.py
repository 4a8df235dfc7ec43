"""Provides `python -m rsp_tui`."""

from rsp_tui.cli import main

raise SystemExit(main())

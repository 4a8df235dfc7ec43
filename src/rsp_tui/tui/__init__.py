"""Provides the Textual app: a thin layer over the headless core. Import `rsp_tui.tui.app`."""

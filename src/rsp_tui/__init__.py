"""rsp-tui: the yearly follow-up report of a Swedish region's regionalt serviceprogram.

This module holds the version only and must stay free of Textual imports.
"""

__version__ = "0.1.0"

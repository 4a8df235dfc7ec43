"""rsp-tui: the yearly follow-up report of a Swedish region's regionalt serviceprogram.

This module holds the version and must stay free of Textual imports.

It also turns off pydantic's plugin discovery for this process (unless the environment says
otherwise): rsp-tui uses no pydantic plugins, and looking for them reads the metadata of every
installed package when the first model class is built (about 3–10 ms, more with more
packages). pydantic reads the variable when it builds a model, so setting it here, before any
of our models exist, is enough.
"""

import os

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"

"""rsp-tui: the yearly follow-up report of a Swedish region's regionalt serviceprogram.

This module holds the version and must stay free of Textual imports.

It also turns off pydantic's plugin discovery for this process (unless the environment says
otherwise): rsp-tui uses no pydantic plugins, and looking for them reads the metadata of every
installed package when the first model class is built (about 3–10 ms, more with more
packages). pydantic reads the variable when it builds a model, so setting it here, before any
of our models exist, is enough.

With plugins off, pydantic still imports its plugin loader when it builds the first model's
validator, and that module imports `importlib.metadata` (with `email`, `zipfile`, `csv` …: a
third of what building our first model costs, about 25 ms on a quiet machine) only to look
for plugins it will not use. `_install_plugin_loader_stub` puts a stand-in for that one module
in place, which answers "no plugins" as pydantic's own does when they are off; any other name
asked of it loads pydantic's real module (`_PluginLoaderStub.__getattr__`).
"""

import os
import sys
import types

os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"

_LOADER = "pydantic.plugin._loader"


class _PluginLoaderStub(types.ModuleType):
    """Stands in for `pydantic.plugin._loader` while pydantic's plugins are turned off."""

    @staticmethod
    def get_plugins() -> object:
        if os.environ.get("PYDANTIC_DISABLE_PLUGINS") in ("__all__", "1", "true"):
            return ()
        return _real_loader().get_plugins()

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # the import system asks for __path__, __file__ …
            raise AttributeError(name)
        return getattr(_real_loader(), name)


def _real_loader() -> types.ModuleType:
    import importlib

    if isinstance(sys.modules.get(_LOADER), _PluginLoaderStub):
        del sys.modules[_LOADER]
    return importlib.import_module(_LOADER)


def _install_plugin_loader_stub() -> None:
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    sys.modules.setdefault(_LOADER, _PluginLoaderStub(_LOADER))


_install_plugin_loader_stub()

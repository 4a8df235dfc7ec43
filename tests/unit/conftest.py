"""Fixtures for the headless core's tests (no Textual here)."""

from __future__ import annotations

import pytest

from rsp_tui.drafts import Draft, new_draft
from rsp_tui.forms import FormDefinition, load_form, programme_for_region


@pytest.fixture(scope="session")
def form() -> FormDefinition:
    return load_form()


@pytest.fixture
def draft(form: FormDefinition) -> Draft:
    return new_draft(form, "Jämtland Härjedalen", 2023, programme_for_region("Jämtland Härjedalen"))

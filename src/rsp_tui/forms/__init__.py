"""Provides form definitions: the schema and the loader. Headless: never imports Textual."""

from rsp_tui.forms.loader import (
    DEFAULT_FORM_ID,
    list_forms,
    load_form,
    load_form_file,
    load_regions,
    programme_for_region,
    region_names,
)
from rsp_tui.forms.programme import Area, Goal, Programme, Region
from rsp_tui.forms.schema import FormDefinition, Section

__all__ = [
    "DEFAULT_FORM_ID",
    "Area",
    "FormDefinition",
    "Goal",
    "Programme",
    "Region",
    "Section",
    "list_forms",
    "load_form",
    "load_form_file",
    "load_regions",
    "programme_for_region",
    "region_names",
]

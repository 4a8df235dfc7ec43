"""Validation: each field kind's message, unanswered as warning or error, where problems are."""

from __future__ import annotations

import pytest

from rsp_tui.drafts import Draft
from rsp_tui.drafts.paths import AnswerPath, CellPath, InsatsPath, QuestionPath
from rsp_tui.forms import FormDefinition
from rsp_tui.forms.schema import TableQuestion
from rsp_tui.validation import check_value, validate
from tests.fill import fill_all
from tests.narrow import question_of


def _problems_at(
    form: FormDefinition, draft: Draft, path: AnswerPath, final: bool = False
) -> list[str]:
    return [p.message for p in validate(form, draft, final=final).problems if p.path == path]


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (QuestionPath("datum"), "31/1 2024", "ogiltigt datum, skriv ÅÅÅÅ-MM-DD (till exempel 2024-01-31)"),
        (QuestionPath("datum"), "2023-02-29", "datumet 2023-02-29 finns inte"),
        (
            CellPath("q3", "processledning", "totalt"),
            "en halv",
            '"en halv" är inte ett tal; skriv till exempel 0,85',
        ),
        (CellPath("q3", "processledning", "totalt"), "100,5", "måste vara mellan 0 och 100"),
        (CellPath("q3", "processledning", "totalt"), "-1", "måste vara mellan 0 och 100"),
        (
            CellPath("q4", "rsp", "epost"),
            "anna.andersson@",
            'ogiltig e-postadress "anna.andersson@" saknar domänen efter @, t.ex. @region.se',
        ),
        (
            CellPath("q4", "rsp", "epost"),
            "anna@regionvasterbotten",
            'ogiltig e-postadress "anna@regionvasterbotten" saknar toppdomän, t.ex. .se',
        ),
        (
            CellPath("q4", "rsp", "epost"),
            "a@b.se, x y@z.se; c@",
            'ogiltiga e-postadresser "x y@z.se" innehåller mellanslag;'
            ' "c@" saknar domänen efter @, t.ex. @region.se',
        ),
        (
            CellPath("q1", "servicebidrag", "bedomning"),
            "Ökat",
            '"Ökat" är inget giltigt val; välj Minskar eller Oförändrat eller Ökar',
        ),
    ],
)
def test_invalid_values_are_errors(
    form: FormDefinition, draft: Draft, path: AnswerPath, value: str, message: str
) -> None:
    draft.set(path, value)
    problems = [p for p in validate(form, draft).problems if p.path == path]
    assert [(p.severity, p.message) for p in problems] == [("fel", message)]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (CellPath("q3", "processledning", "totalt"), "0,85"),
        (CellPath("q3", "processledning", "totalt"), "1.0"),
        (CellPath("q3", "processledning", "totalt"), " 0 "),
        (CellPath("q4", "rsp", "epost"), "anna.andersson@regionjh.se\nbo.berg@regionjh.se"),
        (CellPath("q4", "rsp", "epost"), "åsa.öberg@region.se, x@y.se"),
        (CellPath("q6", "kommuner", "steg"), "Samtal via kommunerna"),
        (QuestionPath("datum"), "2024-01-31"),
    ],
)
def test_valid_values_pass(
    form: FormDefinition, draft: Draft, path: AnswerPath, value: str
) -> None:
    draft.set(path, value)
    assert _problems_at(form, draft, path) == []


def test_insats_fields(form: FormDefinition, draft: Draft) -> None:
    item = draft.add_item(
        "insatser",
        "o2",
        {
            "planerade": "Rådgivning",
            "status": "Pågår",
            "serviceslag": ["Dagligvaror", "Apotek"],
            "mal": {"codes": ["2.1", "9.9"], "other": ""},
        },
    )
    report = validate(form, draft)
    by_column = {
        p.column: p for p in report.problems if p.row == "Insats 1" and p.severity == "fel"
    }
    assert by_column["Status"].message == '"Pågår" är inget giltigt val; välj Klar eller Fortsätter'
    assert by_column["Huvudsakligt serviceslag"].message.startswith('okänt alternativ "Apotek"')
    assert by_column["Mål"].message == "målet 9.9 finns inte i programmet"
    assert by_column["Status"].path == InsatsPath("insatser", "o2", item["_id"], "status")
    assert by_column["Status"].part_key == "omrade:o2"
    assert by_column["Status"].location == "Område 2 › Insatser › Insats 1 › Status"


def test_unanswered_is_a_warning_while_drafting_and_an_error_when_final(
    form: FormDefinition, draft: Draft
) -> None:
    path = CellPath("q4", "rsp", "namn")
    drafting = [p for p in validate(form, draft).problems if p.path == path]
    final = [p for p in validate(form, draft, final=True).problems if p.path == path]
    assert [(p.severity, p.missing, p.message) for p in drafting] == [
        ("varning", True, "inte besvarad")
    ]
    assert [(p.severity, p.missing) for p in final] == [("fel", True)]
    assert final[0].location == "4 Kontaktpersoner › Fråga 4 › Kontaktperson för RSP › Namn"


def test_optional_rows_and_columns(form: FormDefinition, draft: Draft) -> None:
    """Q6: only the actors that apply; a started row needs its description, Annan its name."""
    report = validate(form, draft, final=True)
    q6 = [p for p in report.problems if p.path is not None and p.path.key.startswith("q6/")]
    assert [p.message for p in q6] == ["inte besvarad; fyll i minst en rad"]
    draft.set(CellPath("q6", "annan", "utmaningar"), "Svårt att nå ut")
    messages = sorted(
        p.message
        for p in validate(form, draft, final=True).problems
        if p.path is not None and p.path.key.startswith("q6/")
    )
    assert messages == ["ange aktören (Vilken aktör?)", "inte besvarad"]


def test_a_complete_draft_has_no_problems_and_is_complete(
    form: FormDefinition, draft: Draft
) -> None:
    fill_all(form, draft)
    report = validate(form, draft, final=True)
    assert report.problems == []
    assert report.completeness == 1.0
    assert {p.state for p in report.progress.values()} == {"klar"}


def test_part_states(form: FormDefinition, draft: Draft) -> None:
    progress = validate(form, draft).progress
    assert progress["q2"].state == "tom"
    assert progress["rapport"].state == "påbörjad"  # Datum is filled in when the report is created
    draft.set(CellPath("q3", "processledning", "totalt"), "x")
    assert validate(form, draft).progress["q3"].state == "har fel"
    draft.set(QuestionPath("q2"), "Något")
    assert validate(form, draft).progress["q2"].state == "klar"


def test_programme_problems(form: FormDefinition, draft: Draft) -> None:
    draft.programme.omraden[1].title = " "
    draft.programme.omraden[2].mal[0].code = "1.1"
    messages = {p.message for p in validate(form, draft).problems if p.part_key == "programmet"}
    assert messages == {"området saknar rubrik", "målkoden 1.1 förekommer två gånger"}
    draft.programme.omraden.clear()
    report = validate(form, draft, final=True)
    assert "programmet har inga prioriterade områden" in {p.message for p in report.errors}


def test_report_fields(form: FormDefinition, draft: Draft) -> None:
    draft.year = 2031
    draft.region = ""
    messages = {p.message for p in validate(form, draft).problems if p.part_key == "rapport"}
    assert {"regionen saknas", "verksamhetsåret måste vara mellan 2022 och 2030"} <= messages


def test_check_value_ignores_empty(form: FormDefinition) -> None:
    q3 = question_of(form, "q3", TableQuestion)
    column = q3.columns[1]
    assert check_value(column, "") is None
    assert check_value(column, "  ") is None

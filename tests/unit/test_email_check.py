"""The e-mail check's shortcut for plain addresses agrees with email-validator: whatever the
shortcut accepts, email-validator accepts too (and what it does not take is left to it)."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from hypothesis import given, settings
from hypothesis import strategies as st

from rsp_tui.forms.kinds.text import _plainly_valid, is_valid_email


def _validator_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


PLAIN = [
    "anna.exempelsson@example.org",
    "per.provsson@regionjh.se",
    "a_b-c+d%e@x-y.z.se",
    "x@a.nu",
]
NOT_PLAIN = [
    "Anna@Region.SE",  # upper-case domain: email-validator decides
    "åsa@region.se",
    "a..b@region.se",
    ".a@region.se",
    "a@region",
    "a@-region.se",
    "a@region-.se",
    "a@xn--rgion-bsa.se",
    "a@localhost.se.test",
    "a@b.local",
    "a b@region.se",
    "a@region.se.",
    "a" * 65 + "@region.se",
]


def test_plain_addresses_take_the_shortcut_and_are_valid() -> None:
    for address in PLAIN:
        assert _plainly_valid(address), address
        assert _validator_accepts(address), address
        assert is_valid_email(address)


def test_other_addresses_are_left_to_email_validator() -> None:
    for address in NOT_PLAIN:
        assert not _plainly_valid(address), address
        assert is_valid_email(address) == _validator_accepts(address), address


PIECE = st.text(alphabet="ab0-._%+@xn-éÅ Z", min_size=0, max_size=12)
TLD = st.sampled_from(["se", "nu", "com", "org", "net", "eu", "info", "local", "test", "s"])


@settings(max_examples=400, deadline=None)
@given(local=PIECE, domain=PIECE, tld=TLD)
def test_the_shortcut_never_accepts_what_email_validator_rejects(
    local: str, domain: str, tld: str
) -> None:
    address = f"{local}@{domain}.{tld}"
    if _plainly_valid(address):
        assert _validator_accepts(address), address
    assert is_valid_email(address) == _validator_accepts(address), address


@settings(max_examples=200, deadline=None)
@given(
    labels=st.lists(st.text(alphabet="abz09-", min_size=1, max_size=70), min_size=1, max_size=4),
    local=st.text(alphabet="az09._%+-", min_size=1, max_size=70),
)
def test_lengths_and_hyphens_agree(labels: list[str], local: str) -> None:
    address = f"{local}@{'.'.join(labels)}.se"
    if _plainly_valid(address):
        assert _validator_accepts(address), address

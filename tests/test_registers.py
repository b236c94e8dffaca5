"""Private registers and term files: every variant of a registered identifier is caught."""

import os

import pytest

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

from generator.check.anonymise import AllowedTerms, shared_analyser  # noqa: E402
from generator.check.registers import conflicts, load_register, load_term_file  # noqa: E402

REGISTER = """\
people:
  - name: Łucja Kowalczyk-Nowak
    aliases: [Lucy]
    born: 1984-03-12
    addresses: ["24 Kestrel Close, Elmvale EV4 7QT"]
    schools: [St Dwynwen's Primary School]
    phones: ["07700 900461"]
  - name: Rose Young
terms: [Elmvale Boxing Club]
"""


@pytest.fixture(scope="session")
def analyser():
    a = shared_analyser()
    a.use_cache = False
    return a


@pytest.fixture
def register(tmp_path):
    p = tmp_path / "slug.yml"
    p.write_text(REGISTER, encoding="utf-8")
    reg, errors = load_register(p)
    assert errors == []
    return reg


def registered(analyser, register, text, kind="markdown"):
    fs = analyser.check_text(text, path="x.md", kind=kind, allowed=AllowedTerms(terms=[]), registers=[register])
    return [f for f in fs if f.entity == "REGISTERED"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Lucja went to the shop.", "Lucja"),  # without the diacritic
        ("ŁUCJA was frightened.", "ŁUCJA"),  # capitals
        ("Kowalczyk's sister called.", "Kowalczyk"),  # possessive, one part of the name alone
        ("Statement of Nowak, Łucja (2021).", "Nowak, Łucja"),  # Surname, First
        ("She signed as Ł. Kowalczyk Nowak.", "Kowalczyk Nowak"),  # without the hyphen
        ("Friends called her lucy.", "lucy"),  # an alias in lower case
        ("Born 12/03/1984 in Gdańsk.", "12/03/1984"),  # date of birth, another format
        ("born on 12th March 1984", "12th March 1984"),
        ("Ring +44 7700 900 461 after six.", "+44 7700 900 461"),  # the phone number in another form
        ("The house on Kestrel Close was empty.", "Kestrel Close"),  # the street of a registered address
        ("She trained at the elmvale boxing club.", "elmvale boxing club"),
    ],
)
def test_registered_identifier_is_found_in_every_variant(analyser, register, text, expected):
    fs = registered(analyser, register, text)
    assert [f.text for f in fs] == [expected]
    assert fs[0].severity == "error" and fs[0].rule.startswith("AN190")


def test_surname_in_capitals_split_over_a_line_break(analyser, register):
    fs = registered(analyser, register, "The panel heard that KOWALCZYK-\nNOWAK moved.\n")
    assert len(fs) == 1 and fs[0].line == 1 and fs[0].end_line == 2


def test_name_part_that_is_an_english_word_is_only_matched_capitalised(analyser, register):
    assert registered(analyser, register, "She was a young woman and grew roses.") == []
    assert [f.text for f in registered(analyser, register, "Rose told the GP.")] == ["Rose"]


def test_register_wins_over_a_conflicting_pseudonym(tmp_path):
    p = tmp_path / "r.yml"
    p.write_text("people:\n  - name: Hana Kowalska\n", encoding="utf-8")
    reg, _ = load_register(p)
    errs = conflicts(reg, ["Hana", "Adult B"])
    assert len(errs) == 1 and errs[0].line == 2 and "Hana" in errs[0].message


def test_register_errors_carry_line_numbers(tmp_path):
    p = tmp_path / "r.yml"
    p.write_text("people:\n  - name: Jan Nowak\n    bornn: 1980-01-01\n  - aliases: [JN]\n", encoding="utf-8")
    reg, errs = load_register(p)
    assert reg is None
    assert [e.line for e in errs] == [3, 4]
    assert "bornn" in errs[0].message and errs[0].hint


def test_register_with_bad_yaml_is_a_content_error(tmp_path):
    p = tmp_path / "r.yml"
    p.write_text("people:\n  - name: [unclosed\n", encoding="utf-8")
    reg, errs = load_register(p)
    assert reg is None and errs and errs[0].line


def test_bad_date_of_birth_is_reported(tmp_path):
    p = tmp_path / "r.yml"
    p.write_text("people:\n  - name: Jan Nowak\n    born: the spring of 1980\n", encoding="utf-8")
    _reg, errs = load_register(p)
    assert errs and errs[0].line == 3


def test_term_file_one_per_line_with_comments(tmp_path):
    p = tmp_path / "terms.txt"
    p.write_text("# real names\nJan Nowak   # the father\n\nElmvale Boxing Club\nx\n", encoding="utf-8")
    terms, errs = load_term_file(p)
    assert terms == ["Jan Nowak", "Elmvale Boxing Club"]
    assert [e.line for e in errs] == [5]


def test_plain_register_file_treats_names_as_names(analyser, tmp_path):
    p = tmp_path / "register.txt"
    p.write_text("Bogusława Nowicka\n07700 900318\n", encoding="utf-8")
    reg, errs = load_register(p)
    assert not errs
    fs = registered(analyser, reg, "NOWICKA rang from 07700900318.")
    assert [f.text for f in fs] == ["NOWICKA", "07700900318"]


def test_a_registered_name_covers_its_short_forms_and_initials_but_not_work_acronyms(analyser, tmp_path):
    p = tmp_path / "slug.yml"
    p.write_text("people:\n  - name: Alasdair John Mowat\n  - name: Daniel Vaughan\n", encoding="utf-8")
    reg, errors = load_register(p)
    assert errors == []
    text = ("Ally came home late. AJM and AM were seen on CCTV. An ally of the family called. "
            "The DV referral was made; jd and Am are not initials.")
    fs = registered(analyser, reg, text)
    assert [(f.text, f.message.split("(")[-1].split(" of ")[0]) for f in fs] == [
        ("Ally", "short form"), ("AJM", "initials"), ("AM", "initials")]

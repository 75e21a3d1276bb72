from __future__ import annotations

import pytest

from index.parsing.names import (
    Behalf,
    resolve_country,
    split_behalf,
    split_names,
    split_top_level,
)


def test_split_top_level_keeps_commas_inside_parentheses() -> None:
    text = "Bhutan, Bolivia (Plurinational State of), Botswana"
    assert split_top_level(text) == ["Bhutan", "Bolivia (Plurinational State of)", "Botswana"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Antigua and Barbuda, Armenia and Saint Vincent and the Grenadines",
            ["Antigua and Barbuda", "Armenia", "Saint Vincent and the Grenadines"],
        ),
        (
            "Bosnia and Herzegovina and Trinidad and Tobago",
            ["Bosnia and Herzegovina", "Trinidad and Tobago"],
        ),
        (
            "Nicaragua and Venezuela (Bolivarian Republic of)",
            ["Nicaragua", "Venezuela (Bolivarian Republic of)"],
        ),
        ("the Niger, the Congo, and the Sudan.", ["Niger", "Congo", "Sudan"]),
    ],
)
def test_split_names_is_guided_by_the_resolver(text: str, expected: list[str]) -> None:
    assert split_names(text, resolve_country) == expected


def test_split_names_fails_rather_than_drop_a_name() -> None:
    assert split_names("Armenia, Atlantis and Benin", resolve_country) is None


def test_codes_are_not_names_in_documents() -> None:
    assert resolve_country("AND") is None
    assert resolve_country("the Bolivarian Republic of Venezuela") == (
        "Venezuela (Bolivarian Republic of)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canada (also on behalf of Australia and Norway)",
            Behalf(name="Canada", on_behalf_of="Australia and Norway", also=True),
        ),
        (
            "Finland (on behalf of the European Union and its member States)",
            Behalf(name="Finland", on_behalf_of="the European Union and its member States"),
        ),
        (
            "the Russian Federation, also on behalf of Belarus and Venezuela "
            "(Bolivarian Republic of)",
            Behalf(
                name="the Russian Federation",
                on_behalf_of="Belarus and Venezuela (Bolivarian Republic of)",
                also=True,
            ),
        ),
        ("Venezuela (Bolivarian Republic of)", Behalf(name="Venezuela (Bolivarian Republic of)")),
    ],
)
def test_split_behalf(text: str, expected: Behalf) -> None:
    assert split_behalf(text) == expected

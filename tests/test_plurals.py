"""Counts in the product's words: one helper names every counted thing."""

from __future__ import annotations

from rulesengine.plurals import counted, noun_for, with_article


def test_one_is_singular_and_every_other_count_plural():
    assert [counted(n, "notification") for n in (0, 1, 2)] == [
        "0 notifications",
        "1 notification",
        "2 notifications",
    ]


def test_minus_one_is_singular_too():
    assert counted(-1, "cent") == "-1 cent"


def test_an_irregular_plural_is_given():
    assert counted(2, "batch", "batches") == "2 batches"
    assert noun_for(1, "entry", "entries") == "entry"
    assert noun_for(3, "entry", "entries") == "entries"


def test_a_kind_of_thing_gets_its_article():
    assert [with_article(w) for w in ("int", "dict", "NoneType", "Item")] == [
        "an int",
        "a dict",
        "a NoneType",
        "an Item",
    ]

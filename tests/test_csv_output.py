"""The one CSV writer, streamed: :func:`csv_chunks` writes what :func:`csv_text` does."""

from __future__ import annotations

from rulesengine.csv_output import csv_chunks, csv_text


def test_chunks_join_into_the_document_csv_text_writes() -> None:
    rows = [{"id": str(i), "name": f"=cmd{i}"} for i in range(7)]
    chunks = list(csv_chunks(["id", "name"], rows, rows_per_chunk=3))
    assert chunks[0] == "id,name\r\n"
    assert [chunk.count("\r\n") for chunk in chunks[1:]] == [3, 3, 1]
    assert "".join(chunks) == csv_text(["id", "name"], rows)
    assert "'=cmd0" in chunks[1]


def test_no_rows_is_the_header_alone() -> None:
    assert list(csv_chunks(["a", "b"], [])) == ["a,b\r\n"]
    assert list(csv_chunks(["a"], [{"a": 1}, {"a": 2}], rows_per_chunk=2)) == [
        "a\r\n",
        "1\r\n2\r\n",
    ]


def test_rows_are_read_as_the_chunks_are_taken() -> None:
    """A long document is never held whole: the rows are pulled one chunk at a time."""
    pulled: list[int] = []

    def rows():  # type: ignore[no-untyped-def]
        for i in range(10):
            pulled.append(i)
            yield {"n": i}

    chunks = csv_chunks(["n"], rows(), rows_per_chunk=4)
    next(chunks)
    next(chunks)
    assert len(pulled) <= 5

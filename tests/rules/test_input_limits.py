"""Reading a rules or scenario file within bounds: rulesengine.rules.input_limits."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulesengine.errors import RulesError
from rulesengine.rules.input_limits import MAX_FILE_BYTES, read_limited, read_limited_text


def _message(path: Path | str, kind: str = "rules file") -> str:
    with pytest.raises(RulesError) as info:
        read_limited(str(path), kind)
    (problem,) = info.value.problems
    assert (problem.file, problem.line, problem.column) == (str(path), None, None)
    return problem.message


def test_a_file_of_exactly_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"#" * MAX_FILE_BYTES)
    assert len(read_limited(str(path))) == MAX_FILE_BYTES
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert _message(path).startswith("the file is larger than 1 MB (1,048,576 bytes)")


def test_the_kind_of_file_is_named(tmp_path: Path) -> None:
    assert _message(tmp_path, "scenario file") == "is a folder, not a scenario file"
    assert _message("/dev/null", "scenario file").startswith(
        "is a character device, not a scenario file"
    )
    assert _message(tmp_path / "missing.yaml") == "file not found"


def test_text_that_is_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(b"a: 1\nb: caf\xe9\n")
    with pytest.raises(RulesError) as info:
        read_limited_text(str(path))
    assert str(info.value) == (
        f"{path}:2:7: the file is not UTF-8 text: save it with the UTF-8 encoding"
    )


def test_uploaded_bytes_are_bounded_and_decoded_as_a_file_is() -> None:
    from rulesengine.rules.input_limits import decode_limited

    assert decode_limited(b"#" * MAX_FILE_BYTES, "up.yaml") == "#" * MAX_FILE_BYTES
    with pytest.raises(RulesError) as info:
        decode_limited(b"#" * (MAX_FILE_BYTES + 1), "up.yaml")
    (problem,) = info.value.problems
    assert (problem.file, problem.line) == ("up.yaml", None)
    assert problem.message.startswith("the file is larger than 1 MB (1,048,576 bytes)")
    with pytest.raises(RulesError, match=r"up\.yaml:2:7: the file is not UTF-8 text"):
        decode_limited(b"a: 1\nb: caf\xe9\n", "up.yaml")

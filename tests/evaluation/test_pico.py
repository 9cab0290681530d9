"""PETRARCH's internal coding ontology: negation arithmetic read from a PICO file."""

from __future__ import annotations

import pytest

from eventcoder.errors import InputError
from eventcoder.evaluation.pico import negator, read_pico

PICO = """# header
010:0x1000#Make Public Statement
011:0x1000-0xFFFF
050:0x0080#DiplomaticCoop
057:0x0087
060:0x0070#MaterialCoop
110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove
121:-0xFFFF+0x0070
170:0x10086#0x0087+0xFFFF#0x9000#Coerce
190:0x00A0#Fight
---:0
"""


@pytest.fixture()
def negate(tmp_path):
    path = tmp_path / "pico.txt"
    path.write_text(PICO)
    return negator(read_pico(path))


@pytest.mark.parametrize("code,negated", [
    ("110", "050"), ("050", "110"),  # not disapprove <-> cooperate diplomatically
    ("170", "057"), ("057", "170"),
    ("121", "060"), ("060", "121"),  # rejecting material cooperation
    ("010", "011"), ("011", "010"),
    ("190", None),  # no code for "not fight"
    ("999", None),  # not in the ontology
])
def test_negation(negate, code, negated):
    assert negate(code) == negated


def test_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("010:0x1000\n050:zz\n")
    with pytest.raises(InputError, match="bad PICO") as info:
        read_pico(path)
    assert "bad.txt:2" in str(info.value)

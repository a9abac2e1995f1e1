from symness import outputs
from symness.cli import main


def test_mazur_table_small_is_deterministic_and_exact(tmp_path, capsys):
    outputs.load_all()
    gen = outputs.tables["mazur"].generator
    a, b = outputs.render(gen(max_m="5"), "csv"), outputs.render(gen(max_m=5), "csv")
    assert a == b
    assert "25/64 - 5*sqrt(5)/64" in a and ",9/16," in a  # table (20) of the paper


def test_mazur_table_bad_parameter(capsys):
    assert main(["table", "mazur", "--set", "max_m=1"]) == 2
    assert "'max_m'" in capsys.readouterr().err


def test_fig2_regenerates_byte_identically(tmp_path):
    outputs.load_all()
    gen = outputs.figures["prosen2011-fig2"].generator
    first = [p.read_bytes() for p in gen(tmp_path / "a")]
    second = [p.read_bytes() for p in gen(tmp_path / "b")]
    assert first == second

from fractions import Fraction

import pytest

from symness.validation import ParameterError, parse_number, require_int, require_real


@pytest.mark.parametrize("text,value", [("1/2", Fraction(1, 2)), ("0.1", Fraction(1, 10)),
                                        ("1e-3", Fraction(1, 1000)), ("-2", Fraction(-2))])
def test_parse_number_is_exact(text, value):
    assert parse_number(text, "x") == value


@pytest.mark.parametrize("text", ["nan", "inf", "1/0", "abc", ""])
def test_parse_number_rejects(text):
    with pytest.raises(ParameterError, match="'x'"):
        parse_number(text, "x")


def test_require_messages_name_parameter_and_range():
    with pytest.raises(ParameterError, match=r"'n' must be an integer >= 2 \(got 1\)"):
        require_int(1, "n", minimum=2)
    with pytest.raises(ParameterError, match=r"'mu' must be in \[-1, 1\] \(got 2\)"):
        require_real(2, "mu", minimum=-1, maximum=1)
    with pytest.raises(ParameterError, match="'eps' must be > 0"):
        require_real(0.0, "eps", minimum=0, open_minimum=True)
    with pytest.raises(ParameterError, match="finite"):
        require_real(float("nan"), "delta")
    with pytest.raises(ParameterError, match="integer"):
        require_int(2.0, "n")


# --- issue 24: magnitudes, lists, paths and result files (symness.cli_inputs) ---------------

@pytest.mark.parametrize("text", ["1e5000", "-1e5000", "1e-5000", "1e999999999", "1e301",
                                  "1e-301", "9" * 101, "１", "1/0"])
def test_parse_number_refuses_what_float64_cannot_hold(text):
    # float64 ends near 1.8e308 (2.2e-308 normalised): outside [1e-300, 1e300] a later
    # float() would overflow or round to 0; the exponent is read before 10**5000 is built
    with pytest.raises(ParameterError, match="'x'"):
        parse_number(text, "x")


@pytest.mark.parametrize("text,value", [("1e300", Fraction(10) ** 300),
                                        ("-1e-300", -Fraction(1, 10**300)), ("0", 0)])
def test_parse_number_keeps_the_ends_of_the_range(text, value):
    assert parse_number(text, "x") == value


def test_integer_and_lists():
    from symness.cli_inputs import MAX_LIST, integer, integer_list, name_list, number_list

    assert integer("1e3", "n", minimum=2) == 1000
    assert integer_list("8,10-12", "L", minimum=2) == [8, 10, 11, 12]
    assert number_list("0.3,1/2", "h", minimum=0) == [Fraction(3, 10), Fraction(1, 2)]
    assert name_list("energy", "currents", ("spin", "energy")) == ["energy"]
    for call, pattern in [(lambda: integer("1/2", "n"), "'n' must be an integer"),
                          (lambda: integer_list("6,6", "L"), "'L' lists 6 twice"),
                          (lambda: integer_list("0,0-2", "seeds"), "'seeds' lists 0 twice"),
                          (lambda: integer_list("5-1", "seeds"), "run upwards"),
                          (lambda: integer_list(f"0-{MAX_LIST}", "seeds"), "at most"),
                          (lambda: integer_list("1,,2", "L"), "empty entries"),
                          (lambda: number_list("", "h"), "'h'"),
                          (lambda: name_list("spin,heat", "currents", ("spin", "energy")),
                           "'currents'")]:
        with pytest.raises(ParameterError, match=pattern):
            call()


def test_output_paths_are_probed_and_no_folder_is_created(tmp_path):
    from symness.cli_inputs import output_file, output_folder

    assert output_file(str(tmp_path / "a.csv"), "output") == tmp_path / "a.csv"
    assert output_folder(str(tmp_path), "outdir") == tmp_path
    for text, pattern in [(str(tmp_path), "not a folder"), ("/proc/x", "cannot create"),
                          ("/dev/null/x", "is not a folder"), ("", "must name a file"),
                          (str(tmp_path / "new" / "a.csv"), "does not exist"),
                          ("a\x00b", "NUL")]:
        with pytest.raises(ParameterError, match="'output'.*" + pattern):
            output_file(text, "output")
    assert list(tmp_path.iterdir()) == []  # the probe file is gone, no folder made


def test_results_file_checks_name_file_and_line(tmp_path):
    from symness.cli_inputs import check_csv_header, check_jsonl

    ok = tmp_path / "ok.jsonl"
    ok.write_text('{"a": 1}\n\n{"a": 2}\n{"a": ')  # a run killed mid-append: left to the sweep
    check_jsonl(ok, "results")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"a": 1}\n[1, 2]\n')
    with pytest.raises(ParameterError, match=r"bad.jsonl.*line 2 is not a JSON object"):
        check_jsonl(bad, "results")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"a,b\n1,2\n\xff\n")
    with pytest.raises(ParameterError, match=r"b.csv.*line 3 is not UTF-8"):
        check_csv_header(binary, "output", ("a", "b"))
    other = tmp_path / "o.csv"
    other.write_text("x,y\n")
    with pytest.raises(ParameterError, match=r"line 1 is 'x,y', expected the header 'a,b'"):
        check_csv_header(other, "output", ("a", "b"))


def test_scheduler_address_format_and_reachability():
    import asyncio
    import socket
    import time

    from distributed import Scheduler

    from symness.cli_inputs import scheduler_address

    for text in ["foo", "tcp://host", "http://h:1", "tcp://h:0", "h:99999"]:
        with pytest.raises(ParameterError, match="tcp://HOST:PORT"):
            scheduler_address(text, "scheduler")
    with socket.socket() as server:  # listens but says nothing (as a firewall or a proxy)
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        start = time.perf_counter()
        with pytest.raises(ParameterError, match="no scheduler answers.* within 1 s"):
            scheduler_address(f"127.0.0.1:{port}", "scheduler", timeout=1)
        assert time.perf_counter() - start < 5
    with pytest.raises(ParameterError, match="no scheduler answers"):  # closed port
        scheduler_address(f"tcp://127.0.0.1:{port}", "scheduler")

    async def real():  # a Dask scheduler is accepted
        async with Scheduler(host="127.0.0.1", port=0, dashboard_address=None) as sched:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(None, scheduler_address, sched.address, "s")

    assert asyncio.run(real()).startswith("tcp://127.0.0.1:")

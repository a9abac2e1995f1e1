"""The package's thread-pool rule (symness.threads; measured by ``symness bench threads``)."""

import subprocess
import sys

import pytest

from symness.threads import DEFAULT_THREADS, ENV_VARS, chosen_threads, configure


def test_default_environment_gets_one_thread_per_pool():
    env = {}
    assert configure(env) == DEFAULT_THREADS == 1
    assert all(env[var] == "1" for var in ENV_VARS)


def test_a_user_setting_is_respected():
    env = {"OMP_NUM_THREADS": "4"}
    assert configure(env) is None and env == {"OMP_NUM_THREADS": "4"}


@pytest.mark.parametrize("value,threads", [("2", 2), ("0", None), ("1", 1)])
def test_symness_threads_overrides(value, threads):
    assert chosen_threads({"SYMNESS_THREADS": value, "OMP_NUM_THREADS": "8"}) == threads


def test_bad_symness_threads_names_the_variable():
    with pytest.raises(ValueError, match="'SYMNESS_THREADS'"):
        chosen_threads({"SYMNESS_THREADS": "many"})


def test_loaded_blas_is_limited_in_a_fresh_process():
    # numpy first (its BLAS pool starts with the library default), then symness:
    # threadpoolctl must report one thread for every loaded BLAS/OpenMP pool
    code = ("import numpy, threadpoolctl, symness; "
            "print(sorted({p['num_threads'] for p in threadpoolctl.threadpool_info()}))")
    env = {"PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env | _pythonpath(),
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[1]", out


def _pythonpath() -> dict:
    from pathlib import Path

    return {"PYTHONPATH": str(Path(__file__).resolve().parents[1])}

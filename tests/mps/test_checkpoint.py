"""An interrupted NESS solve resumes from its checkpoint and ends bit-identical to an
uninterrupted one (reference: the same solve run through without a checkpoint)."""

import json
import pickle
from dataclasses import asdict

import numpy as np
import pytest

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.checkpoint import FORMAT, CheckpointFile, CheckpointWarning
from symness.mps.convergence import Criterion
from symness.mps.lindblad_tebd import BoundaryDrivenChain
from symness.mps.transport import NessSettings, solve_ness
from symness.validation import ParameterError

CHAIN = BoundaryDrivenChain(DisorderedXXZ(8, 1, h=0.6, seed=1),
                            Reservoir("linear", beta=0.1), Reservoir("linear", beta=-0.1))
# the figures' schedule (chi ramp, coarse warm stage, QR route) at a small chi: three stages
SETTINGS = NessSettings(chi=16, dt=0.1, warmup_dt=0.25, update="qr", warm_stage="coarse",
                        criterion=Criterion(stationary_tol=1e-3, uniform_tol=5e-2, atol=1e-5,
                                            currents=("energy",)))


class Killed(Exception):
    """Stands for the process being killed after a given convergence check."""


def _killer(after: int):
    calls = []

    def progress(report):
        calls.append((report.chi, report.dt))
        if len(calls) == after:
            raise Killed

    return progress, calls


def _comparable(result) -> dict:
    out = asdict(result)
    for key in ("seconds", "resumes"):
        out.pop(key)
    return out


@pytest.fixture(scope="module")
def reference():
    progress, calls = _killer(after=-1)
    return solve_ness(CHAIN, SETTINGS, progress=progress), calls


def test_reference_has_three_stages(reference):
    # the interruption points below must fall in every stage: chi/2 coarse, chi coarse, fine
    result, calls = reference
    assert set(calls) == {(8, 0.25), (16, 0.25), (16, 0.1)}
    assert result.resumes == 0


@pytest.mark.parametrize("stage", [(8, 0.25), (16, 0.25), (16, 0.1)])
def test_resume_is_bit_identical(tmp_path, reference, stage):
    result, calls = reference
    # interrupt at the middle check of the stage, saving at every check
    in_stage = [i for i, c in enumerate(calls, start=1) if c == stage]
    after = in_stage[len(in_stage) // 2]
    file = tmp_path / "task.ckpt"
    progress, _ = _killer(after)
    with pytest.raises(Killed):
        solve_ness(CHAIN, SETTINGS, progress=progress, checkpoint=CheckpointFile(file, "k", 0))
    assert file.exists()
    resumed = solve_ness(CHAIN, SETTINGS, checkpoint=CheckpointFile(file, "k", 0))
    assert resumed.resumes == 1
    assert _comparable(resumed) == _comparable(result)  # exact equality, every value


def test_resume_twice_counts_and_matches(tmp_path, reference):
    result, calls = reference
    file = tmp_path / "task.ckpt"
    for after in (3, 4):
        progress, _ = _killer(after)
        with pytest.raises(Killed):
            solve_ness(CHAIN, SETTINGS, progress=progress,
                       checkpoint=CheckpointFile(file, "k", 0))
    resumed = solve_ness(CHAIN, SETTINGS, checkpoint=CheckpointFile(file, "k", 0))
    assert resumed.resumes == 2
    assert _comparable(resumed) == _comparable(result)


def test_save_is_throttled(tmp_path):
    file = CheckpointFile(tmp_path / "c.ckpt", "k", every=3600)
    progress, _ = _killer(after=5)
    with pytest.raises(Killed):
        solve_ness(CHAIN, SETTINGS, progress=progress, checkpoint=file)
    assert not file.path.exists()  # no save within the first hour


@pytest.mark.parametrize("content", [b"not a pickle",
                                     pickle.dumps({"format": FORMAT + 1, "key": "k"}),
                                     pickle.dumps({"format": FORMAT, "key": "other",
                                                   "state": None})])
def test_foreign_or_broken_file_starts_afresh(tmp_path, reference, content):
    result, _ = reference
    path = tmp_path / "c.ckpt"
    path.write_bytes(content)
    with pytest.warns(CheckpointWarning, match="starts afresh"):
        fresh = solve_ness(CHAIN, SETTINGS, checkpoint=CheckpointFile(path, "k", 3600))
    assert fresh.resumes == 0
    assert _comparable(fresh) == _comparable(result)


def test_every_is_validated(tmp_path):
    with pytest.raises(ParameterError, match="'every'"):
        CheckpointFile(tmp_path / "c", "k", every=-1)


def test_result_is_json_ready(reference):
    result, _ = reference
    data = json.loads(json.dumps(result.as_dict()))
    assert data["resumes"] == 0 and np.isfinite(data["j_energy"])

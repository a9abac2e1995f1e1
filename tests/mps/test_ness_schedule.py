"""The coarse warm-stage schedule reaches the same NESS as the full one, in fewer steps."""

import numpy as np
import pytest

from symness.lindblad.steady_state import steady_state
from symness.models.thermal_reservoirs import DISSIPATOR, Reservoir
from symness.models.xxz_disordered import DisorderedXXZ, energy_current_operator, hamiltonian
from symness.mps.convergence import Criterion, NotConvergedError
from symness.mps.lindblad_tebd import BoundaryDrivenChain, full_jumps
from symness.mps.transport import NessSettings, solve_ness
from symness.validation import ParameterError


@pytest.mark.slow
def test_coarse_warm_stage_matches_full_schedule_and_exact_ness():
    # reference: exact NESS of the U(1)-sector solver (independent method); both schedules
    # converge to the fixed point of the same last stage (chi, dt)
    chain = BoundaryDrivenChain(DisorderedXXZ(6, 1, h=0.6, seed=0),
                                Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))
    crit = Criterion(stationary_tol=1e-3, uniform_tol=5e-2, atol=1e-3)
    out = {}
    for warm in ("both", "coarse"):
        out[warm] = solve_ness(chain, NessSettings(chi=8, dt=0.1, warmup_dt=0.25, criterion=crit,
                                                   update="qr", warm_stage=warm))
    ref = steady_state(hamiltonian(chain.model), full_jumps(chain), dissipator=DISSIPATOR)
    j_ref = float(np.mean([ref.expect(energy_current_operator(i, chain.model))
                           for i in chain.energy_sites]))
    both, coarse = out["both"], out["coarse"]
    print(both.j_energy, coarse.j_energy, j_ref, both.truncation["steps"],
          coarse.truncation["steps"])
    assert coarse.convergence["converged"]
    assert coarse.truncation["steps"] < both.truncation["steps"]
    assert coarse.chi_dependence["dt"] == 0.25 and both.chi_dependence["dt"] == 0.1
    # chi = 8 < 4^3 truncates: agreement within the measured chi dependence plus Trotter
    tol = 2 * abs(j_ref) * max(coarse.chi_dependence["rel_change_energy"], 1e-2)
    assert abs(coarse.j_energy - both.j_energy) < tol
    assert abs(coarse.j_energy - j_ref) < tol


def test_warm_stage_is_validated():
    with pytest.raises(ParameterError, match="warm_stage"):
        NessSettings(warm_stage="fast")


def test_wall_time_limit_raises_not_converged():
    # a limit far below one check interval: the solver must refuse, not return a state
    chain = BoundaryDrivenChain(DisorderedXXZ(6, 1, h=0.6, seed=0),
                                Reservoir("linear", beta=0.5), Reservoir("linear", beta=-0.5))
    settings = NessSettings(chi=8, dt=0.1, warmup_dt=None, chi_ramp=False, wall_max=1e-6)
    with pytest.raises(NotConvergedError, match="wall_max"):
        solve_ness(chain, settings)
    with pytest.raises(ParameterError, match="wall_max"):
        NessSettings(wall_max=0)

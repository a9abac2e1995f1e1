from fractions import Fraction

import numpy as np
import pytest

from symness.models.thermal_reservoirs import Reservoir
from symness.models.xxz_disordered import DisorderedXXZ
from symness.mps.lindblad_tebd import edge_fields
from symness.validation import ParameterError


class _Mirrored(DisorderedXXZ):
    """A disordered chain whose fields are reflection symmetric (h_i = h_{L-1-i})."""

    @property
    def fields(self):
        f = super().fields
        return np.concatenate([f[: self.n // 2], f[: self.n // 2][::-1]])


def test_edge_fields_are_the_terms_on_the_two_edge_sites():
    # reference: eq. (1) gives site 0 the field h_0/2 (one bond), site 1 h_1 (two bonds)
    m = DisorderedXXZ(n=6, delta=1, h=Fraction(3, 5), seed=2)
    f = m.fields
    (a, b), (c, d) = edge_fields(m)
    assert (a, b, c, d) == (f[0] / 2, f[1], f[-2], f[-1] / 2)


def test_edge_gibbs_needs_edge_fields_and_reduces_to_gibbs_without_fields():
    # reference: with zero fields the edge-gibbs target is the clean-bond Gibbs target
    r = Reservoir("edge-gibbs", beta=Fraction(1, 3))
    with pytest.raises(ParameterError, match="edge_fields"):
        r.target(1, 1)
    clean = Reservoir("gibbs", beta=Fraction(1, 3)).target(1, 1)
    assert np.allclose(r.target(1, 1, (0, 0)), clean, atol=1e-15)


def test_edge_gibbs_mirrored_chain_carries_no_current():
    # reference: reflection symmetry (fields mirrored, equal reservoirs): zero bulk current;
    # fails if the right reservoir used unmirrored edge fields
    from symness.mps.reservoir_equilibrium import spurious_ratio

    r = spurious_ratio("edge-gibbs", _Mirrored(n=6, delta=1, h=Fraction(4, 5), seed=1))
    assert abs(r.equal_energy) <= 1e-12 * abs(r.driven_energy)
    assert abs(r.equal_spin) <= 1e-12 * abs(r.driven_energy)

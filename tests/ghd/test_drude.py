from fractions import Fraction as F

from symness.ghd.drude import FREE_FERMION_DRUDE, prosen_ilievski, spin_drude_weight


def test_free_fermion_normalisation():
    # int dk/2pi sin^2 k / 4 = 1/8 (n(1 - n) = 1/4 at beta = 0)
    assert prosen_ilievski(1, 2) == FREE_FERMION_DRUDE == 0.125
    assert abs(spin_drude_weight(F(1, 2)) - 0.125) < 1e-11


def test_prosen_2011_value_of_the_bethe_ansatz_drude_weight():
    # paper 000 quotes D_BA = 1 - sin(2 lambda)/(2 lambda) at lambda = pi/m (normalised)
    import math
    lam = math.pi / 3
    assert abs(8 * prosen_ilievski(1, 3) - (1 - math.sin(2 * lam) / (2 * lam))) < 1e-15

"""Thermodynamic Bethe ansatz of the gapless XXZ chain (Bertini et al. 2016, paper 003).

Modules, bottom up:

``strings``     Takahashi-Suzuki string content for gamma/pi rational (lengths, parities, signs)
``kernels``     the functions a_n^v(lambda), scattering kernels T_jk and their integrals
``quadrature``  uniform rapidity grid (trapezoid rule) and FFT convolution with T_jk
``bare``        bare energies, momenta, magnetisation and the local charges q_{n,j}(lambda)
``thermal``     Yang-Yang equations: thermal states (beta, h) and GGEs (beta_n Q_n)
``dressing``    dressing, root/hole densities, effective velocities
``charges``     expectation values of charge densities and currents (paper eqs. (3), (14))
``exact_diag``  small exact-diagonalisation reference (periodic chains) for the checks
``lattice_charges``  lattice densities of Q_n (boost operator), values in product states
``truncated_gge``    truncated GGEs of the Neel / Bell-pair quenches (paper's Example 2)
``string_charge``    exact steady states of the Neel / Bell-pair quenches (string-charge duality)
``local_limit``      the K -> oo limit of the truncated GGEs (local charges fix rho_1^h only)

Conventions (stated once, used everywhere): H = J sum_l (s^x s^x + s^y s^y + Delta s^z s^z)
with spin-1/2 operators, J = 1, Delta = cos(gamma), 0 < gamma < pi; the thermal state is
exp(-beta (H - h S^z)) / Z; the Bethe reference state is all spins up and a magnon (a
down spin) of rapidity lambda has lattice momentum k with
e^{ik} = sinh(lambda + i gamma/2) / sinh(lambda - i gamma/2) (paper eq. (2)).
"""

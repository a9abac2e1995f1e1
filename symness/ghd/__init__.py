"""Generalized hydrodynamics of the gapless XXZ chain (Bertini et al. 2016, paper 003).

``lqss``           the locally quasi-stationary state (16) of the partitioning protocol
``profiles``       profiles of charges and currents on a ray grid; boundary states (two
                   temperatures, domain wall)
``drude``          spin Drude weight at infinite temperature (vs Prosen-Ilievski)
``free_fermions``  closed forms at Delta = 0 used as references
``claims``, ``cli``, ``figures``, ``tables``, ``bench``  registrations (interface glue)
"""

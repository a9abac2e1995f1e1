"""Ishida & Sugita (2022): weakly coupled spin chains between two local heat baths.

* :mod:`.baths` -- the local bath superoperator (B2)-(B3), (B9)-(B12), (B30)-(B33).
* :mod:`.chain` -- the pieces L0, L1, L2 of (16)-(19) for a chain, full-Liouvillian
  steady states at finite lambda, local temperatures ``t_l = -<sigma^z_l>``.
* :mod:`.two_spin` -- the symbolic two-spin analysis of Sec. IV B and Appendix B.
* :mod:`.sum_rule` -- the N-spin sum rule (149)-(150) of Sec. IV C.
* :mod:`.kernel_l0` -- ``Ker L0`` (71)-(80) and the first step (121)-(124) of Sec. IV C.
* :mod:`.redfield` -- the Redfield generator (5)-(9) of the microscopic model and its
  reduction to the local (16); (13) -> (B3) -> (B9) symbolically.
* :mod:`.lambda_expansion` -- Taylor coefficients of the exact steady state in lambda
  (Cauchy formula), the independent check of the series (21).
"""

"""Claims ``prosen2011.*``: Prosen (2011), PRL 106, 217206 (seed 000).

They are split by subject over ``claims_algebra.py`` (cubic algebra (13), boundary
conditions (14)), ``claims_theorem.py`` (theorem (10)-(12), orders (8)-(9), open
points), ``claims_profiles.py`` (transfer matrices, profiles (17)) and
``claims_mazur.py`` (Mazur bound (19)-(20)); :func:`symness.claims.load_all`
discovers every ``claims_*.py``.
"""

"""The cubic algebra (13), boundary conditions (14) and the theorem (8)-(12) of Prosen (2011)."""

"""Prosen (2011): weak-coupling matrix product ansatz for the boundary-driven XXZ chain.

Cubic algebra (11), (13), boundary conditions (14), transfer matrices (15)-(17),
magnetisation profiles and the Mazur bound D_Z of (19)-(20).
"""

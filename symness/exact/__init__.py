"""Exact arithmetic helpers: real cyclotomic fields Q(2cos(2pi/m)), exact spectral parts.

A lower layer: nothing here imports a paper package.
"""

"""Matrix-product NESS of disordered XXZ chains between thermal reservoirs (paper 002)."""

"""Transfer matrices (15)-(16) and the profiles and correlations (17) of Prosen (2011)."""

"""The NESS of Prosen (2011) without the MPA: eps-expansion (6)-(7), Lindblad cross-check."""

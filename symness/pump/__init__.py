"""Lange, Lenarcic & Rosch (2017): pumping the weakly driven, weakly open XXZ ring (paper 004)."""

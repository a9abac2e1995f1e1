"""The open points (i) and (ii) of Prosen (2011), decided numerically and exactly."""

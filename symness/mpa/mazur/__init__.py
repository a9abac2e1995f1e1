"""The Mazur bound D_Z of Prosen (2011), eqs. (18)-(20), and its closed form for every m."""

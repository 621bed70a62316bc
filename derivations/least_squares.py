"""Least squares: why the note trades |x − y| for ½(x − y)².

Follows the note's section 最小二乘法: xᵢ is the human label (1 for a cat,
0 otherwise), yᵢ the network's output, a probability in (0, 1). The obvious
distance Σ|xᵢ − yᵢ| is not differentiable where a residual r = x − y is 0
(the note's example: |x| at 0): its one-sided difference quotients |h|/h tend
to −1 from the left and +1 from the right. The square ½r² is differentiable
at every r, and minimizing Σ½(xᵢ − yᵢ)² over y is the same as minimizing
Σ(xᵢ − yᵢ)².
"""
from sympy import Abs, Derivative, IndexedBase, Limit, Rational, Sum, Symbol

from symloss import derive

x, y = IndexedBase("x"), IndexedBase("y")
i, n = Symbol("i", integer=True), Symbol("n")
r, h = Symbol("r"), Symbol("h")           # a residual x − y, and an increment
x1, y1 = Symbol("x"), Symbol("y")         # one image: its label and the output


def half_square(t):
    """½t², the squared error of a residual t."""
    return Rational(1, 2) * t ** 2


LEAST_SQUARES = (
    derive("least-squares", "Least squares: |x − y| is not differentiable, ½(x − y)² is",
           assume={"x": "label", "y": "probability", "n": "posint"},
           start=Limit(Abs(h) / h, h, 0, "-"),
           source="最小二乘法: Σ|xᵢ − yᵢ| is not differentiable, so min Σ ½(xᵢ − yᵢ)²")
    .eq(-1, "|h| = −h for h < 0: the left derivative of |r| at r = 0", rule="abs_of_neg")
    .lt(1, "−1 < 1")
    .eq(Limit(Abs(h) / h, h, 0, "+"),
        "|h| = h for h > 0: the right derivative of |r| at 0; they differ, so |r| has no "
        "derivative at 0", rule="abs_of_pos")
    .claim(Limit((half_square(r + h) - half_square(r)) / h, h, 0, "-"), "=", r,
           "left difference quotient of ½r²: (2rh + h²)/(2h) = r + h/2 → r", rule="hasDerivAt_pow")
    .eq(Limit((half_square(r + h) - half_square(r)) / h, h, 0, "+"),
        "the right one has the same limit: ½r² is differentiable at every r")
    .claim(Derivative(half_square(x1 - y1), y1), "=", y1 - x1,
           "chain rule: d/dy ½(x − y)² = (x − y)·(−1)", rule="deriv_half_sq_sub")
    .claim(Sum(half_square(x[i] - y[i]), (i, 1, n)), "=",
           Rational(1, 2) * Sum((x[i] - y[i]) ** 2, (i, 1, n)),
           "take the constant ½ out of the sum", rule="Finset.mul_sum")
    .same_argmin(Sum((x[i] - y[i]) ** 2, (i, 1, n)), "y",
                 "doubling, a strictly increasing map, keeps the minimizers", rule="argmin_mul_pos")
)

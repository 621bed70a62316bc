"""Information content: f(xy) = f(x) + f(y), f decreasing, f(1/2) = 1 give f(x) = −log₂ x.

Follows the note's section 信息量: the information of two independent events
(reaching the final, probability 1/4, then winning it, 1/2) adds up to that
of both (winning the cup, 1/8), so f(xy) = f(x) + f(y); a less likely event
carries more information, so f is decreasing; and one bit is the information
of a fair coin, f(1/2) = 1.

For a differentiable f: differentiating f(xy) − f(x) − f(y) = 0 in y at y = 1
gives x·f′(x) = f′(1) =: c; then (f − c log)′ = 0, so f(x) = c log x + C, and
f(1) = f(1·1) = 2f(1) forces C = f(1) = 0 (this is the ODE ``dsolve`` solves with
f(1) = 0). The candidate c log x does satisfy the equation; f(1/2) = 1 fixes
c = −1/ln 2 < 0 (so f is indeed decreasing), and f(x) = −log₂ x. The note's
examples: 2 + 1 = 3 bits for the cup, 16 bits for a 16-bit datum.
"""
from sympy import Derivative, Function, Rational, Subs, Symbol, log

from derivations._notation import information
from symloss import derive

f = Function("f")
x, y = Symbol("x"), Symbol("y")       # probabilities of two independent events
c, C = Symbol("c"), Symbol("C")       # c = f′(1), and a constant of integration

INFORMATION = (
    derive("information", "Information content f(x) = −log₂ x from f(xy) = f(x) + f(y)",
           assume={"x": "probability", "y": "probability"},
           start=Subs(Derivative(f(x * y) - f(x) - f(y), y), y, 1),
           source="信息量: f(xy) = f(x) + f(y), smaller probability → more information, "
                  "f(x) := −log₂ x")
    .eq(x * Derivative(f(x), x) - Subs(Derivative(f(y), y), y, 1),
        "chain rule; the left side is the derivative of 0, so x·f′(x) = f′(1) =: c",
        rule="deriv_comp_mul_left")
    .claim(Derivative(f(x) - c * log(x), x), "=", (x * Derivative(f(x), x) - c) / x,
           "which vanishes when x·f′(x) = c: f(x) = c·log x + C", rule="deriv_sub_log")
    .claim(Subs(c * log(x) + C, x, 1), "=", C,
           "f(1) = f(1·1) = 2f(1) forces f(1) = 0, so C = 0", rule="Real.log_one")
    .claim(c * log(x * y), "=", c * log(x) + c * log(y),
           "and c·log x does satisfy f(xy) = f(x) + f(y)", rule="Real.log_mul")
    .claim(Subs(c * log(x), x, Rational(1, 2)), "=", -c * log(2),
           "f(1/2) = 1 then gives c = −1/ln 2", rule="Real.log_inv")
    .claim(Subs(c * log(x), c, -1 / log(2)), "=", -log(x, 2),
           "so f(x) = −ln x/ln 2 = −log₂ x", rule="Real.log_div_log")
    .claim(Derivative(information(x), x), "=", -1 / (x * log(2)),
           "d/dx log₂ x = 1/(x ln 2)", rule="Real.deriv_logb")
    .lt(0, "negative: f is decreasing, as required", rule="div_neg_of_neg_of_pos")
    .claim(information(Rational(1, 4)) + information(Rational(1, 2)), "=",
           information(Rational(1, 8)),
           "reaching the final (1/4) and winning it (1/2) is winning the cup (1/8)",
           rule="Real.logb_mul")
    .eq(3, "8 = 2³: 2 + 1 = 3 bits", rule="Real.logb_pow")
    .claim(information(Rational(1, 2 ** 16)), "=", 16,
           "a 16-bit datum, one of 2¹⁶ equally likely values, carries 16 bits",
           rule="Real.logb_self_rpow")
)

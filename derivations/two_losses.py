"""The two losses the note quotes, and their derivatives in the prediction ŷ.

Follows the note's opening (吴恩达给出了两个具体的表达式), formulas (1) and (2),
in Ng's notation: ŷ is the model's output, a probability in (0, 1), and y the
label, 0 or 1. Formula (2) is taken here as it is meant, with the minus sign in
front of the whole bracket; the note's printed form (2), which lacks those
parentheses, is refuted in :mod:`derivations.errata`.

Both losses are nonnegative, and both derivatives vanish exactly when ŷ = y:
the squared error's is ŷ − y, the cross-entropy's is (ŷ − y)/(ŷ(1 − ŷ)).
"""
from sympy import Derivative, Rational, Subs, Symbol, log

from derivations._notation import negated
from symloss import derive

yhat, y = Symbol("yhat"), Symbol("y")

squared_error = Rational(1, 2) * (yhat - y) ** 2                        # (1)
cross_entropy = negated(y * log(yhat) + (1 - y) * log(1 - yhat))       # (2), as meant

TWO_LOSSES = (
    derive("two-losses", "The note's two losses and their derivatives in ŷ",
           assume={"yhat": "probability", "y": "label"},
           start=Derivative(squared_error, yhat),
           source="开头: L(ŷ,y) = ½(ŷ−y)² (1) and L(ŷ,y) = −[y log ŷ + (1−y) log(1−ŷ)] (2)")
    .eq(yhat - y, "chain rule: d/dŷ ½(ŷ − y)² = ½·2(ŷ − y)·1", rule="deriv_half_sq_sub")
    .claim(squared_error, ">=", 0, "a square is nonnegative", rule="sq_nonneg")
    .claim(Derivative(cross_entropy, yhat), "=", -y / yhat + (1 - y) / (1 - yhat),
           "d/dŷ log ŷ = 1/ŷ and d/dŷ log(1 − ŷ) = −1/(1 − ŷ)", rule="deriv_log")
    .eq((yhat - y) / (yhat * (1 - yhat)), "over the common denominator ŷ(1 − ŷ)",
        rule="div_add_div")
    .claim(Subs(cross_entropy, y, 1), "=", -log(yhat),
           "a positive example (y = 1) keeps only −log ŷ", rule="one_mul")
    .claim(Subs(cross_entropy, y, 0), "=", -log(1 - yhat),
           "a negative example (y = 0) keeps only −log(1 − ŷ)", rule="zero_mul")
    .claim(cross_entropy, ">", 0, "−log of a probability in (0, 1) is positive, for either label",
           rule="neg_log_pos_of_lt_one")
)

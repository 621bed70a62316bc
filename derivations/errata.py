"""The note's two mistakes, each refuted by a counterexample, next to the corrected line.

1. Formula (2) as printed, L(ŷ, y) = −y log ŷ + (1 − y) log(1 − ŷ), lacks the
   brackets that make the whole sum negative. For y = 0 and ŷ = 1/2 it gives
   log(1/2) = −ln 2, while the binary cross-entropy −[y log ŷ + (1 − y) log(1 − ŷ)]
   is ln 2. Corrected: −y log ŷ − (1 − y) log(1 − ŷ).
2. The note's last line, Σ_{i=1}^{2} pᵢ(−log₂ qᵢ) = x log₂ y + (1 − x) log₂(1 − y)
   with P = (x, 1 − x), Q = (y, 1 − y), drops the minus sign. For x = 0 and
   y = 1/2 the left side is −log₂(1/2) = 1 and the right side −1. Corrected:
   −(x log₂ y + (1 − x) log₂(1 − y)).

The two mistakes use the note's two notations: in (2), after Ng, y is the
label and ŷ the output; in the last line x is the label and y the output. One
derivation has one domain per name, so y is declared in [0, 1], which holds
both a label and an output; the counterexamples fall in the narrower domains.
"""
from sympy import Sum, Symbol, log

from derivations._notation import information, negated, two_events
from symloss import derive

yhat, y, x = Symbol("yhat"), Symbol("y"), Symbol("x")
i = Symbol("i", integer=True)

binary_cross_entropy = negated(y * log(yhat) + (1 - y) * log(1 - yhat))
two_event_cross_entropy = Sum(two_events(x, i) * information(two_events(y, i)), (i, 1, 2))

ERRATA = (
    derive("errata", "The note's two mistakes, refuted, and their corrections",
           assume={"yhat": "probability", "y": "unit", "x": "label"},
           start=-y * log(yhat) + (1 - y) * log(1 - yhat),
           source="formula (2) as printed; the last line of 交叉熵")
    .eq(binary_cross_entropy, "formula (2) as printed: the minus sign covers only y log ŷ",
        expected="refuted")
    .claim(-y * log(yhat) - (1 - y) * log(1 - yhat), "=", binary_cross_entropy,
           "corrected formula (2): both terms negated", rule="neg_add")
    .claim(two_event_cross_entropy, "=", x * log(y, 2) + (1 - x) * log(1 - y, 2),
           "the note's last line: the minus sign of −log₂ qᵢ is lost", expected="refuted")
    .claim(two_event_cross_entropy, "=", negated(x * log(y, 2) + (1 - x) * log(1 - y, 2)),
           "corrected last line", rule="Finset.sum_range_succ, neg_add")
)

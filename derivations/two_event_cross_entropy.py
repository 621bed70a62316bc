"""The two-event cross-entropy: H(P, Q) = −(x log₂ y + (1 − x) log₂(1 − y)).

Follows the note's last section (回到判断图片是不是猫的例子): two events, cat or
not. P = (x, 1 − x) is the human's judgement (x ∈ {0, 1}), Q = (y, 1 − y) the
network's (y ∈ (0, 1)); their i-th entries are written with Kronecker deltas.
Summing the two terms of Σ_{i=1}^{2} pᵢ(−log₂ qᵢ) gives the binary
cross-entropy in bits, which is the natural-log BCE divided by ln 2. The note's
own last line drops the leading minus sign; see :mod:`derivations.errata`.
"""
from sympy import Sum, Symbol, log

from derivations._notation import information, negated, two_events
from symloss import derive

x, y = Symbol("x"), Symbol("y")
i = Symbol("i", integer=True)

two_event_cross_entropy = Sum(two_events(x, i) * information(two_events(y, i)), (i, 1, 2))

TWO_EVENT_CROSS_ENTROPY = (
    derive("two-event-ce", "Two events: H(P, Q) = −(x log₂ y + (1 − x) log₂(1 − y))",
           assume={"x": "label", "y": "probability"},
           start=two_event_cross_entropy,
           source="交叉熵: H(P,Q) = Σ_{i=1}^{2} pᵢ(−log₂ qᵢ) with P = (x, 1−x), Q = (y, 1−y)")
    .eq(x * information(y) + (1 - x) * information(1 - y),
        "the two terms: i = 1 (cat) and i = 2 (not a cat)", rule="Finset.sum_range_succ")
    .eq(negated(x * log(y, 2) + (1 - x) * log(1 - y, 2)),
        "take the minus sign out of both terms", rule="neg_add")
    .eq(negated(x * log(y) + (1 - x) * log(1 - y)) / log(2),
        "log₂ u = ln u / ln 2: the binary cross-entropy, in bits", rule="Real.log_div_log")
)

"""A corpus of claims about the note's topics, with what the checker must say.

``TRUE_CLAIMS`` must be proved; ``FALSE_CLAIMS`` must never be proved (and
the ones marked ``refute`` must be refuted with a counterexample).
Each entry: (lhs, rel, rhs, assume).
"""
from __future__ import annotations

P = {"p": "probability"}
PQ = {"p": "simplex", "q": "simplex"}
LABEL = {"x": "label", "y": "probability"}
XY = {"x": "real", "y": "real"}
POS = {"a": "positive", "b": "positive"}

BCE = "-(x*log(y) + (1 - x)*log(1 - y))"
KL = "Sum(p[i]*log(p[i]/q[i]), (i, 1, n))"
CE = "Sum(p[i]*(-log(q[i], 2)), (i, 1, n))"
H = "Sum(p[i]*(-log(p[i], 2)), (i, 1, n))"

TRUE_CLAIMS = [
    ("log(a*b)", "=", "log(a) + log(b)", POS),
    ("log(a/b)", "=", "log(a) - log(b)", POS),
    ("log(a**3)", "=", "3*log(a)", POS),
    ("log2(a)", "=", "log(a)/log(2)", POS),
    ("log(p*(1 - p))", "=", "log(p) + log(1 - p)", P),
    ("log(p**2*(1 - p)**2)/2", "=", "log(p) + log(1 - p)", P),
    ("-log(p, 2)", ">=", "0", P),
    ("-log(p, 2)", ">", "0", P),
    ("log(p)", "<", "0", P),
    ("1 - p", ">", "0", P),
    ("p*(1 - p)", "<=", "1/4", P),
    ("x**2 - 2*x + 1", ">=", "0", XY),
    ("(x - y)**2", ">=", "0", XY),
    ("log(a)", "<=", "a - 1", {"a": "positive"}),
    ("exp(x)", ">", "0", XY),
    ("diff((x - y)**2/2, y)", "=", "y - x", XY),
    ("Derivative((x - y)**2/2, y)", "=", "y - x", XY),
    ("diff(" + BCE + ", y)", "=", "(y - x)/(y*(1 - y))", LABEL),
    ("y**x*(1 - y)**(1 - x)", "=", "x*y + (1 - x)*(1 - y)", LABEL),
    ("log(y**x*(1 - y)**(1 - x))", "=", "x*log(y) + (1 - x)*log(1 - y)", LABEL),
    (BCE, ">=", "0", LABEL),
    ("-p*log(p, 2) - (1 - p)*log(1 - p, 2)", "<=", "1", P),
    ("-p*log(p, 2) - (1 - p)*log(1 - p, 2)", ">=", "0", P),
    (KL, ">=", "0", PQ),
    (KL, "=", CE + "*log(2) - " + H + "*log(2)", PQ),
    (CE + " - " + H, "=", "Sum(p[i]*log(p[i]/q[i], 2), (i, 1, n))", PQ),
    (CE, ">=", H, PQ),
    ("Sum(p[i], (i, 1, n))", "=", "1", PQ),
    ("Sum(2*p[i] - q[i], (i, 1, n))", "=", "1", PQ),
    ("log(Product(y[i]**x[i]*(1 - y[i])**(1 - x[i]), (i, 1, n)))", "=",
     "Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))", {"x": "label", "y": "probability"}),
    ("Sum(p[i]*(-log(q[i], 2)), (i, 1, 2))", "=", "-(p[1]*log(q[1], 2) + p[2]*log(q[2], 2))", PQ),
    ("Subs(diff(7*log(t) + 3*log(1 - t), t), t, 7/10)", "=", "0", {"t": "probability"}),
    ("Subs(diff(7*log(t) + 3*log(1 - t), t, 2), t, 7/10)", "<", "0", {"t": "probability"}),
    ("Limit(Abs(h)/h, h, 0, '+')", "=", "1", {"h": "real"}),
    ("Limit(Abs(h)/h, h, 0, '-')", "=", "-1", {"h": "real"}),
    ("Sum((x[i] - y[i])**2/2, (i, 1, n))", "same-argmin[y]", "Sum((x[i] - y[i])**2, (i, 1, n))",
     {"x": "label", "y": "probability"}),
    (CE, "same-argmin[q]", KL + "/log(2)", PQ),
    ("log(2)*" + CE, "same-argmin[q]", CE, PQ),
    ("Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))", "argmax-argmin[y]",
     "-Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))/n", {"x": "label", "y": "probability"}),
    ("-log(1/8, 2)", "=", "3", {}),
    ("-log(1/4, 2) - log(1/2, 2)", "=", "-log(1/8, 2)", {}),
    ("sigmoid(z)", "=", "1/(1 + exp(-z))", {"z": "real"}),
    ("sigmoid(z)", "<", "1", {"z": "real"}),
]

# (lhs, rel, rhs, assume, must_refute)
FALSE_CLAIMS = [
    ("log(a*b)", "=", "log(a) + log(b)", {"a": "real", "b": "real"}, True),
    ("x**2", ">=", "x", {"x": "real"}, True),
    ("x**2", ">", "0", {"x": "real"}, True),
    ("log(a + b)", "=", "log(a) + log(b)", POS, True),
    ("log(a**2)", "=", "2*log(a)", {"a": "real"}, True),
    ("sqrt(x**2)", "=", "x", {"x": "real"}, True),
    ("log(p)", ">", "0", P, True),
    ("-log(p, 2)", "<=", "0", P, True),
    ("log(p, 2)", "=", "log(p)", P, True),
    ("log(p, 2)", "=", "log(p)/log(10)", P, True),
    ("p*(1 - p)", "<", "1/4", P, True),
    ("p*(1 - p)", "<=", "1/5", P, True),
    ("log(u)", "<", "u - 1", {"u": "positive"}, True),
    ("log(u)", ">=", "u - 1", {"u": "positive"}, True),
    ("(x - y)**2", ">", "0", XY, True),
    ("diff((x - y)**2/2, y)", "=", "x - y", XY, True),
    ("diff(" + BCE + ", y)", "=", "(x - y)/(y*(1 - y))", LABEL, True),
    ("-y*log(yhat) + (1 - y)*log(1 - yhat)", "=", "-(y*log(yhat) + (1 - y)*log(1 - yhat))",
     {"y": "label", "yhat": "probability"}, True),
    ("Sum(p[i]*(-log(q[i], 2)), (i, 1, 2))", "=", "p[1]*log(q[1], 2) + p[2]*log(q[2], 2)", PQ, True),
    ("y**x*(1 - y)**(1 - x)", "=", "x*y + x*(1 - y)", LABEL, True),
    ("y**x*(1 - y)**(1 - x)", "=", "y", LABEL, True),
    (BCE, "<=", "0", LABEL, True),
    (BCE, ">=", "1", {"x": "unit", "y": "probability"}, True),
    ("-p*log(p, 2) - (1 - p)*log(1 - p, 2)", "<", "1", P, True),
    ("-p*log(p, 2) - (1 - p)*log(1 - p, 2)", "<=", "1/2", P, True),
    ("-p*log(p) - (1 - p)*log(1 - p)", ">=", "1", P, True),
    (KL, ">=", "0", {"p": "simplex", "q": "positive"}, True),
    (KL, ">", "0", PQ, True),
    (KL, "<=", "0", PQ, True),
    (KL, "=", "Sum(q[i]*log(q[i]/p[i]), (i, 1, n))", PQ, True),
    (KL, "=", CE + " - " + H, PQ, True),
    (CE, "<=", H, PQ, True),
    (CE + " - " + H, "=", "Sum(p[i]*log(q[i]/p[i], 2), (i, 1, n))", PQ, True),
    ("Sum(p[i], (i, 1, n))", "=", "1", {"p": "probability"}, True),
    ("Sum(p[i], (i, 1, n))", "=", "n", PQ, True),
    ("Sum(p[i]*log(p[i]), (i, 1, n))", ">=", "0", PQ, True),
    ("log(Product(y[i]**x[i]*(1 - y[i])**(1 - x[i]), (i, 1, n)))", "=",
     "Sum(x[i]*log(y[i]) - (1 - x[i])*log(1 - y[i]), (i, 1, n))", {"x": "label", "y": "probability"}, True),
    ("log(Product(y[i]**x[i]*(1 - y[i])**(1 - x[i]), (i, 1, n)))", "=",
     "Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))/n", {"x": "label", "y": "probability"}, True),
    ("Sum(x[i]*log(y[i]), (i, 1, n))", "=", "Sum(x[i]*log(y[i]), (i, 1, n + 1))",
     {"x": "label", "y": "probability"}, True),
    ("Subs(diff(7*log(t) + 3*log(1 - t), t), t, 3/10)", "=", "0", {"t": "probability"}, True),
    ("Subs(diff(7*log(t) + 3*log(1 - t), t, 2), t, 7/10)", ">", "0", {"t": "probability"}, True),
    ("Limit(Abs(h)/h, h, 0, '+')", "=", "-1", {"h": "real"}, True),
    ("-log(1/8, 2)", "=", "4", {}, True),
    ("-log(1/2**16, 2)", "=", "15", {}, True),
    ("sigmoid(z)", "<", "1/2", {"z": "real"}, True),
    ("exp(x)", ">=", "x + 2", XY, True),
    ("exp(a*b)", "=", "exp(a) + exp(b)", POS, True),
    ("Abs(x - y)", "=", "x - y", XY, True),
    # argmin claims that are false: never proved (they are not refuted numerically)
    ("Sum((x[i] - y[i])**2, (i, 1, n))", "same-argmin[y]", "-Sum((x[i] - y[i])**2, (i, 1, n))",
     {"x": "label", "y": "probability"}, False),
    ("Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))", "same-argmin[y]",
     "-Sum(x[i]*log(y[i]) + (1 - x[i])*log(1 - y[i]), (i, 1, n))/n", {"x": "label", "y": "probability"}, False),
    (CE, "same-argmin[q]", "Sum(q[i]*log(q[i]/p[i]), (i, 1, n))", PQ, False),
    ("(y - 1)**2", "same-argmin[y]", "(y - 2)**2", {"y": "real"}, False),
    ("(y - 1)**2", "same-argmin[y]", "-(y - 1)**2 + 3", {"y": "real"}, False),
]

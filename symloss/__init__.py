"""symloss: derive loss functions step by step with SymPy, and check every step.

>>> import symloss
>>> symloss.check("-log(p, 2)", ">=", 0, assume={"p": "probability"})
proved (sign)
"""
from symloss.check.engine import check
from symloss.check.report import Report
from symloss.check.verdict import Status, Verdict
from symloss.derivation import Claim, Derivation, Step, derive
from symloss.domains import DOMAINS, Domain
from symloss.errors import ChainError, DomainError, ParseError, SymlossError
from symloss.relations import Rel

__version__ = "0.1.0"

__all__ = ["check", "Report", "Status", "Verdict", "Claim", "Derivation", "Step", "derive",
           "DOMAINS", "Domain", "ChainError", "DomainError", "ParseError", "SymlossError", "Rel"]

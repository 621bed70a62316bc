"""``python -m symloss``: the same as the ``symloss`` command."""
import sys

from symloss.cli import main

if __name__ == "__main__":
    sys.exit(main())

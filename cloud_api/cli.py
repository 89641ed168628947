"""`tillbox-cloud`: the server side. Its commands arrive with the cloud issue; for now it says so."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tillbox-cloud", description="tillbox cloud service (not built yet)"
    )
    parser.parse_args(argv)
    print("tillbox-cloud: the cloud service is not built yet (see the open issues)", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())

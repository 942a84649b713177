"""``python -m claimgraph``: the same command as the ``claimgraph`` console script."""

from __future__ import annotations

from claimgraph.cli.main import main

if __name__ == "__main__":
    main()

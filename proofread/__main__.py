"""``python -m proofread``: the same as the ``proofread`` command."""

from proofread.cli import main

main()

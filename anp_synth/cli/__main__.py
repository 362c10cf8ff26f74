"""``python -m anp_synth.cli``: the same as the ``anp-synth`` console script."""

from . import main

main()

"""``python -m anp_synth``: the same as the ``anp-synth`` console script."""

from .cli import main

main(prog_name="anp-synth")

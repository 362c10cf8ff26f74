"""pytest plugin of anp-synth (registered through the ``pytest11`` entry point)."""

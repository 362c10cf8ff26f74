"""The pytest plugin's parts, one job each; :mod:`anp_synth.pytest_plugin` registers them.

* :mod:`.checks`: the seed, count and profile checks shared by the ``anp`` marker, the
  ``--anp-seed`` option and the factories' arguments;
* :mod:`.records`: the defaults a test starts from and the windows of seeds it used;
* :mod:`.target`: where ``anp_db`` writes, read from a URL (parsed by :mod:`anp_synth.dburl`),
  and the URL it hands back, which never shows its password;
* :mod:`.pg_schemas`: one fresh PostgreSQL schema per ``anp_db`` call, dropped after the test;
* :mod:`.factories`: the ``anp_articles`` and ``anp_db`` factories tests call.

Private: the names users rely on are re-exported by :mod:`anp_synth.pytest_plugin`.
"""

"""news_build: run a build the way editors and CI need it.

Not a Pelican plugin (nothing to register): the command line (trangtin's
tasks), the live preview (news_preview) and the tests call `runner.build()`,
which
- reads pelicanconf.py or publishconf.py with --content/--output overrides,
- logs plainly in Vietnamese and counts every error and warning (log.py),
- in strict mode (publish, CI) builds into a sibling folder and swaps it into
  place only when there was no error and no warning, so a failed build leaves
  the previous output untouched.
"""

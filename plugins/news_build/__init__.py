"""news_build: run a build the way editors and CI need it.

Not a Pelican plugin (nothing to register): the command line (trangtin's
tasks), the live preview (news_preview) and the tests call `runner.build()`,
which
- reads pelicanconf.py or publishconf.py with --content/--output overrides,
- logs plainly in Vietnamese and counts every error and warning (log.py),
- in strict mode (publish, CI) builds into a sibling folder and swaps it into
  place only when there was no error and no warning, so a failed build leaves
  the previous output untouched;
- when the output folder is refused (not ours, a file, a link, a running
  preview's), still reads every article into a private temporary folder, so
  one run reports the content's problems and the folder's, and never touches it;
- owner.py: the live preview's claim on its own folder (.output-preview/), so a
  publish never writes where the preview does, and the preview never writes
  into what a production build made.
"""

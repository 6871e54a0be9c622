"""news_preview: the live preview behind `invoke serve` (serve.py).

Not a Pelican plugin: it builds through news_build's runner, serves the
output on localhost with two small files of its own (live/live.js and
live/live.css: reload after each rebuild, the build's problems listed on the
page) and rebuilds when a file is saved.
"""

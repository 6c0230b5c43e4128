"""The storyline command line: thin commands over :mod:`storyline.api`, one per function.

One module per kind of command (:mod:`~storyline.cli.corpus` builds the corpus, :mod:`~storyline.cli.read`
and :mod:`~storyline.cli.timeline` read it, :mod:`~storyline.cli.publish` serves and reports it,
:mod:`~storyline.cli.corrections` corrects it); each registers its commands on the one group,
:func:`storyline.cli.app.main`, the ``storyline`` entry point.
"""

from storyline.cli import corpus, corrections, publish, read, timeline
from storyline.cli.app import main

__all__ = ["corpus", "corrections", "main", "publish", "read", "timeline"]

"""Corrections: the reporter has the last word.

A correction is a row of the ``corrections`` log (kind, anchor, value, who, when, note, status),
anchored on what survives re-annotation and relinking (:mod:`storyline.corrections.anchors`), and
applied to the fact rows every time they are written (:mod:`storyline.corrections.apply`): after a
document is annotated and after every link flush. Views, exports and reports read the rows, so
they all show the corrections. ``storyline fix ...`` and ``storyline.fix_*`` make them
(:mod:`storyline.corrections.log`).

Importing this package is cheap (the model and :func:`describe`); applying corrections loads the
linking code, which a story move reuses.
"""

from __future__ import annotations

from storyline.corrections.describe import describe
from storyline.corrections.model import KINDS, REJECTABLE, Correction

__all__ = ["KINDS", "REJECTABLE", "Correction", "describe"]

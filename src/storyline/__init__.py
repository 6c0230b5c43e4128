"""storyline: verified story dossiers from news coverage and primary documents."""

__version__ = "0.1.0"

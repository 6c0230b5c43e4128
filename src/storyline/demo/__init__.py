"""The bundled demo corpus: original, fictional local-news coverage of three affairs."""

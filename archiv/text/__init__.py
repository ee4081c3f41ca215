"""The lower text layer: small pure helpers over German council text, one module each, used by the
parsers, extraction, store, search and web alike. Imports nothing else of archiv (scripts/check_shape.py
keeps it free of cycles).

- ``lines``: wrapped lines joined again, hyphenation at line ends undone (one keep-list);
- ``dates``: dates as printed -> ISO;
- ``status``: "öffentlich" / "nichtöffentlich" and their short forms;
- ``revision``: the revision suffix of a Vorlage-Nr. ("– 1. Ergänzung", "-NF-02");
- ``keys``: identifier keys under which a Vorlage-Nr. or an Aktenzeichen is found however typed;
- ``distance``: edit distance.
"""

"""archiv: a searchable archive of German council documents (Vorlagen)."""

__version__ = "0.1.0"

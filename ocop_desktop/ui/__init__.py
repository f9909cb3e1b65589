"""The user interface: the only package that imports PySide6 (views, view-models, dialogs)."""

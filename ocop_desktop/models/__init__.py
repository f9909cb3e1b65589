"""SQLAlchemy 2 typed tables; SQLAlchemy appears only here and in persistence."""

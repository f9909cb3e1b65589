"""Shared vocabulary of the whole application: text, numbers, errors. Standard library only."""

"""The pure OCOP rules engine: catalogue, rule versions, scoring, improvement. Standard library and domain only;
nothing computes a star anywhere else."""

"""Evaluation metrics and loaders for public benchmarks (used by benches, tests, training)."""

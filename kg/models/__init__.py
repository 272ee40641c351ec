"""Stanza Bengali models: data preparation, training, evaluation, offline loading."""

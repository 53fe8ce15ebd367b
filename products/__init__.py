"""Makers, categories, products and their identity, composition and supply chain."""

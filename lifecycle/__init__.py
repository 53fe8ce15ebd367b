"""Durability, repairability, end of life and lifecycle events of products."""

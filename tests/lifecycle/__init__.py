"""Tests of lifecycle."""

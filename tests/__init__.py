"""Test suite of Gläserne Werkstatt."""

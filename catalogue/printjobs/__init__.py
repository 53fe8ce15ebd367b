"""Print jobs of retailers: what was printed per format, jobs kept for downloading again, background batches."""

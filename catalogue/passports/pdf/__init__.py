"""PDF rendering of product passports and shelf labels from frozen snapshots."""

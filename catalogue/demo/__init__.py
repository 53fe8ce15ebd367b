"""The demo catalogue: its data and the idempotent loader behind load_demo."""

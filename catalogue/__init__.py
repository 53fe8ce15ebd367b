"""Project package of Gläserne Werkstatt and the published catalogue."""

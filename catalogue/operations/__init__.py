"""Keeping the site up: start-up checks of the deployment, and error pages that work while the database is down."""

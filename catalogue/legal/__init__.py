"""Legal pages (Impressum, privacy, accessibility statement) and the site's web basics (robots, sitemap, manifest)."""

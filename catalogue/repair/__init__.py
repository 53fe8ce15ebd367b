"""Finding a repair or resharpening service: the makers' own, and independent places that staff enter."""

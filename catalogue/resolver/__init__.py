"""GS1 Digital Link resolver: URI syntax, the resolver views, linksets and the resolver description."""

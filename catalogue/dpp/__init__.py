"""The EU Digital Product Passport in depth: identifiers, access levels, version links, registry and backup."""

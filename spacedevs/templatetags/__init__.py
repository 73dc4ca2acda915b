"""Template tags of the browsable API's pages."""

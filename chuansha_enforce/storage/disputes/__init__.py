"""The register of reconsiderations and lawsuits."""

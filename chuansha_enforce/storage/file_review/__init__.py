"""Case-file review samples and scores."""

"""Each migration's SQL, kept as text (applied by ``storage.migrations``)."""

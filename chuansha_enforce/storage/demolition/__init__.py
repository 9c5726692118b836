"""The steps of a forced demolition."""

"""Publication and the steps after the decision."""

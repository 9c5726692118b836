"""The squad's own 调休 table."""

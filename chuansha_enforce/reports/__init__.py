"""The reports layer: a frozen view-model in, PDF (or CSV) bytes out. Renderers never query."""

"""PDF renderers: a frozen view-model in, PDF bytes out (reportlab). Never queries."""

"""The Qt program. It reaches the core only through services (see services/container.py)."""

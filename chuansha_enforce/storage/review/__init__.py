"""Legal review rounds and signatures."""

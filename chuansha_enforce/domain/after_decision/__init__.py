"""After the decision: publication, instalments, 催告, the court, the due list (DOMAIN §14)."""

"""Annual figures, 双公示 and personal data in public outputs (DOMAIN §7, §8)."""

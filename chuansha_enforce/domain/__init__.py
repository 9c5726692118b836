"""Pure domain: values, rules and arithmetic. No I/O, no clock reads."""

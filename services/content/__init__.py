"""The content domain's work: validation and writes, the computed day, the yahrzeit board."""

"""Load benchmarks: ShulGraph under `wrk`, one row per GraphQL operation. They measure; they are not tests."""

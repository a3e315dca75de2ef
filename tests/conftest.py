"""Suite-wide settings: no test may depend on how fast the machine is."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Hypothesis fails an example that takes over 200 ms (its deadline) and a test whose data is
# slow to generate (the too_slow health check): both depend on the machine and its load, not on
# the code. Examples still run in full; only the clock is ignored.
settings.register_profile(
    "machine-independent", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("machine-independent")

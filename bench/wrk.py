"""Run `wrk` against one scenario: a Lua script carries the POST body and headers and reports
wrk's own counts and latency percentiles on one machine-readable line."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from bench.scenarios import Scenario

REPORT_PREFIX = "BENCH-RESULT "

LUA_TEMPLATE = """
wrk.method = "POST"
wrk.body = {body}
{headers}
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("{prefix}%d %d %d %f %f %f\\n", summary.requests, summary.duration, errors,
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
"""


def lua_string(text: str) -> str:
    """A Lua long string that no JSON body can close early."""
    level = 0
    while f"]{'=' * level}]" in text:
        level += 1
    return f"[{'=' * level}[{text}]{'=' * level}]"


ROTATE_TEMPLATE = """
sets = {{ {sets} }}
counter = 0
request = function()
  counter = counter + 1
  for key, value in pairs(sets[(counter % #sets) + 1]) do wrk.headers[key] = value end
  return wrk.format()
end
"""


def lua_table(headers: dict[str, str]) -> str:
    return "{ " + ", ".join(f"[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items()) + " }"


def lua_script(scenario: Scenario) -> str:
    body = {
        "query": scenario.document,
        "variables": scenario.variables,
        "operationName": scenario.operation or scenario.name,
    }
    headers = {"Content-Type": "application/json", **scenario.headers}
    lines = "\n".join(f"wrk.headers[ {lua_string(k)} ] = {lua_string(v)}" for k, v in headers.items())
    if scenario.rotate:
        lines += ROTATE_TEMPLATE.format(sets=", ".join(lua_table(h) for h in scenario.rotate))
    return LUA_TEMPLATE.format(body=lua_string(json.dumps(body)), headers=lines, prefix=REPORT_PREFIX)


@dataclass(frozen=True)
class Result:
    name: str
    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p90_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run(scenario: Scenario, url: str, workdir: Path, seconds: int, connections: int, threads: int) -> Result:
    script = workdir / f"{scenario.name.replace(' ', '_')}.lua"
    script.write_text(lua_script(scenario))
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={script}",
        url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    line = next((x for x in output.splitlines() if x.startswith(REPORT_PREFIX)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result for {scenario.name}:\n{output}")
    requests, duration_us, errors, p50, p90, p99 = (float(x) for x in line[len(REPORT_PREFIX) :].split())
    return Result(scenario.name, int(requests), duration_us / 1e6, int(errors), p50 / 1000, p90 / 1000, p99 / 1000)

"""Compiled trusted documents: a trusted document's shape never changes, so the ones that read a list are planned
once (`planner`: variables typed, cost known, the selection turned into one SQL statement by `sql` and a writer
of the response by `writer`) and answered without graphql-core (`road`); so is the TV's `screen`, whose resolver
runs and whose answer is written by a plan of its selected fields (`objects`). What cannot be planned, and every
request that would not get a clean answer, takes the executor; free-form documents always do."""

from schema.compiled.road import CompiledRoad
from schema.compiled.writer import http_json

__all__ = ["CompiledRoad", "http_json"]

"""Tortoise models, one module per domain. `models/base.py` owns tenancy."""

MODEL_MODULES: list[str] = [
    "models.synagogue",
    "models.identity",
    "models.platform",
]
"""Every module with models; a domain adds its module here."""


HELPER_MODULES = {"base", "compiled", "database", "independent", "placement", "prepared", "together"}
"""Modules of `models/` that hold no models: tenancy, compiled pages, the database configuration, work committed on
its own, the tenant connection manager (`placement/`), prepared selects and reads made together."""


def register(module: str) -> None:
    if module not in MODEL_MODULES:
        MODEL_MODULES.append(module)


def _discover() -> None:
    import pkgutil
    from pathlib import Path

    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        if info.name not in HELPER_MODULES and not info.name.startswith("_"):
            register(f"models.{info.name}")


_discover()

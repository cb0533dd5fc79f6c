"""Loading the pipeline's language data files (`pipeline/data/*.yaml`)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_yaml(name: str) -> Any:
    with resources.files("pipeline.data").joinpath(name).open(encoding="utf-8") as f:
        return yaml.safe_load(f)

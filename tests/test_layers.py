"""The layers of DESIGN.md cover the whole `portal` package.

`make lint` checks the import contracts of pyproject.toml with import-linter; a module that
is in no layer would escape them. This test names every module of `portal` that is left
out, so a new module gets a place in a layer when it is added.
"""

import pkgutil
import tomllib
from pathlib import Path

import portal

PROJECT = Path(__file__).resolve().parent.parent


def contract_layers():
    config = tomllib.loads((PROJECT / "pyproject.toml").read_text())
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [contract["layers"] for contract in contracts if contract["type"] == "layers"]
    return [
        [name.strip() for part in layer.split("|") for name in part.split(":")] for layer in layers
    ]


def top_level_modules():
    return {f"portal.{module.name}" for module in pkgutil.iter_modules(portal.__path__)}


def test_every_module_of_the_portal_package_is_in_a_layer():
    layered = {name for layer in contract_layers() for name in layer}
    unplaced = top_level_modules() - layered - {"portal.migrations"}
    assert not unplaced, f"add these to a layer in pyproject.toml: {sorted(unplaced)}"


def test_the_sections_sit_between_the_cross_cutting_layer_and_the_bottom_layer():
    layers = contract_layers()
    sections = {"home", "partners", "press", "downloads", "search"}
    (middle,) = [index for index, layer in enumerate(layers) if set(layer) == sections]
    assert "portal.api" in layers[middle - 1]
    assert {"portal.pages", "portal.contacts", "portal.seed"} <= set(layers[middle + 1])

"""Packaging: the top-level templates/ folder travels inside the package as iku_xl.templates.

pyproject.toml holds everything else; only this mapping needs code, since a package found by
`packages.find` cannot be given a folder outside the package tree in the TOML alone.
"""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["iku_xl", "iku_xl.*"]) + ["iku_xl.templates"],
    package_dir={"iku_xl.templates": "templates"},
)

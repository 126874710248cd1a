"""The layering the README promises, checked on the source: core knows nothing of Excel or of the layers above it."""
from __future__ import annotations

import ast
from pathlib import Path

import iku_xl

PACKAGE = Path(iku_xl.__file__).parent
# What core may not import: the program's outer layers, and the libraries that speak to files or applications.
OUTER = ("iku_xl.workbook", "iku_xl.excel", "iku_xl.calc", "iku_xl.documents", "iku_xl.actions", "iku_xl.cli",
         "iku_xl.importers", "iku_xl.sop_document", "iku_xl.analysis", "iku_xl.demo_data", "iku_xl.failures")
APPLICATION_LIBRARIES = ("openpyxl", "xlwings", "python_calamine", "docx", "docxtpl", "uno", "pdfplumber", "matplotlib")


def imports_of(path: Path) -> list[tuple[int, str]]:
    """Every module a source file imports (relative imports resolved), with its line."""
    module = ".".join(("iku_xl", *path.relative_to(PACKAGE).with_suffix("").parts))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[:len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            found += [(node.lineno, f"{base}.{alias.name}" if not node.module else base) for alias in node.names]
    return found


def outward_imports(root: Path) -> list[str]:
    bad = []
    for path in sorted(root.rglob("*.py")):
        for line, name in imports_of(path):
            if name.startswith(OUTER) or name.split(".")[0] in APPLICATION_LIBRARIES:
                bad.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {name}")
    return bad


def test_core_imports_nothing_above_it():
    assert outward_imports(PACKAGE / "core") == []


def test_the_walk_sees_a_relative_import_upward(tmp_path, monkeypatch):
    """The check itself: a core module importing the workbook layer, relatively, is caught."""
    core = tmp_path / "iku_xl" / "core"
    (core / "rules").mkdir(parents=True)
    (core / "rules" / "bad.py").write_text("from ...workbook import reader\nimport openpyxl\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["PACKAGE"]), "PACKAGE", tmp_path / "iku_xl")
    assert outward_imports(core) == ["iku_xl/core/rules/bad.py:1 imports iku_xl.workbook",
                                     "iku_xl/core/rules/bad.py:2 imports openpyxl"]

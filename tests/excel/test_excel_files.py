"""What Excel itself reads beside the workbook: the VBA module, xlwings.conf, and the README's steps."""
import subprocess

from tests.helpers import ROOT


def test_vba_module_has_crlf_line_endings_and_git_keeps_them():
    """The VBA editor mis-imports a module with bare LF line endings (lines run together)."""
    data = (ROOT / "workbook" / "iku_macros.bas").read_bytes()
    assert data.count(b"\n") > 10 and data.count(b"\n") == data.count(b"\r\n")
    attributes = subprocess.run(["git", "check-attr", "eol", "workbook/iku_macros.bas"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout
    assert attributes.strip().endswith("eol: crlf"), attributes


def test_xlwings_conf_does_not_use_the_udf_server():
    """With "USE UDF SERVER" xlwings skips setting sys.path on Windows: `import iku` then fails when the
    server was started from another folder, and an upgrade needs a server restart."""
    conf = (ROOT / "workbook" / "xlwings.conf").read_text(encoding="utf-8")
    assert "UDF SERVER" not in conf.upper()


def test_readme_names_the_xlwings_reference_for_the_vba_buttons():
    """RunPython, called from the workbook's own VBA, is unknown until the add-in is referenced."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Tools › References" in readme and "centang **xlwings**" in readme
    assert "Tools > References > xlwings" in (ROOT / "workbook" / "iku_macros.bas").read_text(encoding="utf-8")

"""The package imports and the CLI answers (a guard for the set-up itself)."""

import subprocess
import sys


def test_cli_help_lists_extract():
    out = subprocess.run([sys.executable, "-m", "pipeline", "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    assert "extract" in out.stdout

"""Every example notebook runs top to bottom (a failing cell fails the test)."""

import importlib.util
import os
import shutil

import nbformat
import pytest
from nbclient import NotebookClient

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")
NOTEBOOKS = sorted(name for name in os.listdir(EXAMPLES) if name.endswith(".ipynb"))


def test_the_four_notebooks_are_there():
    assert NOTEBOOKS == ["01_three_styles.ipynb", "02_train.ipynb", "03_metrics.ipynb", "04_model_fit.ipynb"]


def test_the_notebooks_are_the_cells_of_make_notebooks():
    """examples/make_notebooks.py is the source: the .ipynb files must be written from it."""
    spec = importlib.util.spec_from_file_location("make_notebooks", os.path.join(EXAMPLES, "make_notebooks.py"))
    make_notebooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_notebooks)
    for name, cells in make_notebooks.NOTEBOOKS.items():
        notebook = nbformat.read(os.path.join(EXAMPLES, name), as_version=4)
        written = [(cell.cell_type, cell.source) for cell in notebook.cells]
        assert written == [("markdown" if kind == "md" else "code", text) for kind, text in cells], name


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs(name, tmp_path):
    shutil.copy(os.path.join(EXAMPLES, name), tmp_path / name)
    notebook = nbformat.read(tmp_path / name, as_version=4)
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [output for cell in notebook.cells for output in cell.get("outputs", [])
              if output.get("output_type") == "error"]
    assert not errors

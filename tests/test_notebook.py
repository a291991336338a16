"""The analyst's notebook runs top to bottom on the committed graph, offline, and shows what it promises."""

from __future__ import annotations

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.fixture(scope="module")
def executed(root, tmp_path_factory):
    """The notebook after a full run in a kernel of this interpreter (registered in a temporary folder)."""
    from ipykernel.kernelspec import install

    kernels = tmp_path_factory.mktemp("jupyter")
    install(prefix=str(kernels), kernel_name="kazcrime-test")
    nb = nbformat.read(root / "notebooks" / "explore.ipynb", as_version=4)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JUPYTER_PATH", str(kernels / "share" / "jupyter"))
        client = nbclient.NotebookClient(nb, kernel_name="kazcrime-test", timeout=180,
                                         resources={"metadata": {"path": str(root / "notebooks")}})
        client.execute()
    return nb


def _outputs(nb, kind):
    return [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs if o.output_type == kind
            or (kind in o.get("data", {}))]


def test_the_notebook_runs_without_errors(executed):
    assert not _outputs(executed, "error")


def test_the_notebook_shows_dataframes_views_analytics_and_plots(executed):
    html = [o["data"]["text/html"] for o in _outputs(executed, "text/html")]
    assert any("<iframe srcdoc=" in h for h in html)  # views drawn inline
    assert sum("vis-network" in h or "vis.Network" in h for h in html) >= 2
    assert any("<table" in h and "crimes" in h for h in html)  # the series as a dataframe
    assert len(_outputs(executed, "image/png")) >= 2  # series and timeline
    text = "".join(o.get("text", "") for o in _outputs(executed, "stream"))
    assert "betweenness centrality" in text and "shortest path almaty → astana" in text


def test_the_committed_notebook_carries_no_outputs(root):
    nb = nbformat.read(root / "notebooks" / "explore.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "clear outputs before committing"

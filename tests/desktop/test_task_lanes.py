"""The task lanes: a job's result and its failure come back as signals on the UI thread."""

from __future__ import annotations

from desktop.tasks import TaskRunner


def test_a_job_reports_its_result_and_its_failure_on_the_ui_thread(qtbot):
    tasks = TaskRunner()
    try:
        done = tasks.run("adds", lambda _ctx: 2 + 3)
        with qtbot.waitSignal(done.finished) as got:
            pass
        assert got.args == [5]
        broken = tasks.write("breaks", lambda _ctx: 1 / 0)
        with qtbot.waitSignal(broken.failed) as failed:
            pass
        assert "division" in failed.args[0]
    finally:
        tasks.shutdown()

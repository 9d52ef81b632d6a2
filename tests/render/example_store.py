"""Shared by the rendering tests: the browser, and the example campaign's
ledger store made with the cw CLI."""
import os
import shutil
import subprocess


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def make_example_store(cw, examples, work):
    """A ledger store in `work` holding the example campaign, its ledger and
    its evidence; returns (path, run) where run(*args) runs cw."""
    db = os.path.join(work, "ledger.db")
    run = lambda *a: subprocess.run([cw, *a], check=True, capture_output=True, text=True)
    run("ledger", db, "init", "--campaign", os.path.join(examples, "campaign.textproto"))
    run("ledger", db, "add", os.path.join(examples, "ledger.textproto"))
    run("evidence", db, "add", os.path.join(examples, "evidence.textproto"))
    return db, run

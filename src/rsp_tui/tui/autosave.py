"""Provides debounced autosave of a draft session, with the writing done off the UI thread.

Every change restarts a short timer; when the user pauses (or after `max_wait` of continuous
typing) the draft is copied on the UI thread and written in a worker thread. The outcome is
posted to `target` as `DraftSaved`.

What a kill (SIGKILL, a power cut) can cost is what was typed since the last save: at most
`max_wait` plus the time of one write while the user keeps typing, and `delay` after a pause.
A read-only session is never saved.
"""

from __future__ import annotations

import time
from functools import partial

from textual.timer import Timer
from textual.widget import Widget

from rsp_tui.drafts.session import DraftSession, SaveResult, Snapshot
from rsp_tui.tui.messages import DraftSaved


class Autosaver:
    """Saves `session` shortly after each change, on leaving a part, and on demand."""

    def __init__(
        self,
        target: Widget,
        session: DraftSession,
        delay: float = 0.8,
        max_wait: float = 1.2,
        retry: float = 5.0,
    ) -> None:
        self.target = target
        self.session = session
        self.delay = delay
        """Seconds of quiet after a change before saving."""
        self.max_wait = max(max_wait, delay)
        """Save at least this often while the user keeps typing (never sooner than `delay`:
        a long delay, as in tests, means no automatic saving)."""
        self.retry = retry
        """Seconds before trying again after a failed save."""
        self._timer: Timer | None = None
        self._pending_since: float | None = None

    def changed(self) -> None:
        """Something changed: save after a pause, and no later than `max_wait` after the first
        change that is not yet saved (however fast the user goes on typing)."""
        if self.session.read_only is not None:
            return
        now = time.monotonic()
        if self._pending_since is None:
            self._pending_since = now
        deadline = self._pending_since + self.max_wait - now
        self._schedule(max(0.01, min(self.delay, deadline)))

    def save_soon(self) -> None:
        """Save now, in the background (e.g. on leaving a part)."""
        if self.session.read_only is None:
            self._schedule(0.01)

    def retry_later(self) -> None:
        """After a failed save: try again in a while, unless a change does it sooner."""
        if self._timer is None:
            self._schedule(self.retry)

    def save_now(self) -> SaveResult:
        """Save at once on this thread (Ctrl+S, quitting, signals)."""
        self.cancel()
        result = self.session.save()
        self.target.post_message(DraftSaved(result))
        return result

    def cancel(self) -> None:
        """Forget a scheduled save."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._pending_since = None

    def _schedule(self, wait: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.target.set_timer(wait, self._fire, name="autosave")

    def _fire(self) -> None:
        self._timer = None
        self._pending_since = None
        if not self.session.dirty:
            return
        snapshot = self.session.snapshot()
        self.target.run_worker(
            partial(self._write, snapshot),
            name="autosave",
            group="autosave",
            thread=True,
            exit_on_error=False,
        )

    def _write(self, snapshot: Snapshot) -> None:
        self.target.post_message(DraftSaved(self.session.write(snapshot)))

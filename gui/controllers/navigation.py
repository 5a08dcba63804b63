"""Moving around: the current finding (the Findings queue's current row, shown in the inspector and side
by side), J / K through the unreviewed ones, Shift+J / Shift+K through all, facts, tabs and panes."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from analysis.errors import SessionError
from analysis.model import Finding
from analysis.vocabulary.kinds import label as kind_label

from .base import Controller


class NavigationController(Controller):
    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.current: Finding | None = None      # the window's current finding

    def wire(self) -> None:
        ui = self.ui
        ui.findings.currentFindingChanged.connect(self._finding_changed)
        ui.side.findingActivated.connect(self.select_finding)
        ui.overview.findingActivated.connect(self._overview_finding)
        ui.overview.factActivated.connect(self.open_fact)
        ui.facts.factActivated.connect(self.open_fact)

    def _finding_changed(self, f: Finding | None) -> None:
        self.c.review.flush_note()          # a note being typed belongs to the finding we leave
        self.current = f
        ui = self.ui
        ui.inspector.show_finding(f)
        if f is None:
            return
        self.c.view.refresh_if_dirty(ui.side)
        self.c.view.refresh_if_dirty(ui.facts)
        ui.side.show_finding(f)
        if f.fact:
            ui.facts.select_fact(f.fact, f.articles[0] if f.articles else None)
        ui.say(f"{kind_label(f.kind)}: {f.evidence}", 6000)

    def follow(self, findings) -> None:
        """A new comparison: the current finding is the one with the same id, if it is still there."""
        ui = self.ui
        if self.current is not None and findings is not None:
            same = next((f for f in findings if f.id == self.current.id), None)
            self.current = same
            if same is not None:
                ui.findings.select(same.id, emit=False)
            ui.inspector.show_finding(same)
        else:
            ui.inspector.show_finding(None)

    def select_finding(self, finding_id: str) -> bool:
        findings = self.ui.findings
        if findings.select(finding_id):
            return True
        # Hidden by a filter: clear the filters rather than refusing to show it.
        findings.text.clear()
        findings.kind_box.setCurrentIndex(0)
        findings.outlet_box.setCurrentIndex(0)
        findings.verdict_box.setCurrentIndex(0)
        return findings.select(finding_id)

    def _overview_finding(self, finding_id: str) -> None:
        if self.select_finding(finding_id):
            self.ui.tabs.setCurrentWidget(self.ui.side)

    def _has_findings(self) -> bool:
        comp = self.ui.doc.comparison
        if comp is None or not comp.findings:
            self.ui.say("No findings to go to.", 3000)
            return False
        return True

    def _show_queue_tab(self) -> None:
        ui = self.ui
        if ui.tabs.currentWidget() not in (ui.side, ui.facts, ui.findings):
            ui.tabs.setCurrentWidget(ui.side)

    def _step_finding(self, delta: int) -> None:
        if not self._has_findings():
            return
        self.c.review.flush_note()
        before = self.ui.findings.current()
        f = self.ui.findings.step(delta)
        if f is not None and before is not None and f.id == before.id:
            self.ui.say("Last finding." if delta > 0 else "First finding.", 3000)
            self.ui.side.show_finding(f)   # still scroll and flash, so the key visibly did something
        self._show_queue_tab()

    def next_finding(self) -> None:
        self._step_finding(1)

    def prev_finding(self) -> None:
        self._step_finding(-1)

    def next_unreviewed(self) -> None:
        self._step_unreviewed(backwards=False)

    def prev_unreviewed(self) -> None:
        self._step_unreviewed(backwards=True)

    def _step_unreviewed(self, backwards: bool) -> None:
        """J / Alt+Down: the next finding of the queue (the Findings table's order and filters)
        that has no verdict, wrapping round; K / Alt+Up the previous one."""
        if not self._has_findings():
            return
        self.c.review.flush_note()
        queue = self.ui.findings.queue()
        after = self.current
        try:
            key = self.ui.host.next_unreviewed(queue, after, backwards=backwards)
        except SessionError as exc:
            self.ui.warn(str(exc))
            return
        self.ui.findings.refilter()
        self._show_queue_tab()
        if key is None:
            self.ui.say(f"Every finding in the queue has a verdict ({len(queue)}). Shift+J / Shift+K "
                        f"step through them all.", 6000)
            return
        ids = [f.id for f in queue]
        if after is not None and key == after.id:
            self.ui.say("This is the only finding left to review.", 4000)
            self.ui.side.show_finding(after)
            return
        self.select_finding(key)
        if after is not None and after.id in ids and key in ids:
            wrapped = ids.index(key) < ids.index(after.id) if not backwards \
                else ids.index(key) > ids.index(after.id)
            if wrapped:
                self.ui.say("Wrapped round to the " + ("top" if not backwards else "bottom")
                            + " of the queue.", 3000)

    def open_fact(self, fact_id: str, article_id: str | None) -> None:
        self.c.view.refresh_if_dirty(self.ui.side)
        self.ui.side.show_fact(fact_id, article_id)
        self.ui.tabs.setCurrentWidget(self.ui.side)

    # ---- tabs and panes -----------------------------------------------------------------------------
    def show_tab(self, index: int) -> None:
        self.ui.tabs.setCurrentIndex(index)
        self.ui.tabs.currentWidget().setFocus()

    def focus_pane(self, which: str) -> None:
        ui = self.ui
        pane: QWidget
        if which == "articles":
            ui.articles_dock.show()
            pane = ui.articles_panel
        elif which == "inspector":
            ui.inspector_dock.show()
            pane = ui.inspector
        else:
            pane = ui.tabs.currentWidget()
        pane.setFocus()

    def focus_filter(self) -> None:
        self.ui.tabs.setCurrentWidget(self.ui.findings)
        self.ui.findings.text.setFocus()
        self.ui.findings.text.selectAll()

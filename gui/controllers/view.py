"""What the window shows and how: redrawing the tabs after a new comparison (the shown one now, the
others one per event-loop turn), the status line's counts, the theme, and the side-by-side options."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from analysis.errors import SessionError

from .. import settings, theme
from .base import Controller


class ViewController(Controller):
    def __init__(self, ui, controllers) -> None:
        super().__init__(ui, controllers)
        self.theme: theme.Theme = theme.THEMES.get(settings.theme_name(), theme.LIGHT)
        self._dirty: set[QWidget] = set()             # tabs to redraw before they are shown
        self._dismissed_notes = ""                    # the engine notes the editor closed the banner on
        self._idle = QTimer(self)
        self._idle.setInterval(0)
        self._idle.timeout.connect(self._refresh_next_dirty)

    def wire(self) -> None:
        self.ui.doc.comparisonChanged.connect(self.refresh_views)
        self.ui.overview.shown_above = self.ui.banner.text
        self.ui.banner.dismissed.connect(self._banner_dismissed)
        self.ui.tabs.currentChanged.connect(lambda i: self.refresh_if_dirty(self.ui.tabs.widget(i)))

    def _lazy_tabs(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return ui.side, ui.overview, ui.facts, ui.voices, ui.metrics     # the order they redraw in

    # ---- redrawing ----------------------------------------------------------------------------------
    def refresh_views(self) -> None:
        """Redraw after a new comparison: the shown tab and the findings queue now, the other tabs
        one per event-loop turn (or at once when shown), so no single GUI-thread stall is long."""
        ui = self.ui
        comp = ui.doc.comparison
        self._dirty = set(self._lazy_tabs())
        # The engine's notes in the banner first: the Overview leaves out what it says.  Notes the
        # editor dismissed stay dismissed (a rename or a verdict brought them back at once).
        notes = "\n".join(ui.doc.in_words(n) for n in comp.notes) if comp is not None else ""
        if notes and notes != self._dismissed_notes and not ui.banner.isVisible():
            ui.warn(notes)
        ui.findings.refresh()            # the queue drives J/K and the inspector: always current
        self.refresh_if_dirty(ui.tabs.currentWidget())
        if not self._idle.isActive():
            self._idle.start()
        reviews = ui.host.reviews
        ui.findings.set_reviews(reviews)
        ui.overview.reviews = reviews
        ui.inspector.reviews = reviews
        self.c.navigation.follow(comp.findings if comp is not None else None)
        self.update_status()
        self.c.update_actions()

    def _banner_dismissed(self) -> None:
        self._dismissed_notes = self.ui.banner.label.text()
        self.refresh_or_mark(self.ui.overview)     # the notes it said are the Overview's again

    def refresh_if_dirty(self, view: QWidget | None) -> None:
        if view in self._dirty:
            self._dirty.discard(view)
            view.refresh()

    def refresh_or_mark(self, view: QWidget) -> None:
        """Redraw ``view`` now if it is the shown tab, else before it is shown."""
        if self.ui.tabs.currentWidget() is view:
            view.refresh()
        else:
            self._dirty.add(view)

    def _refresh_next_dirty(self) -> None:
        for view in self._lazy_tabs():
            if view in self._dirty:
                self.refresh_if_dirty(view)
                break
        if not self._dirty:
            self._idle.stop()

    def flush_views(self) -> None:
        """Bring every tab up to date now (tests, screenshots, reports)."""
        for view in list(self._dirty):
            self.refresh_if_dirty(view)
        self._idle.stop()

    def update_status(self) -> None:
        ui = self.ui
        comp = ui.doc.comparison
        n_art = len(ui.doc.articles)
        excl = len(ui.doc.excluded)
        if comp is None:
            text = f"{n_art} outlet(s)" + (f", {excl} excluded" if excl else "")
        else:
            extra = [x for x in (ui.doc.on_other_events(), f"{excl} excluded" if excl else "") if x]
            text = (f"{len(ui.doc.compared_articles())} outlets"
                    + (f" (+{', '.join(extra)})" if extra else "")
                    + f" · {len(comp.facts)} facts · {len(comp.omissions)} omissions · "
                      f"{len(comp.findings)} findings")
        ui.status.counts_label.setText(text)
        ui.status.review_label.setText(self.review_progress_text())

    def review_progress_text(self) -> str:
        """The status line's "23 / 57 reviewed" (session.progress over the findings that exist)."""
        comp = self.ui.doc.comparison
        if comp is None or not comp.findings:
            return ""
        try:
            done, total = self.ui.host.progress(comp.findings)
        except SessionError:
            return ""
        return f"{done} / {total} reviewed"

    # ---- theme and side-by-side options ---------------------------------------------------------------
    def toggle_theme(self) -> None:
        self.apply_theme(theme.DARK if self.ui.actions["dark_theme"].isChecked() else theme.LIGHT)

    def apply_theme(self, t: theme.Theme) -> None:
        ui = self.ui
        self.theme = t
        settings.set_theme_name(t.name)
        app = QApplication.instance()
        if app is not None:
            theme.apply(app, t)
        ui.actions["dark_theme"].setChecked(t.dark)
        self.theme_views()
        self.refresh_views()
        self.c.review.flag_styler.restyle()

    def theme_views(self) -> None:
        """Give the views that draw their own colours the current theme (at start-up too: a window
        opened in the dark theme drew the Overview, the Inspector and Findings in the light one's)."""
        ui, t = self.ui, self.theme
        ui.facts.model.muted = QColor(t.muted)
        for view in (ui.overview, ui.side, ui.inspector, ui.findings):
            view.set_theme(t)

    def swap_sides(self) -> None:
        self.ui.side.swap()

    def cycle_side(self, arg: tuple[str, int]) -> None:
        self.ui.side.cycle(*arg)
        if self.ui.tabs.currentWidget() is not self.ui.side:
            self.ui.tabs.setCurrentWidget(self.ui.side)

    def toggle_only_diffs(self) -> None:
        self.ui.side.set_only_diffs(self.ui.actions["only_diffs"].isChecked())

    def toggle_low_priority(self) -> None:
        """View > Analyse at low priority: remembered, and applied to the running engine."""
        from ..worker import engine_process
        low = self.ui.actions["low_priority"].isChecked()
        settings.set_engine_low_priority(low)
        engine_process(low).set_low_priority(low)
        self.ui.say("The analysis now runs at low priority." if low else
                    "The analysis now runs at normal priority.", 4000)

    def toggle_wrap(self) -> None:
        self.ui.side.set_wrap(self.ui.actions["soft_wrap"].isChecked())

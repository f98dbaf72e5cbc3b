"""Puts sync into the main window: the status widget, a sync menu (Sync now, Needs attention,
Conflicts, Sign in, Sign out), and the sign-in dialog when no one is signed in."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.state import Phase
from desktop.ui.shell.window import MainWindow
from desktop.ui.sync.attention import NeedsAttentionView
from desktop.ui.sync.background import BackgroundCall
from desktop.ui.sync.conflicts import ConflictView
from desktop.ui.sync.signin import SignInDialog
from desktop.ui.sync.status import SyncStatusWidget
from desktop.ui.sync.update_notice import UpdateNotice


class _ViewDialog(QDialog):
    def __init__(self, title: str, view: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        self.view = view


class SyncControls(QWidget):
    """The status widget plus its menu; owns the dialogs it opens."""

    def __init__(self, window: Any, runner: Any, desk: Any, hub_url: str = "",
                 warning: str = "") -> None:
        super().__init__(window)
        self.window_ = window
        self.runner = runner
        self.desk = desk
        self.hub_url = hub_url
        self.warning = warning
        self._calls: list[BackgroundCall] = []
        self.status = SyncStatusWidget(runner, self)
        self.status.attention_requested.connect(self.open_attention)
        self.menu_button = menu_button = QToolButton(self)
        menu_button.setText("⋯")
        menu_button.setObjectName("moreButton")  # the dots are the menu's sign: no arrow over them
        menu_button.setToolTip(self.tr("Sync"))
        menu_button.setAccessibleName(self.tr("Sync and account menu"))
        menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(menu_button)
        self.sync_action = QAction(self.tr("Sync now"), window)
        self.sync_action.setShortcut(QKeySequence("F5"))
        self.sync_action.triggered.connect(runner.sync_now)
        window.addAction(self.sync_action)
        menu.addAction(self.sync_action)
        menu.addAction(self.tr("Needs attention…"), self.open_attention)
        menu.addAction(self.tr("Conflicts…"), self.open_conflicts)
        menu.addSeparator()
        menu.addAction(self.tr("Sign in…"), self.open_sign_in)
        menu.addAction(self.tr("Sign out"), self.sign_out)
        menu_button.setMenu(menu)
        from PySide6.QtWidgets import QHBoxLayout

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.update_notice = UpdateNotice(runner, self)
        row.addWidget(self.update_notice)
        row.addWidget(self.status)
        row.addWidget(menu_button)
        if warning:
            self.status.state_label.setToolTip(warning)
        # Saves and pulled pages arrive in bursts; count what waits once per burst.
        self._refresh = QTimer(self, singleShot=True, interval=250)
        self._refresh.timeout.connect(self.status.refresh)
        if isinstance(window, MainWindow) and window.services is not None:
            window.services.changes.records_changed.connect(lambda *_: self._refresh.start())
        runner.state_changed.connect(self._on_runner_state_changed)

    def _on_runner_state_changed(self, state: Any) -> None:
        if state.phase is Phase.SIGN_IN_NEEDED and not getattr(self, "_asked", False):
            self._asked = True
            self.open_sign_in()

    def open_attention(self) -> None:
        view = NeedsAttentionView(self.desk)
        view.changed.connect(self.status.refresh)
        _ViewDialog(self.tr("Needs attention"), view, self.window_).open()

    def open_conflicts(self) -> None:
        view = ConflictView(self.desk)
        view.changed.connect(self.status.refresh)
        _ViewDialog(self.tr("Conflicts"), view, self.window_).open()

    def open_sign_in(self) -> None:
        hub, email = self.desk.current_account()
        if self.hub_url and hub != self.hub_url:
            hub, email = self.hub_url, ""  # the hub the app was started with comes first
        dialog = SignInDialog(self.desk, hub or self.hub_url, email, self.window_)
        dialog.accepted.connect(lambda: self._on_signed_in(dialog))
        dialog.open()

    def _on_signed_in(self, dialog: SignInDialog) -> None:
        self._asked = False
        if isinstance(self.window_, MainWindow) and self.window_.services is not None:
            services = self.window_.services
            services.user = dict(services.store.get_state("user", {}) or {})
            self.window_.refresh_user()
        if dialog.warning:
            QMessageBox.information(self.window_, self.tr("Sign-in saved"), dialog.warning)
        self.status.refresh()

    def sign_out(self) -> None:
        waiting = self.desk.waiting()
        if waiting:
            answer = QMessageBox.question(
                self.window_, self.tr("Sign out?"),
                self.tr("%n change(s) have not reached the hub yet. They stay on this device "
                        "and are sent after you sign in again. Sign out anyway?", "", waiting),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        call = BackgroundCall(self.desk.sign_out, self)
        self._calls.append(call)
        call.done.connect(lambda *_: self._on_signed_out(call))
        call.start()

    def _on_signed_out(self, call: BackgroundCall) -> None:
        self._calls.remove(call)
        self.status.refresh()


def install_sync_ui(window: Any, runner: Any, desk: Any, _tasks: Any = None, *,
                    hub_url: str = "", warning: str = "",
                    ask_sign_in: bool = True) -> SyncControls:
    controls = SyncControls(window, runner, desk, hub_url, warning)
    if ask_sign_in:
        # `fieldnote --hub URL` on a data dir not signed in there: ask once the window shows.
        QTimer.singleShot(0, controls.open_sign_in)
    if isinstance(window, MainWindow) and window.status is not None:
        window.status.host_sync_widget(controls)
    else:
        window.statusBar().addPermanentWidget(controls)
    return controls

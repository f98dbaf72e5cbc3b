"""The sign-in dialog: hub address, email and password, with a clear message for each way
signing in can fail. The request runs off the UI thread; the dialog stays responsive."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.locale import format_int
from desktop.sync.errors import (
    AccountInUse,
    BadHubAddress,
    CertificateProblem,
    HubUnreachable,
    IncompatibleHub,
    SyncFailure,
    TooManyAttempts,
    WrongCredentials,
)
from desktop.ui.common.dialog_size import keep_whole
from desktop.ui.sync.background import BackgroundCall


class SignInDialog(QDialog):
    """`desk` provides `sign_in(hub_url, email, password) -> warning` and `signed_in()`."""

    def __init__(self, desk: Any, hub_url: str = "", email: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.warning = ""
        self._call: BackgroundCall | None = None
        self.setWindowTitle(self.tr("Sign in to the hub"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Sign in to send your work to the team and receive theirs."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.hub_edit = QLineEdit(hub_url)
        self.hub_edit.setPlaceholderText("https://hub.example.com")
        self.email_edit = QLineEdit(email)
        self.email_edit.setPlaceholderText(self.tr("you@company.com"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Hub address"), self.hub_edit)
        form.addRow(self.tr("Email"), self.email_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("signInMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password_edit if hub_url and email else self.hub_edit).setFocus()
        keep_whole(self)  # never dragged lower than its fields and texts need

    def _on_buttons_accepted(self) -> None:
        hub, email, password = (self.hub_edit.text().strip(), self.email_edit.text().strip(),
                                self.password_edit.text())
        if not hub or not email or not password:
            self.show_message(self.tr("Enter the hub address, your email and your password."))
            return
        self._set_busy(True)
        self.show_message(self.tr("Signing in…"), error=False)
        self._call = BackgroundCall(lambda: self.desk.sign_in(hub, email, password), self)
        self._call.done.connect(self._on_call_done)
        self._call.start()

    def _on_call_done(self, warning: Any, error: Exception | None) -> None:
        self._set_busy(False)
        if error is None:
            self.warning = str(warning or "")
            self.desk.signed_in()
            self.accept()
            return
        self.show_message(self.explain(error))
        self.password_edit.setFocus()

    def explain(self, error: Exception) -> str:
        detail = error.message if isinstance(error, SyncFailure) else str(error)
        if isinstance(error, WrongCredentials):
            return self.tr("The email or password is not right. Check them and try again.")
        if isinstance(error, CertificateProblem):
            return self.tr("The hub's security certificate is not trusted, so the connection "
                           "was not made. Ask IT for the company certificate bundle.") + "\n" + detail
        if isinstance(error, HubUnreachable):
            return self.tr("Cannot reach the hub. Check the address and your network "
                           "connection.") + "\n" + detail
        if isinstance(error, IncompatibleHub):
            return self.tr("This hub cannot work with this version of Fieldnote.") + "\n" + detail
        if isinstance(error, BadHubAddress):
            return self.tr("That is not a hub address. It looks like https://hub.example.com.")
        if isinstance(error, TooManyAttempts):
            # The hub's reason and wait, said once in the app's language.
            if error.retry_after:
                return self.tr("Too many sign-in attempts. Try again in %1 s.").replace(
                    "%1", format_int(max(1, round(error.retry_after))))
            return self.tr("Too many sign-in attempts. Wait a little and try again.")
        if isinstance(error, AccountInUse):
            return detail
        return self.tr("Signing in failed.") + "\n" + detail

    def show_message(self, text: str, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("state", "warn" if error else "")
        self.message.show()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.hub_edit, self.email_edit, self.password_edit):
            w.setEnabled(not busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not busy)

"""Kiosk mode: the window as a full-screen, touch-friendly form visitors fill in themselves.

Four screens: the staff member's set-up (event and PIN), the visitor's form (name, company,
email, the event's questions, consent with its wording and an optional drawn signature), the
thank-you, and the staff PIN that leaves kiosk mode. Every visitor gets a form built new, so
nothing of the one before (text, undo history, answers, signature) survives in any widget; the
clipboard is emptied after each entry. The rules (PIN, throttling, the lead a visitor's entry
makes) are `fieldnote.kiosk`; the write is the store's (one durable transaction, after the
signature's image is on disk), and the thank-you shows only once it has committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.store.consent import ConsentBook
from desktop.store.leads import LeadBook
from desktop.ui import theme
from desktop.ui.common.guard import when_alive
from desktop.ui.leads.rubric_form import RubricForm
from desktop.ui.services import Services
from fieldnote import kiosk as rules
from fieldnote.consent import signature_problem
from fieldnote.contacts import check_email
from fieldnote.ids import new_id
from fieldnote.kinds import LEAD, NAME_MAX
from fieldnote.leads import is_identified
from fieldnote.scoring import score_fields
from fieldnote.validation import check_complete, utc_now_iso

# Long enough for any paste: what is too long is refused with a message, never cut by the field.
_FIELD_MAX_LENGTH = 1_000_000
THANKS_MS = 5000


def _set_state(label: QLabel, state: str) -> None:
    label.setProperty("state", state)
    label.style().unpolish(label)
    label.style().polish(label)


class SignaturePad(QWidget):
    """A surface to sign on with a finger, a pen or the mouse; `png()` gives the drawing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(180)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(self.tr("Signature"))
        self._strokes: list[list[QPointF]] = []
        self._drawing = False

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 180)

    def is_empty(self) -> bool:
        return not any(len(s) > 1 for s in self._strokes)

    def clear(self) -> None:
        self._strokes.clear()
        self.update()
        self.changed.emit()

    # -- input: a pen, a finger (Qt turns touch into mouse events) or the mouse ------------

    def _start(self, at: QPointF) -> None:
        self._drawing = True
        self._strokes.append([at])
        self.update()

    def _extend(self, at: QPointF) -> None:
        if self._drawing and self._strokes:
            self._strokes[-1].append(at)
            self.update()

    def _end(self) -> None:
        if self._drawing:
            self._drawing = False
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._start(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._extend(event.position())
        self._end()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt override
        kind = event.type()
        if kind == QTabletEvent.Type.TabletPress:
            self._start(event.position())
        elif kind == QTabletEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QTabletEvent.Type.TabletRelease:
            self._extend(event.position())
            self._end()
        event.accept()

    # -- drawing ---------------------------------------------------------------------------

    def _paint_strokes(self, painter: QPainter, colour: QColor) -> None:
        pen = QPen(colour, 3.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            if len(stroke) == 1:
                painter.drawPoint(stroke[0])
                continue
            path = QPainterPath(stroke[0])
            for point in stroke[1:]:
                path.lineTo(point)
            painter.drawPath(path)

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        painter.setPen(QPen(pal.color(pal.ColorRole.Mid), 2.0))
        painter.setBrush(pal.color(pal.ColorRole.Base))
        painter.drawRoundedRect(rect, 8, 8)
        baseline = rect.bottom() - 40
        painter.setPen(QPen(pal.color(pal.ColorRole.Mid), 1.0, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left() + 24, baseline), QPointF(rect.right() - 24, baseline))
        if not self._strokes:
            painter.setPen(pal.color(pal.ColorRole.PlaceholderText))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Sign here"))
        self._paint_strokes(painter, pal.color(pal.ColorRole.Text))

    def png(self) -> bytes:
        """The signature as a PNG: dark strokes on white, the pad's size."""
        image = QImage(self.size(), QImage.Format.Format_RGB32)
        image.fill(QColor(theme.SIGNATURE_PAPER))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_strokes(painter, QColor(theme.SIGNATURE_INK))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs want bytes; PySide wants str
        buffer.close()
        return bytes(data.data())


class _VisitorForm(QWidget):
    """One visitor's form; thrown away after their entry (a new one for the next)."""

    submit_requested = Signal()

    def __init__(self, event: Mapping[str, Any], wording_text: str, rubric: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        host = QWidget()
        host.setObjectName("kioskForm")
        scroll.setWidget(host)
        self.scroller = scroll
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 0, 0)
        # The form keeps a readable width on a wide screen, centred.
        row = QHBoxLayout()
        row.addStretch(1)
        body = QWidget()
        body.setMaximumWidth(1100)
        body.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(body, 20)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        lay = QVBoxLayout(body)
        lay.setContentsMargins(32, 24, 32, 24)
        lay.setSpacing(14)
        title = QLabel(self.tr("Welcome to %1").replace("%1", str(event.get("name") or "")))
        title.setProperty("role", "title")
        title.setWordWrap(True)
        title.setContentsMargins(0, 0, 110, 0)  # clear of the Staff button in the corner
        lay.addWidget(title)
        hint = QLabel(self.tr("Leave your details and we will be in touch."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        lay.addWidget(hint)

        grid = QGridLayout()
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        self.inputs: dict[str, QLineEdit] = {}
        labels = {"first_name": self.tr("First name"), "last_name": self.tr("Last name"),
                  "company": self.tr("Company"), "email": self.tr("Email")}
        for n, name in enumerate(rules.VISITOR_FIELDS):
            label = QLabel(labels[name])
            edit = QLineEdit()
            edit.setMaxLength(_FIELD_MAX_LENGTH)
            edit.setAccessibleName(labels[name])
            edit.setObjectName(f"kiosk_{name}")
            if name == "email":
                edit.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly
                                         | Qt.InputMethodHint.ImhNoPredictiveText)
            else:
                edit.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText)
            label.setBuddy(edit)
            edit.returnPressed.connect(self._next_or_submit(name))
            r, c = divmod(n, 2)
            grid.addWidget(label, r * 2, c)
            grid.addWidget(edit, r * 2 + 1, c)
            self.inputs[name] = edit
        lay.addLayout(grid)

        self.rubric_form = RubricForm()
        for part in (self.rubric_form.score_label, self.rubric_form.grade_label,
                     self.rubric_form.qualified_label, self.rubric_form.missing_label,
                     self.rubric_form.empty_label):
            part.hide()
            part.setMaximumHeight(0)
        # Each question above its answer: a full-width target, whatever the label's length.
        self.rubric_form.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.rubric_form.set_rubric(rubric)
        form_layout = self.rubric_form.form
        for n in range(form_layout.rowCount()):
            cell = form_layout.itemAt(n, QFormLayout.ItemRole.LabelRole)
            question = cell.widget() if cell is not None else None
            if isinstance(question, QLabel) and len(question.text()) <= 60:
                # A wrapped label is as narrow as Qt guesses: a short question keeps its line.
                question.setWordWrap(False)
        if rubric is not None and rubric.questions:
            questions = QLabel(self.tr("A few questions"))
            questions.setProperty("role", "section")
            lay.addWidget(questions)
            lay.addWidget(self.rubric_form)
        else:
            self.rubric_form.hide()

        consent_row = QHBoxLayout()
        consent_row.setSpacing(14)
        self.consent = QCheckBox()
        self.consent.setAccessibleName(self.tr("I agree to be contacted"))
        consent_text = QLabel(wording_text)
        consent_text.setWordWrap(True)
        consent_text.setBuddy(self.consent)
        consent_text.mousePressEvent = lambda _e: self.consent.toggle()  # type: ignore[method-assign]
        consent_row.addWidget(self.consent, 0, Qt.AlignmentFlag.AlignTop)
        consent_row.addWidget(consent_text, 1)
        lay.addLayout(consent_row)

        sign_head = QHBoxLayout()
        sign_label = QLabel(self.tr("Your signature (optional)"))
        sign_label.setProperty("role", "section")
        sign_head.addWidget(sign_label, 1)
        self.clear_signature = QPushButton(self.tr("Clear signature"))
        sign_head.addWidget(self.clear_signature)
        lay.addLayout(sign_head)
        self.pad = SignaturePad()
        self.clear_signature.clicked.connect(self.pad.clear)
        lay.addWidget(self.pad)

        # The message and Submit stay in view below the scrolling form, on any screen.
        footer = QWidget()
        footer.setObjectName("kioskFooter")
        bar = QHBoxLayout(footer)
        bar.setContentsMargins(32, 10, 32, 14)
        bar.setSpacing(20)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("kioskMessage")
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.message, 1)
        self.submit = QPushButton(self.tr("Submit"))
        self.submit.setProperty("primary", True)
        self.submit.setMinimumWidth(240)
        self.submit.clicked.connect(self.submit_requested.emit)
        bar.addWidget(self.submit, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addWidget(footer)

    def _next_or_submit(self, name: str) -> Callable[[], None]:
        names = list(rules.VISITOR_FIELDS)

        def go() -> None:
            index = names.index(name)
            if index + 1 < len(names):
                self.inputs[names[index + 1]].setFocus()
            else:
                self.submit_requested.emit()
        return go

    def typed(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.inputs.items()}

    def show_message(self, text: str, state: str = "bad") -> None:
        self.message.setText(text)
        _set_state(self.message, state)


class KioskView(QWidget):
    """The kiosk: `left` fires once the staff PIN was given (or the set-up was cancelled);
    `saved` fires with each visitor's lead id once it is on disk."""

    left = Signal()
    saved = Signal(str)

    SETUP, FORM, THANKS, UNLOCK = range(4)

    def __init__(self, services: Services, event: Mapping[str, Any] | None, *,
                 ask_pin: bool = True, pin_hash: str | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.services = services
        self.book = LeadBook(services.store)
        self.clock = clock
        self.kiosk_event: Mapping[str, Any] | None = event
        self.lock: rules.PinLock | None = rules.PinLock(pin_hash) if pin_hash else None
        self.form: _VisitorForm | None = None
        self._saving = False
        self._thanks_timer = QTimer(self)
        self._thanks_timer.setSingleShot(True)
        self._thanks_timer.setInterval(THANKS_MS)
        self._thanks_timer.timeout.connect(self.next_visitor)
        self._wait_timer = QTimer(self)
        self._wait_timer.setInterval(1000)
        self._wait_timer.timeout.connect(self._show_wait)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        # Over the top right corner (no row of its own): the way out, for the staff.
        self.staff_button = QPushButton(self.tr("Staff"), self)
        self.staff_button.setObjectName("kioskStaff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.setAccessibleName(self.tr("Leave kiosk mode (staff PIN)"))
        self.staff_button.clicked.connect(self.ask_pin)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack, 1)
        self.stack.addWidget(self._build_setup())
        self.stack.addWidget(QWidget())  # the visitor's form goes here, new for each visitor
        self.stack.addWidget(self._build_thanks())
        self.stack.addWidget(self._build_unlock())
        if self.lock is None and ask_pin:
            self.stack.setCurrentIndex(self.SETUP)
            self.staff_button.hide()
            self.pin_input.setFocus()
        else:
            self.next_visitor()
        self.staff_button.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        hint = self.staff_button.sizeHint()
        self.staff_button.setGeometry(self.width() - hint.width() - 28, 10, hint.width(),
                                      hint.height())
        self.staff_button.raise_()

    # -- screens ---------------------------------------------------------------------------

    def _centred(self, inner: QWidget) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.addStretch(1)
        inner.setMaximumWidth(760)
        row.addWidget(inner, 10)
        row.addStretch(1)
        return page

    def _build_setup(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addStretch(1)
        title = QLabel(self.tr("Kiosk mode"))
        title.setProperty("role", "title")
        lay.addWidget(title)
        about = QLabel(self.tr("Visitors fill in their own details on this screen. Choose the "
                               "event and set a PIN: leaving kiosk mode asks for it."))
        about.setWordWrap(True)
        lay.addWidget(about)
        lay.addWidget(QLabel(self.tr("Event")))
        self.event_box = QComboBox()
        self.event_box.setAccessibleName(self.tr("Event"))
        for e in self.book.events():
            self.event_box.addItem(str(e.get("name") or e["id"]), e["id"])
        if self.kiosk_event is not None:
            found = self.event_box.findData(self.kiosk_event["id"])
            self.event_box.setCurrentIndex(max(found, 0))
        lay.addWidget(self.event_box)
        pin_label = QLabel(self.tr("PIN (%1 to %2 digits)").replace("%1", str(rules.PIN_MIN))
                           .replace("%2", str(rules.PIN_MAX)))
        lay.addWidget(pin_label)
        self.pin_input = self._pin_field(self.tr("PIN"))
        pin_label.setBuddy(self.pin_input)
        lay.addWidget(self.pin_input)
        again_label = QLabel(self.tr("The same PIN again"))
        lay.addWidget(again_label)
        self.pin_again = self._pin_field(self.tr("The same PIN again"))
        again_label.setBuddy(self.pin_again)
        self.pin_again.returnPressed.connect(self.start)
        lay.addWidget(self.pin_again)
        self.setup_message = QLabel()
        self.setup_message.setWordWrap(True)
        _set_state(self.setup_message, "bad")
        lay.addWidget(self.setup_message)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.left.emit)
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        self.start_button = QPushButton(self.tr("Start kiosk mode"))
        self.start_button.setProperty("primary", True)
        self.start_button.clicked.connect(self.start)
        buttons.addWidget(self.start_button)
        lay.addLayout(buttons)
        lay.addStretch(1)
        return self._centred(box)

    def _pin_field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly
                                 | Qt.InputMethodHint.ImhSensitiveData
                                 | Qt.InputMethodHint.ImhNoPredictiveText)
        edit.setMaxLength(64)
        edit.setAccessibleName(name)
        return edit

    def _build_thanks(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addStretch(1)
        thanks = QLabel(self.tr("Thank you!"))
        thanks.setProperty("role", "thanks")
        thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(thanks)
        said = QLabel(self.tr("Your details are saved. We will be in touch."))
        said.setAlignment(Qt.AlignmentFlag.AlignCenter)
        said.setWordWrap(True)
        lay.addWidget(said)
        next_button = QPushButton(self.tr("Next visitor"))
        next_button.clicked.connect(self.next_visitor)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(next_button)
        row.addStretch(1)
        lay.addSpacing(24)
        lay.addLayout(row)
        lay.addStretch(1)
        return self._centred(box)

    def _build_unlock(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.addStretch(1)
        title = QLabel(self.tr("Staff only"))
        title.setProperty("role", "title")
        lay.addWidget(title)
        ask = QLabel(self.tr("Enter the PIN to leave kiosk mode."))
        ask.setWordWrap(True)
        lay.addWidget(ask)
        self.unlock_input = self._pin_field(self.tr("PIN"))
        ask.setBuddy(self.unlock_input)
        self.unlock_input.returnPressed.connect(self.try_unlock)
        lay.addWidget(self.unlock_input)
        self.unlock_message = QLabel()
        self.unlock_message.setWordWrap(True)
        _set_state(self.unlock_message, "bad")
        lay.addWidget(self.unlock_message)
        buttons = QHBoxLayout()
        back = QPushButton(self.tr("Back to the form"))
        back.clicked.connect(self.back_to_form)
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Leave kiosk mode"))
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.clicked.connect(self.try_unlock)
        buttons.addWidget(self.unlock_button)
        lay.addLayout(buttons)
        lay.addStretch(1)
        return self._centred(box)

    # -- set-up and leaving ----------------------------------------------------------------

    def start(self) -> None:
        """The staff member's PIN (typed twice) locks the kiosk; the first visitor's form opens."""
        pin, again = self.pin_input.text(), self.pin_again.text()
        if rules.pin_problem(pin):
            self.setup_message.setText(self.tr("The PIN is %1 to %2 digits, digits only.")
                                       .replace("%1", str(rules.PIN_MIN))
                                       .replace("%2", str(rules.PIN_MAX)))
            return
        if pin != again:
            self.setup_message.setText(self.tr("The two PINs differ; type the same PIN twice."))
            return
        event_id = self.event_box.currentData()
        if event_id is None:
            self.setup_message.setText(self.tr("Choose the event visitors sign up for."))
            return
        self.kiosk_event = self.book.event(event_id) or {"id": event_id}
        self.lock = rules.PinLock(rules.hash_pin(pin))
        self.pin_input.setText("")
        self.pin_again.setText("")
        self.staff_button.show()
        self.next_visitor()

    def is_locked(self) -> bool:
        return self.lock is not None

    def ask_pin(self) -> None:
        """Esc, the Staff button or closing the window: ask for the PIN (nothing leaves
        without it)."""
        if self.lock is None:
            if self.stack.currentIndex() == self.SETUP:
                return
            # Rendered without a PIN (a screenshot): there is nothing to guard.
            self.left.emit()
            return
        self._thanks_timer.stop()
        self.unlock_input.setText("")
        self.stack.setCurrentIndex(self.UNLOCK)
        self.staff_button.hide()
        self._show_wait()
        self.unlock_input.setFocus()

    def back_to_form(self) -> None:
        self._wait_timer.stop()
        self.staff_button.show()
        self.unlock_input.setText("")
        self.unlock_message.setText("")
        if self.form is None:
            self.next_visitor()
        else:
            self.stack.setCurrentIndex(self.FORM)

    def try_unlock(self) -> None:
        if self.lock is None:
            return
        pin = self.unlock_input.text()
        self.unlock_input.setText("")
        answer = self.lock.check(pin, self.clock())
        if answer is True:
            self._wait_timer.stop()
            self.left.emit()
            return
        if answer is False:
            self.unlock_message.setText(self.tr("Wrong PIN."))
        self._show_wait()

    def _show_wait(self) -> None:
        assert self.lock is not None or self.stack.currentIndex() != self.UNLOCK
        wait = self.lock.wait_left(self.clock()) if self.lock else 0.0
        self.unlock_button.setEnabled(wait <= 0)
        self.unlock_input.setEnabled(wait <= 0)
        if wait > 0:
            self.unlock_message.setText(self.tr("Too many wrong PINs. Try again in %1 s.")
                                        .replace("%1", str(int(wait + 0.999))))
            self._wait_timer.start()
        else:
            self._wait_timer.stop()
            if self.unlock_message.text().startswith(self.tr("Too many wrong PINs.")[:8]):
                self.unlock_message.setText("")
            self.unlock_input.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            if self.stack.currentIndex() == self.UNLOCK:
                self.back_to_form()
            elif self.stack.currentIndex() != self.SETUP:
                self.ask_pin()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- visitors --------------------------------------------------------------------------

    def next_visitor(self) -> None:
        """A new, empty form: the previous visitor's widgets are thrown away whole."""
        self._thanks_timer.stop()
        event = self.kiosk_event or {}
        wording = ConsentBook(self.services.store).current(event)
        settings = self.services.settings
        text = str(wording.get("text") or "") if wording else settings.consent_text
        rubric = self.book.rubric(event.get("rubric_id")) if event.get("rubric_id") else None
        form = _VisitorForm(event, text, rubric)
        form.submit_requested.connect(self.submit)
        old = self.stack.widget(self.FORM)
        self.stack.insertWidget(self.FORM, form)
        if old is not None:
            self._discard(old)
        self.form = form
        self._wording = wording
        self.stack.setCurrentIndex(self.FORM)
        form.inputs["first_name"].setFocus()

    def _discard(self, widget: QWidget) -> None:
        """Take a visitor's form out of the kiosk at once and delete it."""
        self.stack.removeWidget(widget)
        widget.hide()
        widget.setParent(None)  # no longer the kiosk's child
        widget.deleteLater()

    def _refusal(self, form: _VisitorForm) -> str | None:
        """Why the visitor's entry cannot be saved as it is (None: it can)."""
        typed = form.typed()
        labels = {"first_name": self.tr("First name"), "last_name": self.tr("Last name"),
                  "company": self.tr("Company"), "email": self.tr("Email")}
        cleaned = [name for name, text in typed.items() if rules.needs_cleaning(text)]
        if cleaned:
            for name in cleaned:
                form.inputs[name].setText(rules.clean_text(typed[name]))
            return self.tr("%1 held characters that cannot be stored (control characters or "
                           "line breaks); they were taken out. Please check and submit again.") \
                .replace("%1", ", ".join(labels[n] for n in cleaned))
        values = {name: rules.clean_text(text) for name, text in typed.items()}
        long = rules.too_long(values)
        if long:
            return self.tr("%1 is too long (at most %2 characters). Please shorten it.") \
                .replace("%1", ", ".join(labels[n] for n in long)).replace("%2", str(NAME_MAX))
        email_problem = check_email(values.get("email"))
        if email_problem:
            return self.tr("Please check your email address: %1").replace("%1", email_problem)
        if not is_identified(values):
            return self.tr("Please give at least your last name or your email address.")
        unreadable = form.rubric_form.unreadable_numbers()
        if unreadable:
            return self.tr("Please write a plain number for: %1").replace(
                "%1", ", ".join(unreadable))
        return None

    def submit(self) -> None:
        form = self.form
        if form is None or self._saving:
            return
        refusal = self._refusal(form)
        if refusal:
            form.show_message(refusal)
            return
        event = self.kiosk_event or {}
        rubric = form.rubric_form.rubric
        answers = form.rubric_form.answers()
        scored = score_fields(rubric, answers) if rubric is not None and answers else None
        consent = form.consent.isChecked()
        png = form.pad.png() if consent and not form.pad.is_empty() else None
        if png is not None and signature_problem(png):
            png = None  # never happens for a pad's drawing; the consent stands without it
        values = rules.visitor_lead(form.typed(), event_id=event.get("id"), scored=scored,
                                    consent=consent, wording=self._wording, at=utc_now_iso())
        if self._wording is None and consent:
            values["consent_text_version"] = self.services.settings.consent_text_version
        errors = check_complete(LEAD, values)
        if errors:
            form.show_message("; ".join(f"{e.field}: {e.message}" for e in errors))
            return
        user_id = (self.services.user or {}).get("id")
        local = {"owner_id": user_id, "captured_by": user_id} if user_id else None
        record_id = new_id()
        book, blobs = self.book, self.services.blobs

        def job() -> str:
            if png is not None:
                # The image is on disk (flushed) before the lead that names it commits.
                values.update(consent_signature_sha256=blobs.add_bytes(png),
                              consent_method="signature")
            book.save_capture(values, record_id, local_fields=local)
            return record_id

        self._saving = True
        form.submit.setEnabled(False)
        form.show_message(self.tr("Saving…"), "good")
        task = self.services.tasks.write("save kiosk entry", lambda _ctx: job())
        task.finished.connect(when_alive(self, self._on_saved))
        task.failed.connect(when_alive(self, self._on_failed))

    def _on_saved(self, record_id: str) -> None:
        """Committed (durably): thank the visitor, forget everything they typed."""
        self._saving = False
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        old = self.form
        self.form = None
        if old is not None:
            self._discard(old)
            self.stack.insertWidget(self.FORM, QWidget())
        self.stack.setCurrentIndex(self.THANKS)
        self._thanks_timer.start()
        self.saved.emit(record_id)

    def _on_failed(self, message: str) -> None:
        self._saving = False
        if self.form is not None:
            self.form.submit.setEnabled(True)
            self.form.show_message(self.tr("Your entry could not be saved (%1). It is still "
                                           "here: please try again, or ask the staff.")
                                   .replace("%1", message))

    def dispose(self) -> None:
        self._thanks_timer.stop()
        self._wait_timer.stop()
        self.book.dispose()

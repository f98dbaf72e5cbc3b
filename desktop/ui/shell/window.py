"""The main window: navigation between the jobs' pages, global shortcuts, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QCloseEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import MIN_WINDOW_SIZE, Settings
from desktop.ui import theme

if TYPE_CHECKING:
    from desktop.ui.common.page import Page
    from desktop.ui.services import Services
    from desktop.ui.shell.status import ShellStatus


MINIMUM_SIZE = QSize(*MIN_WINDOW_SIZE)
# Below this width the sidebar shows only its icons (names in tooltips), so a page keeps the
# room a 1024 px window gives it.
COMPACT_BELOW = 1000
SIDEBAR_WIDTH, COMPACT_SIDEBAR_WIDTH = 210, 64


@dataclass(frozen=True)
class PageEntry:
    key: str
    label: str
    icon: str
    build: Callable[[Services], Page]
    # The store and domain modules the page reads through (comma separated), imported on the
    # start thread while the store opens. Never Qt code: PySide6 builds a class's Python type
    # when it is first used, which is not safe beside the UI thread (start-up crashed now and
    # then while a page's widgets module was imported there).
    module: str = ""
    # Builds the page opened on what its Ctrl+N opens (`start_new`), without building the
    # view it would otherwise open on first; None: `build`, then `create_new`.
    build_new: Callable[[Services], Page] | None = None
    # The same for `build_new`.
    new_module: str = ""
    # What the window shows in the page's place while the data opens when it starts on the
    # page's Ctrl+N view: a widget that takes input already (the capture form's scan field),
    # handed to the page once built (`Page.take_stand_in`). None: "Opening your data…".
    stand_in: Callable[[], QWidget] | None = None

    def modules(self, new: bool = False) -> list[str]:
        """The modules building this page imports (opened on its Ctrl+N view with `new`)."""
        names = self.new_module if new and self.build_new is not None else self.module
        return [name for name in names.split(",") if name]


class MainWindow(QMainWindow):
    """The shell. Built with its services, or without them (and with the settings) to show at
    once while the store opens; `attach_services` then builds the first page."""

    def __init__(
        self,
        services: Services | None,
        pages: Sequence[PageEntry],
        start_page: str = "",
        *,
        settings: Settings | None = None,
        start_new: bool = False,
    ) -> None:
        super().__init__()
        if services is not None:
            settings = services.settings
        if settings is None:
            raise ValueError("a window without services needs the settings")
        self.settings = settings
        self.services: Services | None = None
        self.status: ShellStatus | None = None  # the status bar's contents, with the services
        # Kiosk mode (docs/kiosk.md): the visitors' form in place of the shell while it lasts.
        self.kiosk: Any = None
        # The booth board (`show_board`), a window of its own for a second screen.
        self.board: Any = None
        self._normal_central: QWidget | None = None
        self._kiosk_actions: list[Any] = []
        self.setWindowTitle(self.tr("Fieldnote"))
        self.setWindowIcon(theme.app_icon())
        self.setMinimumSize(MINIMUM_SIZE)
        pal = theme.palette(settings.theme)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)

        sidebar = QWidget()
        sidebar.setObjectName("brand")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar = sidebar
        self._compact = False
        self._labels: list[str] = []
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(0, 16, 0, 12)
        side.setSpacing(4)
        brand = QLabel(self.tr("Fieldnote"))
        brand.setObjectName("brandName")
        brand.setContentsMargins(22, 0, 0, 8)
        side.addWidget(brand)
        self.brand = brand
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Pages"))
        self.nav.setIconSize(QSize(20, 20))
        # (No focus for the navigation is set in attach_services: the first use of the Qt
        # namespace costs tens of milliseconds, which the shell's first paint need not pay.)
        side.addWidget(self.nav, 1)
        self.user_label = QLabel()
        self.user_label.setObjectName("brandUser")
        self.user_label.setWordWrap(True)
        self.user_label.setContentsMargins(22, 0, 8, 0)
        side.addWidget(self.user_label)
        self._side = side
        layout.addWidget(sidebar)

        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        # Pages are built the first time they are shown (or asked for), so the window opens
        # as fast as its first page: the others cost nothing until the user goes there.
        self.pages = _LazyPages(self)
        self._keys: list[str] = []
        keys = [entry.key for entry in pages]
        start = start_page if start_page in keys else settings.last_page
        start = start if start in keys else keys[0]
        stand_in: QWidget | None = None
        for number, entry in enumerate(pages, start=1):
            self.pages.declare(entry)
            self._keys.append(entry.key)
            if start_new and entry.key == start and entry.stand_in is not None and services is None:
                stand_in = entry.stand_in()
                self.stack.addWidget(stand_in)
            else:
                self.stack.addWidget(_placeholder(self.tr("Opening your data…")))
            item = QListWidgetItem(theme.icon(entry.icon, pal.sidebar_text), entry.label)
            item.setToolTip(f"{entry.label} (Ctrl+{number})")
            self._labels.append(entry.label)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)

        self._restore_geometry()
        wanted = start_page if start_page in self._keys else settings.last_page
        self._wanted_page = wanted if wanted in self._keys else self._keys[0]
        self.nav.setCurrentRow(self._keys.index(self._wanted_page))
        # `start_new`: the start page opens on what its Ctrl+N opens (the Leads page's capture
        # form), unless the user has gone to another page by the time it is built.
        self._new_on = self._wanted_page if start_new else ""
        if stand_in is not None:
            stand_in.setFocus()  # the keys go there from the first paint
        if services is not None:
            self.attach_services(services)
        else:
            self.statusBar().showMessage(self.tr("Opening your data…"))

    def is_compact(self) -> bool:
        """Whether the sidebar shows only its icons (a window narrower than COMPACT_BELOW)."""
        return self._compact

    def _set_compact(self, compact: bool) -> None:
        if compact == self._compact:
            return
        self._compact = compact
        self.sidebar.setFixedWidth(COMPACT_SIDEBAR_WIDTH if compact else SIDEBAR_WIDTH)
        self.brand.setVisible(not compact)
        self.user_label.setVisible(not compact)
        for row, label in enumerate(self._labels):
            item = self.nav.item(row)
            if item is not None:
                item.setText("" if compact else label)
                # Read out by screen readers when the text is gone.
                item.setData(_ACCESSIBLE_TEXT_ROLE, label)
        for name in ("locale_button", "kiosk_button", "board_button", "person_button",
                     "audit_button"):
            button = getattr(self, name, None)
            if button is not None:
                self._style_locale_button(button)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._set_compact(event.size().width() < COMPACT_BELOW)
        super().resizeEvent(event)

    def wanted_page(self) -> str:
        """The page shown first once the services are attached (or the current one after)."""
        return self._wanted_page

    def opens_new(self, key: str) -> bool:
        """Whether page `key` is built to open on what its Ctrl+N opens (`start_new`)."""
        return bool(self._new_on) and self._new_on == key == self._wanted_page

    def is_attached(self) -> bool:
        return self.services is not None

    def _install_shortcuts(self) -> None:
        """Ctrl+1..4, Ctrl+F and Ctrl+N. Made with the services, not before the first paint:
        the first key sequence loads every enum of the Qt namespace (tens of milliseconds)."""
        from PySide6.QtGui import QAction, QKeySequence

        for number, key in enumerate(self._keys, start=1):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            self.addAction(action)
        search = QAction(self.tr("Search"), self)
        search.setShortcut(QKeySequence.StandardKey.Find)
        search.triggered.connect(lambda: self.current_page().focus_search())
        self.addAction(search)
        new = QAction(self.tr("New"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(lambda: self.current_page().create_new())
        self.addAction(new)
        self.new_action = new

    def attach_services(self, services: Services) -> None:
        """Give the shell its services: the status bar fills in, the shortcuts start working
        and the wanted page is built."""
        self.services = services
        self.settings = services.settings
        self.statusBar().clearMessage()
        from PySide6.QtCore import Qt

        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Never sideways: the compact sidebar is as wide as an icon (its names are tooltips).
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._install_shortcuts()
        from PySide6.QtWidgets import QApplication

        from desktop.ui.common.keyboard import keep_focus_in_view

        app = QApplication.instance()
        if isinstance(app, QApplication):
            keep_focus_in_view(app)
        from desktop.ui.shell.status import ShellStatus

        self.status = ShellStatus(self.statusBar(), services)
        self.refresh_user()
        self.show_page(self._wanted_page)
        if self._new_on and self._new_on == self._wanted_page:
            self.current_page().create_new()
        self._new_on = ""
        # After the first page, so the page's widgets come first in the focus chain.
        self._add_locale_button()

    def _add_locale_button(self) -> None:
        """"Language and formats…" under the user's name (made with the services, not before the
        first paint)."""
        from PySide6.QtWidgets import QPushButton

        self.locale_button = QPushButton(self.tr("Language and formats…"))
        self.locale_button.setObjectName("brandLink")
        self.locale_button.setFlat(True)
        self.locale_button.setAccessibleName(self.tr("Language and formats…"))
        self._style_locale_button(self.locale_button)
        self.locale_button.clicked.connect(self.open_locale_dialog)
        self._side.addWidget(self.locale_button)
        self._add_kiosk_button()
        self._add_board_button()
        self._add_person_button()

    def _add_kiosk_button(self) -> None:
        """"Kiosk mode…" for those who capture leads (docs/kiosk.md)."""
        from PySide6.QtWidgets import QPushButton

        from fieldnote import roles

        assert self.services is not None
        if not isinstance(roles.cell("lead", "create", self.services.role), roles.Allow):
            return
        self.kiosk_button = QPushButton(self.tr("Kiosk mode…"))
        self.kiosk_button.setObjectName("brandLink")
        self.kiosk_button.setFlat(True)
        self.kiosk_button.setAccessibleName(self.tr("Kiosk mode…"))
        self._style_locale_button(self.kiosk_button)
        self.kiosk_button.clicked.connect(lambda: self.enter_kiosk(None))
        self._side.addWidget(self.kiosk_button)

    def _add_board_button(self) -> None:
        """"Booth board…": an event's goals on a second screen, for everyone (docs/leads.md)."""
        from PySide6.QtWidgets import QPushButton

        self.board_button = QPushButton(self.tr("Booth board…"))
        self.board_button.setObjectName("brandLink")
        self.board_button.setFlat(True)
        self.board_button.setAccessibleName(self.tr("Booth board…"))
        self._style_locale_button(self.board_button)
        self.board_button.clicked.connect(self.choose_board)
        self._side.addWidget(self.board_button)

    def choose_board(self) -> None:
        """Ask which event's board to open (those with goals, newest first)."""
        from PySide6.QtWidgets import QInputDialog, QMessageBox

        from desktop.store.leads import LeadBook
        from fieldnote.goals import goals_of

        assert self.services is not None
        book = LeadBook(self.services.store)
        try:
            events = [e for e in book.events() if goals_of(e)]
        finally:
            book.dispose()
        if not events:
            QMessageBox.information(self, self.tr("Booth board"), self.tr(
                "No event has goals yet. Marketing sets them in the event editor."))
            return
        names = [str(e.get("name") or e["id"]) for e in events]
        name, ok = QInputDialog.getItem(self, self.tr("Booth board"),
                                        self.tr("Show the goals of"), names, 0, False)
        if ok and name in names:
            self.show_board(events[names.index(name)]["id"])

    def show_board(self, event_id: str, *, full_screen: bool = True) -> Any:
        """Open the booth board of `event_id` in its own window: full screen on the screen
        after this window's when there is one (a second screen), else on this one."""
        from desktop.ui.leads.board import BoothBoard

        assert self.services is not None
        if self.board is not None:
            self.board.close()
        board = BoothBoard(self.services, event_id)
        board.closed.connect(lambda b=board: self._board_closed(b))
        self.board = board
        screens = QApplication.screens()
        here = self.screen()
        others = [sc for sc in screens if sc is not here]
        if others:
            board.setScreen(others[0])
            board.move(others[0].geometry().topLeft())
        if full_screen:
            board.showFullScreen()
        else:
            board.show()
        return board

    def _board_closed(self, board: Any) -> None:
        if self.board is board:
            self.board = None

    # -- kiosk mode ----------------------------------------------------------------------

    def in_kiosk(self) -> bool:
        return self.kiosk is not None

    def enter_kiosk(self, event: dict[str, Any] | None, *, ask_pin: bool = True,
                    full_screen: bool = True) -> Any:
        """Turn the window into the visitors' form for `event` (None: the staff member picks
        it in the set-up, with the PIN). `ask_pin=False` shows the form at once with no PIN
        (a screenshot); otherwise leaving asks for the PIN set at the start."""
        from desktop.ui.leads.kiosk import KioskView

        assert self.services is not None
        if self.kiosk is not None:
            return self.kiosk
        view = KioskView(self.services, event, ask_pin=ask_pin)
        view.left.connect(self.leave_kiosk)
        self.kiosk = view
        self._normal_central = self.takeCentralWidget()
        self.setCentralWidget(view)
        self.statusBar().hide()
        # The shell's shortcuts (pages, search, sync) do nothing behind the visitor's back.
        self._kiosk_actions = [a for a in self.actions() if a.isEnabled()]
        for action in self._kiosk_actions:
            action.setEnabled(False)
        if full_screen:
            self.showFullScreen()
        view.setFocus()
        return view

    def leave_kiosk(self) -> None:
        """The PIN was given (or the set-up cancelled): the window is the app again."""
        view = self.kiosk
        if view is None:
            return
        self.kiosk = None
        view.dispose()
        self.takeCentralWidget()
        view.deleteLater()
        if self._normal_central is not None:
            self.setCentralWidget(self._normal_central)
            self._normal_central = None
        self.statusBar().show()
        for action in self._kiosk_actions:
            action.setEnabled(True)
        self._kiosk_actions = []
        self._offer_page_actions()
        if self.isFullScreen():
            self.showNormal()

    def _add_person_button(self) -> None:
        """"A person's data…" for administrators (export or erase a person, docs/privacy.md)."""
        from PySide6.QtWidgets import QPushButton

        from desktop.ui.sync.person_data import offered_to

        assert self.services is not None
        if not offered_to(self.services.role):
            return
        self.person_button = QPushButton(self.tr("A person's data…"))
        self.person_button.setObjectName("brandLink")
        self.person_button.setFlat(True)
        self.person_button.setAccessibleName(self.tr("A person's data…"))
        self._style_locale_button(self.person_button)
        self.person_button.clicked.connect(self.open_person_dialog)
        self._side.addWidget(self.person_button)
        self._add_audit_button()

    def _add_audit_button(self) -> None:
        """"Audit log…" for administrators (read-only, docs/privacy.md#the-audit-log)."""
        from PySide6.QtWidgets import QPushButton

        from desktop.ui.sync.audit_log import offered_to

        assert self.services is not None
        if not offered_to(self.services.role):
            return
        self.audit_button = QPushButton(self.tr("Audit log…"))
        self.audit_button.setObjectName("brandLink")
        self.audit_button.setFlat(True)
        self.audit_button.setAccessibleName(self.tr("Audit log…"))
        self._style_locale_button(self.audit_button)
        self.audit_button.clicked.connect(self.open_audit_dialog)
        self._side.addWidget(self.audit_button)

    def open_audit_dialog(self) -> None:
        from desktop.ui.sync.audit_log import AuditLogDialog

        assert self.services is not None
        desk = self.services.sync_desk
        if desk is None:
            self.statusBar().showMessage(
                self.tr("Sign in to the hub to read the audit log."), 10_000)
            return
        AuditLogDialog(desk, self.services.tasks, self).exec()

    def open_person_dialog(self) -> None:
        from desktop.ui.sync.person_data import PersonDataDialog

        assert self.services is not None
        desk = self.services.sync_desk
        if desk is None:
            self.statusBar().showMessage(
                self.tr("Sign in to the hub to export or erase a person's data."), 10_000)
            return
        PersonDataDialog(desk, self.services.tasks, self).exec()

    def _style_locale_button(self, button: QWidget) -> None:
        """A link in the sidebar's colours (the theme's tokens), with a visible focus border;
        in the compact sidebar a globe, its name in the tooltip."""
        from PySide6.QtWidgets import QPushButton

        assert isinstance(button, QPushButton)
        pal = theme.palette(self.settings.theme)
        name = button.accessibleName()
        if self._compact:
            button.setText("")
            icon = ("person" if button is getattr(self, "person_button", None) else
                    "audit" if button is getattr(self, "audit_button", None) else
                    "kiosk" if button is getattr(self, "kiosk_button", None) else "language")
            button.setIcon(theme.icon(icon, pal.sidebar_text))
            button.setIconSize(QSize(20, 20))
            button.setToolTip(name)
        else:
            button.setText(name)
            button.setIcon(QIcon())
            button.setToolTip("")
        padding = "4px 10px" if self._compact else "4px 18px"
        button.setStyleSheet(
            f"QPushButton#brandLink {{ background: transparent; color: {pal.sidebar_text}; "
            "border: 2px solid transparent; border-radius: 4px; text-align: left; "
            f"padding: {padding}; text-decoration: underline; }} "
            f"QPushButton#brandLink:focus, QPushButton#brandLink:hover {{ "
            f"border-color: {pal.sidebar_text}; }}")

    def open_locale_dialog(self) -> None:
        from desktop.ui.shell.locale_dialog import LocaleDialog

        before = self.settings.locale
        dialog = LocaleDialog(self.settings, self)
        if dialog.exec() == LocaleDialog.DialogCode.Accepted and self.settings.locale != before:
            self.statusBar().showMessage(
                self.tr("Language and formats change at the next start of Fieldnote."), 10_000)

    def refresh_user(self) -> None:
        """Show who is signed in (the services' user may change when a session starts)."""
        assert self.services is not None
        who = self.services.user
        if who.get("name"):
            self.user_label.setText(f"{who['name']}\n{who.get('role', '')}" + (f" · {who['team']}" if who.get("team") else ""))
        else:
            self.user_label.setText(self.tr("Not signed in"))
        if self.status is not None:
            self.status.refresh_user()

    def current_page(self) -> Page:
        return self.pages[self._keys[self.stack.currentIndex()]]

    def show_page(self, key: str) -> None:
        if key not in self.pages:
            key = self._keys[0]
        row = self._keys.index(key)
        if self.services is None:  # not attached yet: that page comes first once it is
            self._wanted_page = key
        else:
            self.pages[key]
        self.stack.setCurrentIndex(row)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        self._offer_page_actions()

    def _offer_page_actions(self) -> None:
        """Ctrl+N is offered only on a page where it makes something."""
        action = getattr(self, "new_action", None)
        if action is not None and self.services is not None:
            action.setEnabled(self.current_page().offers_new())

    def _page_built(self, key: str, page: Page) -> None:
        row = self._keys.index(key)
        placeholder = self.stack.widget(row)
        assert placeholder is not None  # every page's slot holds a placeholder until built
        current = self.stack.currentIndex()
        self.stack.insertWidget(row, page)
        page.take_stand_in(placeholder)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        # A page may ask for a debrief to be shown (the Insights page's click-through).
        wanted = getattr(page, "debrief_open_requested", None)
        if wanted is not None:
            wanted.connect(self._on_page_debrief_open_requested)

    def _on_page_debrief_open_requested(self, debrief_id: str) -> None:
        debriefs = self.pages.get("debriefs")
        select = getattr(debriefs, "select", None)
        if select is None:
            return
        self.show_page("debriefs")
        select(debrief_id)

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            if self.services is None:
                self._wanted_page = self._keys[row]
            else:
                self.pages[self._keys[row]]
            self.stack.setCurrentIndex(row)
            self.settings.last_page = self._keys[row]
            self._offer_page_actions()
            if self.services is not None:
                # Kept at once (and again on close): a crash or a killed session still
                # reopens on this page.
                self.settings.save()

    def _restore_geometry(self) -> None:
        saved = self.settings.window_geometry
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            return
        self.resize(1280, 800)

    def remember_geometry(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.kiosk is not None and self.kiosk.is_locked():
            # Alt+F4 or the window's close button: in kiosk mode only the PIN leaves.
            event.ignore()
            self.kiosk.ask_pin()
            return
        if self.kiosk is None:
            self.remember_geometry()
        super().closeEvent(event)


# Qt.ItemDataRole.AccessibleTextRole by value: the shell's first paint does not load the Qt
# namespace's enums (see attach_services).
_ACCESSIBLE_TEXT_ROLE = 0x0101


class _LazyPages:
    """The window's pages by key; a page is built on first access."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._entries: dict[str, PageEntry] = {}
        self._built: dict[str, Page] = {}

    def declare(self, entry: PageEntry) -> None:
        self._entries[entry.key] = entry

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            services = self._window.services
            if services is None:
                raise RuntimeError("pages are built once the window has its services")
            entry = self._entries[key]
            new = entry.build_new if self._window.opens_new(key) else None
            page = (new or entry.build)(services)
            self._built[key] = page
            self._window._page_built(key, page)
        return page

    def get(self, key: str) -> Page | None:
        return self[key] if key in self._entries else None

    def built(self) -> dict[str, Page]:
        return dict(self._built)


def _placeholder(text: str) -> QWidget:
    """What a page's place shows until the page is built (centred by the theme's style sheet:
    naming Qt.AlignmentFlag here would load the Qt namespace before the first paint)."""
    label = QLabel(text)
    label.setObjectName("pagePlaceholder")
    label.setProperty("role", "empty")
    return label

"""Voice notes and photos in the window: the record and photo buttons, the strip of items the
capture form holds before Save, the lead detail's list (play/pause, thumbnails, view large,
remove, fetch) and the large photo view.

Widgets show and ask: who may add or remove, and the jobs that write or fetch, come from
`attachments_controller`; recording and playing from `voice`, photo normalising from `photos`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.store.attachments import Attachment, AttachmentRefused, PendingAttachment
from desktop.ui.common.guard import when_alive
from desktop.ui.common.offers import show_offer
from desktop.ui.common.reflow import FlowRow
from desktop.ui.leads.attachments_controller import LeadMedia, Shown, duration_text
from desktop.ui.leads.models import short_time
from desktop.ui.leads.photos import (
    PHOTO_SUFFIXES,
    Photo,
    PhotoProblem,
    load_thumbnail,
    normalise_photo,
)
from desktop.ui.leads.voice import BufferFeed, VoiceClip, VoicePlayer, VoiceRecorder, voice_support
from desktop.ui.services import Services
from fieldnote.attachments import PHOTO_LABELS, VOICE_MAX_MS

log = logging.getLogger(__name__)

THUMB_EDGE = 112
CHIP_THUMB_EDGE = 40
LABEL_TEXTS = {
    "badge": QT_TRANSLATE_NOOP("LeadMedia", "Badge"),
    "business_card": QT_TRANSLATE_NOOP("LeadMedia", "Business card"),
    "whiteboard": QT_TRANSLATE_NOOP("LeadMedia", "Whiteboard"),
    "product": QT_TRANSLATE_NOOP("LeadMedia", "Product"),
    "other": QT_TRANSLATE_NOOP("LeadMedia", "Other"),
}


def label_text(label: str | None) -> str:
    """What a photo shows, in the user's language ("Photo" when it says nothing)."""
    if label in LABEL_TEXTS:
        return QCoreApplication.translate("LeadMedia", str(LABEL_TEXTS[label]))
    return QCoreApplication.translate("LeadMedia", "Photo")


def item_text(media: str, label: str | None, duration_ms: int | None) -> str:
    """"Voice note 0:42" or "Business card" (a photo's label)."""
    if media == "voice":
        return QCoreApplication.translate("LeadMedia", "Voice note %1").replace(
            "%1", duration_text(duration_ms))
    return label_text(label)


def clear_layout(layout: QLayout) -> None:
    """Take every widget out of `layout` at once (a re-render must not find the old ones)."""
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()


def photo_job(path: Path) -> Callable[[], Photo]:
    return lambda: normalise_photo(path)


def _refusal_of(exc: Exception) -> str:
    """The message of a refused file (the photo or store rules), for the message line."""
    if isinstance(exc, AttachmentRefused):
        return QCoreApplication.translate("LeadMedia", "Not attached: %1").replace("%1", str(exc))
    return str(exc)


def guarded(job: Callable[[], Any]) -> Callable[[Any], Any]:
    """A task body whose refusals (a hostile photo, the rules) come back as a message string
    instead of an exception (which the task lane would log as a failure)."""
    def run(_ctx: Any) -> Any:
        try:
            return job()
        except (PhotoProblem, AttachmentRefused) as exc:
            return _refusal_of(exc)
    return run


class RecordVoiceButton(QPushButton):
    """"Record voice note"; while recording "Stop · 1:42 left" (it stops itself at two
    minutes). Off, with the reason, on a machine without audio support or a microphone."""

    recorded = Signal(object)  # VoiceClip
    failed = Signal(str)
    recording_changed = Signal(bool)

    def __init__(self, work_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordVoice")
        self.recorder = VoiceRecorder(work_dir, parent=self)
        self.recorder.remaining_changed.connect(self._on_recorder_remaining_changed)
        self.recorder.recorded.connect(self._on_recorder_recorded)
        self.recorder.failed.connect(self._on_recorder_failed)
        self.clicked.connect(self._on_clicked)
        self.reason = ""
        self._idle_text()

    def refresh(self) -> None:
        """Look again for audio support and a microphone (one may have been plugged in)."""
        if self.recorder.recording():
            return
        support = voice_support()
        self.reason = support.reason
        self.setEnabled(support.can_record)
        self._idle_text()

    def _idle_text(self) -> None:
        if self.reason and not self.isEnabled():
            no_mic = self.tr("No microphone found")
            # A machine without QtMultimedia says so differently from one without a microphone.
            self.setText(no_mic if "microphone" in self.reason else self.tr("Voice notes unavailable"))
            self.setToolTip(self.reason)
        else:
            self.setText(self.tr("Record voice note"))
            self.setToolTip(self.tr("Record a voice memo of up to %1 minutes; click again to "
                                    "stop").replace("%1", str(VOICE_MAX_MS // 60_000)))
        self.setAccessibleDescription(self.toolTip())

    def recording(self) -> bool:
        return self.recorder.recording()

    def start(self, feed: BufferFeed | None = None) -> bool:
        """Start recording (from `feed` instead of the microphone in tests)."""
        if not self.recorder.start(feed):
            return False
        self.setEnabled(True)
        self.setProperty("recording", True)
        self.recording_changed.emit(True)
        return True

    def stop(self) -> None:
        self.recorder.stop()

    def _on_clicked(self) -> None:
        if self.recorder.recording():
            self.recorder.stop()
        else:
            self.start()

    def _on_recorder_remaining_changed(self, ms: int) -> None:
        self.setText(self.tr("Stop recording · %1 left").replace("%1", duration_text(ms)))
        self.setToolTip(self.tr("Recording; it stops by itself after %1 minutes")
                        .replace("%1", str(VOICE_MAX_MS // 60_000)))

    def _ended(self) -> None:
        self.setProperty("recording", False)
        self.refresh()
        self.recording_changed.emit(False)

    def _on_recorder_recorded(self, clip: VoiceClip) -> None:
        self._ended()
        self.recorded.emit(clip)

    def _on_recorder_failed(self, message: str) -> None:
        self._ended()
        self.failed.emit(message)


class AddPhotoButton(QPushButton):
    """"Add photo…": a menu of what the photo shows, then the file dialog; emits
    `chosen(paths, label)`."""

    chosen = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Add photo…"), parent)
        self.setObjectName("addPhoto")
        self.setToolTip(self.tr("Attach photos of the badge, the business card or a whiteboard; "
                                "they are scaled down and lose their location data"))
        menu = QMenu(self)
        for label in PHOTO_LABELS:
            action = menu.addAction(label_text(label) + "…")
            action.triggered.connect(lambda _c=False, lb=label: self.choose(lb))
        self.setMenu(menu)

    def choose(self, label: str) -> None:
        patterns = " ".join(f"*{s}" for s in PHOTO_SUFFIXES)
        names, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Add photos"), "", self.tr("Photos (%1)").replace("%1", patterns))
        if names:
            self.chosen.emit([Path(n) for n in names], label)


class PendingStrip(QWidget):
    """The capture form's voice notes and photos not saved yet: the two buttons, then one chip
    per item with its remove button."""

    remove_requested = Signal(str)  # sha256

    def __init__(self, work_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingMedia")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.record_button = RecordVoiceButton(work_dir)
        self.photo_button = AddPhotoButton()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.photo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.chips = QWidget()
        self.chips.setObjectName("pendingMediaChips")
        self._chip_grid = QGridLayout(self.chips)
        self._chip_grid.setContentsMargins(0, 0, 0, 0)
        self._chip_grid.setHorizontalSpacing(6)
        layout.addWidget(self.chips)
        self.chips.setVisible(False)
        self.thumbnails: dict[str, QImage] = {}

    def show_items(self, items: Sequence[PendingAttachment]) -> None:
        clear_layout(self._chip_grid)
        for n, item in enumerate(items):
            self._chip_grid.addWidget(self._chip(item), n // 2, n % 2)
        self.chips.setVisible(bool(items))

    def set_thumbnail(self, sha256: str, image: QImage) -> None:
        self.thumbnails[sha256] = image

    def _chip(self, item: PendingAttachment) -> QWidget:
        fields = item.fields
        chip = QFrame()
        chip.setObjectName("mediaChip")
        row = QHBoxLayout(chip)
        row.setContentsMargins(6, 2, 2, 2)
        thumb = self.thumbnails.get(item.sha256)
        if fields.get("media") == "photo" and thumb is not None and not thumb.isNull():
            picture = QLabel()
            picture.setPixmap(QPixmap.fromImage(thumb))
            row.addWidget(picture)
        text = item_text(str(fields.get("media")), fields.get("label"), fields.get("duration_ms"))
        label = QLabel(text)
        row.addWidget(label, 1)
        remove = QToolButton()
        remove.setText("✕")
        remove.setObjectName("removePending")
        remove.setAccessibleName(self.tr("Remove %1").replace("%1", text))
        remove.setToolTip(self.tr("Remove %1 before saving").replace("%1", text))
        remove.clicked.connect(lambda _c=False, sha=item.sha256: self.remove_requested.emit(sha))
        row.addWidget(remove)
        return chip

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.record_button.refresh()  # a microphone plugged in meanwhile
        super().showEvent(event)


def keep_pending_thumbnail(item: PendingAttachment) -> QImage:
    """Worker side: the chip's thumbnail of a pending photo (null for a voice note)."""
    if item.fields.get("media") != "photo" or item.path is None:
        return QImage()
    return load_thumbnail(item.path, CHIP_THUMB_EDGE)


_VIEWER_MARGIN = QSize(48, 96)


class PhotoViewer(QDialog):
    """One photo, large: as big as fits the screen, scrollable when it is bigger still."""

    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("photoViewer")
        image = QImage(str(path))
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() * 0.85 if screen is not None else QSize(1200, 800)
        # What the dialog's margins and its Close button leave for the picture.
        fit = room - QSize(_VIEWER_MARGIN.width(), _VIEWER_MARGIN.height())
        shown = (image.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio,
                              Qt.TransformationMode.SmoothTransformation)
                 if image.width() > fit.width() or image.height() > fit.height() else image)
        layout = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(False)
        self.picture = QLabel()
        self.picture.setAccessibleName(title)
        self.picture.setPixmap(QPixmap.fromImage(shown))
        scroll.setWidget(self.picture)
        scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(scroll, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(min(room.width(), shown.width() + _VIEWER_MARGIN.width()),
                    min(room.height(), shown.height() + _VIEWER_MARGIN.height()))


class LeadMediaSection(QWidget):
    """The lead detail's voice notes and photos: play/pause, duration, who and when; photo
    thumbnails that open large; add and remove your own; files not on this device yet say so
    and are fetched on request."""

    def __init__(self, services: Services, media: LeadMedia,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.media = media
        self.lead_id: str | None = None
        self.shown: list[Shown] = []
        self._thumbs: dict[str, QImage] = {}
        self._fetching: set[str] = set()
        self._tried: set[str] = set()  # fetched by themselves once while shown
        self._loading_thumbs = 0
        self.player = VoicePlayer(self)
        self.player.playing_changed.connect(self._on_player_playing_changed)
        self.player.position_changed.connect(self._on_player_position_changed)
        self.player.finished.connect(self._on_player_finished)
        self.player.failed.connect(self.show_message)
        self._playing_id: str | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(self.tr("Voice notes and photos"))
        self.title.setProperty("role", "subtitle")
        layout.addWidget(self.title)
        self.empty = QLabel(self.tr("None yet"))
        self.empty.setProperty("role", "muted")
        layout.addWidget(self.empty)
        self.voice_rows = QWidget()
        self.voice_rows.setObjectName("voiceNotes")
        self._voice_layout = QVBoxLayout(self.voice_rows)
        self._voice_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.voice_rows)
        # The thumbnails wrap onto more rows in a narrow detail (a new row each render).
        self.photo_grid = QWidget()
        self.photo_grid.setObjectName("leadPhotos")
        self._photo_layout = QVBoxLayout(self.photo_grid)
        self._photo_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.photo_grid)
        buttons = QHBoxLayout()
        self.record_button = RecordVoiceButton(services.data_dir / "recording")
        self.record_button.recorded.connect(self._on_record_button_recorded)
        self.record_button.failed.connect(self.show_message)
        self.photo_button = AddPhotoButton()
        self.photo_button.chosen.connect(self.add_photos)
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.photo_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("leadMediaMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._recording_for: str | None = None
        self.record_button.recording_changed.connect(self._on_record_button_recording_changed)
        services.changes.records_changed.connect(self._on_records_changed)

    # -- showing ------------------------------------------------------------------------

    def show_lead(self, lead_id: str | None) -> None:
        if lead_id != self.lead_id:
            self.player.stop()
            self._playing_id = None
            self.message.clear()
            self._tried.clear()
        self.lead_id = lead_id
        self.refresh()
        self._fetch_missing()

    def loading(self) -> bool:
        """Whether files or thumbnails are still on their way (a screenshot waits for them)."""
        return bool(self._fetching) or self._loading_thumbs > 0

    def _fetch_missing(self) -> None:
        """With a hub session, files this device lacks are fetched as the detail shows them,
        once each; without one (or when that fails) they say so and offer "Fetch"."""
        if self.services.sync is None:
            return
        for shown in self.shown:
            if not shown.on_device and shown.item.id not in self._tried:
                self._tried.add(shown.item.id)
                self.fetch(shown.item, quiet=True)

    def refresh(self) -> None:
        self.shown = self.media.shown(self.lead_id) if self.lead_id else []
        self._render()
        if self.lead_id:
            allowed = self.media.may_add(self.lead_id)
            show_offer(self.photo_button, allowed)
            if self.record_button.recording():
                pass
            elif not allowed:
                show_offer(self.record_button, allowed)
            else:
                self.record_button.refresh()
            self._load_thumbnails()

    def _render(self) -> None:
        clear_layout(self._voice_layout)
        clear_layout(self._photo_layout)
        voices = [s for s in self.shown if s.item.media == "voice"]
        photos = [s for s in self.shown if s.item.media == "photo"]
        for shown in voices:
            self._voice_layout.addWidget(self._voice_row(shown))
        if photos:
            self._photo_layout.addWidget(FlowRow([self._photo_tile(s) for s in photos]))
        self.voice_rows.setVisible(bool(voices))
        self.photo_grid.setVisible(bool(photos))
        self.empty.setVisible(not self.shown)

    def _who_when(self, shown: Shown) -> str:
        parts = [shown.author or (self.tr("you") if shown.mine else ""), short_time(shown.item.at)]
        text = " · ".join(p for p in parts if p)
        if not shown.item.uploaded and shown.mine:
            text += " · " + self.tr("waits to be uploaded")
        return text

    def _voice_row(self, shown: Shown) -> QWidget:
        item = shown.item
        row = QFrame()
        row.setObjectName("voiceRow")
        row.setProperty("attachmentId", item.id)
        # Two lines, so a narrow detail wraps the caption instead of squeezing it.
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 0, 0, 4)
        lines.setSpacing(2)
        line = QHBoxLayout()
        lines.addLayout(line)
        play = QPushButton()
        play.setObjectName("playVoice")
        play.setProperty("attachmentId", item.id)
        if shown.on_device:
            playing = self._playing_id == item.id and self.player.playing()
            play.setText(self.tr("Pause") if playing else self.tr("Play"))
            play.setAccessibleName(self.tr("Play or pause the voice note of %1")
                                   .replace("%1", short_time(item.at)))
            play.clicked.connect(lambda _c=False, s=shown: self.toggle_play(s.item))
        else:
            play.setText(self.tr("Fetch"))
            play.setAccessibleName(self.tr("Fetch the voice note of %1")
                                   .replace("%1", short_time(item.at)))
            play.setEnabled(item.id not in self._fetching)
            play.clicked.connect(lambda _c=False, s=shown: self.fetch(s.item))
        line.addWidget(play)
        line.addSpacing(6)
        length = QLabel(duration_text(item.duration_ms))
        length.setObjectName("voiceDuration")
        line.addWidget(length)
        parts = [f"“{item.caption}”" if item.caption else "", self._who_when(shown)]
        if not shown.on_device:
            parts.append(self.tr("fetching…") if item.id in self._fetching
                         else self.tr("not on this device yet"))
        info = QLabel(" · ".join(p for p in parts if p))
        info.setObjectName("voiceInfo")
        info.setProperty("role", "muted")
        info.setWordWrap(True)
        line.addStretch(1)
        if shown.mine:
            line.addWidget(self._remove_button(shown))
        lines.addWidget(info)
        return row

    def _photo_tile(self, shown: Shown) -> QWidget:
        item = shown.item
        tile = QWidget()
        tile.setObjectName("photoTile")
        box = QVBoxLayout(tile)
        box.setContentsMargins(0, 0, 0, 0)
        button = QToolButton()
        button.setObjectName("photoThumb")
        button.setProperty("attachmentId", item.id)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setIconSize(QSize(THUMB_EDGE, THUMB_EDGE))
        button.setMinimumSize(THUMB_EDGE + 16, THUMB_EDGE + 36)
        label = label_text(item.label)
        thumb = self._thumbs.get(item.id)
        if shown.on_device and thumb is not None and not thumb.isNull():
            button.setIcon(QPixmap.fromImage(thumb))
            button.setText(label)
            button.setAccessibleName(self.tr("%1, %2: view it large").replace("%1", label)
                                     .replace("%2", short_time(item.at)))
            button.clicked.connect(lambda _c=False, s=shown: self.view_photo(s))
        elif shown.on_device:
            button.setText(label)
            button.clicked.connect(lambda _c=False, s=shown: self.view_photo(s))
        else:
            button.setText(label + "\n" + self.tr("not on this device yet") + "\n"
                           + (self.tr("fetching…") if item.id in self._fetching
                              else self.tr("click to fetch")))
            button.setAccessibleName(self.tr("Fetch the photo %1").replace("%1", label))
            button.clicked.connect(lambda _c=False, s=shown: self.fetch(s.item))
        button.setToolTip(" · ".join(p for p in (item.caption or "", self._who_when(shown)) if p))
        box.addWidget(button)
        if shown.mine:
            box.addWidget(self._remove_button(shown))
        return tile

    def _remove_button(self, shown: Shown) -> QPushButton:
        remove = QPushButton(self.tr("Remove"))
        remove.setObjectName("removeAttachment")
        remove.setProperty("attachmentId", shown.item.id)
        what = item_text(shown.item.media, shown.item.label, shown.item.duration_ms)
        remove.setAccessibleName(self.tr("Remove %1").replace("%1", what))
        show_offer(remove, shown.removable)
        remove.clicked.connect(lambda _c=False, s=shown: self._on_remove_clicked(s))
        return remove

    def _load_thumbnails(self) -> None:
        wanted = [(s.item.id, s.item.path) for s in self.shown
                  if s.item.media == "photo" and s.item.path is not None
                  and s.item.id not in self._thumbs]
        if not wanted:
            return

        def job(_ctx: Any) -> dict[str, QImage]:
            return {aid: load_thumbnail(path, THUMB_EDGE) for aid, path in wanted if path}
        self._loading_thumbs += 1
        task = self.services.tasks.run("photo thumbnails", job)
        task.finished.connect(when_alive(self, self._on_thumbnails_loaded))
        task.failed.connect(when_alive(self, self._on_thumbnails_failed))

    def _on_thumbnails_loaded(self, thumbs: dict[str, QImage]) -> None:
        self._loading_thumbs -= 1
        self._thumbs.update(thumbs)
        self._render()

    def _on_thumbnails_failed(self, message: str) -> None:
        self._loading_thumbs -= 1
        log.info("thumbnails not loaded: %s", message)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    # -- playing, viewing, fetching ---------------------------------------------------------

    def toggle_play(self, item: Attachment) -> None:
        if item.path is None:
            self.fetch(item)
            return
        self._playing_id = item.id
        self.player.toggle(item.path)

    def _on_player_playing_changed(self, _playing: bool) -> None:
        self._render()

    def _on_player_position_changed(self, ms: int) -> None:
        """The playing row shows how far it is: "0:12 / 0:42"."""
        for shown in self.shown:
            if shown.item.id != self._playing_id:
                continue
            for row in self.voice_rows.findChildren(QFrame, "voiceRow"):
                label = row.findChild(QLabel, "voiceDuration")
                if row.property("attachmentId") == shown.item.id and label is not None:
                    label.setText(f"{duration_text(ms)} / {duration_text(shown.item.duration_ms)}")

    def _on_player_finished(self) -> None:
        self._playing_id = None
        self.player.stop()
        self._render()

    def view_photo(self, shown: Shown) -> PhotoViewer | None:
        if shown.item.path is None:
            self.fetch(shown.item)
            return None
        title = " · ".join(p for p in (label_text(shown.item.label), self._who_when(shown)) if p)
        viewer = PhotoViewer(shown.item.path, title, self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()
        return viewer

    def fetch(self, item: Attachment, *, quiet: bool = False) -> Any:
        """Fetch a file this device does not hold yet (online and signed in)."""
        if item.id in self._fetching:
            return None
        self._fetching.add(item.id)
        self._render()
        if not quiet:
            self.show_message(self.tr("Fetching the file from the hub…"))
        job = self.media.fetch_job(item, self.services.fetch_attachment)
        task = self.services.tasks.run("fetch attachment", lambda _ctx: job())
        task.finished.connect(when_alive(self, lambda path: self._on_fetched(item.id, path)))
        task.failed.connect(when_alive(self, lambda message: self._on_fetch_failed(item.id,
                                                                                   message)))
        return task

    def _on_fetched(self, attachment_id: str, path: Path | None) -> None:
        self._fetching.discard(attachment_id)
        if path is None:
            self.show_message(self.tr("Not on this device yet: it is fetched when you are "
                                      "online and signed in."))
        else:
            self.message.clear()
        self.refresh()

    def _on_fetch_failed(self, attachment_id: str, message: str) -> None:
        self._fetching.discard(attachment_id)
        self.show_message(self.tr("Could not fetch the file: %1").replace("%1", message))
        self._render()

    # -- adding and removing -------------------------------------------------------------

    def _on_record_button_recording_changed(self, recording: bool) -> None:
        if recording:
            self._recording_for = self.lead_id

    def _on_record_button_recorded(self, clip: VoiceClip) -> None:
        lead_id = self._recording_for or self.lead_id
        if lead_id is None:
            return
        self.add_voice(lead_id, clip)

    def add_voice(self, lead_id: str, clip: VoiceClip) -> Any:
        task = self.services.tasks.write("add voice note",
                                         guarded(self.media.add_voice_job(lead_id, clip)))
        task.finished.connect(when_alive(self, self._on_added))
        task.failed.connect(when_alive(self, self.show_message))
        return task

    def add_photos(self, paths: list[Path], label: str) -> list[Any]:
        """Normalise each photo on the parallel lane, then attach it on the writer lane."""
        if self.lead_id is None:
            return []
        lead_id, tasks = self.lead_id, []
        for path in paths:
            def normalise(_ctx: Any, p: Path = path) -> Photo | str:
                try:
                    return normalise_photo(p)
                except PhotoProblem as exc:
                    return str(exc)
            task = self.services.tasks.run("normalise photo", normalise)
            task.finished.connect(when_alive(self, lambda photo, lb=label: self._on_photo_ready(
                lead_id, photo, lb)))
            task.failed.connect(when_alive(self, self.show_message))
            tasks.append(task)
        self.show_message(self.tr("Adding the photo…"))
        return tasks

    def _on_photo_ready(self, lead_id: str, photo: Photo | str, label: str) -> None:
        if isinstance(photo, str):
            self.show_message(photo)
            return
        job = self.media.add_photo_job(lead_id, lambda: photo, label)
        task = self.services.tasks.write("add photo", guarded(job))
        task.finished.connect(when_alive(self, self._on_added))
        task.failed.connect(when_alive(self, self.show_message))

    def _on_added(self, result: Attachment | str) -> None:
        if isinstance(result, str):
            self.show_message(result)
            return
        self.show_message(self.tr("Added: %1.").replace(
            "%1", item_text(result.media, result.label, result.duration_ms)))
        if result.lead_id == self.lead_id:
            self.refresh()

    def _on_remove_clicked(self, shown: Shown) -> None:
        what = item_text(shown.item.media, shown.item.label, shown.item.duration_ms)
        answer = QMessageBox.question(
            self, self.tr("Remove?"),
            self.tr("Remove %1 from this lead? It is removed for everyone at the next sync.")
            .replace("%1", what))
        if answer == QMessageBox.StandardButton.Yes:
            self.remove(shown.item.id)

    def remove(self, attachment_id: str) -> Any:
        if self._playing_id == attachment_id:
            self.player.stop()
            self._playing_id = None
        job = self.media.remove_job(attachment_id)
        task = self.services.tasks.write("remove attachment", guarded(job))
        task.finished.connect(when_alive(self, lambda result: self._on_removed(result)))
        task.failed.connect(when_alive(self, self.show_message))
        return task

    def _on_removed(self, result: Any) -> None:
        if isinstance(result, str):
            self.show_message(result)
            return
        self.show_message(self.tr("Removed."))
        self.refresh()

    def _on_records_changed(self, kind: str, _ids: list[str]) -> None:
        if kind == "lead_attachment" and self.lead_id is not None:
            self.refresh()


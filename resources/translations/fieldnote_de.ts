<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AddPhotoButton</name>
    <message>
        <source>Add photo…</source>
        <translation>Foto hinzufügen…</translation>
    </message>
    <message>
        <source>Attach photos of the badge, the business card or a whiteboard; they are scaled down and lose their location data</source>
        <translation>Fotos des Ausweises, der Visitenkarte oder eines Whiteboards anhängen; sie werden verkleinert und verlieren ihre Ortsangaben</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>Fotos hinzufügen</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Fotos (%1)</translation>
    </message>
</context>
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Accept request</source>
        <translation>Anfrage annehmen</translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation>Anfrage ablehnen</translation>
    </message>
    <message>
        <source>Deliver request</source>
        <translation>Anfrage erfüllen</translation>
    </message>
    <message>
        <source>Answer request</source>
        <translation>Anfrage beantworten</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Published item</source>
        <translation>Veröffentlichtes Material</translation>
    </message>
    <message>
        <source>Your reply to the rep</source>
        <translation>Ihre Antwort an den Vertriebler</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Publish the item first, then link it here.</source>
        <translation>Veröffentlichen Sie das Material zuerst und verknüpfen Sie es dann hier.</translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation>Vom Hub abgelehnt</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Person&apos;s data exported</source>
        <translation>Daten einer Person exportiert</translation>
    </message>
    <message>
        <source>Person erased</source>
        <translation>Person gelöscht</translation>
    </message>
    <message>
        <source>Consent wording changed</source>
        <translation>Einwilligungstext geändert</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>Benutzer hinzugefügt</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>Rolle geändert</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>Benutzer deaktiviert</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>Benutzer aktiviert</translation>
    </message>
    <message>
        <source>Leads exported</source>
        <translation>Leads exportiert</translation>
    </message>
    <message>
        <source>Erased by retention</source>
        <translation>Durch Aufbewahrungsfrist gelöscht</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Einstellung geändert</translation>
    </message>
    <message>
        <source>hub command</source>
        <translation>Hub-Befehl</translation>
    </message>
    <message>
        <source>app, through the hub</source>
        <translation>App, über den Hub</translation>
    </message>
    <message>
        <source>device</source>
        <translation>Gerät</translation>
    </message>
</context>
<context>
    <name>AuditLogDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Prüfprotokoll</translation>
    </message>
    <message>
        <source>What was done with people&apos;s data, newest first: exports and erasures, consent wording and user changes, settings, and every export of leads made on a device. Entries cannot be changed.</source>
        <translation>Was mit den Daten von Personen geschah, neueste zuerst: Exporte und Löschungen, Änderungen an Einwilligungstexten und Benutzern, Einstellungen und jeder Export von Leads auf einem Gerät. Einträge können nicht geändert werden.</translation>
    </message>
    <message>
        <source>Show entries of this action</source>
        <translation>Einträge dieser Aktion zeigen</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle Aktionen</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Only entries since a day</source>
        <translation>Nur Einträge seit einem Tag</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Erster angezeigter Tag</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Fetch the audit log again</source>
        <translation>Prüfprotokoll erneut abrufen</translation>
    </message>
    <message>
        <source>Audit log entries</source>
        <translation>Einträge des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Audit log status</source>
        <translation>Status des Prüfprotokolls</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Not loaded: %1</source>
        <translation>Nicht geladen: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BoothBoard</name>
    <message>
        <source>Booth board</source>
        <translation>Messetafel</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>Standpersonal</translation>
    </message>
    <message>
        <source>This event has no goals yet. Marketing sets them in the event editor.</source>
        <translation>Für diese Veranstaltung gibt es noch keine Ziele. Das Marketing legt sie im Veranstaltungseditor fest.</translation>
    </message>
</context>
<context>
    <name>CameraFrames</name>
    <message>
        <source>This computer cannot use a camera (camera support is missing).</source>
        <translation>Dieser Computer kann keine Kamera verwenden (die Kameraunterstützung fehlt).</translation>
    </message>
    <message>
        <source>That camera is not connected any more; choose another.</source>
        <translation>Diese Kamera ist nicht mehr angeschlossen; wählen Sie eine andere.</translation>
    </message>
    <message>
        <source>Camera access is denied. Allow Fieldnote to use the camera in the system&apos;s privacy settings, then try again.</source>
        <translation>Der Zugriff auf die Kamera wurde verweigert. Erlauben Sie Fieldnote die Kamera in den Datenschutzeinstellungen des Systems und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The camera cannot be used (%1). Is another app using it?</source>
        <translation>Die Kamera kann nicht verwendet werden (%1). Verwendet eine andere App sie gerade?</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>ohne Angabe eines Grundes</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <source>Camera preview</source>
        <translation>Kameravorschau</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>Turn camera off</source>
        <translation>Kamera ausschalten</translation>
    </message>
    <message>
        <source>Hold the badge&apos;s code up to the camera.</source>
        <translation>Halten Sie den Code des Ausweises vor die Kamera.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Read. Hold up the next badge.</source>
        <translation>Gelesen. Halten Sie den nächsten Ausweis vor die Kamera.</translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <source>Scan a badge, paste a vCard, or type an email or badge number, then Enter</source>
        <translation>Ausweis scannen, vCard einfügen oder E-Mail bzw. Ausweisnummer eingeben, dann Enter</translation>
    </message>
    <message>
        <source>Badge photo…</source>
        <translation>Ausweisfoto…</translation>
    </message>
    <message>
        <source>Read a QR, PDF417, Code 128 or DataMatrix code from a photo (or drop one here)</source>
        <translation>QR-, PDF417-, Code-128- oder DataMatrix-Code aus einem Foto lesen (oder Foto hier ablegen)</translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Open it</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation>Als neu speichern</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Open held visitor</source>
        <translation>Zurückgestellten Besucher öffnen</translation>
    </message>
    <message>
        <source>Open the oldest held visitor</source>
        <translation>Den ältesten zurückgestellten Besucher öffnen</translation>
    </message>
    <message>
        <source>Discard it…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <source>Discard the oldest held visitor</source>
        <translation>Den ältesten zurückgestellten Besucher verwerfen</translation>
    </message>
    <message>
        <source>The scan as it came, saved whole with the lead</source>
        <translation>Der Scan wie empfangen, vollständig beim Lead gespeichert</translation>
    </message>
    <message>
        <source>Scan as received</source>
        <translation>Scan wie empfangen</translation>
    </message>
    <message>
        <source>Collateral chosen to send</source>
        <translation>Zum Senden gewähltes Material</translation>
    </message>
    <message>
        <source>May we contact you?</source>
        <translation>Dürfen wir Sie kontaktieren?</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>Read to the visitor (wording %1): %2</source>
        <translation>Dem Besucher vorlesen (Fassung %1): %2</translation>
    </message>
    <message>
        <source>Marketing follow-up</source>
        <translation>Nachfassen durch Marketing</translation>
    </message>
    <message>
        <source>Needs the visitor&apos;s consent to be contacted</source>
        <translation>Erfordert die Einwilligung des Besuchers zur Kontaktaufnahme</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>not enough to save yet</source>
        <translation>noch nicht genug zum Speichern</translation>
    </message>
    <message>
        <source>Could not read this scan; it is shown under “Scan as received” and kept whole with the lead. Type the name and email.</source>
        <translation>Dieser Scan war nicht lesbar; er steht unter „Scan wie empfangen“ und wird vollständig beim Lead gespeichert. Geben Sie Name und E-Mail ein.</translation>
    </message>
    <message>
        <source>already captured at this event; open it to merge</source>
        <translation>schon bei dieser Veranstaltung erfasst; zum Zusammenführen öffnen</translation>
    </message>
    <message>
        <source>%1 is held, not saved (%2).</source>
        <translation>%1 ist zurückgestellt, nicht gespeichert (%2).</translation>
    </message>
    <message>
        <source>Marketing follow-up needs the visitor&apos;s consent: tick “May we contact you?” or clear follow-up.</source>
        <translation>Nachfassen durch Marketing braucht die Einwilligung des Besuchers: „Dürfen wir Sie kontaktieren?“ ankreuzen oder das Nachfassen abwählen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved %1, to qualify later. Next visitor.</source>
        <translation>%1 gespeichert, später qualifizieren. Nächster Besucher.</translation>
    </message>
    <message>
        <source>Could not save %2 (%1); they are held above the form.</source>
        <translation>%2 konnte nicht gespeichert werden (%1); der Besucher ist über dem Formular zurückgestellt.</translation>
    </message>
    <message>
        <source>The voice note was added to the lead saved while it was recording.</source>
        <translation>Die Sprachnotiz wurde dem Lead hinzugefügt, der während der Aufnahme gespeichert wurde.</translation>
    </message>
    <message>
        <source>Could not keep the unsaved visitor on disk: %1</source>
        <translation>Der ungespeicherte Besucher konnte nicht auf der Festplatte gesichert werden: %1</translation>
    </message>
    <message>
        <source>Opened %1, not saved yet. Enter saves.</source>
        <translation>%1 geöffnet, noch nicht gespeichert. Enter speichert.</translation>
    </message>
    <message>
        <source>Discard held visitor?</source>
        <translation>Zurückgestellten Besucher verwerfen?</translation>
    </message>
    <message>
        <source>Throw away %1? What was typed or scanned cannot be brought back.</source>
        <translation>%1 verwerfen? Was eingegeben oder gescannt wurde, lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>This visitor is not saved yet, so Ctrl+Z does not replace them. Enter saves; Esc sets them aside.</source>
        <translation>Dieser Besucher ist noch nicht gespeichert, daher ersetzt Strg+Z ihn nicht. Enter speichert; Esc stellt ihn zurück.</translation>
    </message>
    <message>
        <source>Brought back %1.</source>
        <translation>%1 zurückgeholt.</translation>
    </message>
    <message>
        <source>Set %1 aside; Ctrl+Z brings them back.</source>
        <translation>%1 zurückgestellt; Strg+Z holt den Besucher zurück.</translation>
    </message>
    <message>
        <source>Quick scan · each scan is saved at once as a lead to qualify later · untick Quick scan to type or qualify</source>
        <translation>Schnellscan · jeder Scan wird sofort als Lead gespeichert, zum späteren Qualifizieren · Schnellscan abwählen, um zu tippen oder zu qualifizieren</translation>
    </message>
    <message>
        <source>Qualifying quick scans · %1 jumps to the rubric · Enter saves and opens the next · Skip leaves this visitor for later</source>
        <translation>Schnellscans qualifizieren · %1 springt zum Bewertungsschema · Enter speichert und öffnet den nächsten · Überspringen lässt diesen Besucher für später</translation>
    </message>
    <message>
        <source>Editing a saved lead · Enter saves the changes · %1 jumps to the rubric · Esc leaves it</source>
        <translation>Gespeicherten Lead bearbeiten · Enter speichert · %1: Bewertungsbogen · Esc beendet</translation>
    </message>
    <message>
        <source>Enter saves · %1 jumps to the rubric · Ctrl+Z reopens the last lead · Esc sets the visitor aside</source>
        <translation>Enter speichert · %1: Bewertung · Strg+Z: letzter Lead · Esc: zurückstellen</translation>
    </message>
    <message>
        <source>This event has no qualification rubric.</source>
        <translation>Diese Veranstaltung hat keinen Bewertungsbogen.</translation>
    </message>
    <message>
        <source>Products, comma separated</source>
        <translation>Produkte, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Type to add approved collateral</source>
        <translation>Tippen, um freigegebenes Vertriebsmaterial hinzuzufügen</translation>
    </message>
    <message>
        <source>Collateral to send</source>
        <translation>Zu sendendes Material</translation>
    </message>
    <message>
        <source>Delete removes the selected item</source>
        <translation>Entf entfernt den ausgewählten Eintrag</translation>
    </message>
    <message>
        <source>Notes (Ctrl+Enter saves)</source>
        <translation>Notizen (Strg+Enter speichert)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Badge id</source>
        <translation>Ausweisnummer</translation>
    </message>
    <message>
        <source>The scan</source>
        <translation>Der Scan</translation>
    </message>
    <message>
        <source>Quick scan</source>
        <translation>Schnellscan</translation>
    </message>
    <message>
        <source>Each scan is saved at once as a lead to qualify later: one keystroke per visitor</source>
        <translation>Jeder Scan wird sofort als Lead zum späteren Qualifizieren gespeichert: ein Tastendruck pro Besucher</translation>
    </message>
    <message>
        <source>Qualify the quick scans of this event</source>
        <translation>Die Schnellscans dieser Veranstaltung qualifizieren</translation>
    </message>
    <message>
        <source>Walk through this event&apos;s quick scans with the rubric, oldest first</source>
        <translation>Die Schnellscans dieser Veranstaltung mit dem Bewertungsschema durchgehen, älteste zuerst</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Skip this visitor for now</source>
        <translation>Diesen Besucher vorerst überspringen</translation>
    </message>
    <message>
        <source>Stop qualifying</source>
        <translation>Qualifizieren beenden</translation>
    </message>
    <message>
        <source>Email collateral to the visitor…</source>
        <translation>Material per E-Mail an den Besucher…</translation>
    </message>
    <message>
        <source>Voice and photos</source>
        <translation>Sprache und Fotos</translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Sets the visitor aside as a held draft (Ctrl+Z brings it back)</source>
        <translation>Stellt den Besucher als Entwurf zurück (Strg+Z holt ihn zurück)</translation>
    </message>
    <message>
        <source>Save lead</source>
        <translation>Lead speichern</translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation>(keine Veranstaltung)</translation>
    </message>
    <message>
        <source>%1 today</source>
        <translation>%1 heute</translation>
    </message>
    <message>
        <source>  ·  %1 at this event</source>
        <translation>  ·  %1 bei dieser Veranstaltung</translation>
    </message>
    <message>
        <source>Quick scan: each scan is saved at once, to qualify later.</source>
        <translation>Schnellscan: Jeder Scan wird sofort gespeichert, qualifiziert wird später.</translation>
    </message>
    <message>
        <source>%1 is already at this event; nothing was saved.</source>
        <translation>%1 ist schon bei dieser Veranstaltung erfasst; nichts wurde gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>To qualify: %n</source>
        <translation>
            <numerusform>Zu qualifizieren: %n</numerusform>
            <numerusform>Zu qualifizieren: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped visitor(s) still wait to be qualified.</source>
        <translation>
            <numerusform>%n übersprungener Besucher wartet noch auf die Qualifizierung.</numerusform>
            <numerusform>%n übersprungene Besucher warten noch auf die Qualifizierung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every quick scan of this event is qualified.</source>
        <translation>Alle Schnellscans dieser Veranstaltung sind qualifiziert.</translation>
    </message>
    <message numerus="yes">
        <source>To qualify: %n left, oldest first.</source>
        <translation>
            <numerusform>Zu qualifizieren: noch %n, älteste zuerst.</numerusform>
            <numerusform>Zu qualifizieren: noch %n, älteste zuerst.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, scanned %2. Answer the rubric; Enter saves and opens the next.</source>
        <translation>%1, gescannt %2. Bewertungsfragen beantworten; Enter speichert und öffnet den nächsten.</translation>
    </message>
    <message>
        <source>only a scan that could not be read</source>
        <translation>nur ein Scan, der nicht lesbar war</translation>
    </message>
    <message>
        <source>Read %1: %2</source>
        <translation>%1 gelesen: %2</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Keine Kamera</translation>
    </message>
    <message>
        <source>Read badges with the camera: hold the code up, it is scanned at once</source>
        <translation>Ausweise mit der Kamera lesen: Code vorhalten, er wird sofort gescannt</translation>
    </message>
    <message>
        <source>Connect a camera to scan badges with it</source>
        <translation>Schließen Sie eine Kamera an, um damit Ausweise zu scannen</translation>
    </message>
    <message>
        <source>Badge or card photo</source>
        <translation>Foto von Ausweis oder Visitenkarte</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>No QR, PDF417, Code 128 or DataMatrix code found in %1. Type the details instead.</source>
        <translation>Kein QR-, PDF417-, Code-128- oder DataMatrix-Code in %1 gefunden. Geben Sie die Angaben stattdessen ein.</translation>
    </message>
    <message>
        <source>Already a customer</source>
        <translation>Bereits Kunde</translation>
    </message>
    <message>
        <source>Already a lead</source>
        <translation>Bereits ein Lead</translation>
    </message>
    <message>
        <source>team %1</source>
        <translation>Team %1</translation>
    </message>
    <message>
        <source>last activity %1</source>
        <translation>letzte Aktivität %1</translation>
    </message>
    <message>
        <source>(as of the last sync)</source>
        <translation>(Stand der letzten Synchronisierung)</translation>
    </message>
    <message>
        <source>Possibly already captured: %1, %2 (%3).</source>
        <translation>Möglicherweise schon erfasst: %1, %2 (%3).</translation>
    </message>
    <message>
        <source>%1 characters: %2 more than a lead holds. Shorten the notes to save.</source>
        <translation>%1 Zeichen: %2 mehr, als ein Lead fasst. Kürzen Sie die Notizen, um zu speichern.</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
    <message>
        <source>Save the visitor first; then email them approved collateral with a note</source>
        <translation>Speichern Sie zuerst den Besucher; dann senden Sie ihm freigegebenes Material mit einer Notiz</translation>
    </message>
    <message>
        <source>Email approved collateral to %1 with a note from you; it goes at the next sync</source>
        <translation>Freigegebenes Material mit Ihrer Notiz per E-Mail an %1; es geht bei der nächsten Synchronisierung raus</translation>
    </message>
    <message>
        <source>Queued for %1: the email goes at the next sync.</source>
        <translation>Für %1 vorgemerkt: Die E-Mail geht bei der nächsten Synchronisierung raus.</translation>
    </message>
    <message>
        <source>Email as typed (not a valid address): %1</source>
        <translation>E-Mail wie eingegeben (keine gültige Adresse): %1</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit.</source>
        <translation>%1 hat %2 Zeichen; höchstens %3 passen.</translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit (%4 too many).</source>
        <translation>%1 hat %2 Zeichen; höchstens %3 passen (%4 zu viel).</translation>
    </message>
    <message>
        <source>An interest is longer than %1 characters.</source>
        <translation>Ein Interesse ist länger als %1 Zeichen.</translation>
    </message>
    <message>
        <source>Nothing to save yet: scan a badge or type a name.</source>
        <translation>Noch nichts zu speichern: Scannen Sie einen Ausweis oder geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>Nothing was saved or cut; shorten and press Enter again.</source>
        <translation>Nichts wurde gespeichert oder gekürzt; kürzen Sie und drücken Sie erneut Enter.</translation>
    </message>
    <message>
        <source>Add a last name, an email, a phone number or scan a badge before saving.</source>
        <translation>Geben Sie vor dem Speichern einen Nachnamen, eine E-Mail oder eine Telefonnummer ein oder scannen Sie einen Ausweis.</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>, qualified</source>
        <translation>, qualifiziert</translation>
    </message>
    <message>
        <source>Saved %1%2. Ctrl+Z reopens it.</source>
        <translation>%1%2 gespeichert. Strg+Z öffnet den Lead erneut.</translation>
    </message>
    <message>
        <source>Not saved: %1. The lead is back in the form.</source>
        <translation>Nicht gespeichert: %1. Der Lead steht wieder im Formular.</translation>
    </message>
    <message>
        <source>Already at this event (%1): %2, captured %3. Merge this scan into it?</source>
        <translation>Schon bei dieser Veranstaltung (%1): %2, erfasst %3. Diesen Scan damit zusammenführen?</translation>
    </message>
    <message>
        <source>Merging into the existing lead…</source>
        <translation>Wird mit dem vorhandenen Lead zusammengeführt…</translation>
    </message>
    <message>
        <source>Opened the existing lead with this scan merged in; Enter saves.</source>
        <translation>Der vorhandene Lead ist geöffnet, dieser Scan ist eingefügt; Enter speichert.</translation>
    </message>
    <message numerus="yes">
        <source>Held, not saved yet (%n): %1</source>
        <translation>
            <numerusform>Zurückgestellt, noch nicht gespeichert (%n): %1</numerusform>
            <numerusform>Zurückgestellt, noch nicht gespeichert (%n): %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No lead saved in this session yet.</source>
        <translation>In dieser Sitzung wurde noch kein Lead gespeichert.</translation>
    </message>
    <message>
        <source>The last lead is no longer there.</source>
        <translation>Der letzte Lead ist nicht mehr vorhanden.</translation>
    </message>
    <message>
        <source>Reopened %1. Enter saves the changes.</source>
        <translation>%1 erneut geöffnet. Enter speichert die Änderungen.</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>📌 Offline</source>
        <translation>📌 Offline</translation>
    </message>
    <message>
        <source>✓ Offline</source>
        <translation>✓ Offline</translation>
    </message>
    <message>
        <source>↓ %1%</source>
        <translation>↓ %1 %</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Nicht geladen</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <source>Show the numbers behind this chart</source>
        <translation>Die Zahlen hinter diesem Diagramm zeigen</translation>
    </message>
    <message>
        <source>%1 chart</source>
        <translation>Diagramm %1</translation>
    </message>
    <message>
        <source>%1 table</source>
        <translation>Tabelle %1</translation>
    </message>
    <message>
        <source>Show %1 as a chart</source>
        <translation>%1 als Diagramm zeigen</translation>
    </message>
    <message>
        <source>Show %1 as a table</source>
        <translation>%1 als Tabelle zeigen</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>No data in this selection</source>
        <translation>Keine Daten in dieser Auswahl</translation>
    </message>
</context>
<context>
    <name>CollateralFiles</name>
    <message>
        <source>This file is not on this computer yet. It downloads at the next sync while you are online and signed in.</source>
        <translation>Diese Datei ist noch nicht auf diesem Computer. Sie wird bei der nächsten Synchronisierung geladen, wenn Sie online und angemeldet sind.</translation>
    </message>
    <message>
        <source>The download was stopped.</source>
        <translation>Der Download wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Approved material, searchable and ready offline</source>
        <translation>Freigegebenes Material, durchsuchbar und offline bereit</translation>
    </message>
    <message>
        <source>Request material…</source>
        <translation>Material anfragen…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation>Veröffentlichen…</translation>
    </message>
    <message>
        <source>Files…</source>
        <translation>Dateien…</translation>
    </message>
    <message>
        <source>A whole folder…</source>
        <translation>Ganzer Ordner…</translation>
    </message>
    <message>
        <source>Propose material…</source>
        <translation>Material vorschlagen…</translation>
    </message>
    <message>
        <source>Send your own one-pager or deck to marketing for review; other reps get it once it is approved</source>
        <translation>Senden Sie Ihr eigenes Datenblatt oder Ihre Präsentation zur Prüfung an das Marketing; andere Vertriebler erhalten es erst nach der Freigabe</translation>
    </message>
    <message>
        <source>Search titles, summaries, tags and the words inside files…  (Ctrl+F)</source>
        <translation>Titel, Zusammenfassungen, Schlagwörter und Dateiinhalte durchsuchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>Search collateral</source>
        <translation>Vertriebsmaterial durchsuchen</translation>
    </message>
    <message>
        <source>Best match</source>
        <translation>Beste Treffer</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <source>Most used</source>
        <translation>Meistgenutzt</translation>
    </message>
    <message>
        <source>Best rated</source>
        <translation>Am besten bewertet</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Entwürfe</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Everything current</source>
        <translation>Alles Aktuelle</translation>
    </message>
    <message>
        <source>Proposals</source>
        <translation>Vorschläge</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>My proposals</source>
        <translation>Meine Vorschläge</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>New since last visit</source>
        <translation>Neu seit letztem Besuch</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Switch between cards and a list</source>
        <translation>Zwischen Karten und Liste wechseln</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Approved items not verified for this long are flagged stale; every marketer&apos;s library uses it</source>
        <translation>Freigegebenes Material, das so lange nicht bestätigt wurde, gilt als veraltet; das gilt für die Bibliothek des gesamten Marketings</translation>
    </message>
    <message>
        <source>Drop files or a folder here to publish them.</source>
        <translation>Dateien oder einen Ordner hier ablegen, um sie zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Collateral library</source>
        <translation>Materialbibliothek</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Alle</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since your last visit</source>
        <translation>
            <numerusform>%n neu seit Ihrem letzten Besuch</numerusform>
            <numerusform>%n neu seit Ihrem letzten Besuch</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer words, or ask marketing for it with Request material.</source>
        <translation>Nichts passt zu „%1“. Versuchen Sie weniger Wörter oder fragen Sie das Marketing über „Material anfragen“ danach.</translation>
    </message>
    <message>
        <source>No collateral yet. It arrives with the next sync; marketing publishes it from here.</source>
        <translation>Noch kein Vertriebsmaterial. Es kommt mit der nächsten Synchronisierung; das Marketing veröffentlicht es von hier aus.</translation>
    </message>
    <message>
        <source>Nothing here with these filters.</source>
        <translation>Mit diesen Filtern gibt es hier nichts.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Ihnen</translation>
    </message>
    <message>
        <source>a rep</source>
        <translation>einem Vertriebler</translation>
    </message>
    <message>
        <source>Proposed by %1</source>
        <translation>Vorgeschlagen von %1</translation>
    </message>
    <message>
        <source>Declined: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Marketing&apos;s comment: %1</source>
        <translation>Kommentar des Marketings: %1</translation>
    </message>
    <message>
        <source>Last verified %1</source>
        <translation>Zuletzt bestätigt am %1</translation>
    </message>
    <message>
        <source>Stale: not verified since %1</source>
        <translation>Veraltet: nicht bestätigt seit %1</translation>
    </message>
    <message>
        <source>Stale: unused since %1</source>
        <translation>Veraltet: nicht genutzt seit %1</translation>
    </message>
    <message numerus="yes">
        <source>Stale after %n day(s)…</source>
        <translation>
            <numerusform>Veraltet nach %n Tag…</numerusform>
            <numerusform>Veraltet nach %n Tagen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Verification period</source>
        <translation>Bestätigungszeitraum</translation>
    </message>
    <message>
        <source>Flag approved items as stale when not verified for this many days:</source>
        <translation>Freigegebenes Material als veraltet kennzeichnen, wenn es so viele Tage nicht bestätigt wurde:</translation>
    </message>
    <message>
        <source>Not signed in to a hub: the period is a hub setting.</source>
        <translation>Nicht bei einem Hub angemeldet: Der Zeitraum ist eine Hub-Einstellung.</translation>
    </message>
    <message>
        <source>Propose material</source>
        <translation>Material vorschlagen</translation>
    </message>
    <message>
        <source>Declined; the rep sees your comment after the next sync.</source>
        <translation>Abgelehnt; der Vertriebler sieht Ihren Kommentar nach der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Decline proposal</source>
        <translation>Vorschlag ablehnen</translation>
    </message>
    <message>
        <source>Why is “%1” declined? The rep reads this.</source>
        <translation>Warum wird „%1“ abgelehnt? Der Vertriebler liest das.</translation>
    </message>
    <message>
        <source>Nothing declined: say why, so the rep can fix it.</source>
        <translation>Nichts abgelehnt: Nennen Sie den Grund, damit der Vertriebler nachbessern kann.</translation>
    </message>
    <message>
        <source>Saved; it goes to the hub at the next sync.</source>
        <translation>Gespeichert; die Änderung geht bei der nächsten Synchronisierung an den Hub.</translation>
    </message>
    <message>
        <source>Marked as verified today.</source>
        <translation>Heute als bestätigt markiert.</translation>
    </message>
    <message>
        <source>Your proposal is withdrawn.</source>
        <translation>Ihr Vorschlag ist zurückgezogen.</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Withdraw your proposal “%1”?</source>
        <translation>Ihren Vorschlag „%1“ zurückziehen?</translation>
    </message>
    <message>
        <source>Sent to marketing for review again at the next sync.</source>
        <translation>Wird bei der nächsten Synchronisierung erneut zur Prüfung an das Marketing gesendet.</translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1-Dateien.</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Lead: %1</translation>
    </message>
    <message>
        <source>Debrief: %1 (%2)</source>
        <translation>Gesprächsbericht: %1 (%2)</translation>
    </message>
    <message>
        <source>Hello %1,

as promised, here is %2.

(Attached: %3)
</source>
        <translation>Hallo %1,

wie versprochen erhalten Sie hier %2.

(Anhang: %3)
</translation>
    </message>
    <message>
        <source>Thanks, your rating is saved.</source>
        <translation>Danke, Ihre Bewertung ist gespeichert.</translation>
    </message>
    <message>
        <source>Your comment is saved.</source>
        <translation>Ihr Kommentar ist gespeichert.</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Retire “%1”? Reps lose it at their next sync.</source>
        <translation>„%1“ zurückziehen? Die Vertriebler verlieren es bei ihrer nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <source>“%1” is now %2.</source>
        <translation>Status von „%1“: %2.</translation>
    </message>
    <message>
        <source>Undone: the earlier status is back (a change that syncs).</source>
        <translation>Rückgängig gemacht: Der frühere Status gilt wieder (eine Änderung, die synchronisiert wird).</translation>
    </message>
    <message>
        <source>Publish files</source>
        <translation>Dateien veröffentlichen</translation>
    </message>
    <message>
        <source>Publish a folder</source>
        <translation>Ordner veröffentlichen</translation>
    </message>
    <message>
        <source>The new version&apos;s file</source>
        <translation>Die Datei der neuen Version</translation>
    </message>
    <message>
        <source>None of these is a file the library holds (PDF, slides, documents, spreadsheets, images, videos).</source>
        <translation>Keine dieser Dateien passt in die Bibliothek (PDF, Folien, Dokumente, Tabellen, Bilder, Videos).</translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) sent to marketing at the next sync; see them under My proposals.</source>
        <translation>
            <numerusform>%n Vorschlag geht bei der nächsten Synchronisierung an das Marketing; siehe Meine Vorschläge.</numerusform>
            <numerusform>%n Vorschläge gehen bei der nächsten Synchronisierung an das Marketing; siehe Meine Vorschläge.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) published; the files go to the hub at the next sync.</source>
        <translation>
            <numerusform>%n Eintrag veröffentlicht; die Dateien gehen bei der nächsten Synchronisierung an den Hub.</numerusform>
            <numerusform>%n Einträge veröffentlicht; die Dateien gehen bei der nächsten Synchronisierung an den Hub.</numerusform>
        </translation>
    </message>
    <message>
        <source>Request sent to marketing at the next sync.</source>
        <translation>Die Anfrage geht bei der nächsten Synchronisierung an das Marketing.</translation>
    </message>
    <message>
        <source>“%1” was retired or expired and is no longer offered.</source>
        <translation>„%1“ wurde zurückgezogen oder ist abgelaufen und wird nicht mehr angeboten.</translation>
    </message>
    <message>
        <source>New request for material: “%1”</source>
        <translation>Neue Materialanfrage: „%1“</translation>
    </message>
    <message>
        <source>New proposal to review: “%1”</source>
        <translation>Neuer Vorschlag zur Prüfung: „%1“</translation>
    </message>
    <message>
        <source>Your proposal %1</source>
        <translation>Ihr Vorschlag %1</translation>
    </message>
    <message>
        <source>Your request %1</source>
        <translation>Ihre Anfrage %1</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…und %n weiterer.</numerusform>
            <numerusform>…und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>Karten</translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>Most used</source>
        <translation>Meistgenutzt</translation>
    </message>
    <message>
        <source>Helped in debriefs: top and bottom</source>
        <translation>Hilfreich laut Gesprächsberichten: beste und schlechteste</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Deals it was used in</source>
        <translation>Abschlüsse, in denen es genutzt wurde</translation>
    </message>
    <message>
        <source>Stale: nobody used it in 90 days</source>
        <translation>Veraltet: seit 90 Tagen nicht genutzt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Every item</source>
        <translation>Alle Einträge</translation>
    </message>
    <message>
        <source>Opened by visitors</source>
        <translation>Von Besuchern geöffnet</translation>
    </message>
    <message>
        <source>Opened by visitors, per event</source>
        <translation>Von Besuchern geöffnet, pro Veranstaltung</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation>Präsentiert</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Nutzungen</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Hat geholfen</translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation>Nicht geholfen</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>top</source>
        <translation>beste</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>schlechteste</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Abschlüsse</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Gewonnener Betrag</translation>
    </message>
    <message>
        <source>Stale items</source>
        <translation>Veraltete Einträge</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt genutzt</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>Stale: nobody used it in 90 days (%n)</source>
        <translation>
            <numerusform>Veraltet: seit 90 Tagen nicht genutzt (%n)</numerusform>
            <numerusform>Veraltet: seit 90 Tagen nicht genutzt (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Requests: %1 open, median turnaround %2 days</source>
        <translation>Anfragen: %1 offen, Bearbeitungszeit im Median %2 Tage</translation>
    </message>
    <message>
        <source>Open request</source>
        <translation>Anfrage öffnen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Benötigt bis</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation>Alter (Tage)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Mailed</source>
        <translation>Gemailt</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Geöffnet</translation>
    </message>
    <message>
        <source>Median hours to first open</source>
        <translation>Median Stunden bis zum ersten Öffnen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
</context>
<context>
    <name>CollateralUsedEdit</name>
    <message>
        <source>Find collateral from the library</source>
        <translation>Material in der Bibliothek suchen</translation>
    </message>
    <message>
        <source>Find collateral from the library…</source>
        <translation>Material in der Bibliothek suchen…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>(not in the library on this device)</source>
        <translation>(nicht in der Bibliothek auf diesem Gerät)</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Yours (kept)</source>
        <translation>Ihre (behalten)</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>Fremde</translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>No conflicts. When the same field is changed on two devices, it shows up here.</source>
        <translation>Keine Konflikte. Wenn dasselbe Feld auf zwei Geräten geändert wird, erscheint es hier.</translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation>Ihre behalten</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Fremde übernehmen</translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation>Die Auswahl konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>CrmOutcomesDialog</name>
    <message>
        <source>Outcomes from a CRM report</source>
        <translation>Ergebnisse aus einem CRM-Bericht</translation>
    </message>
    <message>
        <source>Export a report from Salesforce or HubSpot with the Fieldnote ID (or Email) column and its status columns, then choose it here. Nothing is written before you press Record.</source>
        <translation>Exportieren Sie einen Bericht aus Salesforce oder HubSpot mit der Spalte Fieldnote ID (oder Email) und den Statusspalten und wählen Sie ihn hier aus. Erst mit „Erfassen“ wird etwas gespeichert.</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>Choose report…</source>
        <translation>Bericht wählen…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Tell from the columns</source>
        <translation>An den Spalten erkennen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Outcomes to record</source>
        <translation>Zu erfassende Ergebnisse</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Rows not used</source>
        <translation>Nicht verwendete Zeilen</translation>
    </message>
    <message>
        <source>Rows that match no lead, unknown values and unreadable rows are listed here.</source>
        <translation>Zeilen ohne passenden Lead, unbekannte Werte und unlesbare Zeilen stehen hier.</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>CRM report</source>
        <translation>CRM-Bericht</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Would record %1 outcome(s) from %2 row(s) of this %3 report; %4 already recorded, %5 with no outcome yet, %6 not matched, %7 unknown value(s).</source>
        <translation>Würde %1 Ergebnis(se) aus %2 Zeile(n) dieses %3-Berichts erfassen; %4 bereits erfasst, %5 noch ohne Ergebnis, %6 ohne passenden Lead, %7 unbekannte(r) Wert(e).</translation>
    </message>
    <message>
        <source>Recorded %1 outcome(s); they sync with your next sync.</source>
        <translation>%1 Ergebnis(se) erfasst; sie werden bei der nächsten Synchronisierung übertragen.</translation>
    </message>
</context>
<context>
    <name>DebriefDetail</name>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation>(noch kein Kunde)</translation>
    </message>
    <message>
        <source>helped</source>
        <translation>hat geholfen</translation>
    </message>
    <message>
        <source>did not help</source>
        <translation>hat nicht geholfen</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>nicht bewertet</translation>
    </message>
    <message>
        <source>Replies (%1)</source>
        <translation>Antworten (%1)</translation>
    </message>
    <message>
        <source>No replies yet.</source>
        <translation>Noch keine Antworten.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Jemand</translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation>Entwurf bearbeiten</translation>
    </message>
    <message>
        <source>Add follow-up to calendar</source>
        <translation>Wiedervorlage in den Kalender</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Debrief</source>
        <translation>Gesprächsbericht</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Reply to this debrief…</source>
        <translation>Auf diesen Gesprächsbericht antworten…</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Antwort senden</translation>
    </message>
    <message>
        <source>Replies open once the debrief is submitted.</source>
        <translation>Antworten sind möglich, sobald der Gesprächsbericht eingereicht ist.</translation>
    </message>
    <message>
        <source>Write a reply first.</source>
        <translation>Schreiben Sie zuerst eine Antwort.</translation>
    </message>
    <message>
        <source>Reply queued; it goes out on the next sync.</source>
        <translation>Antwort vorgemerkt; sie geht bei der nächsten Synchronisierung hinaus.</translation>
    </message>
</context>
<context>
    <name>DebriefFeedModel</name>
    <message>
        <source>%1 (%2 new)</source>
        <translation>%1 (%2 neu)</translation>
    </message>
    <message>
        <source>Draft (not queued)</source>
        <translation>Entwurf (nicht vorgemerkt)</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation>(noch kein Kunde)</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebler</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>DebriefForm</name>
    <message>
        <source>Debrief</source>
        <translation>Gesprächsbericht</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Entwurf verwerfen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Einreichen</translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation>Einreichen (Strg+Enter)</translation>
    </message>
    <message>
        <source>Company you spoke with</source>
        <translation>Firma, mit der Sie gesprochen haben</translation>
    </message>
    <message>
        <source>Who was on the call</source>
        <translation>Wer am Gespräch teilnahm</translation>
    </message>
    <message>
        <source>No lead</source>
        <translation>Kein Lead</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Festlegen</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>What made them lean in</source>
        <translation>Was sie überzeugt hat</translation>
    </message>
    <message>
        <source>What held them back</source>
        <translation>Was sie zögern ließ</translation>
    </message>
    <message>
        <source>Price, Timing, …</source>
        <translation>Preis, Zeitpunkt, …</translation>
    </message>
    <message>
        <source>Who else they are talking to</source>
        <translation>Mit wem sie sonst noch sprechen</translation>
    </message>
    <message>
        <source>Problems they want solved</source>
        <translation>Probleme, die sie lösen wollen</translation>
    </message>
    <message>
        <source>Who does what by when</source>
        <translation>Wer macht was bis wann</translation>
    </message>
    <message>
        <source>Anything else marketing should know</source>
        <translation>Was das Marketing sonst wissen sollte</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>(lead not on this device)</source>
        <translation>(Lead nicht auf diesem Gerät)</translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation>Entwurf gespeichert um %1</translation>
    </message>
    <message>
        <source>Draft kept on this device at %1 (add an account to queue it)</source>
        <translation>Entwurf um %1 auf diesem Gerät gesichert (zum Vormerken einen Kunden angeben)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Throw this draft away? What you typed cannot be brought back.</source>
        <translation>Diesen Entwurf verwerfen? Das Eingegebene lässt sich nicht wiederherstellen.</translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation>%1 %2.</translation>
    </message>
    <message>
        <source>Fix the marked fields to submit</source>
        <translation>Korrigieren Sie die markierten Felder, um einzureichen</translation>
    </message>
    <message>
        <source>Submitted; it goes to marketing on the next sync</source>
        <translation>Eingereicht; er geht bei der nächsten Synchronisierung an das Marketing</translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation>Nicht eingereicht: %1</translation>
    </message>
</context>
<context>
    <name>DebriefLabels</name>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Follows up lead</source>
        <translation>Folgt auf Lead</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Gesprächsdatum</translation>
    </message>
    <message>
        <source>Call type</source>
        <translation>Gesprächsart</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation>Warum sie kaufen</translation>
    </message>
    <message>
        <source>Why they buy, in their words</source>
        <translation>Warum sie kaufen, in ihren Worten</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>Why not, in their words</source>
        <translation>Warum nicht, in ihren Worten</translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation>Schmerzpunkte</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Collateral used</source>
        <translation>Genutztes Material</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Nächste Schritte</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Wiedervorlage am</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation>Bedarfsanalyse</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation>Verlängerung</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Vorangekommen</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation>Stockt</translation>
    </message>
    <message>
        <source>No decision</source>
        <translation>Keine Entscheidung</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>Interessent</translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation>Qualifizierung</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <source>Negotiate</source>
        <translation>Verhandlung</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
</context>
<context>
    <name>DebriefsBehindDialog</name>
    <message>
        <source>Debriefs behind “%1”</source>
        <translation>Gesprächsberichte zu „%1“</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Gesprächsdatum</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Gesprächsberichte</translation>
    </message>
    <message>
        <source>Open debrief</source>
        <translation>Bericht öffnen</translation>
    </message>
    <message numerus="yes">
        <source>%n submitted debrief(s); double-click one or press Enter to open it.</source>
        <translation>
            <numerusform>%n eingereichter Gesprächsbericht; zum Öffnen doppelklicken oder Enter drücken.</numerusform>
            <numerusform>%n eingereichte Gesprächsberichte; zum Öffnen doppelklicken oder Enter drücken.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list the debriefs: %1</source>
        <translation>Die Gesprächsberichte konnten nicht aufgelistet werden: %1</translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message>
        <source>Any time</source>
        <translation>Jederzeit</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation>Letzte 365 Tage</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Gesprächsberichte</translation>
    </message>
    <message>
        <source>What customers said on calls, and what marketing answered</source>
        <translation>Was Kunden in Gesprächen sagten und was das Marketing antwortete</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>Gründe</translation>
    </message>
    <message>
        <source>Digest PDF</source>
        <translation>PDF-Übersicht</translation>
    </message>
    <message>
        <source>New debrief</source>
        <translation>Neuer Bericht</translation>
    </message>
    <message>
        <source>Search accounts, objections, notes…  (Ctrl+F)</source>
        <translation>Kunden, Einwände, Notizen durchsuchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>All submitted</source>
        <translation>Alle eingereichten</translation>
    </message>
    <message>
        <source>Mine, drafts included</source>
        <translation>Meine, mit Entwürfen</translation>
    </message>
    <message>
        <source>Any rep</source>
        <translation>Alle Vertriebler</translation>
    </message>
    <message>
        <source>Any team</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>Alle Ergebnisse</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Einwand</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Any collateral</source>
        <translation>Alles Material</translation>
    </message>
    <message>
        <source>Search debriefs</source>
        <translation>Gesprächsberichte durchsuchen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebler</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Call date</source>
        <translation>Gesprächsdatum</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Pick a debrief to read it, or file a new one (Ctrl+N).</source>
        <translation>Wählen Sie einen Gesprächsbericht zum Lesen oder legen Sie einen neuen an (Strg+N).</translation>
    </message>
    <message>
        <source>1 debrief</source>
        <translation>1 Gesprächsbericht</translation>
    </message>
    <message>
        <source>%1 debriefs</source>
        <translation>%1 Gesprächsberichte</translation>
    </message>
    <message>
        <source>1 unread reply</source>
        <translation>1 ungelesen</translation>
    </message>
    <message>
        <source>%1 unread replies</source>
        <translation>%1 ungelesen</translation>
    </message>
    <message>
        <source>Save debrief PDF</source>
        <translation>Gesprächsbericht als PDF speichern</translation>
    </message>
    <message>
        <source>Save digest PDF</source>
        <translation>Übersicht als PDF speichern</translation>
    </message>
    <message>
        <source>Built %1</source>
        <translation>Erstellt am %1</translation>
    </message>
    <message>
        <source>Building PDF…</source>
        <translation>PDF wird erstellt…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>PDF not saved: %1</source>
        <translation>PDF nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>PDF cancelled</source>
        <translation>PDF abgebrochen</translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation>Kalenderdatei speichern</translation>
    </message>
    <message>
        <source>This debrief has no follow-up date.</source>
        <translation>Dieser Gesprächsbericht hat kein Wiedervorlagedatum.</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Pick an item to see it here.</source>
        <translation>Wählen Sie einen Eintrag, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation>Mit Systemprogramm öffnen</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Share with a lead…</source>
        <translation>Mit Lead teilen…</translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation>Offline behalten</translation>
    </message>
    <message>
        <source>Pinned items stay on this computer whatever the cache limit</source>
        <translation>Angeheftete Einträge bleiben unabhängig vom Cache-Limit auf diesem Computer</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>Zur Prüfung</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Freigeben</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>New version…</source>
        <translation>Neue Version…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Decline this proposal with a comment for the rep</source>
        <translation>Diesen Vorschlag mit einem Kommentar für den Vertriebler ablehnen</translation>
    </message>
    <message>
        <source>Mark verified</source>
        <translation>Als bestätigt markieren</translation>
    </message>
    <message>
        <source>Confirm the item still holds (its last verified date becomes today)</source>
        <translation>Bestätigen, dass das Material noch stimmt (das Datum der letzten Bestätigung wird heute)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Change the title, summary, kind, tags, audience or expiry</source>
        <translation>Titel, Zusammenfassung, Art, Schlagwörter, Zielgruppe oder Ablauf ändern</translation>
    </message>
    <message>
        <source>Send for review again</source>
        <translation>Erneut zur Prüfung senden</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Zurückziehen</translation>
    </message>
    <message>
        <source>Take your proposal back; marketing no longer sees it</source>
        <translation>Ihren Vorschlag zurücknehmen; das Marketing sieht ihn nicht mehr</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Ihre Bewertung</translation>
    </message>
    <message>
        <source>No rating (comment only)</source>
        <translation>Keine Bewertung (nur Kommentar)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>What worked, what was missing?</source>
        <translation>Was hat funktioniert, was hat gefehlt?</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>läuft ab am %1</translation>
    </message>
    <message numerus="yes">
        <source>used %n time(s)</source>
        <translation>
            <numerusform>%n-mal genutzt</numerusform>
            <numerusform>%n-mal genutzt</numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>Other versions: %1</source>
        <translation>Andere Versionen: %1</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Prüfkommentar</translation>
    </message>
    <message>
        <source>✓ On this computer</source>
        <translation>✓ Auf diesem Computer</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation>Noch nicht geladen</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>geteilt</translation>
    </message>
    <message>
        <source>presented</source>
        <translation>präsentiert</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Nutzung</translation>
    </message>
    <message>
        <source>Ratings and comments</source>
        <translation>Bewertungen und Kommentare</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>jemand</translation>
    </message>
</context>
<context>
    <name>EarlyCapture</name>
    <message>
        <source>Opening your data… Scans are kept and read into the form once it is open.</source>
        <translation>Ihre Daten werden geöffnet… Scans werden aufbewahrt und ins Formular übernommen, sobald es offen ist.</translation>
    </message>
    <message numerus="yes">
        <source>%n scan(s) kept.</source>
        <translation>
            <numerusform>%n Scan aufbewahrt.</numerusform>
            <numerusform>%n Scans aufbewahrt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation>Veranstaltung bearbeiten</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neue Veranstaltung</translation>
    </message>
    <message>
        <source>Two letters, e.g. DE</source>
        <translation>Zwei Buchstaben, z. B. DE</translation>
    </message>
    <message>
        <source>Phone numbers typed without +country at this event are read in this country</source>
        <translation>Telefonnummern ohne +Ländervorwahl gelten bei dieser Veranstaltung für dieses Land</translation>
    </message>
    <message>
        <source>Stand, travel and fees, e.g. %1</source>
        <translation>Stand, Reisen und Gebühren, z. B. %1</translation>
    </message>
    <message>
        <source>ISO 4217 code; empty: the team&apos;s currency</source>
        <translation>ISO-4217-Code; leer: die Währung des Teams</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>(no rubric)</source>
        <translation>(kein Bewertungsbogen)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>Beginnt am</translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation>Endet am</translation>
    </message>
    <message>
        <source>Campaign code</source>
        <translation>Kampagnencode</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bewertungsbogen</translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation>Standpersonal</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Cost: type an amount of 0 or more, e.g. %1.</source>
        <translation>Kosten: Geben Sie einen Betrag von 0 oder mehr ein, z. B. %1.</translation>
    </message>
    <message>
        <source>Currency: use a three-letter ISO 4217 code such as EUR, USD or GBP.</source>
        <translation>Währung: Verwenden Sie einen dreistelligen ISO-4217-Code wie EUR, USD oder GBP.</translation>
    </message>
    <message>
        <source>Goals: row %1 repeats an earlier goal for the same person, count and period; keep one.</source>
        <translation>Ziele: Zeile %1 wiederholt ein früheres Ziel für dieselbe Person, Zählung und Zeitraum; behalten Sie eines.</translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation>Die Veranstaltung endet, bevor sie beginnt.</translation>
    </message>
    <message>
        <source>Country: use the two-letter code, e.g. DE or US.</source>
        <translation>Land: Verwenden Sie den Code aus zwei Buchstaben, z. B. DE oder US.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Capture at this event</source>
        <translation>Hier erfassen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Bewertungsbogen</translation>
    </message>
    <message>
        <source>Rubrics</source>
        <translation>Bewertungsbögen</translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Ansehen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Events and rubrics are set up by marketing; you see them read-only.</source>
        <translation>Veranstaltungen und Bewertungsbögen legt das Marketing an; Sie sehen sie schreibgeschützt.</translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Funnel</source>
        <translation>Trichter</translation>
    </message>
    <message>
        <source>Events side by side</source>
        <translation>Veranstaltungen im Vergleich</translation>
    </message>
    <message>
        <source>Grade mix</source>
        <translation>Einstufungen</translation>
    </message>
    <message>
        <source>Leads per rep</source>
        <translation>Leads pro Vertriebler</translation>
    </message>
    <message>
        <source>Leads per day</source>
        <translation>Leads pro Tag</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Every event</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>Cost and return</source>
        <translation>Kosten und Ertrag</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation>Von der Vorstufe</translation>
    </message>
    <message>
        <source>Qualified (share of captured)</source>
        <translation>Qualifiziert (Anteil der erfassten)</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Gewonnener Betrag</translation>
    </message>
    <message>
        <source>Won of captured</source>
        <translation>Gewonnen von erfassten</translation>
    </message>
    <message>
        <source>Average days to first contact</source>
        <translation>Durchschnittliche Tage bis zum Erstkontakt</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Qualified share</source>
        <translation>Anteil qualifiziert</translation>
    </message>
    <message>
        <source>Avg days to first contact</source>
        <translation>Ø Tage bis Erstkontakt</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebler</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message>
        <source>mixed currencies</source>
        <translation>gemischte Währungen</translation>
    </message>
    <message>
        <source>Event or campaign</source>
        <translation>Veranstaltung oder Kampagne</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Per lead</source>
        <translation>Pro Lead</translation>
    </message>
    <message>
        <source>Per qualified lead</source>
        <translation>Pro qualifiziertem Lead</translation>
    </message>
    <message>
        <source>Per opportunity</source>
        <translation>Pro Verkaufschance</translation>
    </message>
    <message>
        <source>Pipeline influenced</source>
        <translation>Beeinflusste Pipeline</translation>
    </message>
    <message>
        <source>Pipeline ÷ cost</source>
        <translation>Pipeline ÷ Kosten</translation>
    </message>
    <message>
        <source>Won ÷ cost</source>
        <translation>Gewonnen ÷ Kosten</translation>
    </message>
    <message>
        <source>No event has a cost yet: marketing sets it when editing the event</source>
        <translation>Noch keine Veranstaltung hat Kosten: Das Marketing trägt sie beim Bearbeiten der Veranstaltung ein</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Salesforce lead import (CSV)</source>
        <translation>Salesforce-Lead-Import (CSV)</translation>
    </message>
    <message>
        <source>HubSpot contact import (CSV)</source>
        <translation>HubSpot-Kontaktimport (CSV)</translation>
    </message>
    <message>
        <source>vCards (one per lead)</source>
        <translation>vCards (eine pro Lead)</translation>
    </message>
    <message>
        <source>Event report (PDF)</source>
        <translation>Veranstaltungsbericht (PDF)</translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation>Leads exportieren</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>Include leads without consent, marked as opted out</source>
        <translation>Leads ohne Einwilligung einschließen, als abgemeldet markiert</translation>
    </message>
    <message>
        <source>Without this, leads whose visitor did not agree to be contacted are left out of the CRM file.</source>
        <translation>Ohne diese Option fehlen Leads, deren Besucher einer Kontaktaufnahme nicht zugestimmt hat, in der CRM-Datei.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Leads of</source>
        <translation>Leads von</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Building %1…</source>
        <translation>%1 wird erstellt…</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 KB).</source>
        <translation>%1 geschrieben (%2 KB).</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n lead(s) without consent to be contacted.</source>
        <translation>
            <numerusform>%n Lead ohne Einwilligung zur Kontaktaufnahme ausgelassen.</numerusform>
            <numerusform>%n Leads ohne Einwilligung zur Kontaktaufnahme ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message>
        <source>Routing rules…</source>
        <translation>Zuweisungsregeln…</translation>
    </message>
    <message>
        <source>Routing rules</source>
        <translation>Zuweisungsregeln</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>Meine Nachfassaktionen</translation>
    </message>
    <message>
        <source>Overdue per rep</source>
        <translation>Überfällig je Vertriebler</translation>
    </message>
    <message>
        <source>Nothing to follow up: every lead of yours has been contacted.</source>
        <translation>Nichts nachzufassen: Alle Ihre Leads wurden kontaktiert.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) wait for your first contact, oldest due first.</source>
        <translation>
            <numerusform>%n Lead wartet auf Ihren ersten Kontakt, der am längsten fällige zuerst.</numerusform>
            <numerusform>%n Leads warten auf Ihren ersten Kontakt, die am längsten fälligen zuerst.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue.</source>
        <translation>
            <numerusform>%n überfällig.</numerusform>
            <numerusform>%n überfällig.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoalCounter</name>
    <message>
        <source>You: %1</source>
        <translation>Sie: %1</translation>
    </message>
    <message>
        <source>Team: %1</source>
        <translation>Team: %1</translation>
    </message>
</context>
<context>
    <name>Goals</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Qualified leads</source>
        <translation>Qualifizierte Leads</translation>
    </message>
    <message>
        <source>Hot leads</source>
        <translation>Heiße Leads</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Pro Tag</translation>
    </message>
    <message>
        <source>Whole show</source>
        <translation>Ganze Messe</translation>
    </message>
    <message>
        <source>%1 leads today</source>
        <translation>%1 Leads heute</translation>
    </message>
    <message>
        <source>%1 leads this show</source>
        <translation>%1 Leads auf dieser Messe</translation>
    </message>
    <message>
        <source>%1 qualified today</source>
        <translation>%1 qualifiziert heute</translation>
    </message>
    <message>
        <source>%1 qualified this show</source>
        <translation>%1 qualifiziert auf dieser Messe</translation>
    </message>
    <message>
        <source>%1 hot today</source>
        <translation>%1 heiß heute</translation>
    </message>
    <message>
        <source>%1 hot this show</source>
        <translation>%1 heiß auf dieser Messe</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>(%1 %)</source>
        <translation>(%1 %)</translation>
    </message>
    <message>
        <source>team from this device</source>
        <translation>Team laut diesem Gerät</translation>
    </message>
    <message>
        <source>team as of %1</source>
        <translation>Team, Stand %1</translation>
    </message>
</context>
<context>
    <name>GoalsEditor</name>
    <message>
        <source>Goals</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Zählt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Add goal</source>
        <translation>Ziel hinzufügen</translation>
    </message>
    <message>
        <source>Remove goal</source>
        <translation>Ziel entfernen</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>Das Team</translation>
    </message>
    <message>
        <source>(someone not on this device)</source>
        <translation>(jemand, der auf diesem Gerät nicht bekannt ist)</translation>
    </message>
</context>
<context>
    <name>HotLeadNotice</name>
    <message>
        <source>A visitor</source>
        <translation>Ein Besucher</translation>
    </message>
    <message numerus="yes">
        <source>%n hot lead(s) for you</source>
        <translation>
            <numerusform>%n heißer Lead für Sie</numerusform>
            <numerusform>%n heiße Leads für Sie</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is yours to contact first.</source>
        <translation>%1 gehört Ihnen: Bitte nehmen Sie den ersten Kontakt auf.</translation>
    </message>
    <message>
        <source>%1 and others are yours to contact first.</source>
        <translation>%1 und weitere gehören Ihnen: Bitte nehmen Sie den ersten Kontakt auf.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>no name, email or badge id</source>
        <translation>kein Name, keine E-Mail und keine Ausweis-ID</translation>
    </message>
    <message>
        <source>could not be read as CSV</source>
        <translation>nicht als CSV lesbar</translation>
    </message>
    <message>
        <source>refused by the lead rules</source>
        <translation>von den Lead-Regeln abgelehnt</translation>
    </message>
    <message>
        <source>Import leads from CSV</source>
        <translation>Leads aus CSV importieren</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Into event</source>
        <translation>In Veranstaltung</translation>
    </message>
    <message>
        <source>Columns (change where a column goes, then check the preview)</source>
        <translation>Spalten (Zuordnung ändern, dann die Vorschau prüfen)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Gefundene Probleme</translation>
    </message>
    <message>
        <source>Problems found in the file are listed here by line.</source>
        <translation>Probleme in der Datei werden hier zeilenweise aufgeführt.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>This device knows no events yet: create one (or sync) first.</source>
        <translation>Dieses Gerät kennt noch keine Veranstaltungen: Legen Sie zuerst eine an (oder synchronisieren Sie).</translation>
    </message>
    <message>
        <source>Lead CSV</source>
        <translation>Lead-CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>Where the column %1 goes</source>
        <translation>Wohin die Spalte %1 geht</translation>
    </message>
    <message>
        <source>Keep in notes</source>
        <translation>In Notizen behalten</translation>
    </message>
    <message>
        <source>Nothing will be imported from this file.</source>
        <translation>Aus dieser Datei wird nichts importiert.</translation>
    </message>
    <message>
        <source>%1 rows read (%2, separator %3).</source>
        <translation>%1 Zeilen gelesen (%2, Trennzeichen %3).</translation>
    </message>
    <message>
        <source>Would add %1 lead(s); %2 already at the event; %3 skipped.</source>
        <translation>Würde %1 Lead(s) hinzufügen; %2 schon bei der Veranstaltung; %3 übersprungen.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Skipped: %1.</source>
        <translation>Übersprungen: %1.</translation>
    </message>
    <message>
        <source>Import stopped: %1</source>
        <translation>Import angehalten: %1</translation>
    </message>
    <message>
        <source>Imported %1 lead(s); %2 skipped as already at the event; %3 problem(s).</source>
        <translation>%1 Lead(s) importiert; %2 übersprungen, da schon bei der Veranstaltung; %3 Problem(e).</translation>
    </message>
</context>
<context>
    <name>InsightFilterBar</name>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>All teams</source>
        <translation>Alle Teams</translation>
    </message>
    <message>
        <source>All reps</source>
        <translation>Alle Vertriebler</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebler</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Veranstaltungen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Veranstaltung</numerusform>
            <numerusform>%n Veranstaltungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Insights</source>
        <translation>Auswertungen</translation>
    </message>
    <message>
        <source>What happened to the leads, which collateral helped, and why deals are won and lost</source>
        <translation>Was aus den Leads wurde, welches Material half und warum Abschlüsse gewonnen oder verloren werden</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>PDF exportieren…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>Events and campaigns</source>
        <translation>Veranstaltungen und Kampagnen</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Voice of the customer</source>
        <translation>Stimme des Kunden</translation>
    </message>
    <message>
        <source>Rubric check</source>
        <translation>Bewertungsbogen-Check</translation>
    </message>
    <message>
        <source>Insights are not available: no local data is open.</source>
        <translation>Auswertungen sind nicht verfügbar: Es sind keine lokalen Daten geöffnet.</translation>
    </message>
    <message>
        <source>%1 leads, %2 submitted debriefs, %3 collateral items · as of %4</source>
        <translation>%1 Leads, %2 eingereichte Gesprächsberichte, %3 Materialien · Stand %4</translation>
    </message>
    <message>
        <source>Nothing here yet: capture leads, file debriefs or sync, and the figures fill in.</source>
        <translation>Noch nichts da: Erfassen Sie Leads, schreiben Sie Gesprächsberichte oder synchronisieren Sie, dann füllen sich die Zahlen.</translation>
    </message>
    <message>
        <source>Could not compute the insights: %1</source>
        <translation>Die Auswertungen konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>Export insights</source>
        <translation>Auswertungen exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>KioskView</name>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Leave kiosk mode (staff PIN)</source>
        <translation>Kioskmodus verlassen (PIN des Personals)</translation>
    </message>
    <message>
        <source>Kiosk mode</source>
        <translation>Kioskmodus</translation>
    </message>
    <message>
        <source>Visitors fill in their own details on this screen. Choose the event and set a PIN: leaving kiosk mode asks for it.</source>
        <translation>Besucher tragen ihre Angaben auf diesem Bildschirm selbst ein. Wählen Sie die Veranstaltung und legen Sie eine PIN fest: Zum Verlassen des Kioskmodus wird sie abgefragt.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>PIN (%1 to %2 digits)</source>
        <translation>PIN (%1 bis %2 Ziffern)</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>The same PIN again</source>
        <translation>Dieselbe PIN noch einmal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Start kiosk mode</source>
        <translation>Kioskmodus starten</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Vielen Dank!</translation>
    </message>
    <message>
        <source>Your details are saved. We will be in touch.</source>
        <translation>Ihre Angaben sind gespeichert. Wir melden uns bei Ihnen.</translation>
    </message>
    <message>
        <source>Next visitor</source>
        <translation>Nächster Besucher</translation>
    </message>
    <message>
        <source>Staff only</source>
        <translation>Nur für das Personal</translation>
    </message>
    <message>
        <source>Enter the PIN to leave kiosk mode.</source>
        <translation>Geben Sie die PIN ein, um den Kioskmodus zu verlassen.</translation>
    </message>
    <message>
        <source>Back to the form</source>
        <translation>Zurück zum Formular</translation>
    </message>
    <message>
        <source>Leave kiosk mode</source>
        <translation>Kioskmodus verlassen</translation>
    </message>
    <message>
        <source>The PIN is %1 to %2 digits, digits only.</source>
        <translation>Die PIN hat %1 bis %2 Stellen, nur Ziffern.</translation>
    </message>
    <message>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>Die beiden PINs unterscheiden sich; geben Sie zweimal dieselbe PIN ein.</translation>
    </message>
    <message>
        <source>Choose the event visitors sign up for.</source>
        <translation>Wählen Sie die Veranstaltung, für die sich Besucher eintragen.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Falsche PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 s.</source>
        <translation>Zu viele falsche PINs. Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Too many wrong PINs.</source>
        <translation>Zu viele falsche PINs.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>%1 held characters that cannot be stored (control characters or line breaks); they were taken out. Please check and submit again.</source>
        <translation>%1 enthielt Zeichen, die nicht gespeichert werden können (Steuerzeichen oder Zeilenumbrüche); sie wurden entfernt. Bitte prüfen Sie die Angaben und senden Sie sie erneut.</translation>
    </message>
    <message>
        <source>%1 is too long (at most %2 characters). Please shorten it.</source>
        <translation>%1 ist zu lang (höchstens %2 Zeichen). Bitte kürzen Sie die Angabe.</translation>
    </message>
    <message>
        <source>Please check your email address: %1</source>
        <translation>Bitte prüfen Sie Ihre E-Mail-Adresse: %1</translation>
    </message>
    <message>
        <source>Please give at least your last name or your email address.</source>
        <translation>Bitte geben Sie mindestens Ihren Nachnamen oder Ihre E-Mail-Adresse an.</translation>
    </message>
    <message>
        <source>Please write a plain number for: %1</source>
        <translation>Bitte schreiben Sie eine einfache Zahl für: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert …</translation>
    </message>
    <message>
        <source>Your entry could not be saved (%1). It is still here: please try again, or ask the staff.</source>
        <translation>Ihre Angaben konnten nicht gespeichert werden (%1). Sie sind noch hier: Bitte versuchen Sie es erneut oder fragen Sie das Standpersonal.</translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation>Gewonnener Betrag</translation>
    </message>
    <message>
        <source>%1 of captured</source>
        <translation>%1 der erfassten</translation>
    </message>
    <message>
        <source>%1 of the stage before</source>
        <translation>%1 der Stufe davor</translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message>
        <source>Rescore with the current rubric</source>
        <translation>Mit aktuellem Bewertungsbogen neu bewerten</translation>
    </message>
    <message>
        <source>Edit in capture</source>
        <translation>In der Erfassung bearbeiten</translation>
    </message>
    <message>
        <source>Consent history</source>
        <translation>Verlauf der Einwilligung</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Einwilligung widerrufen…</translation>
    </message>
    <message>
        <source>The visitor no longer agrees to be contacted: recorded beside the consent, which stays in the history, and marketing follow-up ends</source>
        <translation>Der Besucher möchte nicht mehr kontaktiert werden: Der Widerruf wird neben der Einwilligung festgehalten, die im Verlauf bleibt, und die Marketing-Nachverfolgung endet</translation>
    </message>
    <message>
        <source>Sent to the visitor</source>
        <translation>An den Besucher gesendet</translation>
    </message>
    <message>
        <source>Send collateral…</source>
        <translation>Material senden…</translation>
    </message>
    <message>
        <source>Email approved collateral to the visitor with a note from you; it goes at the next sync</source>
        <translation>Freigegebenes Material mit Ihrer Notiz per E-Mail an den Besucher; es geht bei der nächsten Synchronisierung raus</translation>
    </message>
    <message>
        <source>Outcome timeline</source>
        <translation>Verlauf der Ergebnisse</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation>Abschlussbetrag</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <source>Add outcome</source>
        <translation>Ergebnis hinzufügen</translation>
    </message>
    <message>
        <source>New outcome</source>
        <translation>Neues Ergebnis</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>No lead selected</source>
        <translation>Kein Lead ausgewählt</translation>
    </message>
    <message>
        <source>Pick a lead in the list to see its details and outcomes.</source>
        <translation>Wählen Sie einen Lead in der Liste, um Details und Ergebnisse zu sehen.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Einwilligung</translation>
    </message>
    <message>
        <source>yes, wording %1 at %2</source>
        <translation>ja, Fassung %1 am %2</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interessen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Erteilt</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Nicht erteilt</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>am %1</translation>
    </message>
    <message>
        <source>%1 v%2</source>
        <translation>%1 v%2</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>erfasst von %1</translation>
    </message>
    <message>
        <source>Never asked</source>
        <translation>Nie gefragt</translation>
    </message>
    <message>
        <source>Nothing sent yet</source>
        <translation>Noch nichts gesendet</translation>
    </message>
    <message>
        <source>Queued: the visitor gets the email at the next sync.</source>
        <translation>Vorgemerkt: Der Besucher erhält die E-Mail bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Signed; the image is kept on the hub.</source>
        <translation>Unterschrieben; das Bild liegt auf dem Hub.</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Einwilligung widerrufen</translation>
    </message>
    <message>
        <source>How did the visitor withdraw consent?</source>
        <translation>Wie hat der Besucher die Einwilligung widerrufen?</translation>
    </message>
    <message>
        <source>Consent withdrawn; it stays in the history.</source>
        <translation>Einwilligung widerrufen; sie bleibt im Verlauf.</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>%1 · %2 points · scored with rubric v%3</source>
        <translation>%1 · %2 Punkte · bewertet mit Bewertungsbogen v%3</translation>
    </message>
    <message>
        <source> (the rubric is now v%1; not rescored)</source>
        <translation> (der Bewertungsbogen ist jetzt v%1; nicht neu bewertet)</translation>
    </message>
    <message>
        <source>Withdrew “%1” (recorded by mistake)</source>
        <translation>„%1“ zurückgenommen (versehentlich erfasst)</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>von %1</translation>
    </message>
    <message>
        <source>%1 (withdrawn)</source>
        <translation>%1 (zurückgenommen)</translation>
    </message>
    <message>
        <source>from the CRM</source>
        <translation>aus dem CRM</translation>
    </message>
    <message>
        <source>No outcome yet (new lead)</source>
        <translation>Noch kein Ergebnis (neuer Lead)</translation>
    </message>
    <message>
        <source>The amount must be a number written like %1.</source>
        <translation>Der Betrag muss eine Zahl in der Form %1 sein.</translation>
    </message>
    <message>
        <source>Outcome added.</source>
        <translation>Ergebnis hinzugefügt.</translation>
    </message>
    <message>
        <source>Recorded “%1” for %2.</source>
        <translation>„%1“ für %2 erfasst.</translation>
    </message>
    <message>
        <source>Undone: the outcome is withdrawn (a correction that syncs).</source>
        <translation>Rückgängig gemacht: Das Ergebnis ist zurückgenommen (eine Korrektur, die synchronisiert wird).</translation>
    </message>
    <message>
        <source>Undone: the earlier score is back (a change that syncs).</source>
        <translation>Rückgängig gemacht: Die frühere Bewertung gilt wieder (eine Änderung, die synchronisiert wird).</translation>
    </message>
    <message>
        <source>Rescored %1 with the current rubric.</source>
        <translation>%1 mit dem aktuellen Bewertungsbogen neu bewertet.</translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message>
        <source>Search name, company, email, notes…  (Ctrl+F)</source>
        <translation>Name, Firma, E-Mail, Notizen durchsuchen…  (Strg+F)</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>CSV importieren…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>CRM outcomes…</source>
        <translation>CRM-Ergebnisse…</translation>
    </message>
    <message>
        <source>Bring outcomes back from a Salesforce or HubSpot report</source>
        <translation>Ergebnisse aus einem Salesforce- oder HubSpot-Bericht übernehmen</translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation>Alle Einstufungen</translation>
    </message>
    <message>
        <source>Qualified or not</source>
        <translation>Qualifiziert oder nicht</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>Nicht qualifiziert</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation>ab JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation>bis JJJJ-MM-TT</translation>
    </message>
    <message>
        <source>Search leads</source>
        <translation>Leads durchsuchen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Captured from</source>
        <translation>Erfasst ab</translation>
    </message>
    <message>
        <source>Captured to</source>
        <translation>Erfasst bis</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Veranstaltungen</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n Lead</numerusform>
            <numerusform>%n Leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadMedia</name>
    <message>
        <source>Badge</source>
        <translation>Ausweis</translation>
    </message>
    <message>
        <source>Business card</source>
        <translation>Visitenkarte</translation>
    </message>
    <message>
        <source>Whiteboard</source>
        <translation>Whiteboard</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Voice note %1</source>
        <translation>Sprachnotiz %1</translation>
    </message>
    <message>
        <source>Not attached: %1</source>
        <translation>Nicht angehängt: %1</translation>
    </message>
</context>
<context>
    <name>LeadMediaSection</name>
    <message>
        <source>Voice notes and photos</source>
        <translation>Sprachnotizen und Fotos</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message>
        <source>you</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>waits to be uploaded</source>
        <translation>wartet auf das Hochladen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Play or pause the voice note of %1</source>
        <translation>Sprachnotiz vom %1 abspielen oder anhalten</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Abrufen</translation>
    </message>
    <message>
        <source>Fetch the voice note of %1</source>
        <translation>Sprachnotiz vom %1 abrufen</translation>
    </message>
    <message>
        <source>fetching…</source>
        <translation>wird abgerufen…</translation>
    </message>
    <message>
        <source>not on this device yet</source>
        <translation>noch nicht auf diesem Gerät</translation>
    </message>
    <message>
        <source>%1, %2: view it large</source>
        <translation>%1, %2: groß anzeigen</translation>
    </message>
    <message>
        <source>click to fetch</source>
        <translation>zum Abrufen klicken</translation>
    </message>
    <message>
        <source>Fetch the photo %1</source>
        <translation>Foto %1 abrufen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Fetching the file from the hub…</source>
        <translation>Die Datei wird vom Hub abgerufen…</translation>
    </message>
    <message>
        <source>Not on this device yet: it is fetched when you are online and signed in.</source>
        <translation>Noch nicht auf diesem Gerät: Sie wird abgerufen, sobald Sie online und angemeldet sind.</translation>
    </message>
    <message>
        <source>Could not fetch the file: %1</source>
        <translation>Die Datei konnte nicht abgerufen werden: %1</translation>
    </message>
    <message>
        <source>Adding the photo…</source>
        <translation>Das Foto wird hinzugefügt…</translation>
    </message>
    <message>
        <source>Added: %1.</source>
        <translation>Hinzugefügt: %1.</translation>
    </message>
    <message>
        <source>Remove?</source>
        <translation>Entfernen?</translation>
    </message>
    <message>
        <source>Remove %1 from this lead? It is removed for everyone at the next sync.</source>
        <translation>%1 von diesem Lead entfernen? Bei der nächsten Synchronisierung wird es für alle entfernt.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Termin vereinbart</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation>Disqualifiziert</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>checkbox on the capture form</source>
        <translation>Kontrollkästchen im Erfassungsformular</translation>
    </message>
    <message>
        <source>the visitor&apos;s own entry</source>
        <translation>eigene Eingabe des Besuchers</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>badge scan under the organiser&apos;s terms</source>
        <translation>Ausweis-Scan nach den Bedingungen des Veranstalters</translation>
    </message>
    <message>
        <source>verbally</source>
        <translation>mündlich</translation>
    </message>
    <message>
        <source>imported with the organiser&apos;s file</source>
        <translation>mit der Datei des Veranstalters importiert</translation>
    </message>
    <message>
        <source>method not recorded</source>
        <translation>Art nicht erfasst</translation>
    </message>
    <message>
        <source>badge scan</source>
        <translation>Badge-Scan</translation>
    </message>
    <message>
        <source>business card</source>
        <translation>Visitenkarte</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>eingetippt</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>kiosk (visitor&apos;s own entry)</source>
        <translation>Kiosk (eigene Eingabe des Besuchers)</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Einstufung</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Everyone you met, and what happened next</source>
        <translation>Alle, die Sie getroffen haben, und was danach geschah</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Events &amp;&amp; rubrics</source>
        <translation>Veranstaltungen &amp;&amp; Bewertungsbögen</translation>
    </message>
    <message>
        <source>My follow-ups</source>
        <translation>Nachfassen</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Sell sheet</source>
        <translation>Produktblatt</translation>
    </message>
    <message>
        <source>Brochure</source>
        <translation>Broschüre</translation>
    </message>
    <message>
        <source>Deck</source>
        <translation>Foliensatz</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Fallstudie</translation>
    </message>
    <message>
        <source>Price list</source>
        <translation>Preisliste</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Uses</source>
        <translation>Nutzungen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>%1 · stale</source>
        <translation>%1 · veraltet</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation>Auf diesem Computer</translation>
    </message>
    <message>
        <source>Downloading %1%</source>
        <translation>Wird geladen, %1 %</translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation>Nicht geladen</translation>
    </message>
</context>
<context>
    <name>LocaleDialog</name>
    <message>
        <source>Language and formats</source>
        <translation>Sprache und Formate</translation>
    </message>
    <message>
        <source>The system&apos;s (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>Keep the database on this computer encrypted</source>
        <translation>Datenbank auf diesem Computer verschlüsselt speichern</translation>
    </message>
    <message>
        <source>The key is kept in this computer&apos;s keychain.</source>
        <translation>Der Schlüssel liegt im Schlüsselbund dieses Computers.</translation>
    </message>
    <message>
        <source>Fieldnote uses the new choice from its next start.</source>
        <translation>Fieldnote verwendet die neue Auswahl ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>%1 leads · %2 won · %3</source>
        <translation>%1 Leads · %2 gewonnen · %3</translation>
    </message>
    <message>
        <source>This computer has no keychain to keep the key in, so the database cannot be encrypted. Use the disk encryption of the operating system instead.</source>
        <translation>Dieser Computer hat keinen Schlüsselbund für den Schlüssel, daher kann die Datenbank nicht verschlüsselt werden. Verwenden Sie stattdessen die Festplattenverschlüsselung des Betriebssystems.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fieldnote</source>
        <translation>Fieldnote</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Seiten</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Ihre Daten werden geöffnet…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Language and formats…</source>
        <translation>Sprache und Formate…</translation>
    </message>
    <message>
        <source>Kiosk mode…</source>
        <translation>Kioskmodus …</translation>
    </message>
    <message>
        <source>Booth board…</source>
        <translation>Messetafel…</translation>
    </message>
    <message>
        <source>Booth board</source>
        <translation>Messetafel</translation>
    </message>
    <message>
        <source>No event has goals yet. Marketing sets them in the event editor.</source>
        <translation>Noch keine Veranstaltung hat Ziele. Das Marketing legt sie im Veranstaltungseditor fest.</translation>
    </message>
    <message>
        <source>Show the goals of</source>
        <translation>Ziele anzeigen von</translation>
    </message>
    <message>
        <source>A person&apos;s data…</source>
        <translation>Daten einer Person…</translation>
    </message>
    <message>
        <source>Audit log…</source>
        <translation>Prüfprotokoll…</translation>
    </message>
    <message>
        <source>Sign in to the hub to read the audit log.</source>
        <translation>Melden Sie sich am Hub an, um das Prüfprotokoll zu lesen.</translation>
    </message>
    <message>
        <source>Sign in to the hub to export or erase a person&apos;s data.</source>
        <translation>Melden Sie sich beim Hub an, um die Daten einer Person zu exportieren oder zu löschen.</translation>
    </message>
    <message>
        <source>Language and formats change at the next start of Fieldnote.</source>
        <translation>Sprache und Formate ändern sich beim nächsten Start von Fieldnote.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>NeedsAttentionView</name>
    <message>
        <source>Changes that need attention</source>
        <translation>Änderungen, die Aufmerksamkeit erfordern</translation>
    </message>
    <message>
        <source>Fix and resend</source>
        <translation>Korrigieren und erneut senden</translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation>Änderung verwerfen</translation>
    </message>
    <message>
        <source>Nothing needs your attention. Every change reached the hub or is on its way.</source>
        <translation>Nichts erfordert Ihre Aufmerksamkeit. Jede Änderung hat den Hub erreicht oder ist unterwegs.</translation>
    </message>
    <message>
        <source>The hub refused this change</source>
        <translation>Der Hub hat diese Änderung abgelehnt</translation>
    </message>
    <message>
        <source>The hub failed on this change repeatedly; it was set aside so other changes could go through. Resend to try again.</source>
        <translation>Der Hub ist an dieser Änderung wiederholt gescheitert; sie wurde zurückgestellt, damit andere Änderungen durchgehen. Senden Sie sie erneut, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation>Diese Änderung verwerfen?</translation>
    </message>
    <message>
        <source>Your change to “%1” will not be sent, and the record goes back to what the hub has.</source>
        <translation>Ihre Änderung an „%1“ wird nicht gesendet, und der Datensatz erhält wieder den Stand des Hubs.</translation>
    </message>
    <message>
        <source>This change could not be saved: %1</source>
        <translation>Diese Änderung konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>That paste is %1 characters; notes hold at most %2. Nothing was pasted and it is still on your clipboard.</source>
        <translation>Der eingefügte Text hat %1 Zeichen; Notizen fassen höchstens %2. Nichts wurde eingefügt, der Text ist noch in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>OutcomeChangesModel</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>OverduePerRepModel</name>
    <message>
        <source>Rep</source>
        <translation>Vertriebler</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(niemand)</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n Seite</numerusform>
            <numerusform>%n Seiten</numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Seitenbreite</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>Ganze Seite</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Präsentieren</translation>
    </message>
    <message>
        <source>Full screen, one page at a time (Esc to leave)</source>
        <translation>Vollbild, Seite für Seite (Esc zum Beenden)</translation>
    </message>
</context>
<context>
    <name>PendingStrip</name>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
    <message>
        <source>Remove %1 before saving</source>
        <translation>%1 vor dem Speichern entfernen</translation>
    </message>
</context>
<context>
    <name>PersonDataDialog</name>
    <message>
        <source>A person&apos;s data</source>
        <translation>Daten einer Person</translation>
    </message>
    <message>
        <source>Export everything the hub holds about a person, or erase them everywhere: their name, contact details and notes leave the hub and, at their next sync, every device. Their leads stay as anonymous records, so figures do not change.</source>
        <translation>Exportieren Sie alles, was der Hub über eine Person speichert, oder löschen Sie die Person überall: Name, Kontaktdaten und Notizen verschwinden vom Hub und bei der nächsten Synchronisierung von jedem Gerät. Ihre Leads bleiben als anonyme Einträge, die Kennzahlen ändern sich nicht.</translation>
    </message>
    <message>
        <source>The person&apos;s email address</source>
        <translation>E-Mail-Adresse der Person</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Reason for an erasure</source>
        <translation>Grund für die Löschung</translation>
    </message>
    <message>
        <source>A reference, no personal data</source>
        <translation>Ein Aktenzeichen, keine personenbezogenen Daten</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Export the person&apos;s data</source>
        <translation>Daten der Person exportieren</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Erase the person everywhere</source>
        <translation>Person überall löschen</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <source>Erase this person?</source>
        <translation>Diese Person löschen?</translation>
    </message>
    <message>
        <source>Erase everything about %1 on the hub and on every device? This cannot be undone.</source>
        <translation>Alles über %1 auf dem Hub und auf jedem Gerät löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Type the person&apos;s email address.</source>
        <translation>Geben Sie die E-Mail-Adresse der Person ein.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1: %n lead(s).</source>
        <translation>
            <numerusform>%1 geschrieben: %n Lead.</numerusform>
            <numerusform>%1 geschrieben: %n Leads.</numerusform>
        </translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Wird gelöscht…</translation>
    </message>
    <message numerus="yes">
        <source>Erased %n lead(s) of this person. Every device drops their data at its next sync.</source>
        <translation>
            <numerusform>%n Lead dieser Person gelöscht. Jedes Gerät entfernt ihre Daten bei seiner nächsten Synchronisierung.</numerusform>
            <numerusform>%n Leads dieser Person gelöscht. Jedes Gerät entfernt ihre Daten bei seiner nächsten Synchronisierung.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>PhotoProblem</name>
    <message>
        <source>This file</source>
        <translation>Diese Datei</translation>
    </message>
    <message>
        <source>%1 is not a photo Fieldnote can read (JPEG, PNG, WebP, BMP, GIF or TIFF); nothing was attached.</source>
        <translation>%1 ist kein Foto, das Fieldnote lesen kann (JPEG, PNG, WebP, BMP, GIF oder TIFF); nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>%1 is cut short (the file ends before its picture does); nothing was attached.</source>
        <translation>%1 ist unvollständig (die Datei endet vor dem Bild); nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>%1 is damaged (its header gives no picture size); nothing was attached.</source>
        <translation>%1 ist beschädigt (der Dateikopf nennt keine Bildgröße); nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>%1 claims %2 × %3 pixels, more than a photo has; nothing was attached.</source>
        <translation>%1 gibt %2 × %3 Pixel an, mehr als ein Foto hat; nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>%1 could not be read (%2); nothing was attached.</source>
        <translation>%1 konnte nicht gelesen werden (%2); nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>it does not decode</source>
        <translation>sie lässt sich nicht dekodieren</translation>
    </message>
    <message>
        <source>%1 is over %2 MB, larger than any photo; nothing was attached.</source>
        <translation>%1 ist größer als %2 MB, größer als jedes Foto; nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is empty; nothing was attached.</source>
        <translation>%1 ist leer; nichts wurde angehängt.</translation>
    </message>
    <message>
        <source>The photo could not be encoded: %1</source>
        <translation>Das Foto konnte nicht kodiert werden: %1</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>New version</source>
        <translation>Neue Version</translation>
    </message>
    <message>
        <source>Publish collateral</source>
        <translation>Vertriebsmaterial veröffentlichen</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weitere</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Edit collateral</source>
        <translation>Material bearbeiten</translation>
    </message>
    <message>
        <source>Propose material</source>
        <translation>Material vorschlagen</translation>
    </message>
    <message>
        <source>Each file is titled after its name</source>
        <translation>Jede Datei erhält ihren Namen als Titel</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>What it is for, in one or two sentences</source>
        <translation>Wofür es gedacht ist, in ein oder zwei Sätzen</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>durch Kommas getrennt</translation>
    </message>
    <message>
        <source>other tags, comma-separated</source>
        <translation>weitere Schlagwörter, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>teams, comma-separated; empty = everyone</source>
        <translation>Teams, durch Kommas getrennt; leer = alle</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Zielgruppe</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Läuft ab am</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>Draft (only marketing sees it)</source>
        <translation>Entwurf (nur das Marketing sieht ihn)</translation>
    </message>
    <message>
        <source>In review (reps can open and comment)</source>
        <translation>In Prüfung (Vertriebler können öffnen und kommentieren)</translation>
    </message>
    <message>
        <source>Approved (goes to every rep in the audience)</source>
        <translation>Freigegeben (geht an alle Vertriebler der Zielgruppe)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Proposal (marketing reviews it; only you and marketing see it)</source>
        <translation>Vorschlag (das Marketing prüft ihn; nur Sie und das Marketing sehen ihn)</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Andere Datei wählen…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <source>Send to marketing</source>
        <translation>An das Marketing senden</translation>
    </message>
    <message>
        <source>Give it a title reps will recognise.</source>
        <translation>Geben Sie einen Titel an, den die Vertriebler wiedererkennen.</translation>
    </message>
    <message>
        <source>Choose another file</source>
        <translation>Andere Datei wählen</translation>
    </message>
</context>
<context>
    <name>ReasonListsDialog</name>
    <message>
        <source>Why they buy</source>
        <translation>Warum sie kaufen</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>Warum nicht</translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation>Gründelisten</translation>
    </message>
    <message>
        <source>One reason per line. Reps pick from these lists in every debrief; changes reach them on their next sync.</source>
        <translation>Ein Grund pro Zeile. Die Vertriebler wählen in jedem Gesprächsbericht aus diesen Listen; Änderungen erreichen sie bei ihrer nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Marketing maintains these lists; they arrive with each sync.</source>
        <translation>Das Marketing pflegt diese Listen; sie kommen mit jeder Synchronisierung.</translation>
    </message>
</context>
<context>
    <name>RecordVoiceButton</name>
    <message>
        <source>No microphone found</source>
        <translation>Kein Mikrofon gefunden</translation>
    </message>
    <message>
        <source>Voice notes unavailable</source>
        <translation>Sprachnotizen nicht verfügbar</translation>
    </message>
    <message>
        <source>Record voice note</source>
        <translation>Sprachnotiz aufnehmen</translation>
    </message>
    <message>
        <source>Record a voice memo of up to %1 minutes; click again to stop</source>
        <translation>Eine Sprachnotiz von bis zu %1 Minuten aufnehmen; zum Beenden erneut klicken</translation>
    </message>
    <message>
        <source>Stop recording · %1 left</source>
        <translation>Aufnahme beenden · noch %1</translation>
    </message>
    <message>
        <source>Recording; it stops by itself after %1 minutes</source>
        <translation>Aufnahme läuft; sie endet von selbst nach %1 Minuten</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request material</source>
        <translation>Material anfragen</translation>
    </message>
    <message>
        <source>e.g. Sell sheet for Edge Sensors in food plants</source>
        <translation>z. B. Produktblatt für Edge Sensors in der Lebensmittelindustrie</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who it is for and what it must answer</source>
        <translation>Für wen es ist und welche Fragen es beantworten muss</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Benötigt bis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>No event</source>
        <translation>Keine Veranstaltung</translation>
    </message>
    <message>
        <source>For the event</source>
        <translation>Für die Veranstaltung</translation>
    </message>
    <message>
        <source>Send request</source>
        <translation>Anfrage senden</translation>
    </message>
    <message>
        <source>Say what you need.</source>
        <translation>Geben Sie an, was Sie brauchen.</translation>
    </message>
</context>
<context>
    <name>RequestModel</name>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation>Benötigt bis</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Angefragt von</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <source>Requests for collateral</source>
        <translation>Anfragen nach Vertriebsmaterial</translation>
    </message>
    <message>
        <source>My requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <source>Open and accepted requests, the soonest needed first.</source>
        <translation>Offene und angenommene Anfragen, die dringendsten zuerst.</translation>
    </message>
    <message>
        <source>What you asked marketing for, and their answers.</source>
        <translation>Was Sie beim Marketing angefragt haben, und die Antworten.</translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation>Annehmen…</translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation>Ablehnen…</translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation>Liefern…</translation>
    </message>
</context>
<context>
    <name>RoutingRulesDialog</name>
    <message>
        <source>Routing rules</source>
        <translation>Zuweisungsregeln</translation>
    </message>
    <message>
        <source>The hub gives each new lead to the owner of the first rule that matches it; without a match the rep who captured it keeps it. Conditions (all optional): grade, country (ISO code such as DE), team, interest, event.</source>
        <translation>Der Hub gibt jeden neuen Lead dem Zuständigen der ersten passenden Regel; passt keine, behält ihn der Vertriebler, der ihn erfasst hat. Bedingungen (alle optional): grade (Einstufung), country (ISO-Code wie DE), team, interest (Interesse), event (Veranstaltung).</translation>
    </message>
    <message>
        <source>The hub gives each new lead to the owner of the first rule that matches it.</source>
        <translation>Der Hub gibt jeden neuen Lead dem Zuständigen der ersten passenden Regel.</translation>
    </message>
    <message>
        <source>Rules (JSON)</source>
        <translation>Regeln (JSON)</translation>
    </message>
    <message>
        <source>Problem with the rules</source>
        <translation>Problem mit den Regeln</translation>
    </message>
</context>
<context>
    <name>RubricDialog</name>
    <message>
        <source>One choice</source>
        <translation>Eine Auswahl</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / Nein</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Freitext</translation>
    </message>
    <message>
        <source>Rubric %1 (v%2)</source>
        <translation>Bewertungsbogen %1 (v%2)</translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation>Neuer Bewertungsbogen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Hot from (points)</source>
        <translation>Heiß ab (Punkte)</translation>
    </message>
    <message>
        <source>Warm from (points)</source>
        <translation>Warm ab (Punkte)</translation>
    </message>
    <message>
        <source>Hot from</source>
        <translation>Heiß ab</translation>
    </message>
    <message>
        <source>warm from</source>
        <translation>warm ab</translation>
    </message>
    <message>
        <source>points; below is cold</source>
        <translation>Punkten; darunter kalt</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Einstufungen</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Fragen</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Frage hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>One answer per line: Label = points</source>
        <translation>Eine Antwort pro Zeile: Bezeichnung = Punkte</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>keine Obergrenze</translation>
    </message>
    <message>
        <source>Empty = not required</source>
        <translation>Leer = nicht erforderlich</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation>Antwortart</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Points for yes</source>
        <translation>Punkte für Ja</translation>
    </message>
    <message>
        <source>Points for no</source>
        <translation>Punkte für Nein</translation>
    </message>
    <message>
        <source>Points cap</source>
        <translation>Punkte-Obergrenze</translation>
    </message>
    <message>
        <source>Must have</source>
        <translation>Muss-Kriterium</translation>
    </message>
    <message>
        <source>Saving makes a new version. Leads already captured keep the version they were scored with; nothing is rescored without asking.</source>
        <translation>Speichern erzeugt eine neue Version. Bereits erfasste Leads behalten die Version, mit der sie bewertet wurden; nichts wird ohne Rückfrage neu bewertet.</translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;Confirmed = 25&apos;. Must have: labels, comma separated.</source>
        <translation>Eine pro Zeile, z. B. &apos;Bestätigt = 25&apos;. Muss-Kriterium: Bezeichnungen, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;CRM integration = 4&apos;. Must have: labels, comma separated.</source>
        <translation>Eine pro Zeile, z. B. &apos;CRM-Anbindung = 4&apos;. Muss-Kriterium: Bezeichnungen, durch Kommas getrennt.</translation>
    </message>
    <message>
        <source>Ranges, e.g. &apos;50-249 = 6&apos; or &apos;1000+ = 15&apos;. Must have: &apos;50+&apos; or &apos;10-500&apos;.</source>
        <translation>Bereiche, z. B. &apos;50-249 = 6&apos; oder &apos;1000+ = 15&apos;. Muss-Kriterium: &apos;50+&apos; oder &apos;10-500&apos;.</translation>
    </message>
    <message>
        <source>Must have: yes or no.</source>
        <translation>Muss-Kriterium: ja oder nein.</translation>
    </message>
    <message>
        <source>Free text is kept with the lead and scores nothing.</source>
        <translation>Freitext wird beim Lead gespeichert und bringt keine Punkte.</translation>
    </message>
    <message>
        <source>must have: write &apos;50+&apos; or &apos;10-500&apos;</source>
        <translation>Muss-Kriterium: &apos;50+&apos; oder &apos;10-500&apos; schreiben</translation>
    </message>
    <message>
        <source>must have: %1 is not one of the answers</source>
        <translation>Muss-Kriterium: %1 ist keine der Antworten</translation>
    </message>
    <message>
        <source>New question</source>
        <translation>Neue Frage</translation>
    </message>
</context>
<context>
    <name>RubricForm</name>
    <message>
        <source>This event has no qualification rubric.</source>
        <translation>Diese Veranstaltung hat keinen Bewertungsbogen.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>a number, like %1</source>
        <translation>eine Zahl, etwa %1</translation>
    </message>
    <message>
        <source>Score %1 / %2</source>
        <translation>Punkte %1 / %2</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>Nicht qualifiziert</translation>
    </message>
    <message>
        <source>Not a number here: %1 (write numbers like %2)</source>
        <translation>Hier keine Zahl: %1 (Zahlen so schreiben: %2)</translation>
    </message>
    <message>
        <source>Needs: </source>
        <translation>Erfordert: </translation>
    </message>
</context>
<context>
    <name>RubricTab</name>
    <message>
        <source>Do hot and qualified leads convert better than the rest? Each card shows the share of a group&apos;s leads that reached a meeting, an opportunity and a win.</source>
        <translation>Konvertieren heiße und qualifizierte Leads besser als der Rest? Jede Karte zeigt den Anteil der Leads einer Gruppe, die einen Termin, eine Verkaufschance und einen Abschluss erreichten.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Meeting %</source>
        <translation>Termin %</translation>
    </message>
    <message>
        <source>Opportunity %</source>
        <translation>Chance %</translation>
    </message>
    <message>
        <source>Won %</source>
        <translation>Gewonnen %</translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>That paste is %1 characters long; a badge scan holds at most %2. Nothing was pasted and it is still on your clipboard: put longer text in the notes or split it.</source>
        <translation>Der eingefügte Text ist %1 Zeichen lang; ein Ausweis-Scan fasst höchstens %2. Nichts wurde eingefügt, der Text ist noch in der Zwischenablage: Längeren Text in die Notizen setzen oder aufteilen.</translation>
    </message>
</context>
<context>
    <name>SendCollateralDialog</name>
    <message>
        <source>Send to the visitor</source>
        <translation>An den Besucher senden</translation>
    </message>
    <message>
        <source>%1 gets an email with your note and a personal link to each item at the next sync.</source>
        <translation>%1 erhält bei der nächsten Synchronisierung eine E-Mail mit Ihrer Notiz und einem persönlichen Link zu jedem Material.</translation>
    </message>
    <message>
        <source>Approved collateral</source>
        <translation>Freigegebenes Material</translation>
    </message>
    <message>
        <source>Your note</source>
        <translation>Ihre Notiz</translation>
    </message>
    <message>
        <source>e.g. Good to meet you at the booth - here is the brochure we talked about.</source>
        <translation>z. B. Schön, Sie am Stand getroffen zu haben – hier die besprochene Broschüre.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>No approved collateral on this device yet; sync to get the library.</source>
        <translation>Noch kein freigegebenes Material auf diesem Gerät; synchronisieren Sie, um die Bibliothek zu laden.</translation>
    </message>
    <message>
        <source>Tick at least one item to send.</source>
        <translation>Wählen Sie mindestens ein Material zum Senden aus.</translation>
    </message>
    <message>
        <source>Send at most %1 items at once.</source>
        <translation>Senden Sie höchstens %1 Materialien auf einmal.</translation>
    </message>
    <message>
        <source>Keep the note to %1 characters.</source>
        <translation>Die Notiz darf höchstens %1 Zeichen lang sein.</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation>„%1“ teilen</translation>
    </message>
    <message>
        <source>Search leads and debriefs</source>
        <translation>Leads und Gesprächsberichte durchsuchen</translation>
    </message>
    <message>
        <source>Search leads and debriefs by name, company, email…</source>
        <translation>Leads und Gesprächsberichte nach Name, Firma, E-Mail durchsuchen…</translation>
    </message>
    <message>
        <source>Share with</source>
        <translation>Teilen mit</translation>
    </message>
    <message>
        <source>An email draft opens with a link to the file; attach it from the folder that opens if your mail app does not.</source>
        <translation>Ein E-Mail-Entwurf mit einem Link zur Datei öffnet sich; hängen Sie die Datei aus dem geöffneten Ordner an, falls Ihr Mailprogramm es nicht tut.</translation>
    </message>
    <message>
        <source>Write email</source>
        <translation>E-Mail schreiben</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the hub</source>
        <translation>Beim Hub anmelden</translation>
    </message>
    <message>
        <source>Sign in to send your work to the team and receive theirs.</source>
        <translation>Melden Sie sich an, um Ihre Arbeit an das Team zu senden und dessen Arbeit zu erhalten.</translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation>sie@firma.de</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub-Adresse</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Enter the hub address, your email and your password.</source>
        <translation>Geben Sie die Hub-Adresse, Ihre E-Mail und Ihr Passwort ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>The email or password is not right. Check them and try again.</source>
        <translation>E-Mail oder Passwort stimmen nicht. Prüfen Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not trusted, so the connection was not made. Ask IT for the company certificate bundle.</source>
        <translation>Dem Sicherheitszertifikat des Hubs wird nicht vertraut, daher wurde keine Verbindung hergestellt. Fragen Sie die IT nach dem Zertifikatspaket der Firma.</translation>
    </message>
    <message>
        <source>Cannot reach the hub. Check the address and your network connection.</source>
        <translation>Der Hub ist nicht erreichbar. Prüfen Sie die Adresse und Ihre Netzwerkverbindung.</translation>
    </message>
    <message>
        <source>This hub cannot work with this version of Fieldnote.</source>
        <translation>Dieser Hub funktioniert nicht mit dieser Fieldnote-Version.</translation>
    </message>
    <message>
        <source>That is not a hub address. It looks like https://hub.example.com.</source>
        <translation>Das ist keine Hub-Adresse. Sie sieht so aus: https://hub.example.com.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Try again in %1 s.</source>
        <translation>Zu viele Anmeldeversuche. Versuchen Sie es in %1 s erneut.</translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Wait a little and try again.</source>
        <translation>Zu viele Anmeldeversuche. Warten Sie kurz und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation>Anmeldung fehlgeschlagen.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Signature</source>
        <translation>Unterschrift</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Hier unterschreiben</translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <source>Sync</source>
        <translation>Synchronisieren</translation>
    </message>
    <message>
        <source>Sync and account menu</source>
        <translation>Menü für Synchronisierung und Konto</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Needs attention…</source>
        <translation>Zu prüfen…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Konflikte…</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikte</translation>
    </message>
    <message>
        <source>Sign-in saved</source>
        <translation>Anmeldung gespeichert</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>Abmelden?</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the hub yet. They stay on this device and are sent after you sign in again. Sign out anyway?</source>
        <translation>
            <numerusform>%n Änderung hat den Hub noch nicht erreicht. Sie bleibt auf diesem Gerät und wird gesendet, wenn Sie sich wieder anmelden. Trotzdem abmelden?</numerusform>
            <numerusform>%n Änderungen haben den Hub noch nicht erreicht. Sie bleiben auf diesem Gerät und werden gesendet, wenn Sie sich wieder anmelden. Trotzdem abmelden?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Changes that need attention</source>
        <translation>Änderungen, die Aufmerksamkeit erfordern</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Send and fetch changes now (F5)</source>
        <translation>Änderungen jetzt senden und abrufen (F5)</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n wartend</numerusform>
            <numerusform>%n wartend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation>
            <numerusform>%n zu prüfen</numerusform>
            <numerusform>%n zu prüfen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Änderungen werden gesendet…</translation>
    </message>
    <message>
        <source>Sending files…</source>
        <translation>Dateien werden gesendet…</translation>
    </message>
    <message>
        <source>Fetching changes…</source>
        <translation>Änderungen werden abgerufen…</translation>
    </message>
    <message>
        <source>Fetching files…</source>
        <translation>Dateien werden abgerufen…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synchronisiert…</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sign in needed</source>
        <translation>Anmeldung nötig</translation>
    </message>
    <message>
        <source>Hub needs an update</source>
        <translation>Hub braucht ein Update</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Hub trouble, retrying</source>
        <translation>Hub-Störung, neuer Versuch</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Noch nicht synchronisiert</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synchronisiert um %1</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synchronisiert %1</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>the disk is full: %1 of %2 leads were saved; free space and import again (saved rows are skipped)</source>
        <translation>der Datenträger ist voll: %1 von %2 Leads wurden gespeichert; geben Sie Speicherplatz frei und importieren Sie erneut (gespeicherte Zeilen werden übersprungen)</translation>
    </message>
    <message>
        <source>the disk is full; nothing was lost. Free space and try again</source>
        <translation>der Datenträger ist voll; nichts ging verloren. Geben Sie Speicherplatz frei und versuchen Sie es erneut</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Letzte Änderung rückgängig machen</translation>
    </message>
    <message>
        <source>Undo (Ctrl+Z): records a correction that syncs</source>
        <translation>Rückgängig (Strg+Z): erfasst eine Korrektur, die synchronisiert wird</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <source>Newer version available</source>
        <translation>Neuere Version verfügbar</translation>
    </message>
    <message>
        <source>Get it</source>
        <translation>Zur Seite</translation>
    </message>
    <message>
        <source>Fieldnote %1 is available.</source>
        <translation>Fieldnote %1 ist verfügbar.</translation>
    </message>
    <message>
        <source>Fieldnote %1 is available at %2</source>
        <translation>Fieldnote %1 ist unter %2 verfügbar</translation>
    </message>
</context>
<context>
    <name>VoiceNotes</name>
    <message>
        <source>Voice notes are unavailable: this computer lacks the audio libraries they need (%1).</source>
        <translation>Sprachnotizen sind nicht verfügbar: Diesem Computer fehlen die nötigen Audio-Bibliotheken (%1).</translation>
    </message>
    <message>
        <source>No microphone found: connect one to record voice notes.</source>
        <translation>Kein Mikrofon gefunden: Schließen Sie eines an, um Sprachnotizen aufzunehmen.</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>Kein Mikrofon gefunden.</translation>
    </message>
    <message>
        <source>the recorder stopped</source>
        <translation>die Aufnahme wurde abgebrochen</translation>
    </message>
    <message>
        <source>The voice note could not be recorded: %1</source>
        <translation>Die Sprachnotiz konnte nicht aufgenommen werden: %1</translation>
    </message>
    <message>
        <source>Nothing was recorded: the microphone gave no sound.</source>
        <translation>Nichts wurde aufgenommen: Das Mikrofon lieferte keinen Ton.</translation>
    </message>
    <message>
        <source>The voice note came out larger than %1 MB and was not kept.</source>
        <translation>Die Sprachnotiz wurde größer als %1 MB und wurde nicht behalten.</translation>
    </message>
    <message>
        <source>This voice note cannot be played: %1</source>
        <translation>Diese Sprachnotiz kann nicht abgespielt werden: %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>VoiceTab</name>
    <message>
        <source>by team</source>
        <translation>nach Team</translation>
    </message>
    <message>
        <source>by outcome</source>
        <translation>nach Ergebnis</translation>
    </message>
    <message>
        <source>Trend and segments of</source>
        <translation>Verlauf und Segmente von</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pro Monat</translation>
    </message>
    <message>
        <source>By segment</source>
        <translation>Nach Segment</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Gesprächsberichte</translation>
    </message>
    <message>
        <source>Share of debriefs</source>
        <translation>Anteil der Gesprächsberichte</translation>
    </message>
    <message>
        <source>%1 (from %2 debriefs; click a bar for the debriefs)</source>
        <translation>%1 (aus %2 Gesprächsberichten; Balken anklicken für die Berichte)</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
</context>
<context>
    <name>_CollateralRow</name>
    <message>
        <source>Not rated</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>Helped</source>
        <translation>Hat geholfen</translation>
    </message>
    <message>
        <source>Did not help</source>
        <translation>Hat nicht geholfen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Captured</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>Qualifiziert</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>Kontaktiert</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Heiß</translation>
    </message>
    <message>
        <source>Warm</source>
        <translation>Warm</translation>
    </message>
    <message>
        <source>Cold</source>
        <translation>Kalt</translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation>Nicht eingestuft</translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation>Nicht qualifiziert</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation>Warum sie kaufen</translation>
    </message>
    <message>
        <source>Why they don&apos;t</source>
        <translation>Warum nicht</translation>
    </message>
</context>
<context>
    <name>_VisitorForm</name>
    <message>
        <source>Welcome to %1</source>
        <translation>Willkommen bei %1</translation>
    </message>
    <message>
        <source>Leave your details and we will be in touch.</source>
        <translation>Hinterlassen Sie Ihre Angaben, wir melden uns bei Ihnen.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>A few questions</source>
        <translation>Ein paar Fragen</translation>
    </message>
    <message>
        <source>I agree to be contacted</source>
        <translation>Ich bin einverstanden, kontaktiert zu werden</translation>
    </message>
    <message>
        <source>Your signature (optional)</source>
        <translation>Ihre Unterschrift (optional)</translation>
    </message>
    <message>
        <source>Clear signature</source>
        <translation>Unterschrift löschen</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Absenden</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Insights</source>
        <translation>Auswertungen</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>This lead belongs to someone else</source>
        <translation>Dieser Lead gehört jemand anderem</translation>
    </message>
    <message>
        <source>This debrief belongs to someone else</source>
        <translation>Dieser Gesprächsbericht gehört jemand anderem</translation>
    </message>
    <message>
        <source>Only the lead&apos;s owner or a marketer can record its outcome</source>
        <translation>Nur der Verantwortliche des Leads oder das Marketing kann sein Ergebnis erfassen</translation>
    </message>
    <message>
        <source>You can comment only on debriefs you can see (reps: their own)</source>
        <translation>Sie können nur Gesprächsberichte kommentieren, die Sie sehen (Vertriebler: die eigenen)</translation>
    </message>
    <message>
        <source>A new request starts open; marketers answer it</source>
        <translation>Eine neue Anfrage beginnt offen; das Marketing beantwortet sie</translation>
    </message>
    <message>
        <source>Only marketers answer collateral requests</source>
        <translation>Nur das Marketing beantwortet Materialanfragen</translation>
    </message>
    <message>
        <source>You can withdraw only your own requests</source>
        <translation>Sie können nur Ihre eigenen Anfragen zurückziehen</translation>
    </message>
    <message>
        <source>You can change only your own requests</source>
        <translation>Sie können nur Ihre eigenen Anfragen ändern</translation>
    </message>
    <message>
        <source>Only marketers set a request&apos;s status, response or collateral</source>
        <translation>Nur das Marketing setzt Status, Antwort oder Material einer Anfrage</translation>
    </message>
    <message>
        <source>Marketers answer requests (status, response, collateral)</source>
        <translation>Das Marketing beantwortet Anfragen (Status, Antwort, Material)</translation>
    </message>
    <message>
        <source>Only the people involved in a conflict can resolve it</source>
        <translation>Nur die Beteiligten eines Konflikts können ihn lösen</translation>
    </message>
    <message>
        <source>Only `resolved` can be changed on a conflict</source>
        <translation>An einem Konflikt lässt sich nur `resolved` ändern</translation>
    </message>
    <message>
        <source>Reps propose material as a draft or for review; marketing approves and publishes it</source>
        <translation>Vertriebler schlagen Material als Entwurf oder zur Prüfung vor; das Marketing gibt es frei und veröffentlicht es</translation>
    </message>
    <message>
        <source>Reps change only their own proposals, until they are approved</source>
        <translation>Vertriebler ändern nur ihre eigenen Vorschläge, solange sie nicht freigegeben sind</translation>
    </message>
    <message>
        <source>Only marketers review material (comment, verification, version)</source>
        <translation>Nur das Marketing prüft Material (Kommentar, Bestätigung, Version)</translation>
    </message>
    <message>
        <source>The lead this refers to is not on the hub, or you cannot see it</source>
        <translation>Der Lead, auf den sich dies bezieht, ist nicht auf dem Hub, oder Sie können ihn nicht sehen</translation>
    </message>
    <message>
        <source>The debrief this refers to is not on the hub, or you cannot see it</source>
        <translation>Der Gesprächsbericht, auf den sich dies bezieht, ist nicht auf dem Hub, oder Sie können ihn nicht sehen</translation>
    </message>
    <message>
        <source>The collateral this refers to is not on the hub, or you cannot see it</source>
        <translation>Das Material, auf das sich dies bezieht, ist nicht auf dem Hub, oder Sie können es nicht sehen</translation>
    </message>
    <message>
        <source>The outcome this withdraws is not on the hub, or you cannot see it</source>
        <translation>Das Ergebnis, das hiermit zurückgenommen wird, ist nicht auf dem Hub, oder Sie können es nicht sehen</translation>
    </message>
    <message>
        <source>The consent wording this names is not on the hub; marketing manages the wordings</source>
        <translation>Der genannte Einwilligungstext ist nicht auf dem Hub; das Marketing verwaltet die Texte</translation>
    </message>
    <message>
        <source>Administrators manage users and settings; they do not edit records</source>
        <translation>Administratoren verwalten Benutzer und Einstellungen; sie bearbeiten keine Datensätze</translation>
    </message>
    <message>
        <source>Only reps and marketers capture leads</source>
        <translation>Nur Vertriebler und Marketing erfassen Leads</translation>
    </message>
    <message>
        <source>Only reps and marketers file debriefs</source>
        <translation>Nur Vertriebler und Marketing schreiben Gesprächsberichte</translation>
    </message>
    <message>
        <source>Lead outcome records cannot be changed or deleted once written</source>
        <translation>Ergebnisse von Leads lassen sich nach dem Erfassen nicht ändern oder löschen</translation>
    </message>
    <message>
        <source>Debrief comment records cannot be changed or deleted once written</source>
        <translation>Kommentare zu Gesprächsberichten lassen sich nach dem Schreiben nicht ändern oder löschen</translation>
    </message>
    <message>
        <source>Collateral feedback records cannot be changed or deleted once written</source>
        <translation>Rückmeldungen zu Material lassen sich nach dem Schreiben nicht ändern oder löschen</translation>
    </message>
    <message>
        <source>Collateral usage records cannot be changed or deleted once written</source>
        <translation>Nutzungsdaten von Material lassen sich nach dem Erfassen nicht ändern oder löschen</translation>
    </message>
    <message>
        <source>User records are made by the hub; clients cannot change them</source>
        <translation>Benutzer legt der Hub an; Clients können sie nicht ändern</translation>
    </message>
    <message>
        <source>Conflict records are made by the hub; clients cannot change them</source>
        <translation>Konflikte legt der Hub an; Clients können sie nicht ändern</translation>
    </message>
    <message>
        <source>Records of exports cannot be changed or deleted once written</source>
        <translation>Aufzeichnungen von Exporten können nach dem Schreiben nicht geändert oder gelöscht werden</translation>
    </message>
    <message>
        <source>Only marketers and administrators can change the consent wording</source>
        <translation>Nur Marketing und Administratoren können den Einwilligungstext ändern</translation>
    </message>
    <message>
        <source>Collateral send records cannot be changed or deleted once written</source>
        <translation>Versanddatensätze von Material können nach dem Schreiben nicht geändert oder gelöscht werden</translation>
    </message>
    <message>
        <source>Only reps and marketers send collateral to visitors</source>
        <translation>Nur Vertrieb und Marketing senden Material an Besucher</translation>
    </message>
    <message>
        <source>Voice notes and photos cannot be changed once added; remove one and add another</source>
        <translation>Sprachnotizen und Fotos lassen sich nach dem Hinzufügen nicht mehr ändern; entfernen Sie sie und fügen Sie neue hinzu</translation>
    </message>
    <message>
        <source>Only reps and marketers add voice notes and photos to leads</source>
        <translation>Nur Vertrieb und Marketing fügen Leads Sprachnotizen und Fotos hinzu</translation>
    </message>
    <message>
        <source>Only the person who added a voice note or photo can remove it</source>
        <translation>Nur wer eine Sprachnotiz oder ein Foto hinzugefügt hat, kann es entfernen</translation>
    </message>
    <message>
        <source>Only marketers can change Collateral records</source>
        <translation>Nur das Marketing kann Vertriebsmaterial ändern</translation>
    </message>
    <message>
        <source>Only marketers can change Event records</source>
        <translation>Nur das Marketing kann Veranstaltungen ändern</translation>
    </message>
    <message>
        <source>Only marketers can change Rubric records</source>
        <translation>Nur das Marketing kann Bewertungsbögen ändern</translation>
    </message>
    <message>
        <source>Only marketers can change Reason list records</source>
        <translation>Nur das Marketing kann Gründelisten ändern</translation>
    </message>
    <message>
        <source>Only marketers and managers change the routing rules</source>
        <translation>Nur Marketing und Vertriebsleitung ändern die Zuweisungsregeln</translation>
    </message>
    <message>
        <source>Only marketers hand leads to another owner</source>
        <translation>Nur das Marketing übergibt Leads an einen anderen Verantwortlichen</translation>
    </message>
    <message>
        <source>Only marketers and reps proposing material upload collateral files</source>
        <translation>Nur das Marketing und Vertriebler, die Material vorschlagen, laden Materialdateien hoch</translation>
    </message>
    <message>
        <source>Only administrators manage users</source>
        <translation>Nur Administratoren verwalten Benutzer</translation>
    </message>
    <message>
        <source>Only marketers and managers import outcomes from a CRM report</source>
        <translation>Nur Marketing und Manager importieren Ergebnisse aus einem CRM-Bericht</translation>
    </message>
    <message>
        <source>Only marketers and administrators set how long material stays verified</source>
        <translation>Nur das Marketing und Administratoren legen fest, wie lange Material als bestätigt gilt</translation>
    </message>
    <message>
        <source>Only administrators export or erase a person&apos;s data</source>
        <translation>Nur Administratoren exportieren oder löschen die Daten einer Person</translation>
    </message>
    <message>
        <source>Only the sender, marketing or an administrator revokes the links of a send</source>
        <translation>Nur der Absender, das Marketing oder ein Administrator widerruft die Links eines Versands</translation>
    </message>
    <message>
        <source>This account is disabled</source>
        <translation>Dieses Konto ist deaktiviert</translation>
    </message>
</context>
<context>
    <name>sending</name>
    <message>
        <source>Only approved collateral that has not expired can be sent to a visitor</source>
        <translation>Nur freigegebenes, nicht abgelaufenes Material kann an Besucher gesendet werden</translation>
    </message>
    <message>
        <source>Not sent: the visitor has not agreed to be contacted</source>
        <translation>Nicht gesendet: Der Besucher hat einer Kontaktaufnahme nicht zugestimmt</translation>
    </message>
    <message>
        <source>Not sent: the visitor has no email address</source>
        <translation>Nicht gesendet: Der Besucher hat keine E-Mail-Adresse</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>vorgemerkt</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not sent: no consent</source>
        <translation>nicht gesendet: keine Einwilligung</translation>
    </message>
    <message>
        <source>opened</source>
        <translation>geöffnet</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AuditLogDialog</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message numerus="yes">
        <source>To qualify: %n</source>
        <translation>
            <numerusform>To qualify: %n</numerusform>
            <numerusform>To qualify: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped visitor(s) still wait to be qualified.</source>
        <translation>
            <numerusform>%n skipped visitor still waits to be qualified.</numerusform>
            <numerusform>%n skipped visitors still wait to be qualified.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To qualify: %n left, oldest first.</source>
        <translation>
            <numerusform>To qualify: %n left, oldest first.</numerusform>
            <numerusform>To qualify: %n left, oldest first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Held, not saved yet (%n): %1</source>
        <translation>
            <numerusform>Held, not saved yet (%n): %1</numerusform>
            <numerusform>Held, not saved yet (%n): %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since your last visit</source>
        <translation>
            <numerusform>%n new since your last visit</numerusform>
            <numerusform>%n new since your last visit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stale after %n day(s)…</source>
        <translation>
            <numerusform>Stale after %n day…</numerusform>
            <numerusform>Stale after %n days…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n proposal(s) sent to marketing at the next sync; see them under My proposals.</source>
        <translation>
            <numerusform>%n proposal sent to marketing at the next sync; see it under My proposals.</numerusform>
            <numerusform>%n proposals sent to marketing at the next sync; see them under My proposals.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) published; the files go to the hub at the next sync.</source>
        <translation>
            <numerusform>%n item published; the file goes to the hub at the next sync.</numerusform>
            <numerusform>%n items published; the files go to the hub at the next sync.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation>
            <numerusform>…and %n more.</numerusform>
            <numerusform>…and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message numerus="yes">
        <source>Stale: nobody used it in 90 days (%n)</source>
        <translation>
            <numerusform>Stale: nobody used it in 90 days (%n)</numerusform>
            <numerusform>Stale: nobody used it in 90 days (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebriefsBehindDialog</name>
    <message numerus="yes">
        <source>%n submitted debrief(s); double-click one or press Enter to open it.</source>
        <translation>
            <numerusform>%n submitted debrief; double-click it or press Enter to open it.</numerusform>
            <numerusform>%n submitted debriefs; double-click one or press Enter to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message numerus="yes">
        <source>used %n time(s)</source>
        <translation>
            <numerusform>used %n time</numerusform>
            <numerusform>used %n times</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EarlyCapture</name>
    <message numerus="yes">
        <source>%n scan(s) kept.</source>
        <translation>
            <numerusform>%n scan kept.</numerusform>
            <numerusform>%n scans kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>Left out %n lead(s) without consent to be contacted.</source>
        <translation>
            <numerusform>Left out %n lead without consent to be contacted.</numerusform>
            <numerusform>Left out %n leads without consent to be contacted.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPanel</name>
    <message numerus="yes">
        <source>%n lead(s) wait for your first contact, oldest due first.</source>
        <translation>
            <numerusform>%n lead waits for your first contact.</numerusform>
            <numerusform>%n leads wait for your first contact, oldest due first.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue.</source>
        <translation>
            <numerusform>%n overdue.</numerusform>
            <numerusform>%n overdue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HotLeadNotice</name>
    <message numerus="yes">
        <source>%n hot lead(s) for you</source>
        <translation>
            <numerusform>%n hot lead for you</numerusform>
            <numerusform>%n hot leads for you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightFilterBar</name>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation>
            <numerusform>%n lead</numerusform>
            <numerusform>%n leads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PersonDataDialog</name>
    <message numerus="yes">
        <source>Wrote %1: %n lead(s).</source>
        <translation>
            <numerusform>Wrote %1: %n lead.</numerusform>
            <numerusform>Wrote %1: %n leads.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Erased %n lead(s) of this person. Every device drops their data at its next sync.</source>
        <translation>
            <numerusform>Erased %n lead of this person. Every device drops their data at its next sync.</numerusform>
            <numerusform>Erased %n leads of this person. Every device drops their data at its next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message numerus="yes">
        <source>%n change(s) have not reached the hub yet. They stay on this device and are sent after you sign in again. Sign out anyway?</source>
        <translation>
            <numerusform>%n change has not reached the hub yet. It stays on this device and is sent after you sign in again. Sign out anyway?</numerusform>
            <numerusform>%n changes have not reached the hub yet. They stay on this device and are sent after you sign in again. Sign out anyway?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation>
            <numerusform>%n needs attention</numerusform>
            <numerusform>%n need attention</numerusform>
        </translation>
    </message>
</context>
</TS>

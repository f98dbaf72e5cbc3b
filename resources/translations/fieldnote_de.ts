<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AnswerDialog</name>
    <message>
        <source>Accept request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply to the rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the item first, then link it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionModel</name>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the hub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CapturePanel</name>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan a badge, paste a vCard, or type an email or badge number, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read a QR, PDF417, Code 128 or DataMatrix code from a photo (or drop one here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May we contact you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read to the visitor (wording %1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs the visitor&apos;s consent to be contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Products, comma separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to add approved collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collateral to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete removes the selected item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes (Ctrl+Enter saves)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter saves · Ctrl+Z reopens the last lead · Esc clears</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no event)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  ·  %1 at this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this scan; it is kept whole with the lead. Type the name and email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge or card photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No QR, PDF417, Code 128 or DataMatrix code found in %1. Type the details instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possibly already captured: %1, %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters: %2 more than a lead holds. Shorten the notes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email as typed (not a valid address): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 characters; at most %3 fit (%4 too many).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interest is longer than %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to save yet: scan a badge or type a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved or cut; shorten and press Enter again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a last name, an email, a phone number or scan a badge before saving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1%2. Ctrl+Z reopens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the previous lead (%1). Its details: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1. The lead is back in the form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already at this event (%1): %2, captured %3. Merge this scan into it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merging into the existing lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened the existing lead with this scan merged in; Enter saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing a saved lead · Enter saves the changes · Esc leaves it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead saved in this session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last lead is no longer there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened %1. Enter saves the changes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>📌 Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↓ %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the numbers behind this chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this selection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollateralFiles</name>
    <message>
        <source>This file is not on this computer yet. It downloads at the next sync while you are online and signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The download was stopped.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved material, searchable and ready offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request material…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A whole folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles, summaries, tags and the words inside files…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New since last visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch between cards and a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files or a folder here to publish them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new since your last visit</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing matches “%1”. Try fewer words, or ask marketing for it with Request material.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No collateral yet. It arrives with the next sync; marketing publishes it from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here with these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer opens %1 files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debrief: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hello %1,

as promised, here is %2.

(Attached: %3)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks, your rating is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your comment is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire “%1”? Reps lose it at their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new version&apos;s file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of these is a file the library holds (PDF, slides, documents, spreadsheets, images, videos).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) published; the files go to the hub at the next sync.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Request sent to marketing at the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” was retired or expired and is no longer offered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New request for material: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cards</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollateralTab</name>
    <message>
        <source>Most used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helped in debriefs: top and bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals it was used in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale: nobody used it in 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shares</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Stale: nobody used it in 90 days (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Requests: %1 open, median turnaround %2 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CollateralUsedEdit</name>
    <message>
        <source>Find collateral from the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not in the library on this device)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yours (kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictView</name>
    <message>
        <source>No conflicts. When the same field is changed on two devices, it shows up here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The choice could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefDetail</name>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add follow-up to calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply to this debrief…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies open once the debrief is submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply queued; it goes out on the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefFeedModel</name>
    <message>
        <source>%1 (%2 new)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft (not queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no account yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefForm</name>
    <message>
        <source>Debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company you spoke with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was on the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What made them lean in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What held them back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price, Timing, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who else they are talking to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems they want solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who does what by when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything else marketing should know</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(lead not on this device)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft saved at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft kept on this device at %1 (add an account to queue it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throw this draft away? What you typed cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the marked fields to submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted; it goes to marketing on the next sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefLabels</name>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follows up lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they buy, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not, in their words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collateral used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stalled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Propose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefsBehindDialog</name>
    <message>
        <source>Debriefs behind “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n submitted debrief(s); double-click one to open it.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Could not list the debriefs: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DebriefsPage</name>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 365 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What customers said on calls, and what marketing answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search accounts, objections, notes…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine, drafts included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a debrief to read it, or file a new one (Ctrl+N).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 debrief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 debriefs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 unread reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 unread replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save debrief PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save digest PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n debrief(s), built %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Building PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save calendar file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This debrief has no follow-up date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <source>Pick an item to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open with system viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share with a lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned items stay on this computer whatever the cache limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rating (comment only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What worked, what was missing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>used %n time(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other versions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not downloaded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ratings and comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no rubric)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Booth staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture at this event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and rubrics are set up by marketing; you see them read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsTab</name>
    <message>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade mix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads per rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the stage before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won of captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Average days to first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avg days to first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Salesforce lead import (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HubSpot contact import (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vCards (one per lead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event report (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1 (%2 KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import leads from CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Into event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns (change where a column goes, then check the preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found in the file are listed here by line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This device knows no events yet: create one (or sync) first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep in notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows read (%2, separator %3). Rows with problems are imported as far as they go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 lead(s); %2 skipped as already at the event; %3 problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsightFilterBar</name>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InsightsPage</name>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened to the leads, which collateral helped, and why deals are won and lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events and campaigns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voice of the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights are not available: no local data is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads, %2 submitted debriefs, %3 collateral items · as of %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing here yet: capture leads, file debriefs or sync, and the figures fill in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not compute the insights: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export insights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the report: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiStrip</name>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of captured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadDetail</name>
    <message>
        <source>Rescore with the current rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit in capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deal amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No lead selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a lead in the list to see its details and outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes, wording %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 points · scored with rubric v%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (the rubric is now v%1; not rescored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outcome yet (new lead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the lead&apos;s owner or marketing can update its outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount must be a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadListPanel</name>
    <message>
        <source>Search name, company, email, notes…  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified or not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadsPage</name>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone you met, and what happened next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events &amp;&amp; rubrics</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not downloaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Fieldnote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NeedsAttentionView</name>
    <message>
        <source>Fix and resend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs your attention. Every change reached the hub or is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub refused this change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub failed on this change repeatedly; it was set aside so other changes could go through. Resend to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this change?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change to “%1” will not be sent, and the record goes back to what the hub has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This change could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesEdit</name>
    <message>
        <source>That paste is %1 characters; notes hold at most %2. Nothing was pasted and it is still on your clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full screen, one page at a time (Esc to leave)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>New version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file is titled after its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it is for, in one or two sentences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other tags, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>teams, comma-separated; empty = everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft (only marketing sees it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review (reps can open and comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved (goes to every rep in the audience)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give it a title reps will recognise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonListsDialog</name>
    <message>
        <source>Why they buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One reason per line. Reps pick from these lists in every debrief; changes reach them on their next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing maintains these lists; they arrive with each sync.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <source>Request material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Sell sheet for Edge Sensors in food plants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who it is for and what it must answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what you need.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestModel</name>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestsDialog</name>
    <message>
        <source>Requests for collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open and accepted requests, the soonest needed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you asked marketing for, and their answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliver…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RubricDialog</name>
    <message>
        <source>One choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric %1 (v%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warm from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>points; below is cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One answer per line: Label = points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty = not required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points for yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points for no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must have</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving makes a new version. Leads already captured keep the version they were scored with; nothing is rescored without asking.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;Confirmed = 25&apos;. Must have: labels, comma separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per line, e.g. &apos;CRM integration = 4&apos;. Must have: labels, comma separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ranges, e.g. &apos;50-249 = 6&apos; or &apos;1000+ = 15&apos;. Must have: &apos;50+&apos; or &apos;10-500&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must have: yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free text is kept with the lead and scores nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have: write &apos;50+&apos; or &apos;10-500&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must have: %1 is not one of the answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New question</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RubricForm</name>
    <message>
        <source>This event has no qualification rubric.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RubricTab</name>
    <message>
        <source>Do hot and qualified leads convert better than the rest? Each card shows the share of a group&apos;s leads that reached a meeting, an opportunity and a win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScanField</name>
    <message>
        <source>That paste is %1 characters long; a badge scan holds at most %2. Nothing was pasted and it is still on your clipboard: put longer text in the notes or split it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search leads and debriefs by name, company, email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An email draft opens with a link to the file; attach it from the folder that opens if your mail app does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to send your work to the team and receive theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the hub address, your email and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email or password is not right. Check them and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hub&apos;s security certificate is not trusted, so the connection was not made. Ask IT for the company certificate bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the hub. Check the address and your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This hub cannot work with this version of Fieldnote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That is not a hub address. It looks like https://hub.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many sign-in attempts. Wait a little and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in failed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncControls</name>
    <message>
        <source>Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the hub yet. They stay on this device and are sent after you sign in again. Sign out anyway?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send and fetch changes now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n need attention</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching changes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub needs an update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hub trouble, retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoiceTab</name>
    <message>
        <source>by team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trend and segments of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of debriefs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (from %2 debriefs; click a bar for the debriefs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_CollateralRow</name>
    <message>
        <source>Not rated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Tab</name>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ungraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they buy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why they don&apos;t</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Collateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The collateral library is not available in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debriefs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call debriefs are not available in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

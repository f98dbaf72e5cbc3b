"""The Debriefs job: the debrief form, the feed marketing reads, replies, PDFs."""

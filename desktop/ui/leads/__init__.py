"""The Leads job: capture at the booth, the lead list, follow-up outcomes, imports and exports."""

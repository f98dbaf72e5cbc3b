"""Pieces shared by the job pages: the lazy id-list table model and small widgets."""

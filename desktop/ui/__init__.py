"""The Qt user interface: the shell (window, status bar, actions) and one package per job.

Nothing here imports SQLAlchemy or requests: views talk to store queries and the sync engine
through the services handed to them.
"""

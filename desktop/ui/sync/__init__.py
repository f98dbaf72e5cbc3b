"""The sync views: status bar widget, sign-in dialog, needs-attention and conflict views.

They talk to the sync side only through the plain values and interfaces of
`desktop.sync.state`; they never import the store, SQLAlchemy or requests.
"""

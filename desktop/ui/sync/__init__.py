"""The sync views: status bar widget, sign-in dialog, needs-attention and conflict views.

They talk to the sync side only through the plain values and interfaces of
`desktop.sync.state` and the store's plain attention items (`desktop.store.attention`); they
never import SQLAlchemy or requests.
"""

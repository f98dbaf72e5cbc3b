"""The hub's HTTP API: routers for auth, sync, blobs and admin over the hub's services."""

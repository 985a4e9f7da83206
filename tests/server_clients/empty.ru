# An empty update: makes an empty store.
INSERT DATA { }

"""Session kits: chosen modules and breaks, timed into an agenda, downloaded as one ZIP."""

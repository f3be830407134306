"""One function per user flow that both the pages and the commands call, written once."""

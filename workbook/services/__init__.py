"""One function per user flow, called by both the pages and the commands."""

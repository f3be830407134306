"""One function per user flow that both pages and commands call, written once."""

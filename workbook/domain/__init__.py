"""Pure rules of the method: no I/O, no widgets. Each rule names its source."""

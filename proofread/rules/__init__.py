"""The rule registry: every module in this package named like ``sp001_unknown_word`` defines one rule."""

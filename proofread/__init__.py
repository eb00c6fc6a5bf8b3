"""proofread: a proofreading linter for prose (typos, casing, punctuation spacing) in text and Markdown."""

__version__ = "0.1.0"

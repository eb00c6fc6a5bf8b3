"""Spelling: typing-slip models and the shape tests that tell names and code from typos."""

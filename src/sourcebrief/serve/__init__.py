"""The edges: command line and renderers (Markdown, JSON, HTML)."""

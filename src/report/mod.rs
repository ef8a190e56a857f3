//! Renders a plan for people and other tools: Markdown, CSV and config snippets.

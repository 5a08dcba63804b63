"""The window's views: each displays the Document's Comparison and sends edits back through it."""

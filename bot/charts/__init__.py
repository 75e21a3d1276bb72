"""Pictures of votes, shared by the Discord bot and the terminal.

Presentation only: the engine supplies typed data (``index.structured.vote_picture``), and
this package turns it into SVG and then PNG. It never imports Discord, and the drawing
libraries are imported only when a picture is actually drawn.
"""

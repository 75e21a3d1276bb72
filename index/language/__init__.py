"""Words shared by the question reader and passage retrieval: stemming and the UN glossary.

Both the reader (is this word in the document?) and retrieval (which paragraph uses it?)
compare words the same way, so these live below both.
"""

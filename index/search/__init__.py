"""Semantic retrieval over report paragraphs: embeddings, FAISS on disk, hybrid search and
cited extractive answers. ``retriever.Retriever`` is the entry point.

Deliberately empty: importing a light module of this package (``models``, ``answering``) must
not pull in numpy, FAISS or BM25, so structured answers start fast.
"""

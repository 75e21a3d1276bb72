"""Parse Third Committee reports (markdown) into typed records.

Rules, not line numbers: the same code reads any report printed in this format. Import from
the modules (``document``, ``errors``, ``seed_files``): a cold start that finds its records
cached never loads the parser.
"""

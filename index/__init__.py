"""Rapporteur's knowledge engine: parsing, records, countries, retrieval and answers.

This package is pure domain code and must never import ``discord``; the front ends in
``bot/`` depend on it, never the other way round.
"""

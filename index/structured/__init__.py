"""Exact answers read from parsed records: votes, tallies, rosters, sponsors, statements, facts."""

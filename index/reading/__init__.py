"""Reading a question, once, into a typed ``Query`` (``index.reading.reader.read``).

The only place the engine looks at the words of a question: countries and groups are found,
cues are weighed against the subjects they need, honest limits are recognised, and a
follow-up is completed from the previous query. Never raises: any text yields a query, and
anything unclear is an open question for passage retrieval.

Deliberately empty: the library needs only ``vocabulary``, and a command that reads no free
text (``rapporteur vote``) must not pay for compiling every cue pattern.
"""

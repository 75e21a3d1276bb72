"""The log of questions, answers and feedback that moderators read as gaps.

It lives in ``bot``, not in ``index``: it records how people used the front ends (which
server and channel, who voted how), which is no fact about the document. Both front ends
write it (Discord and the console), and it depends on the engine one way: it stores the
engine's ``Answer`` as JSON, and the gaps digest asks the engine to group questions by
meaning with its own encoder. ``index`` never imports it.
"""

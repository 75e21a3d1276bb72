"""Discord front end: slash commands and chat answers over the knowledge engine.

Only this package imports ``discord``; it talks to the engine through the structural
contract in :mod:`bot.discord_app.engine_port`.
"""

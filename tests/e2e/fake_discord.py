"""A small local fake of Discord's REST API and gateway for end-to-end tests.

It speaks just enough of API v10 for the real, unmodified bot to log in, sync its commands,
connect to the gateway and answer interactions and messages. Every REST request is recorded
so tests can assert on exactly what the bot sent (payloads, ``allowed_mentions``, timing).
It keeps every message the bot sent, with its buttons, so tests can click them (component
interactions), fill in the modals they open, and read the messages as edits leave them.
"""

from __future__ import annotations

import asyncio
import email.policy
import itertools
import json
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from typing import Any

from aiohttp import WSMsgType, web

JSON = dict[str, Any]

APPLICATION_ID = 900_000_000_000_000_001
BOT_USER_ID = 900_000_000_000_000_001
GUILD_ID = 910_000_000_000_000_001
CHANNEL_ID = 920_000_000_000_000_001
ANSWER_CHANNEL_ID = 920_000_000_000_000_002
THREAD_ID = 920_000_000_000_000_003
MODERATOR_ROLE_ID = 930_000_000_000_000_001
OWNER_ID = 940_000_000_000_000_001
MANAGE_GUILD = 1 << 5
VIEW_AND_SEND = (1 << 10) | (1 << 11) | (1 << 16)
REJECTED_TOKEN = "rejected-token"


@dataclass
class UploadedFile:
    """One file part of a multipart request (``files[0]`` …), as Discord would store it."""

    field: str
    filename: str | None
    content_type: str
    data: bytes


@dataclass
class RecordedRequest:
    """``body`` is the JSON payload (for multipart requests, their ``payload_json`` part)."""

    method: str
    path: str
    query: Mapping[str, str]
    body: Any
    at: float
    files: list[UploadedFile] = field(default_factory=list)


def parse_multipart(content_type: str, raw: bytes) -> tuple[Any, list[UploadedFile]]:
    """Split a ``multipart/form-data`` body into its JSON payload and its file parts."""
    message = BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + raw
    )
    if not isinstance(message, EmailMessage) or not message.is_multipart():
        raise ValueError("not a multipart body")
    payload: Any = None
    files: list[UploadedFile] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True)
        if not isinstance(name, str) or not isinstance(data, bytes):
            raise ValueError("a multipart part without a name or a body")
        if name == "payload_json":
            payload = json.loads(data)
        else:
            files.append(UploadedFile(name, part.get_filename(), part.get_content_type(), data))
    return payload, files


@dataclass
class Fault:
    """Makes the fake answer every request to one REST path badly, as a broken Discord (or a
    proxy in front of it) would: any status, a body that is not JSON, or no answer at all."""

    method: str
    path: str
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    hang: bool = False


@dataclass
class Invocation:
    """An interaction the fake sent to the bot."""

    id: int
    token: str
    sent_at: float


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    compress: bool
    deflate: Any = field(default_factory=zlib.compressobj)
    shard: tuple[int, int] = (0, 1)
    sequence: int = 0


def _owns_guild(shard: tuple[int, int]) -> bool:
    return (GUILD_ID >> 22) % shard[1] == shard[0]


def _options(options: Mapping[str, Any] | None) -> list[JSON]:
    """Slash command options as Discord sends them: strings, integers (4) and booleans (5)."""
    kinds = {bool: 5, int: 4, str: 3}
    return [
        {"name": key, "type": kinds[type(value)], "value": value}
        for key, value in (options or {}).items()
    ]


def user_payload(user_id: int, name: str, *, bot: bool = False) -> JSON:
    return {
        "id": str(user_id),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": None,
        "bot": bot,
        "flags": 0,
        "public_flags": 0,
    }


def member_payload(user: JSON, *, roles: list[int], permissions: int) -> JSON:
    return {
        "user": user,
        "roles": [str(role) for role in roles],
        "joined_at": "2024-01-01T00:00:00+00:00",
        "deaf": False,
        "mute": False,
        "flags": 0,
        "pending": False,
        "permissions": str(permissions),
    }


class FakeDiscord:
    """One fake guild with two text channels and a thread, a bot user and an application."""

    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self.sent: list[JSON] = []
        """Every message the bot sent, as the fake answered it (with its id)."""
        self.unexpected: list[RecordedRequest] = []
        self.identifies: list[JSON] = []
        self.commands: dict[str, list[JSON]] = {}
        self.guild_created = asyncio.Event()
        self.port = 0
        self._connections: list[_Connection] = []
        self._changed = asyncio.Condition()
        self._ids = itertools.count(950_000_000_000_000_001)
        self._runner: web.AppRunner | None = None
        self._stopping = asyncio.Event()
        self.shard_count = 1
        self.faults: list[Fault] = []
        self.silent_gateway = False
        """When set, the gateway accepts connections and never says a word (no HELLO)."""
        self.messages: dict[int, JSON] = {}
        """Every message the bot sent, by id, as its edits left it."""
        self._originals: dict[str, int] = {}
        """An interaction token's original response message."""
        self._clicked: dict[int, int] = {}
        """A component interaction's id and the message whose button was clicked."""
        self._tokens: dict[int, str] = {}
        self.files: dict[int, bytes] = {}
        """Attachments users sent in interactions, served from ``attachment_url``."""
        self.downloads: list[int] = []
        self.deleted_messages: set[int] = set()
        """Messages deleted on Discord's side: a reply to one is refused as Discord does."""
        self.expired_tokens: set[str] = set()
        """Interaction tokens past their time: callbacks and follow-ups are refused."""
        self.tokens_expire_after_ack = False
        """When set, every token expires as soon as its interaction is acknowledged."""

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/attachments/{id}/{name}", self._attachment)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        self._stopping.set()
        for connection in list(self._connections):
            await connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    def next_id(self) -> int:
        return next(self._ids)

    # ----------------------------------------------------------------- waiting helpers

    async def wait_for(
        self,
        predicate: Callable[[RecordedRequest], bool],
        *,
        count: int = 1,
        timeout: float = 10.0,
        check: Callable[[], None] | None = None,
    ) -> list[RecordedRequest]:
        """Wait until ``count`` recorded requests match; ``check`` may raise to fail early."""
        deadline = time.monotonic() + timeout
        async with self._changed:
            while True:
                matches = [request for request in self.requests if predicate(request)]
                if len(matches) >= count:
                    return matches
                if check is not None:
                    check()
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"only {len(matches)} of {count} expected requests arrived")
                try:
                    await asyncio.wait_for(self._changed.wait(), timeout=min(remaining, 0.2))
                except TimeoutError:
                    continue

    def matching(self, method: str, fragment: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == method and fragment in r.path]

    # ----------------------------------------------------------------- driving the bot

    async def dispatch(self, event: str, data: JSON) -> None:
        """Send a guild event on the shard that owns the guild."""
        for connection in self._connections:
            if _owns_guild(connection.shard):
                await self._send(connection, {"op": 0, "t": event, "d": data})
                return
        raise RuntimeError("no gateway connection owns the fake guild")

    def interaction_payload(
        self,
        kind: int,
        data: JSON,
        *,
        moderator: bool = False,
        manage_guild: bool = False,
        channel_id: int = CHANNEL_ID,
        user_id: int | None = None,
    ) -> tuple[JSON, Invocation]:
        interaction_id = self.next_id()
        token = f"interaction-token-{interaction_id}"
        user_id = user_id or self.next_id()
        roles = [MODERATOR_ROLE_ID] if moderator else []
        permissions = VIEW_AND_SEND | (MANAGE_GUILD if manage_guild else 0)
        payload: JSON = {
            "id": str(interaction_id),
            "application_id": str(APPLICATION_ID),
            "type": kind,
            "token": token,
            "version": 1,
            "guild_id": str(GUILD_ID),
            "channel_id": str(channel_id),
            "channel": self._channel(channel_id, f"channel-{channel_id}"),
            "member": member_payload(
                user_payload(user_id, f"user{user_id % 1000}"), roles=roles, permissions=permissions
            ),
            "data": data,
            "locale": "en-GB",
            "guild_locale": "en-GB",
            "app_permissions": str(VIEW_AND_SEND),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(GUILD_ID)},
            "context": 0,
            "attachment_size_limit": 8 * 1024 * 1024,
        }
        return payload, Invocation(interaction_id, token, time.monotonic())

    async def invoke(
        self,
        name: str,
        options: Mapping[str, Any] | None = None,
        *,
        files: Mapping[str, tuple[str, bytes]] | None = None,
        **who: Any,
    ) -> Invocation:
        """Run a slash command as a guild member; ``who`` sets role, permission or user id.

        ``files`` maps an attachment option to (file name, bytes): Discord sends the option
        as an attachment id resolved in the payload, and the file is served at its URL."""
        data: JSON = {
            "id": str(self._command_id(name)),
            "name": name,
            "type": 1,
            "options": _options(options),
        }
        for option, (filename, content) in (files or {}).items():
            attachment = self.attachment_payload(filename, content)
            data["options"].append({"name": option, "type": 11, "value": attachment["id"]})
            data.setdefault("resolved", {}).setdefault("attachments", {})[attachment["id"]] = (
                attachment
            )
        return await self.send_interaction(2, data, **who)

    async def send_interaction(
        self, kind: int, data: JSON, *, expired: bool = False, **who: Any
    ) -> Invocation:
        """Send an interaction of any ``kind`` (2 command, 4 autocomplete) with ``data`` as
        given, whether or not it matches what the bot registered: a client with a stale
        command list sends removed commands, renamed or retyped options, dropped choices.
        ``expired``: its token is already past its time when the bot answers."""
        payload, invocation = self.interaction_payload(kind, data, **who)
        if expired:
            self.expired_tokens.add(invocation.token)
        invocation.sent_at = time.monotonic()
        await self.dispatch("INTERACTION_CREATE", payload)
        return invocation

    async def invoke_subcommand(
        self, name: str, subcommand: str, options: Mapping[str, Any] | None = None, **who: Any
    ) -> Invocation:
        """Run ``/name subcommand`` as a guild member."""
        data = {
            "id": str(self._command_id(name)),
            "name": name,
            "type": 1,
            "options": [{"name": subcommand, "type": 1, "options": _options(options)}],
        }
        return await self.send_interaction(2, data, **who)

    def attachment_payload(self, filename: str, content: bytes) -> JSON:
        """An uploaded file as Discord describes it; its URL is served by this fake."""
        attachment_id = self.next_id()
        self.files[attachment_id] = content
        url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{filename}"
        return {
            "id": str(attachment_id),
            "filename": filename,
            "size": len(content),
            "url": url,
            "proxy_url": url,
            "content_type": "application/octet-stream",
        }

    async def _attachment(self, request: web.Request) -> web.Response:
        attachment_id = int(request.match_info["id"])
        self.downloads.append(attachment_id)
        content = self.files.get(attachment_id)
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content, content_type="application/octet-stream")

    def command_id(self, name: str) -> int:
        """The id Discord gave a registered command; a made-up one for any other name."""
        try:
            return self._command_id(name)
        except KeyError:
            return self.next_id()

    async def autocomplete(self, name: str, option: str, typed: str) -> list[JSON]:
        data = {
            "id": str(self._command_id(name)),
            "name": name,
            "type": 1,
            "options": [{"name": option, "type": 3, "value": typed, "focused": True}],
        }
        payload, invocation = self.interaction_payload(4, data)
        await self.dispatch("INTERACTION_CREATE", payload)
        (callback,) = await self.wait_for(self.callback_of(invocation))
        choices: list[JSON] = callback.body["data"]["choices"]
        return choices

    async def post_message(
        self,
        content: str,
        *,
        channel_id: int = CHANNEL_ID,
        mention_bot: bool = False,
        author_is_bot: bool = False,
        author_id: int | None = None,
        reply_to: int | None = None,
        deleted: bool = False,
    ) -> int:
        """Deliver a MESSAGE_CREATE from a guild member (a new one unless ``author_id``),
        replying to message ``reply_to`` when given; ``deleted``: its author deletes it
        before the bot can reply."""
        message_id = self.next_id()
        if deleted:
            self.deleted_messages.add(message_id)
        author_id = author_id or self.next_id()
        author = user_payload(author_id, "asker", bot=author_is_bot)
        mentions = [user_payload(BOT_USER_ID, "Rapporteur", bot=True)] if mention_bot else []
        payload = self.message_payload(
            message_id, channel_id, content=content, author=author, mentions=mentions
        )
        payload["guild_id"] = str(GUILD_ID)
        if reply_to is not None:
            payload["type"] = 19
            payload["message_reference"] = {
                "message_id": str(reply_to),
                "channel_id": str(channel_id),
                "guild_id": str(GUILD_ID),
            }
        member = member_payload(author, roles=[], permissions=0)
        del member["user"]
        payload["member"] = member
        await self.dispatch("MESSAGE_CREATE", payload)
        return message_id

    async def click(
        self, message_id: int, custom_id: str, *, user_id: int | None = None, **who: Any
    ) -> Invocation:
        """Click the button ``custom_id`` on a message the bot sent, as a guild member."""
        message = self.messages[message_id]
        buttons = [
            button["custom_id"]
            for row in message.get("components") or []
            for button in row.get("components", [])
            if "custom_id" in button
        ]
        if custom_id not in buttons:
            raise KeyError(f"message {message_id} has no button {custom_id!r}: {buttons}")
        data = {"custom_id": custom_id, "component_type": 2}
        channel_id = int(message["channel_id"])
        payload, invocation = self.interaction_payload(
            3, data, channel_id=channel_id, user_id=user_id, **who
        )
        payload["message"] = message
        self._clicked[invocation.id] = message_id
        await self.dispatch("INTERACTION_CREATE", payload)
        return invocation

    def modal_of(self, invocation: Invocation) -> JSON:
        """The modal the bot opened in answer to ``invocation`` (callback type 9)."""
        for request in self.requests:
            if self.callback_of(invocation)(request) and request.body["type"] == 9:
                modal: JSON = request.body["data"]
                return modal
        raise KeyError("the bot opened no modal for that interaction")

    async def submit_modal(
        self, invocation: Invocation, *values: str, user_id: int | None = None
    ) -> Invocation:
        """Fill the text inputs of the modal ``invocation`` opened, in order, and submit it."""
        modal = self.modal_of(invocation)
        filled = iter(values)

        def submitted(component: JSON) -> JSON:
            if component["type"] == 1:
                return {"type": 1, "components": [submitted(c) for c in component["components"]]}
            if component["type"] == 18:
                return {"type": 18, "component": submitted(component["component"])}
            return {"type": component["type"], "custom_id": component["custom_id"],
                    "value": next(filled, "")}  # fmt: skip

        data = {
            "custom_id": modal["custom_id"],
            "components": [submitted(component) for component in modal["components"]],
        }
        payload, submission = self.interaction_payload(5, data, user_id=user_id)
        await self.dispatch("INTERACTION_CREATE", payload)
        return submission

    def buttons(self, message_id: int) -> list[JSON]:
        """The buttons a message shows now, in order."""
        message = self.messages[message_id]
        return [
            button
            for row in message.get("components") or []
            for button in row.get("components", [])
        ]

    def original_of(self, invocation: Invocation) -> JSON:
        """The message that answered ``invocation`` (its response, or the follow-up that
        replaced "thinking…")."""
        return self.messages[self._originals[invocation.token]]

    @staticmethod
    def callback_of(invocation: Invocation) -> Callable[[RecordedRequest], bool]:
        suffix = f"/interactions/{invocation.id}/{invocation.token}/callback"
        return lambda request: request.method == "POST" and request.path.endswith(suffix)

    @staticmethod
    def followups_of(invocation: Invocation) -> Callable[[RecordedRequest], bool]:
        """Edits of the original response and follow-up messages of one interaction."""
        prefix = f"/webhooks/{APPLICATION_ID}/{invocation.token}"
        return lambda request: (
            request.path.startswith(prefix)
            and request.method
            in {
                "POST",
                "PATCH",
            }
        )

    # ----------------------------------------------------------------- payloads

    def message_payload(
        self,
        message_id: int,
        channel_id: int,
        *,
        content: str = "",
        author: JSON | None = None,
        mentions: list[JSON] | None = None,
        embeds: list[JSON] | None = None,
    ) -> JSON:
        return {
            "id": str(message_id),
            "channel_id": str(channel_id),
            "author": author or user_payload(BOT_USER_ID, "Rapporteur", bot=True),
            "content": content,
            "timestamp": "2024-01-01T00:00:00+00:00",
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": mentions or [],
            "mention_roles": [],
            "attachments": [],
            "embeds": embeds or [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
        }

    def _channel(self, channel_id: int, name: str) -> JSON:
        channel: JSON = {
            "id": str(channel_id),
            "type": 0,
            "guild_id": str(GUILD_ID),
            "name": name,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }
        if channel_id == THREAD_ID:
            channel |= {
                "type": 11,
                "parent_id": str(ANSWER_CHANNEL_ID),
                "owner_id": str(OWNER_ID),
                "message_count": 0,
                "member_count": 1,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": 1440,
                    "archive_timestamp": "2024-01-01T00:00:00+00:00",
                    "locked": False,
                },
            }
        return channel

    def _guild(self) -> JSON:
        bot_user = user_payload(BOT_USER_ID, "Rapporteur", bot=True)
        return {
            "id": str(GUILD_ID),
            "name": "Fake UN",
            "icon": None,
            "owner_id": str(OWNER_ID),
            "unavailable": False,
            "member_count": 3,
            "large": False,
            "features": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-GB",
            "system_channel_flags": 0,
            "afk_timeout": 300,
            "emojis": [],
            "stickers": [],
            "roles": [
                {
                    "id": str(GUILD_ID),
                    "name": "@everyone",
                    "permissions": str(VIEW_AND_SEND),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                },
                {
                    "id": str(MODERATOR_ROLE_ID),
                    "name": "Moderators",
                    "permissions": str(VIEW_AND_SEND),
                    "position": 1,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": True,
                    "flags": 0,
                },
            ],
            "channels": [
                self._channel(CHANNEL_ID, "general"),
                self._channel(ANSWER_CHANNEL_ID, "ask-the-rapporteur"),
            ],
            "threads": [self._channel(THREAD_ID, "a-thread")],
            "members": [member_payload(bot_user, roles=[], permissions=VIEW_AND_SEND)],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
        }

    def _command_id(self, name: str) -> int:
        for registered in self.commands.values():
            for command in registered:
                if command["name"] == name:
                    return int(command["id"])
        raise KeyError(f"command {name!r} was never registered")

    # ----------------------------------------------------------------- REST

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        body: Any = None
        files: list[UploadedFile] = []
        if request.can_read_body:
            raw = await request.read()
            if request.content_type == "application/json":
                body = json.loads(raw)
            elif request.content_type.startswith("multipart/"):
                body, files = parse_multipart(request.headers["Content-Type"], raw)
        path = "/" + request.match_info["tail"]
        recorded = RecordedRequest(
            request.method, path, dict(request.query), body, time.monotonic(), files
        )
        fault = next((f for f in self.faults if (f.method, f.path) == (request.method, path)), None)
        if fault is not None:
            return await self._faulty(recorded, fault)
        status, reply = self._route(request, recorded)
        self.requests.append(recorded)
        if status >= 400 and status != 401:
            self.unexpected.append(recorded)
        async with self._changed:
            self._changed.notify_all()
        if status == 204:
            return web.Response(status=204)
        return web.Response(
            status=status,
            body=json.dumps(reply).encode(),
            headers={"Content-Type": "application/json"},
        )

    async def _faulty(self, recorded: RecordedRequest, fault: Fault) -> web.StreamResponse:
        self.requests.append(recorded)
        async with self._changed:
            self._changed.notify_all()
        if fault.hang:
            await self._stopping.wait()
        return web.Response(
            status=fault.status, body=fault.body, headers={"Content-Type": fault.content_type}
        )

    def _route(self, request: web.Request, recorded: RecordedRequest) -> tuple[int, Any]:
        method, path, body = recorded.method, recorded.path, recorded.body
        parts = path.strip("/").split("/")
        if request.headers.get("Authorization") == f"Bot {REJECTED_TOKEN}":
            return 401, {"message": "401: Unauthorized", "code": 0}
        if (method, path) == ("GET", "/users/@me"):
            return 200, user_payload(BOT_USER_ID, "Rapporteur", bot=True)
        if (method, path) == ("GET", "/oauth2/applications/@me"):
            return 200, self._application()
        if (method, path) == ("GET", "/gateway/bot"):
            return 200, {
                "url": self.gateway_url,
                "shards": self.shard_count,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 1000,
                    "reset_after": 0,
                    "max_concurrency": 16,
                },
            }
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            scope = "global" if len(parts) == 3 else f"guild:{parts[3]}"
            self.commands[scope] = [self._registered(command, parts) for command in body]
            return 200, self.commands[scope]
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            if parts[2] in self.expired_tokens:
                return 404, {"message": "Unknown interaction", "code": 10062}
            if self.tokens_expire_after_ack:
                self.expired_tokens.add(parts[2])
            self._tokens[int(parts[1])] = parts[2]
            return 200, self._callback_reply(int(parts[1]), body, recorded.files)
        if parts[0] == "webhooks" and len(parts) > 2 and parts[2] in self.expired_tokens:
            return 401, {"message": "Invalid Webhook Token", "code": 50027}
        if parts[0] == "webhooks" and method == "PATCH" and parts[-2] == "messages":
            token = parts[2]
            wanted = self._originals.get(token) if parts[-1] == "@original" else int(parts[-1])
            if wanted is None or wanted not in self.messages:
                return 404, {"message": "Unknown Message", "code": 10008}
            return 200, self._edited(wanted, body, recorded.files)
        if parts[0] == "webhooks" and method == "POST":
            sent = self._sent_message(body, CHANNEL_ID, recorded.files)
            self._originals.setdefault(parts[2], int(sent["id"]))
            return 200, sent
        if method == "PATCH" and parts[0] == "channels" and parts[-2] == "messages":
            if int(parts[-1]) not in self.messages:
                return 404, {"message": "Unknown Message", "code": 10008}
            return 200, self._edited(int(parts[-1]), body, recorded.files)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "typing":
            return 204, None
        if method == "DELETE" and parts[0] == "webhooks" and parts[-1] == "@original":
            return 204, None
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            reference = (body or {}).get("message_reference") or {}
            if int(reference.get("message_id", 0)) in self.deleted_messages:
                return 400, {
                    "message": "Invalid Form Body",
                    "code": 50035,
                    "errors": {
                        "message_reference": {
                            "_errors": [
                                {"code": "REPLIES_UNKNOWN_MESSAGE", "message": "Unknown message"}
                            ]
                        }
                    },
                }
            return 200, self._sent_message(body, int(parts[1]), recorded.files)
        return 404, {"message": "Unknown route in fake Discord", "code": 0}

    def _application(self) -> JSON:
        return {
            "id": str(APPLICATION_ID),
            "name": "Rapporteur",
            "icon": None,
            "description": "Answers questions about a UN report.",
            "bot_public": False,
            "bot_require_code_grant": False,
            "owner": user_payload(OWNER_ID, "owner"),
            "verify_key": "0" * 64,
            "flags": 0,
            "team": None,
            "summary": "",
        }

    def _registered(self, command: JSON, parts: list[str]) -> JSON:
        registered = dict(command)
        registered |= {
            "id": str(self.next_id()),
            "application_id": str(APPLICATION_ID),
            "version": str(self.next_id()),
            "type": command.get("type", 1),
        }
        if len(parts) > 3:
            registered["guild_id"] = parts[3]
        return registered

    def _callback_reply(self, interaction_id: int, body: Any, files: list[UploadedFile]) -> JSON:
        """Callback types: 4 a message, 5 "thinking…" (the first follow-up replaces it),
        6 an acknowledged click, 7 the clicked message edited, 9 a modal opened."""
        callback_type = body["type"]
        data = body.get("data") or {}
        reply: JSON = {
            "interaction": {
                "id": str(interaction_id),
                "type": 2,
                "response_message_loading": callback_type == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & (1 << 6)),
            },
            "resource": {"type": callback_type},
        }
        message: JSON | None = None
        if callback_type == 4:
            message = self._sent_message(data, CHANNEL_ID, files)
            self._originals[self._tokens[interaction_id]] = int(message["id"])
        elif callback_type == 7:
            message = self._edited(self._clicked[interaction_id], data, files)
        if message is not None:
            reply["resource"]["message"] = message
            reply["interaction"]["response_message_id"] = message["id"]
        return reply

    def _sent_message(self, body: Any, channel_id: int, files: list[UploadedFile]) -> JSON:
        content = body.get("content") or "" if isinstance(body, dict) else ""
        embeds = body.get("embeds") if isinstance(body, dict) else None
        sent = self.message_payload(
            self.next_id(), channel_id, content=content, embeds=embeds or []
        )
        described = (body.get("attachments") or []) if isinstance(body, dict) else []
        sent["attachments"] = [self._stored_attachment(upload, described) for upload in files]
        if isinstance(body, dict):
            sent["components"] = body.get("components") or []
            sent["flags"] = body.get("flags") or 0
        self.sent.append(sent)
        self.messages[int(sent["id"])] = sent
        return sent

    def _edited(self, message_id: int, body: Any, files: list[UploadedFile]) -> JSON:
        """An edit keeps what it does not name, as Discord's does."""
        message = self.messages[message_id]
        if isinstance(body, dict):
            for key in ("content", "embeds", "components"):
                if key in body and body[key] is not None:
                    message[key] = body[key]
        if files:
            described = body.get("attachments") or [] if isinstance(body, dict) else []
            message["attachments"] = [self._stored_attachment(f, described) for f in files]
        message["edited_timestamp"] = "2024-01-01T00:00:01+00:00"
        return message

    def _stored_attachment(self, upload: UploadedFile, described: list[JSON]) -> JSON:
        """An uploaded file as Discord returns it, with the description the upload gave."""
        index = upload.field.removeprefix("files[").removesuffix("]")
        details = next((a for a in described if str(a.get("id")) == index), {})
        attachment_id = self.next_id()
        url = f"http://127.0.0.1:{self.port}/attachments/{attachment_id}/{upload.filename}"
        return {
            "id": str(attachment_id),
            "filename": upload.filename or "file",
            "size": len(upload.data),
            "url": url,
            "proxy_url": url,
            "content_type": upload.content_type,
            "description": details.get("description"),
        }

    # ----------------------------------------------------------------- gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        connection = _Connection(ws, compress=request.query.get("compress") == "zlib-stream")
        if self.silent_gateway:
            await self._stopping.wait()
            return ws
        self._connections.append(connection)
        try:
            await self._send(connection, {"op": 10, "d": {"heartbeat_interval": 41_250}})
            async for message in ws:
                if message.type != WSMsgType.TEXT:
                    break
                await self._on_gateway_message(connection, json.loads(message.data))
        finally:
            self._connections.remove(connection)
        return ws

    async def _on_gateway_message(self, connection: _Connection, message: JSON) -> None:
        op = message.get("op")
        data: JSON = message.get("d") or {}
        if op == 1:
            await self._send(connection, {"op": 11})
        elif op == 2:
            self.identifies.append(data)
            shard = data.get("shard") or (0, 1)
            connection.shard = (int(shard[0]), int(shard[1]))
            await self._identify(connection)
        elif op == 8:
            chunk: JSON = {
                "guild_id": str(GUILD_ID),
                "members": [],
                "chunk_index": 0,
                "chunk_count": 1,
                "nonce": data.get("nonce"),
            }
            await self._send(connection, {"op": 0, "t": "GUILD_MEMBERS_CHUNK", "d": chunk})

    async def _identify(self, connection: _Connection) -> None:
        owns_guild = _owns_guild(connection.shard)
        ready = {
            "v": 10,
            "user": user_payload(BOT_USER_ID, "Rapporteur", bot=True),
            "guilds": [{"id": str(GUILD_ID), "unavailable": True}] if owns_guild else [],
            "session_id": f"session-{self.next_id()}",
            "resume_gateway_url": self.gateway_url,
            "shard": list(connection.shard),
            "application": {"id": str(APPLICATION_ID), "flags": 0},
            "private_channels": [],
            "relationships": [],
        }
        await self._send(connection, {"op": 0, "t": "READY", "d": ready})
        if owns_guild:
            await self._send(connection, {"op": 0, "t": "GUILD_CREATE", "d": self._guild()})
            self.guild_created.set()

    async def _send(self, connection: _Connection, payload: JSON) -> None:
        if payload.get("op") == 0:
            connection.sequence += 1
            payload["s"] = connection.sequence
        text = json.dumps(payload)
        if connection.compress:
            data = connection.deflate.compress(text.encode()) + connection.deflate.flush(
                zlib.Z_SYNC_FLUSH
            )
            await connection.ws.send_bytes(data)
        else:
            await connection.ws.send_str(text)

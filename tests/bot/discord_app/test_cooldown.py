"""One window per person; told once per window; bounded memory."""

from __future__ import annotations

from bot.discord_app.cooldown import PersonCooldown, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_one_question_per_window_and_one_notice_per_window() -> None:
    clock = Clock()
    cooldown = PersonCooldown(3, clock=clock)
    assert cooldown.ask(1) == Verdict(None)
    clock.now += 1
    assert cooldown.ask(1) == Verdict(2.0, tell=True)
    assert cooldown.ask(1) == Verdict(2.0, tell=False)
    assert cooldown.ask(2) == Verdict(None), "another person has their own window"
    clock.now += 2
    assert cooldown.ask(1) == Verdict(None), "a new window"
    clock.now += 0.5
    assert cooldown.ask(1) == Verdict(2.5, tell=True), "and a new notice in it"


def test_zero_seconds_is_off() -> None:
    cooldown = PersonCooldown(0)
    assert all(cooldown.ask(1) == Verdict(None) for _ in range(5))


def test_the_oldest_people_are_forgotten_first() -> None:
    clock = Clock()
    cooldown = PersonCooldown(60, capacity=2, clock=clock)
    for person in (1, 2, 3):
        cooldown.ask(person)
    assert cooldown.ask(1) == Verdict(None), "1 was forgotten to keep 2 and 3"
    assert cooldown.ask(3).retry_after is not None

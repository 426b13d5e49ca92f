"""A synthetic news corpus for benchmarks: varied, deterministic, any size.

Articles are assembled from attribution sentences of many shapes (said/told/
according to/quoted by/in an interview with, split quotes, pronouns, photo
credits, contribution lines, bylines), narration, URLs (some wrapped as print
dumps wrap them) and site furniture, with names, outlets and numbers drawn
from a seeded random generator — so no two articles are the same text and a
run is repeatable. Nothing here is copied from a real article.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ["Anna", "Oleg", "Maria", "Kemal", "Sofia", "Ivan", "Leila", "James", "Chen", "Fatima",
         "Pierre", "Nadia", "Tomas", "Aisha", "Mevlüt", "Jürgen", "Elena", "Kwame", "Yusuf", "Olga"]
LAST = ["Petrova", "Ivanov", "Demir", "Kowalski", "Haddad", "Moreau", "Okafor", "Novak", "Lindqvist",
        "Çelik", "Sato", "Rahimi", "Fischer", "Smirnova", "Garcia", "Nguyen", "Brennan", "Volkov"]
ROLES = ["Deputy Foreign Minister", "the defense minister", "a senior official", "the spokeswoman",
         "human rights activist", "the regional governor", "an analyst at the institute"]
OUTLETS = ["TASS", "ТАСС", "Reuters", "AFP", "RIA Novosti", "Interfax", "Sputnik", "the Associated Press",
           "RTVI", "Anadolu Agency", "Xinhua", "the BBC", "Al Jazeera", "Bloomberg"]
DOMAINS = ["tass.com", "reuters.com", "afp.com", "ria.ru", "interfax.ru", "rtvi.com", "aa.com.tr",
           "example-news.org", "themoscowtimes.com", "bbc.co.uk"]
TOPICS = ["the ceasefire talks", "grain exports", "the border crossing", "the prisoner exchange",
          "fuel prices", "the election results", "the new sanctions", "the refugee camps"]
VERBS = ["said", "told reporters", "added", "warned", "noted", "claimed", "announced", "explained"]
FURNITURE = [
    "Sign up for our free weekly newsletter\nOur weekly newsletter contains a hand-picked selection of news.\n"
    "Subscribers agree to the Privacy Policy",
    "A Message from the Editors:\nDear readers,\nWe need your help to keep providing independent journalism. "
    "Please support us monthly starting from just $2.\nSupport us\nRemind me later.",
    "Read more",
]


def article(rng: random.Random, index: int) -> str:
    """One synthetic article of roughly 2-6 KB."""
    people = [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(3)]
    topic = rng.choice(TOPICS)
    lines = [f"{people[0][1]} says {topic} will resume, report {index}", "",
             f"By {rng.choice(FIRST)} {rng.choice(LAST)}", ""]
    if rng.random() < 0.5:
        lines += [f"A street in the capital. {rng.choice(FIRST)} {rng.choice(LAST)} / "
                  f"{rng.choice(['EPA', 'AFP', 'Reuters'])} / {rng.choice(['TASS', 'ТАСС', 'ZUMA Press Wire'])}", ""]
    for _ in range(rng.randint(6, 16)):
        first, last = rng.choice(people)
        outlet = rng.choice(OUTLETS)
        number = rng.randint(2, 5000)
        shape = rng.randrange(9)
        if shape == 0:
            para = (f"{rng.choice(ROLES).capitalize()} {first} {last} {rng.choice(VERBS)} on Monday that "
                    f"{number} people had been affected by {topic}.")
        elif shape == 1:
            para = f"“We will not accept {topic} on these terms,” {last} told {outlet}."
        elif shape == 2:
            para = f"{number} fighters had crossed the border, according to {outlet}."
        elif shape == 3:
            para = f"“The situation is difficult,” {first} {last} was quoted as saying by {outlet}. “We expect more.”"
        elif shape == 4:
            para = f"{first} {last} said in an interview with {outlet} that {topic} had stalled.\n“Nothing moves,” she added."
        elif shape == 5:
            para = (f"The monitoring group, citing sources in the region, said about {number} people had left "
                    f"since {topic} began.")
        elif shape == 6:
            para = (f"Officials met on Tuesday to discuss {topic}. The meeting lasted {number % 9 + 1} hours and "
                    "ended without a joint statement, and the delegations left separately.")
        elif shape == 7:
            para = f"Related article: {last} Warns of Delays in {topic.title()}"
        else:
            url = f"https://www.{rng.choice(DOMAINS)}/{2000 + number % 26}/news/{topic.replace(' ', '-')}-{number}"
            if rng.random() < 0.3:  # wrapped as a print dump wraps it
                cut = rng.randint(len(url) // 2, len(url) - 3)
                para = f"Original url:\n{url[:cut]}\n{url[cut:]}"
            else:
                para = url
        lines += [para, ""]
    if rng.random() < 0.6:
        lines += [rng.choice(["Reuters", "AFP", "Interfax"]) + " contributed reporting to this article.", ""]
    if rng.random() < 0.5:
        lines += [rng.choice(FURNITURE), ""]
    return "\n".join(lines)


def write_corpus(root: Path, count: int, seed: int = 7, per_directory: int = 1000) -> int:
    """Write ``count`` articles under ``root``; return the total bytes written."""
    rng = random.Random(seed)
    total = 0
    for i in range(count):
        folder = root / f"part{i // per_directory:04d}"
        if i % per_directory == 0:
            folder.mkdir(parents=True, exist_ok=True)
        data = article(rng, i).encode("utf-8")
        (folder / f"article{i:07d}.txt").write_bytes(data)
        total += len(data)
    return total

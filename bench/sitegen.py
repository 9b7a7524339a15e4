"""Generate a deterministic clinic site of N articles for benchmarking.

Articles are about 1,200 words, mostly Markdown with some HTML and plain text, assembled from
the sentence bank below: neutral copy, hedged and negated statements that must pass, and
overclaims, factual slips and contradictions that the default pack reports, so rules fire at
a realistic rate. The same N and seed always give the same bytes.

The bank is small, so its sentences recur across a site far more than a real site's do. With
`--distinct`, each neutral sentence also names a reference word of its own, so that nearly every
sentence of the site differs from every other while the same rules fire: what cross-article
rules hold and compare then grows with the site, as it does on a real one.
"""

from __future__ import annotations

import argparse
import html
import random
from pathlib import Path

_SUBJECTS = [
    "Our clinicians", "The care team", "Your provider", "A nurse", "Our coordinator", "The medical director",
    "Each clinician", "Our staff", "Your therapist", "Someone from our team",
]
_VERBS = [
    "reviews", "explains", "discusses", "answers questions about", "writes down", "checks",
    "talks through", "plans", "revisits", "summarises", "shares", "updates",
]
_OBJECTS = [
    "your medical history", "the treatment schedule", "insurance and cost", "your current medications",
    "how you have been sleeping", "what happens at each visit", "your goals for the coming months",
    "who to call between visits", "the notes from your last appointment", "how to prepare for a session",
    "the paperwork for your employer", "transport to and from the clinic",
]
_CONTEXTS = ["At the start", "In plain language", "Before the first session", "As things change", "Each week", "By phone", "If you ask", "Later on"]


def neutral_sentences() -> list[str]:
    """Distinct neutral sentences; no two share a verb and object, so none repeats another."""
    rng = random.Random(0)
    return [f"{rng.choice(_CONTEXTS)}, {rng.choice(_SUBJECTS).lower()} {v} {o}." for v in _VERBS for o in _OBJECTS]


NEUTRAL = neutral_sentences()
HEDGED = [
    "Research suggests that ketamine may ease symptoms of depression for some patients.",
    "Early studies indicate that ketamine might help some people with anxiety, although larger trials are needed.",
    "Ketamine is being studied as a possible treatment for PTSD, with mixed results so far.",
    "In clinical trials, some people felt better within hours to a day after an infusion.",
    "Animal studies suggest that ketamine promotes new connections between existing nerve cells.",
    "Its mechanism is not fully understood, and researchers are exploring several theories.",
    "Benefits after a single infusion usually fade within one to two weeks.",
    "The long-term effects of repeated treatment are still being studied.",
    "Ketamine blocks NMDA receptors, a type of glutamate receptor.",
    "Ketamine does not permanently rewire the brain, and relapse is common.",
    "Ketamine is not a cure for depression, but it may help some people feel better.",
    "BDNF is a protein that supports the growth and survival of nerve cells.",
    "The human brain has about 86 billion neurons.",
    "Esketamine nasal spray (Spravato) is FDA-approved for treatment-resistant depression in adults.",
    "IV ketamine for depression is off-label, which means the FDA has not reviewed it for that use.",
]
OVERCLAIMS = [
    "Ketamine permanently rewires the brain.",
    "Ketamine is a miracle cure for depression.",
    "Our treatment has no side effects and is completely safe.",
    "Ketamine is non-addictive, so there is no risk.",
    "It is the biggest breakthrough in psychiatry in fifty years.",
    "Ketamine literally resets your brain.",
    "The healing benefits last long after treatment ends.",
    "We guarantee results for every patient.",
]
FACTUAL = [
    "Ketamine increases the production of another neurotransmitter, called BDNF.",
    "Ketamine works by calming glutamate, the brain's main excitatory chemical.",
    "Ketamine increases the activity of GABA receptors, which calms the brain.",
    "The brain contains about 100 billion neurons.",
    "Ketamine grows new neurons in the adult brain.",
    "Our FDA-approved clinic offers ketamine infusions.",
]
UNHEDGED = [
    "Ketamine is an effective treatment for anxiety.",
    "Ketamine treats PTSD.",
    "Ketamine is proven to relieve chronic pain.",
    "Ketamine works for OCD.",
]
CONTRADICTING = [
    "Ketamine leads to a surge in glutamate release in the prefrontal cortex.",
    "By blocking glutamate, ketamine quiets the mind.",
    "Each infusion session lasts about 40 minutes.",
    "Each infusion session lasts about 90 minutes.",
]
SAFETY = [
    "Common side effects include dissociation, dizziness and nausea, which usually pass within two hours.",
    "Ketamine temporarily raises blood pressure, so we check it before, during and after each session.",
    "Ketamine can be misused and can cause dependence, so we screen for substance-use history.",
    "It is not suitable for people with uncontrolled high blood pressure, a history of psychosis, or who are pregnant.",
    "Every session is supervised by a clinician, and you are monitored until you are ready to leave.",
    "Plan for someone to drive you home, and do not drive until the next day.",
]
HEADINGS = [
    "How ketamine therapy works", "What to expect at your first visit", "Who may benefit",
    "The science in brief", "Preparing for treatment", "After your session", "Frequently asked questions",
]


def _paragraph(rng: random.Random, flagged_rate: float, used: set[str]) -> list[tuple[str, bool]]:
    """(sentence, whether it is neutral) of one paragraph."""
    sentences = []
    for _ in range(rng.randint(4, 7)):
        roll = rng.random()
        if roll < flagged_rate:
            bank = rng.choice([OVERCLAIMS, FACTUAL, UNHEDGED, CONTRADICTING])
        elif roll < 0.2:
            bank = HEDGED
        else:
            bank = NEUTRAL
        sentence = rng.choice(bank)
        if sentence in used:
            continue
        used.add(sentence)
        sentences.append((sentence, bank is NEUTRAL))
    return sentences or [(rng.choice(NEUTRAL), True)]


_LETTERS = "bcdfghjklmnpqrstvwxz"


def _reference(number: int) -> str:
    """A made-up word of its own for each number below 20**7 (scrambled so that neighbours
    share no long prefix)."""
    n = number * 1_000_003 % 20**7
    return "ref" + "".join(_LETTERS[n // 20**i % 20] for i in range(7))


def article_parts(index: int, seed: int = 7, distinct: bool = False) -> tuple[str, list[tuple[str, list[str]]]]:
    """Title and (heading, paragraphs) sections of article `index`, about 1,200 words."""
    rng = random.Random(seed * 1_000_003 + index)
    title = f"{rng.choice(['Understanding', 'A guide to', 'Questions about', 'Living with'])} ketamine therapy, part {index}"
    sections = []
    words = 0
    used: set[str] = set()
    numbers = iter(range(index * 1000, index * 1000 + 1000))

    def tag(sentence: str) -> str:
        return f"{sentence[:-1]}, as filed under {_reference(next(numbers))}."
    headings = rng.sample(HEADINGS, k=len(HEADINGS))
    while words < 1100:
        paragraphs = [_paragraph(rng, 0.03, used) for _ in range(rng.randint(2, 4))]
        words += sum(len(sentence.split()) for p in paragraphs for sentence, _ in p)
        texts = [" ".join(tag(s) if distinct and neutral else s for s, neutral in p) for p in paragraphs]
        sections.append((headings[len(sections) % len(headings)], texts))
    if rng.random() < 0.7:
        sections.append(("Side effects and safety", [" ".join(rng.sample(SAFETY, k=rng.randint(3, 6)))]))
    return title, sections


def render(index: int, seed: int = 7, distinct: bool = False) -> tuple[str, str]:
    """(file name, content) of article `index`: Markdown, with every 10th HTML and every 15th plain text."""
    title, sections = article_parts(index, seed, distinct)
    if index % 10 == 9:
        body = "".join(
            f"<h2>{html.escape(h)}</h2>\n" + "".join(f"<p>{html.escape(p)}</p>\n" for p in ps) for h, ps in sections
        )
        return f"article-{index:05d}.html", f"<html><body>\n<h1>{html.escape(title)}</h1>\n{body}</body></html>\n"
    if index % 15 == 14:
        body = "".join(f"{h}\n\n" + "".join(f"{p}\n\n" for p in ps) for h, ps in sections)
        return f"article-{index:05d}.txt", f"{title}\n\n{body}"
    body = "".join(f"## {h}\n\n" + "".join(f"{p}\n\n" for p in ps) for h, ps in sections)
    return f"article-{index:05d}.md", f"# {title}\n\n{body}"


def write_site(folder: Path, count: int, seed: int = 7, distinct: bool = False) -> int:
    """Write `count` articles into `folder`; returns the total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        name, content = render(i, seed, distinct)
        data = content.encode("utf-8")
        target = folder / name
        # A site kept from an earlier run is left as it is: rewriting it leaves the kernel
        # writing tens of megabytes back while the first timings run.
        if not (target.is_file() and target.stat().st_size == len(data) and target.read_bytes() == data):
            target.write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("-n", "--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--distinct", action="store_true", help="give each neutral sentence a reference word of its own")
    args = parser.parse_args()
    size = write_site(args.folder, args.count, args.seed, args.distinct)
    print(f"wrote {args.count} articles ({size / 1e6:.1f} MB) to {args.folder}")


if __name__ == "__main__":
    main()

"""Rule packs: YAML files of rules, validated completely before any article is linted.

Every problem is one `RuleFileError` naming `file:line`: unknown keys (with a did-you-mean),
wrong types, missing fields, regexes that do not compile, duplicate ids.
"""

from __future__ import annotations

import os
import re
import string
from pathlib import Path

from ketalint import rules as rule_types
from ketalint.errors import RuleFileError
from ketalint.lazyregex import eager
from ketalint.finding import CATEGORIES, SEVERITIES
from ketalint.rules.base import SCOPES, Option, OptionError, Reference, RuleSpec, RuleType
from ketalint.values import Frozen
from ketalint.yamlfile import LineDict, load_yaml

COMMON_KEYS = (
    "id", "type", "category", "severity", "message", "suggestion", "rationale", "references", "scope", "examples",
    "supersedes",
)
REQUIRED_KEYS = ("id", "type", "category", "severity", "message")
PACK_KEYS = ("pack", "description", "rules")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+$")
_PACK_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class Rule(Frozen):
    """A loaded rule: its spec and the compiled rule type that checks it."""

    __slots__ = ("spec", "impl", "known_digest")
    _compared = ("spec", "impl")

    def __init__(self, spec: RuleSpec, impl: RuleType, known_digest: str = ""):
        """`known_digest` is `digest` as kept in a rule-set snapshot; it takes no part in
        equality or the repr."""
        self.assign(spec=spec, impl=impl, known_digest=known_digest)

    def __repr__(self) -> str:
        return f"Rule(spec={self.spec!r}, impl={self.impl!r})"

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def digest(self) -> str:
        """A hash of the full spec: cached results depend on every part of it. A pack's specs
        print to half a megabyte, so the hash is kept in the rule-set snapshot, and worked out
        (once per spec) only for rules loaded without one."""
        return self.known_digest or spec_digest(self.spec)


_DIGESTS: dict[int, tuple[RuleSpec, str]] = {}


def spec_digest(spec: RuleSpec) -> str:
    known = _DIGESTS.get(id(spec))
    if known is not None and known[0] is spec:
        return known[1]
    from ketalint.storage import blake2b

    value = blake2b(repr(spec).encode(), 16).hexdigest()
    _DIGESTS[id(spec)] = (spec, value)
    return value


def default_pack_dir() -> Path:
    """The default pack: installed as `ketalint.rulepack`, or the source tree's `rules/` folder.

    The package's own folder is where `importlib.resources` would find it too; looking it up
    with `find_spec` spares a one-article run from importing `importlib.resources`."""
    try:
        from importlib.util import find_spec

        spec = find_spec("ketalint.rulepack")
        if spec is not None and spec.origin and spec.has_location and os.path.basename(spec.origin) == "__init__.py":
            return Path(spec.origin).parent
    except (ModuleNotFoundError, ValueError):
        pass
    try:
        from importlib.resources import files

        return Path(str(files("ketalint.rulepack")))
    except (ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parent.parent / "rules"


def pack_files(path: Path) -> list[Path]:
    """The pack files of a folder (`*.yaml`, `*.yml`; names starting with `_` hold data, not rules)."""
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise RuleFileError("no such rule pack file or folder", str(path))
    return sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("_"))


def load_packs(paths: list[Path]) -> list[Rule]:
    """Load and validate every rule of every pack; ids must be unique across all of them."""
    loaded: list[Rule] = []
    seen: dict[str, RuleSpec] = {}
    for path in paths:
        for file in pack_files(path):
            for rule in load_pack_file(file):
                first = seen.get(rule.id)
                if first is not None:
                    raise RuleFileError(
                        f"duplicate rule id '{rule.id}' (first defined at {first.path}:{first.line})",
                        rule.spec.path,
                        rule.spec.line,
                    )
                seen[rule.id] = rule.spec
                loaded.append(rule)
    # A superseded id of a loaded pack must exist (a typo would silently replace nothing); one
    # of a pack not loaded has nothing to replace.
    packs = {spec.pack for spec in seen.values()}
    for rule in loaded:
        for other in rule.spec.supersedes:
            if other not in seen and other.split(".", 1)[0] in packs:
                raise RuleFileError(f"rule '{rule.id}' supersedes '{other}', which pack '{other.split('.', 1)[0]}' does not define", rule.spec.path, rule.spec.line)
    return loaded


def load_pack_file(path: Path) -> list[Rule]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read rule pack: {exc}", str(path)) from None
    return parse_pack(text, str(path), default_pack=path.stem)


def parse_pack(text: str, path: str, default_pack: str = "custom") -> list[Rule]:
    """Rules of one pack file's text."""
    data = load_yaml(text, path, RuleFileError)
    if data is None:
        return []
    if not isinstance(data, LineDict):
        raise RuleFileError("a rule pack is a mapping with a 'rules' list", path, 1)
    _reject_unknown(data, PACK_KEYS, path, "pack")
    pack = data.get("pack", default_pack)
    if not isinstance(pack, str) or not _PACK_RE.match(pack):
        raise RuleFileError(f"'pack' must be a lower-case name, got {pack!r}", path, data.line_of("pack"))
    entries = data.get("rules", [])
    if not isinstance(entries, list):
        raise RuleFileError("'rules' must be a list of rules", path, data.line_of("rules"))
    out = []
    ids: dict[str, int] = {}
    for entry in entries:
        spec = parse_rule(entry, path, pack, data.line_of("rules"))
        if spec.id in ids:
            raise RuleFileError(f"duplicate rule id '{spec.id}' (first on line {ids[spec.id]})", path, spec.line)
        ids[spec.id] = spec.line
        out.append(Rule(spec, build(spec, entry)))
    return out


def build(spec: RuleSpec, entry: LineDict | None = None, compile_now: bool = True) -> RuleType:
    """The rule type for a validated spec. Its patterns compile now, so that errors name the rule,
    unless the spec was validated before (a rule-set snapshot)."""
    if not compile_now:
        return rule_types.get(spec.type)(spec)
    try:
        with eager():
            return rule_types.get(spec.type)(spec)
    except re.error as exc:
        raise RuleFileError(f"rule '{spec.id}': regular expression does not compile: {exc}", spec.path, spec.line) from None
    except OptionError as exc:
        line = entry.line_of(exc.key) if entry is not None else spec.line
        raise RuleFileError(f"rule '{spec.id}': {exc}", spec.path, line) from None


def parse_rule(entry, path: str, pack: str, list_line: int) -> RuleSpec:
    """Validate one rule mapping into a RuleSpec."""
    if not isinstance(entry, LineDict):
        raise RuleFileError("each rule must be a mapping", path, list_line)
    line = entry.line
    impl = _rule_type(entry, path)
    # Unknown keys first: a misspelt `categroy` is better reported as itself, with the key it
    # was meant to be, than as a missing `category`.
    where = f"rule '{entry['id']}'" if isinstance(entry.get("id"), str) else "rule"
    _reject_unknown(entry, COMMON_KEYS + tuple(impl.OPTIONS if impl else ()), path, where, types_known=impl is not None)
    for key in REQUIRED_KEYS:
        if key not in entry:
            raise RuleFileError(f"rule is missing the required key '{key}'", path, line)
    for key in ("id", "type", "category", "severity", "message"):
        _expect(entry, key, "str", path)
    rule_id = entry["id"]
    if not _ID_RE.match(rule_id):
        raise RuleFileError(f"rule id '{rule_id}' must be dotted lower-case, like '{pack}.name'", path, entry.line_of("id"))
    if not rule_id.startswith(pack + "."):
        raise RuleFileError(f"rule id '{rule_id}' must start with its pack name '{pack}.'", path, entry.line_of("id"))
    type_name = entry["type"]
    _one_of(entry, "category", CATEGORIES, path)
    _one_of(entry, "severity", SEVERITIES, path)
    _check_template(entry, "message", path)
    for key in ("suggestion", "rationale"):
        if key in entry:
            _expect(entry, key, "str", path)
    options = {}
    for key, option in impl.OPTIONS.items():
        if key in entry:
            _expect(entry, key, option.kind, path)
            _check_bounds(entry, key, option, path)
            options[key] = entry[key]
        elif option.required:
            raise RuleFileError(f"rule '{rule_id}' of type '{type_name}' needs '{key}'", path, line)
    _check_regexes(entry, impl.OPTIONS, path)
    flag, passing = _examples(entry, path)
    return RuleSpec(
        id=rule_id,
        type=type_name,
        category=entry["category"],
        severity=entry["severity"],
        message=entry["message"].strip(),
        suggestion=entry.get("suggestion"),
        rationale=entry.get("rationale"),
        references=_references(entry, path),
        scope=_scope(entry, path),
        supersedes=_supersedes(entry, path),
        flag_examples=flag,
        pass_examples=passing,
        options=options,
        path=path,
        line=line,
    )


def _rule_type(entry: LineDict, path: str):
    """The rule type class an entry names; None when it names none (reported as missing later)."""
    type_name = entry.get("type")
    if type_name is None:
        return None
    if not isinstance(type_name, str) or type_name not in rule_types.TYPES:
        raise RuleFileError(_unknown("rule type", type_name, rule_types.names()), path, entry.line_of("type"))
    return rule_types.get(type_name)


def _reject_unknown(mapping: LineDict, allowed, path: str, what: str, types_known: bool = True) -> None:
    """Keys that are not allowed; without a known rule type only near-misses of common keys are
    reported, since any other key may be an option of the type."""
    for key in mapping:
        if key not in allowed:
            if not types_known and not _close_to(key, allowed):
                continue
            raise RuleFileError(_unknown("key", key, allowed, f" in {what}"), path, mapping.line_of(key))


def _close_to(value, allowed) -> bool:
    import difflib

    return bool(difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6))


def _unknown(what: str, value, allowed, where: str = "") -> str:
    import difflib

    close = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else f"; expected one of: {', '.join(sorted(map(str, allowed)))}"
    return f"unknown {what} '{value}'{where}{hint}"


_KIND_CHECKS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "float": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "bool": lambda v: isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "dict[str,str]": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, str) for k, x in v.items()),
    "dict[str,list]": lambda v: isinstance(v, dict) and all(isinstance(k, str) and isinstance(x, list) for k, x in v.items()),
    "dict[str,list[str]]": lambda v: isinstance(v, dict) and all(
        isinstance(k, str) and isinstance(x, list) and all(isinstance(i, str) for i in x) for k, x in v.items()
    ),
    "list[dict]": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
    "dict": lambda v: isinstance(v, dict),
    "any": lambda v: True,
}
_KIND_NAMES = {
    "str": "a string", "int": "a whole number", "float": "a number", "bool": "true or false",
    "list[str]": "a list of strings", "dict[str,str]": "a mapping of strings to strings",
    "dict[str,list]": "a mapping of names to lists", "list[dict]": "a list of mappings", "dict": "a mapping",
    "dict[str,list[str]]": "a mapping of names to lists of strings",
    "any": "a value",
}


def _expect(entry: LineDict, key: str, kind: str, path: str) -> None:
    if not _KIND_CHECKS[kind](entry[key]):
        got = _yaml_type(entry[key])
        raise RuleFileError(f"'{key}' must be {_KIND_NAMES[kind]}, got {got}", path, entry.line_of(key))


def _yaml_type(value) -> str:
    """A value's kind in the words of a YAML file, for error messages."""
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list" if all(isinstance(x, str) for x in value) else "a list with an item that is not a string"
    if isinstance(value, dict):
        plain = all(isinstance(k, str) and isinstance(x, str) for k, x in value.items())
        return "a mapping" if plain else "a mapping with a key or value that is not a string"
    for kind, name in ((bool, "true/false"), (int, "a number"), (float, "a number"), (str, "a string")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _check_bounds(entry: LineDict, key: str, option: Option, path: str) -> None:
    value = entry[key]
    if option.choices and value not in option.choices:
        raise RuleFileError(_unknown(f"value for '{key}':", value, option.choices), path, entry.line_of(key))
    too_low = option.minimum is not None and value < option.minimum
    too_high = option.maximum is not None and value > option.maximum
    if too_low or too_high:
        bounds = f"between {option.minimum:g} and {option.maximum:g}" if option.maximum is not None else f"at least {option.minimum:g}"
        raise RuleFileError(f"'{key}' must be {bounds}, got {value}", path, entry.line_of(key))


def _one_of(entry: LineDict, key: str, allowed, path: str) -> None:
    if entry[key] not in allowed:
        raise RuleFileError(_unknown(key, entry[key], allowed), path, entry.line_of(key))


def _check_template(entry: LineDict, key: str, path: str) -> None:
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(entry[key]) if f is not None]
    except ValueError as exc:
        raise RuleFileError(f"'{key}' is not a valid template: {exc} (write {{{{ and }}}} for literal braces)", path, entry.line_of(key)) from None
    for name in names:
        if not name.isidentifier():
            raise RuleFileError(f"'{key}' has an invalid placeholder '{{{name}}}'", path, entry.line_of(key))


_REGEX_KEYS = ("patterns", "subject", "predicate", "exceptions", "exclude", "benefit_patterns", "allow", "topics")
_PHRASE_KEYS = ("phrases",)


def _check_regexes(entry: LineDict, options: dict[str, Option], path: str) -> None:
    """Every regex compiles and cannot match empty text (which would flag every position)."""
    for key, pattern in regexes_of(entry, options):
        if pattern in _VALID_OFFERED:
            continue
        try:
            empty = re.compile(pattern).match("") is not None
        except re.error as exc:
            raise RuleFileError(f"'{key}': regular expression {pattern!r} does not compile: {exc}", path, entry.line_of(key)) from None
        if empty:
            raise RuleFileError(f"'{key}': regular expression {pattern!r} matches empty text", path, entry.line_of(key))
    for key in _PHRASE_KEYS:
        if key in options and key in entry and any(not p.strip() for p in entry[key]):
            raise RuleFileError(f"'{key}' has an empty phrase", path, entry.line_of(key))


def regexes_of(values, options: dict[str, Option]):
    """(key, regex) for each regular expression a rule entry, or a rule's options, gives (a value
    that is not a string is left to the option's own check)."""
    keys = [k for k in _REGEX_KEYS if k in options and k in values]
    if values.get("regex") is True and isinstance(values.get("swap"), dict):
        keys.append("swap")
    for key in keys:
        patterns = values[key].values() if key == "topics" and isinstance(values[key], dict) else values[key]
        for pattern in patterns:
            if isinstance(pattern, str):
                yield key, pattern


_VALID_OFFERED: set[str] = set()


def offer_valid_regexes(patterns: set[str]) -> None:
    """Regexes that an earlier validation of this same code and interpreter passed (see
    `ketalint.snapshot`), which are then not compiled again to be checked; an empty set
    withdraws them. Whether a regex compiles, and matches empty text, depends on nothing else."""
    _VALID_OFFERED.clear()
    _VALID_OFFERED.update(patterns)


def _examples(entry: LineDict, path: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    examples = entry.get("examples")
    if examples is None:
        return (), ()
    if not isinstance(examples, LineDict):
        raise RuleFileError("'examples' must be a mapping with 'flag' and 'pass' lists", path, entry.line_of("examples"))
    _reject_unknown(examples, ("flag", "pass"), path, "examples")
    for key in ("flag", "pass"):
        if key in examples:
            _expect(examples, key, "list[str]", path)
    return tuple(examples.get("flag", ())), tuple(examples.get("pass", ()))


def _references(entry: LineDict, path: str) -> tuple[Reference, ...]:
    refs = entry.get("references", [])
    if not isinstance(refs, list):
        raise RuleFileError("'references' must be a list", path, entry.line_of("references"))
    out = []
    for ref in refs:
        if isinstance(ref, str):
            out.append(Reference(title=ref))
            continue
        if not isinstance(ref, LineDict):
            raise RuleFileError("a reference is a string or a mapping with 'title' and 'url', 'pmid' or 'doi'", path, entry.line_of("references"))
        _reject_unknown(ref, ("title", "url", "pmid", "doi"), path, "reference")
        if not isinstance(ref.get("title"), str):
            raise RuleFileError("a reference needs a 'title'", path, ref.line)
        out.append(Reference(ref["title"], *(str(ref[k]) if k in ref else None for k in ("url", "pmid", "doi"))))
    return tuple(out)


def _supersedes(entry: LineDict, path: str) -> tuple[str, ...]:
    """Rule ids whose findings this rule's findings replace where they overlap (see `ketalint.engine`)."""
    value = entry.get("supersedes", [])
    values = [value] if isinstance(value, str) else value
    line = entry.line_of("supersedes")
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise RuleFileError("'supersedes' must be a rule id or a list of them", path, line)
    for value in values:
        if not _ID_RE.match(value):
            raise RuleFileError(f"'supersedes' names '{value}', which is not a rule id", path, line)
        if value == entry.get("id"):
            raise RuleFileError("a rule cannot supersede itself", path, line)
    return tuple(values)


def _scope(entry: LineDict, path: str) -> tuple[str, ...]:
    scope = entry.get("scope", "any")
    values = [scope] if isinstance(scope, str) else scope
    if not isinstance(values, list) or not values:
        raise RuleFileError("'scope' must be a scope name or a list of them", path, entry.line_of("scope"))
    for value in values:
        if value not in SCOPES:
            raise RuleFileError(_unknown("scope", value, SCOPES), path, entry.line_of("scope"))
    return tuple(values)

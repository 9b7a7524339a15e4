"""Configuration: `.ketalint.yaml`, or `[tool.ketalint]` in `pyproject.toml`, found by walking up.

    default_pack: true            # the shipped rules; false to use only `packs`
    packs: [house-rules/]         # more rule packs (files or folders), relative to this file
    include: ["content/**"]       # only lint these (globs); default: every supported file
    exclude: ["drafts/**"]
    rules:                        # by id or dotted prefix; the most specific key wins
      style: off
      overclaim.literally: warning
    overrides:                    # per-glob rule settings, applied after `rules`
      - files: ["legacy/**"]
        rules: {unhedged: info}
    fail_on: warning              # error, warning or info
    corpus: ["content/**/*.md"]   # articles that make up the site (cross-article rules)
    cache_dir: .ketalint_cache
"""

from __future__ import annotations

from pathlib import Path

from ketalint.errors import ConfigError
from ketalint.finding import SEVERITIES
from ketalint.values import Frozen
from ketalint.yamlfile import LineDict, load_yaml

CONFIG_NAMES = (".ketalint.yaml", ".ketalint.yml")
RULE_VALUES = ("on", "off") + SEVERITIES

# key -> (kind, default); kinds are checked by `_check`.
KEYS: dict[str, tuple[str, object]] = {
    "default_pack": ("bool", True),
    "packs": ("list[str]", []),
    "include": ("list[str]", []),
    "exclude": ("list[str]", []),
    "rules": ("rules", {}),
    "overrides": ("overrides", []),
    "fail_on": ("severity", "warning"),
    "corpus": ("list[str]", []),
    "cache_dir": ("str", ".ketalint_cache"),
    "max_file_size_mb": ("number", 100),
}


class Override(Frozen):
    """Rule settings for the files matching any of `files` (globs)."""

    __slots__ = ("files", "rules")

    def __init__(self, files: tuple[str, ...], rules: dict[str, str]):
        self.assign(files=files, rules=rules)


class Config(Frozen):
    """Settings for one run. Paths in it are absolute (resolved against the config's folder)."""

    __slots__ = (
        "root", "path", "default_pack", "packs", "include", "exclude", "rules", "overrides",
        "fail_on", "corpus", "cache_dir", "max_file_size_mb", "extra",
    )

    def __init__(
        self,
        root: Path,
        path: Path | None = None,
        default_pack: bool = True,
        packs: tuple[Path, ...] = (),
        include: tuple[str, ...] = (),
        exclude: tuple[str, ...] = (),
        rules: dict[str, str] | None = None,
        overrides: tuple[Override, ...] = (),
        fail_on: str = "warning",
        corpus: tuple[str, ...] = (),
        cache_dir: Path | None = None,
        max_file_size_mb: float = 100,
        extra: dict | None = None,
    ):
        self.assign(
            root=root,
            path=path,
            default_pack=default_pack,
            packs=packs,
            include=include,
            exclude=exclude,
            rules={} if rules is None else rules,
            overrides=overrides,
            fail_on=fail_on,
            corpus=corpus,
            cache_dir=cache_dir,
            max_file_size_mb=max_file_size_mb,
            extra={} if extra is None else extra,
        )


def find_config(start: Path) -> tuple[Path, dict | None] | None:
    """The nearest config file at or above `start`: `.ketalint.yaml` first, then `pyproject.toml`."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate, None
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _pyproject_table(pyproject)
            if table is not None:
                return pyproject, table
    return None


def load_config(explicit: Path | None = None, start: Path | None = None, cache: bool = False, cache_dir: Path | None = None) -> Config:
    """The configuration for a run: `explicit`, or the nearest one found, or the defaults.

    With `cache`, a YAML config that loaded before is taken from the cache folder (`cache_dir`,
    else `.ketalint_cache` beside the config) instead of being parsed again (see
    `ketalint.tablecache`)."""
    start = (start or Path.cwd()).resolve()
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError("config file not found", str(explicit))
        found = (explicit.resolve(), _pyproject_table(explicit) if explicit.name == "pyproject.toml" else None)
        if explicit.name == "pyproject.toml" and found[1] is None:
            raise ConfigError("no [tool.ketalint] table", str(explicit))
    else:
        found = find_config(start)
    if found is None:
        return Config(root=start, cache_dir=start / ".ketalint_cache")
    path, table = found
    if table is None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read config: {exc}", str(path)) from None
        if cache:
            return _load_yaml_config(text, path, cache_dir)
        table = load_yaml(text, str(path), ConfigError)
        if table is None:
            table = LineDict()
    return parse_config(table, path)


def _load_yaml_config(text: str, path: Path, cache_dir: Path | None) -> Config:
    """The config from its stored table when one was kept for exactly this text; otherwise parsed,
    and kept when it is valid and the cache folder is the one this config itself names."""
    from ketalint.tablecache import read_table, write_table

    folder = cache_dir if cache_dir is not None else path.parent / ".ketalint_cache"
    table = read_table(folder, text)
    if table is not None:
        return parse_config(table, path)
    table = load_yaml(text, str(path), ConfigError)
    config = parse_config(LineDict() if table is None else table, path)
    if cache_dir is not None or folder.resolve() == config.cache_dir:
        write_table(folder, text, {} if table is None else table)
    return config


def _pyproject_table(path: Path) -> dict | None:
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", str(path)) from None
    table = data.get("tool", {}).get("ketalint")
    if table is not None and not isinstance(table, dict):
        raise ConfigError("[tool.ketalint] must be a table", str(path))
    return table


def parse_config(table, path: Path) -> Config:
    """Validate a config mapping (from YAML or TOML) into a Config."""
    where = str(path)
    if not isinstance(table, dict):
        raise ConfigError("the configuration must be a mapping", where, 1)
    for key in table:
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), list(KEYS), n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else f"; known keys: {', '.join(KEYS)}"
            raise ConfigError(f"unknown key '{key}'{hint}", where, _line(table, key))
    values = {key: _check(table, key, kind, where) for key, (kind, default) in KEYS.items() if key in table}
    root = path.parent
    merged = {key: default for key, (_, default) in KEYS.items()} | values
    return Config(
        root=root,
        path=path,
        default_pack=merged["default_pack"],
        packs=tuple((root / p).resolve() for p in merged["packs"]),
        include=tuple(merged["include"]),
        exclude=tuple(merged["exclude"]),
        rules=dict(merged["rules"]),
        overrides=tuple(merged["overrides"]),
        fail_on=merged["fail_on"],
        corpus=tuple(merged["corpus"]),
        cache_dir=(root / merged["cache_dir"]).resolve(),
        max_file_size_mb=merged["max_file_size_mb"],
    )


def _line(table, key) -> int | None:
    return table.line_of(key) if isinstance(table, LineDict) else None


def _check(table, key: str, kind: str, where: str):
    value = table[key]
    line = _line(table, key)
    if kind == "bool" and not isinstance(value, bool):
        raise ConfigError(f"'{key}' must be true or false", where, line)
    if kind == "str" and not isinstance(value, str):
        raise ConfigError(f"'{key}' must be a string", where, line)
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
        raise ConfigError(f"'{key}' must be a positive number", where, line)
    if kind == "list[str]":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"'{key}' must be a list of strings", where, line)
    if kind == "severity" and value not in SEVERITIES:
        raise ConfigError(f"'{key}' must be one of {', '.join(SEVERITIES)}, got {value!r}", where, line)
    if kind == "rules":
        value = rule_settings(value, f"'{key}'", where, line)
    if kind == "overrides":
        value = _overrides(value, where, line)
    return value


def rule_settings(value, what: str, where: str, line) -> dict[str, str]:
    """`{id-or-prefix: on|off|error|warning|info}`; YAML's true/false mean on/off."""
    if not isinstance(value, dict):
        raise ConfigError(f"{what} must be a mapping of rule ids or prefixes to on, off or a severity", where, line)
    out = {}
    for rule, setting in value.items():
        if setting is True:
            setting = "on"
        elif setting is False:
            setting = "off"
        if not isinstance(rule, str) or setting not in RULE_VALUES:
            raise ConfigError(
                f"{what}: '{rule}' must be set to one of {', '.join(RULE_VALUES)}, got {setting!r}",
                where,
                value.line_of(rule) if isinstance(value, LineDict) else line,
            )
        out[rule] = setting
    return out


def _overrides(value, where: str, line) -> list[Override]:
    if not isinstance(value, list):
        raise ConfigError("'overrides' must be a list of {files, rules} mappings", where, line)
    out = []
    for item in value:
        item_line = item.line if isinstance(item, LineDict) else line
        if not isinstance(item, dict) or set(item) - {"files", "rules"} or "files" not in item:
            raise ConfigError("each override needs 'files' (globs) and 'rules', and nothing else", where, item_line)
        files = [item["files"]] if isinstance(item["files"], str) else item["files"]
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ConfigError("'files' of an override must be a list of globs", where, item_line)
        out.append(Override(tuple(files), rule_settings(item.get("rules", {}), "override 'rules'", where, item_line)))
    return out

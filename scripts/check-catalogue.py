#!/usr/bin/env python3
"""Validate resources/demo/catalogue.json (the Coulisse demo catalogue).

Usage: check-catalogue.py [path/to/catalogue.json]
Prints every problem with its JSON path and exits 1, or prints a summary and exits 0.
"""
import json
import os
import sys

DIM_CODES = ["genre", "terminal", "combat_mode", "art_style", "theme", "pricing", "developer"]
TERMINAL_EN = {"PC", "Mobile", "Handheld", "Console"}
# (min, max) tag count per dimension; developer is checked against the games instead.
DIM_COUNTS = {"genre": (12, 20), "terminal": (4, 4), "combat_mode": (5, 8), "art_style": (5, 8),
              "theme": (8, 15), "pricing": (4, 4), "developer": (1, 100)}
GENERAL_NAMES = ["教程", "搞笑", "集锦", "解说", "实况", "攻略", "高光时刻", "娱乐", "速通", "评测",
                 "新手向", "剧情", "直播录像", "翻车", "整活", "音乐MAD", "比赛", "开箱"]
# words the duration generator keys on
GENERAL_KEYWORDS = {"教程": ["Tutorial"], "攻略": ["Guide"], "新手向": ["Guide"], "集锦": ["Highlights"],
                    "高光时刻": ["Highlights"], "搞笑": ["Funny"], "翻车": ["Fail"], "整活": ["Meme"],
                    "直播录像": ["Live", "Stream"], "比赛": ["Match"], "剧情": ["Story"]}
GAME_COUNT = 60
MAX_YEAR = 2024
CHAR_RANGE, ITEM_RANGE, MODE_RANGE = (6, 14), (3, 8), (2, 5)

problems = []


def bad(path, msg):
    problems.append(f"{path}: {msg}")


def is_str(v):
    return isinstance(v, str) and v.strip() != ""


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def check_named(obj, path, extra=()):
    """name / name_en / aliases entry. Returns the name or None."""
    if not isinstance(obj, dict):
        bad(path, "must be an object")
        return None
    for k in ("name", "name_en"):
        if not is_str(obj.get(k)):
            bad(f"{path}.{k}", "missing or not a non-empty string")
    al = obj.get("aliases")
    if not isinstance(al, list):
        bad(f"{path}.aliases", "missing or not a list")
    else:
        for i, a in enumerate(al):
            if not is_str(a):
                bad(f"{path}.aliases[{i}]", "not a non-empty string")
            elif a == obj.get("name"):
                bad(f"{path}.aliases[{i}]", f"alias equals the name {a!r}")
        if len(set(al)) != len(al):
            bad(f"{path}.aliases", "duplicate aliases")
    allowed = {"name", "name_en", "aliases", *extra}
    for k in obj:
        if k not in allowed:
            bad(f"{path}.{k}", "unexpected key")
    return obj.get("name") if is_str(obj.get("name")) else None


def check_count(seq, lo, hi, path, what):
    if not (lo <= len(seq) <= hi):
        want = str(lo) if lo == hi else f"{lo}-{hi}"
        bad(path, f"{len(seq)} {what}, expected {want}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "demo", "catalogue.json")
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError) as e:
        print(f"$: cannot load {path}: {e}")
        return 1
    if not isinstance(data, dict):
        print("$: top level must be an object")
        return 1
    for k in data:
        if k not in ("dimensions", "general", "games"):
            bad(f"$.{k}", "unexpected key")

    # ---- dimensions
    dim_names = {}  # code -> set of tag names
    dims = data.get("dimensions")
    if not isinstance(dims, list):
        bad("$.dimensions", "missing or not a list")
        dims = []
    codes = [d.get("code") if isinstance(d, dict) else None for d in dims]
    if codes != DIM_CODES:
        bad("$.dimensions", f"codes {codes} != {DIM_CODES}")
    for di, d in enumerate(dims):
        p = f"$.dimensions[{di}]"
        if not isinstance(d, dict):
            bad(p, "must be an object")
            continue
        for k in ("code", "name", "name_en"):
            if not is_str(d.get(k)):
                bad(f"{p}.{k}", "missing or not a non-empty string")
        for k in d:
            if k not in ("code", "name", "name_en", "tags"):
                bad(f"{p}.{k}", "unexpected key")
        code = d.get("code")
        tags = d.get("tags")
        if not isinstance(tags, list):
            bad(f"{p}.tags", "missing or not a list")
            continue
        names = []
        for ti, t in enumerate(tags):
            n = check_named(t, f"{p}.tags[{ti}]")
            if n is not None:
                if n in names:
                    bad(f"{p}.tags[{ti}].name", f"duplicate tag name {n!r}")
                names.append(n)
        if code in DIM_COUNTS:
            lo, hi = DIM_COUNTS[code]
            check_count(tags, lo, hi, f"{p}.tags", "tags")
        if code == "terminal":
            ens = {t.get("name_en") for t in tags if isinstance(t, dict)}
            if ens != TERMINAL_EN:
                bad(f"{p}.tags", f"terminal name_en set {sorted(map(str, ens))} != {sorted(TERMINAL_EN)}")
        if isinstance(code, str):
            dim_names[code] = set(names)

    # ---- general
    gen = data.get("general")
    if not isinstance(gen, list):
        bad("$.general", "missing or not a list")
        gen = []
    gnames = []
    for gi, g in enumerate(gen):
        p = f"$.general[{gi}]"
        n = check_named(g, p, extra=("weight", "title_words"))
        if n is None:
            continue
        if n in gnames:
            bad(f"{p}.name", f"duplicate general tag {n!r}")
        gnames.append(n)
        w = g.get("weight")
        if not is_int(w) or not 1 <= w <= 10:
            bad(f"{p}.weight", f"{w!r} is not an integer 1-10")
        tw = g.get("title_words")
        if not isinstance(tw, list) or not 2 <= len(tw) <= 4 or not all(is_str(x) for x in tw):
            bad(f"{p}.title_words", "must be a list of 2-4 non-empty strings")
        en = g.get("name_en") or ""
        for kw in GENERAL_KEYWORDS.get(n, []):
            if kw not in en:
                bad(f"{p}.name_en", f"{en!r} must contain {kw!r}")
    if sorted(gnames) != sorted(GENERAL_NAMES):
        missing = [x for x in GENERAL_NAMES if x not in gnames]
        extra = [x for x in gnames if x not in GENERAL_NAMES]
        bad("$.general", f"expected the 18 content tags; missing {missing}, unexpected {extra}")

    # ---- games
    games = data.get("games")
    if not isinstance(games, list):
        bad("$.games", "missing or not a list")
        games = []
    if len(games) != GAME_COUNT:
        bad("$.games", f"{len(games)} games, expected {GAME_COUNT}")
    seen_games = set()
    used_devs = set()
    totals = {"characters": 0, "items": 0, "modes": 0}
    pops = []
    game_keys = ("name", "name_en", "aliases", "developer", "released", "popularity", "introduction",
                 "tags", "characters", "items", "modes")
    for gi, g in enumerate(games):
        p = f"$.games[{gi}]"
        name = check_named(g, p, extra=game_keys)
        if name is None:
            continue
        p = f"$.games[{gi}]({name})"
        if name in seen_games:
            bad(f"{p}.name", "duplicate game name")
        seen_games.add(name)
        for k in game_keys:
            if k not in g:
                bad(f"{p}.{k}", "missing")
        dev = g.get("developer")
        if not is_str(dev):
            bad(f"{p}.developer", "missing or not a non-empty string")
        elif dev not in dim_names.get("developer", set()):
            bad(f"{p}.developer", f"{dev!r} is not a developer-dimension tag")
        rel = g.get("released")
        if not is_int(rel) or not 1970 <= rel <= MAX_YEAR:
            bad(f"{p}.released", f"{rel!r} is not a year 1970-{MAX_YEAR}")
        pop = g.get("popularity")
        if not is_int(pop) or not 1 <= pop <= 100:
            bad(f"{p}.popularity", f"{pop!r} is not an integer 1-100")
        else:
            pops.append(pop)
        if not is_str(g.get("introduction")):
            bad(f"{p}.introduction", "missing or not a non-empty string")
        tags = g.get("tags")
        if not isinstance(tags, dict):
            bad(f"{p}.tags", "missing or not an object")
            tags = {}
        for k in tags:
            if k not in DIM_CODES:
                bad(f"{p}.tags.{k}", "unknown dimension")
        for code in DIM_CODES:
            vals = tags.get(code)
            tp = f"{p}.tags.{code}"
            if not isinstance(vals, list) or not vals:
                bad(tp, "missing or empty (every game needs at least one tag per dimension)")
                continue
            if len(set(map(str, vals))) != len(vals):
                bad(tp, "duplicate values")
            for vi, v in enumerate(vals):
                if v not in dim_names.get(code, set()):
                    bad(f"{tp}[{vi}]", f"{v!r} is not a tag of dimension {code}")
            if code == "developer":
                used_devs.update(v for v in vals if isinstance(v, str))
                if is_str(dev) and dev not in vals:
                    bad(tp, f"must contain the game's developer {dev!r}")
        seen_sub = {}
        for key, (lo, hi) in (("characters", CHAR_RANGE), ("items", ITEM_RANGE), ("modes", MODE_RANGE)):
            lst = g.get(key)
            if not isinstance(lst, list):
                bad(f"{p}.{key}", "missing or not a list")
                continue
            check_count(lst, lo, hi, f"{p}.{key}", key)
            totals[key] += len(lst)
            for ei, e in enumerate(lst):
                ep = f"{p}.{key}[{ei}]"
                n = check_named(e, ep)
                if n is None:
                    continue
                if n == name:
                    bad(f"{ep}.name", "equals the game's name")
                if n in seen_sub:
                    bad(f"{ep}.name", f"{n!r} already used in {seen_sub[n]}")
                else:
                    seen_sub[n] = f"{key}[{ei}]"

    # developer tags must be exactly the developers the games use
    for ti, t in enumerate(next((d.get("tags", []) for d in dims
                                 if isinstance(d, dict) and d.get("code") == "developer"), [])):
        if isinstance(t, dict) and t.get("name") not in used_devs:
            bad(f"$.dimensions[6].tags[{ti}]", f"developer {t.get('name')!r} is not used by any game")

    # long-tail popularity: a few hits, most games small
    if pops:
        hits = sum(1 for x in pops if x >= 60)
        small = sum(1 for x in pops if x <= 30)
        if hits > 12:
            bad("$.games", f"{hits} games with popularity >= 60; expected only a few")
        if small < len(pops) / 2:
            bad("$.games", f"only {small} games with popularity <= 30; expected most")

    if problems:
        for pr in problems:
            print(pr)
        print(f"\n{len(problems)} problem(s) in {path}")
        return 1
    print(f"OK: {path}")
    print(f"games: {len(games)}")
    for d in dims:
        print(f"  {d['code']:<12} {len(d['tags'])} tags")
    print(f"general tags: {len(gen)}")
    print(f"characters: {totals['characters']}, items: {totals['items']}, modes: {totals['modes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

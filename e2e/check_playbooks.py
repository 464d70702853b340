#!/usr/bin/env python3
"""Independent check of the shipped playbooks, with PyYAML and jsonschema.

The product's own validator (`coach playbook validate`) is the authority; this script checks
the same files from outside the Swift code, so a bug in one does not hide a bug in the other:
every file against schema/playbook.schema.json, the same ids in English and Chinese, and the
minimum amounts of content the method needs.

Usage: check_playbooks.py [PLAYBOOK_DIR]   (default: the repository's playbooks/)
Exit status 0 when everything holds, 1 with a list of problems otherwise.
"""
import json
import pathlib
import sys

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
LANGS = ("en", "zh")
MODULES = ("account", "discovery", "questions", "relationships", "objections", "rubric",
           "negotiation", "checks", "lessons", "quiz", "drills",
           "management")


def id_paths(node, prefix=""):
    """Every id in a document, as a path of ids and keys (so parity compares structure)."""
    out = set()
    if isinstance(node, dict):
        here = prefix
        if "id" in node and isinstance(node["id"], str):
            here = f"{prefix}#{node['id']}"
            out.add(here)
        for key, value in node.items():
            if key in ("id",):
                continue
            out |= id_paths(value, f"{here}/{key}")
    elif isinstance(node, list):
        for item in node:
            out |= id_paths(item, prefix)
    return out


def sources(node, prefix=""):
    """The `source` of every item that has one, by its id path (so English and Chinese compare)."""
    out = {}
    if isinstance(node, dict):
        here = f"{prefix}#{node['id']}" if isinstance(node.get("id"), str) else prefix
        if "source" in node and here:
            out[here] = node["source"]
        for key, value in node.items():
            if key not in ("id", "source"):
                out.update(sources(value, f"{here}/{key}"))
    elif isinstance(node, list):
        for item in node:
            out.update(sources(item, prefix))
    return out


def minimums(module, doc, lang):
    """Content the issues ask for, per language."""
    problems = []
    if module == "questions":
        for t in doc.get("types", []):
            if len(t.get("examples", [])) < 6:
                problems.append(f"question type {t['id']}: fewer than 6 examples")
    if module == "objections":
        for c in doc.get("categories", []):
            if len(c.get("wordings", [])) < 5:
                problems.append(f"category {c['id']}: fewer than 5 wordings")
            if len(c.get("strategies", [])) != 4:
                problems.append(f"category {c['id']}: not exactly 4 strategies")
        for s in doc.get("steps", []):
            ex = s.get("examples", {})
            for cat in ("price", "time", "risk", "decision"):
                if cat not in ex:
                    problems.append(f"step {s['id']}: no example for {cat}")
    if module == "quiz" and len(doc.get("items", [])) < 90:
        problems.append(f"fewer than 90 quiz items ({len(doc.get('items', []))})")
    if module == "quiz":
        per_lesson = {}
        for item in doc.get("items", []):
            per_lesson[item.get("lesson")] = per_lesson.get(item.get("lesson"), 0) + 1
        # Every part of the course and the article has its own lesson with quiz items (issue 15).
        for lesson in ("account-management", "account-tiers", "team-support", "kpis", "common-mistakes"):
            if per_lesson.get(lesson, 0) < 4:
                problems.append(f"lesson {lesson}: fewer than 4 quiz items ({per_lesson.get(lesson, 0)})")
    if module == "quiz":
        for item in doc.get("items", []):
            ids = [o["id"] for o in item.get("options", [])]
            if item.get("answer") not in ids:
                problems.append(f"quiz item {item.get('id')}: answer is not one of its options")
    return problems


def main(argv):
    base = pathlib.Path(argv[1]) if len(argv) > 1 else ROOT / "playbooks"
    schema = json.loads((ROOT / "schema" / "playbook.schema.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    docs = {}
    for lang in LANGS:
        for module in MODULES:
            path = base / lang / f"{module}.yaml"
            if not path.exists():
                problems.append(f"{path}: missing")
                continue
            try:
                doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as err:
                problems.append(f"{path}: YAML error: {err}")
                continue
            for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
                where = "/".join(str(p) for p in err.absolute_path)
                problems.append(f"{path}: at {where or '(top)'}: {err.message[:300]}")
            if doc.get("module") != module:
                problems.append(f"{path}: module is {doc.get('module')!r}, expected {module!r}")
            if doc.get("language") != lang:
                problems.append(f"{path}: language is {doc.get('language')!r}, expected {lang!r}")
            problems += [f"{path}: {p}" for p in minimums(module, doc, lang)]
            docs[(lang, module)] = doc
    for module in MODULES:
        if ("en", module) in docs and ("zh", module) in docs:
            en, zh = id_paths(docs[("en", module)]), id_paths(docs[("zh", module)])
            for missing in sorted(en - zh):
                problems.append(f"zh/{module}.yaml: id {missing} is in English but not in Chinese")
            for missing in sorted(zh - en):
                problems.append(f"en/{module}.yaml: id {missing} is in Chinese but not in English")
            en_src, zh_src = sources(docs[("en", module)]), sources(docs[("zh", module)])
            for path in sorted(set(en_src) & set(zh_src)):
                if en_src[path] != zh_src[path]:
                    problems.append(f"{module}: {path} has source {en_src[path]!r} in English but {zh_src[path]!r} in Chinese")
    for p in problems:
        print(p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

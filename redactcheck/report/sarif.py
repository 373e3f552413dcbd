"""SARIF 2.1.0 for code-scanning dashboards (GitHub accepts it as uploaded)."""

from __future__ import annotations

import json

from redactcheck import __version__
from redactcheck.catalog import BUILTIN
from redactcheck.results import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"high": "error", "medium": "warning", "low": "note", "info": "note"}
INFO_URI = "https://github.com/redactcheck/redactcheck"


def _descriptors(report: Report) -> list[dict]:
    known = {r.spec.id: r.spec for r in report.rules}
    used = sorted({f.rule_id for f in report.findings})
    out = []
    severity: str
    for rule_id in used:
        if rule_id in known:
            spec = known[rule_id]
            name, desc, severity = spec.name, spec.description.strip(), spec.severity
            refs = "\n".join(f"- {r}" for r in spec.references)
            help_text = f"{desc}\n\nReferences:\n{refs}"
            props = {"category": spec.category, "entity": spec.entity, "system": spec.system}
        elif rule_id in BUILTIN:
            info = BUILTIN[rule_id]
            name, desc, severity = info.name, info.description, info.severity
            help_text = desc
            props = {"category": info.category, "entity": info.entity}
        else:
            name, desc, severity, help_text, props = rule_id, rule_id, "medium", rule_id, {}
        out.append(
            {
                "id": rule_id,
                "name": name.title().replace(" ", "").replace("'", ""),
                "shortDescription": {"text": name},
                "fullDescription": {"text": desc},
                "help": {"text": help_text, "markdown": help_text},
                "defaultConfiguration": {"level": LEVELS[severity]},
                "properties": {k: v for k, v in props.items() if v is not None}
                | {"tags": ["redactcheck", props.get("category", "finding")]},
            }
        )
    return out


def as_dict(report: Report) -> dict:
    rules = _descriptors(report)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results = []
    for f in report.findings:
        region = {
            "startLine": f.line,
            "startColumn": f.column,
            "endLine": f.end_line,
            "endColumn": f.end_column,
            "charOffset": f.start,
            "charLength": f.end - f.start,
            "snippet": {"text": f.text},
        }
        if f.page is not None:
            region["properties"] = {"page": f.page}
        result = {
            "ruleId": f.rule_id,
            "ruleIndex": index[f.rule_id],
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path},
                        "region": region,
                    },
                    "logicalLocations": [{"name": f.part, "kind": "module"}],
                }
            ],
            "partialFingerprints": {"redactcheckFingerprint/v1": f.fingerprint},
            "properties": {
                "category": f.category,
                "entity": f.entity,
                "severity": f.severity,
                "score": f.score,
                "part": f.part,
                "page": f.page,
                "system": f.system,
                "exemption": f.exemption,
            },
        }
        if f.bbox is not None:
            properties: dict[str, object] = result["properties"]  # type: ignore[assignment]
            properties["bbox"] = list(f.bbox)
            # SARIF's way to point into a picture: a rectangle on the page, here in PDF points
            # with the origin bottom left (top > bottom), as the message says
            result["attachments"] = [
                {
                    "description": {"text": f"page {f.page}, PDF points, origin bottom left"},
                    "artifactLocation": {"uri": f.path},
                    "rectangles": [
                        {
                            "left": f.bbox[0],
                            "bottom": f.bbox[1],
                            "right": f.bbox[2],
                            "top": f.bbox[3],
                        }
                    ],
                }
            ]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": e.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}],
        }
        for e in report.errors
    ] + [
        {
            "level": "note",
            "message": {"text": n.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": n.path}}}],
        }
        for n in report.notes
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "redactcheck",
                        "version": __version__,
                        "semanticVersion": __version__.split("+")[0],
                        "informationUri": INFO_URI,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"

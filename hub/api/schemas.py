"""OpenAPI request-body schemas for routes that read their JSON body themselves (to answer
size, encoding and syntax errors as problems); documentation only, never validation."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


def _inline(schema: Any, defs: dict[str, Any]) -> Any:
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/$defs/"):
            return _inline(defs[ref.removeprefix("#/$defs/")], defs)
        return {k: _inline(v, defs) for k, v in schema.items() if k != "$defs"}
    if isinstance(schema, list):
        return [_inline(v, defs) for v in schema]
    return schema


def request_body(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    inlined = _inline(schema, schema.get("$defs", {}))
    return {"requestBody": {"required": True,
                            "content": {"application/json": {"schema": inlined}}}}

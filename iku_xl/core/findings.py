"""What validation reports: one finding per problem, with where it is and what to do."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import Enum


class Level(str, Enum):
    GALAT = "galat"
    PERINGATAN = "peringatan"

    @property
    def json_name(self) -> str:
        return "error" if self is Level.GALAT else "warning"


@dataclass(frozen=True)
class Finding:
    sheet: str
    cell: str
    level: Level
    field: str
    message: str
    sop: str | None = None
    step: int | None = None
    case: str | None = None

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data["level"] = self.level.json_name
        return {key: data[key] for key in ("sheet", "cell", "level", "field", "sop", "step", "case", "message")}

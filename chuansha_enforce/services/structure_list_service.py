"""The 违法建筑 list (DOMAIN §13): every case with a 责令限期拆除 order and where its structure
stands, read as of a day (``domain.structure_list``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chuansha_enforce.domain.clock import today_in_china
from chuansha_enforce.domain.demolition.structure_list import StructureRow, structure_row
from chuansha_enforce.services.case_file_service import CaseFileService
from chuansha_enforce.services.context import ContextService, ServiceContext
from chuansha_enforce.storage.cases.case_file_repository import CaseFileRepository
from chuansha_enforce.storage.demolition.forced_demolition_repository import order_case_ids


@dataclass(frozen=True, slots=True)
class StructureList:
    as_of: dt.date
    rows: tuple[StructureRow, ...]


class StructureListService(ContextService):
    def __init__(self, ctx: ServiceContext, *, case_files: CaseFileService) -> None:
        super().__init__(ctx)
        self._case_files = case_files

    def listing(self, as_of: dt.date | None = None) -> StructureList:
        """Every structure under an order as of ``as_of`` (today), newest order first."""
        day = as_of or today_in_china(self._clock)
        cases = CaseFileRepository(self._db)
        rows: list[StructureRow] = []
        for case_id in order_case_ids(self._db):
            case = cases.load(case_id)
            clocks = self._case_files.clocks_on(case, day)
            disputes = self._case_files.disputes_about(case)
            rows.append(structure_row(case, clocks.clocks, disputes, day))
        return StructureList(day, tuple(rows))
